import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

/**
 * The municipality's start data (`/dashboard`: master data, counts) and its departments. Both keys stay
 * top-level because the start page and the need and project forms read the same resources.
 */
export const dashboardKey = ['dashboard'] as const;
export const departmentsKey = ['departments'] as const;

export type Dashboard = z.infer<typeof C.dashboard>;
export const dashboardQuery = () =>
  queryOptions({ queryKey: dashboardKey, queryFn: () => api<Dashboard>('/dashboard') });

export type DepartmentList = z.infer<typeof C.departmentList>;
export const departmentsQuery = () =>
  queryOptions({ queryKey: departmentsKey, queryFn: () => api<DepartmentList>('/departments') });

export function useRefreshDashboard() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: dashboardKey });
}

export type MunicipalityUpdate = z.input<typeof C.municipalityUpdate>;
export function useUpdateMunicipality(id: string) {
  const refresh = useRefreshDashboard();
  return useMutation({
    mutationFn: (body: MunicipalityUpdate) => api(`/municipalities/${id}`, { method: 'PATCH', body }),
    onSuccess: () => refresh(),
  });
}

/** A change of departments also changes the count on the start page. */
function useDepartmentsChanged() {
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: departmentsKey }), qc.invalidateQueries({ queryKey: dashboardKey })]);
}

export type Department = z.infer<typeof C.department>;
export type DepartmentCreate = z.input<typeof C.departmentCreate>;
export function useAddDepartment() {
  const changed = useDepartmentsChanged();
  return useMutation({
    mutationFn: (body: DepartmentCreate) => api<Department>('/departments', { method: 'POST', body }),
    onSuccess: () => changed(),
  });
}

export type DepartmentUpdate = z.input<typeof C.departmentUpdate>;
export function useUpdateDepartment() {
  const changed = useDepartmentsChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: DepartmentUpdate & { id: string }) =>
      api<Department>(`/departments/${id}`, { method: 'PATCH', body }),
    onSuccess: () => changed(),
  });
}

export function useDeleteDepartment() {
  const changed = useDepartmentsChanged();
  return useMutation({
    mutationFn: (id: string) => api(`/departments/${id}`, { method: 'DELETE' }),
    onSuccess: () => changed(),
  });
}

export function useRestoreDefaultDepartments() {
  const changed = useDepartmentsChanged();
  return useMutation({
    mutationFn: () => api('/departments/defaults', { method: 'POST' }),
    onSuccess: () => changed(),
  });
}
