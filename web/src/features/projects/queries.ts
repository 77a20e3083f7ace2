import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, upload } from '../../lib/api';
import { departmentsQuery as departmentsOfMunicipality } from '../municipality/queries';
import { needKeys } from '../needs/queries';
import { targetPictureKeys } from '../target-picture/queries';

export type Colleagues = z.infer<typeof C.colleagues>;
export type Person = Colleagues['items'][number];

/** A form of a contract's input: every field present, empty strings where it takes null (inputs hold no null). */
type FormOf<T> = { [K in keyof T]-?: NonNullable<T[K]> };
export type ProjectInput = z.input<typeof C.projectCreate>;
export type ProjectForm = FormOf<ProjectInput>;
export type TaskInput = z.input<typeof C.taskCreate>;
export type TaskForm = FormOf<Pick<TaskInput, 'title' | 'assigneeId' | 'dueOn'>>;

/**
 * Query keys of the project portfolio: everything under `projects`, so one invalidation refreshes lists, board,
 * timeline, ranking, capacity, traceability and the start page's attention cards.
 */
export const projectKeys = {
  all: ['projects'] as const,
  list: (query: string, page: number) => ['projects', 'list', query, page] as const,
  board: ['projects', 'board'] as const,
  timeline: (phase: string) => ['projects', 'timeline', phase] as const,
  attention: ['projects', 'attention'] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
  effort: (id: string, version: number) => ['projects', 'effort', id, version] as const,
  priorities: ['projects', 'priorities'] as const,
  capacity: (query: string) => ['projects', 'capacity', query] as const,
  traceability: ['projects', 'traceability'] as const,
  calendarFeed: ['projects', 'calendar-feed'] as const,
  colleagues: ['projects', 'colleagues'] as const,
};

export type ProjectList = z.infer<typeof C.projectList>;
export const projectsQuery = (query: string, page: number) =>
  queryOptions({
    queryKey: projectKeys.list(query, page),
    queryFn: () => api<ProjectList>(`/projects?${query}&page=${page}`),
  });

export type Project = z.infer<typeof C.projectDetail>;
export const projectQuery = (id: string) =>
  queryOptions({ queryKey: projectKeys.detail(id), queryFn: () => api<Project>(`/projects/${id}`) });

export type ProjectBoard = z.infer<typeof C.projectBoard>;
export const boardQuery = queryOptions({
  queryKey: projectKeys.board,
  queryFn: () => api<ProjectBoard>('/projects/board'),
});

export type Timeline = z.infer<typeof C.timeline>;
export const timelineQuery = (phase: string) =>
  queryOptions({
    queryKey: projectKeys.timeline(phase),
    queryFn: () => api<Timeline>(`/timeline${phase ? `?phase=${phase}` : ''}`),
  });

export type PortfolioAttention = z.infer<typeof C.portfolioAttention>;
export const attentionQuery = queryOptions({
  queryKey: projectKeys.attention,
  queryFn: () => api<PortfolioAttention>('/portfolio/attention'),
});

export type EffortPlanView = z.infer<typeof C.effortPlan>;
/** The effort plan as of one project version (a saved plan is a new version). */
export const effortQuery = (id: string, version: number) =>
  queryOptions({
    queryKey: projectKeys.effort(id, version),
    queryFn: () => api<EffortPlanView>(`/projects/${id}/effort`),
  });

export type Priorities = z.infer<typeof C.priorities>;
export const prioritiesQuery = queryOptions({
  queryKey: projectKeys.priorities,
  queryFn: () => api<Priorities>('/priorities'),
});

export type CapacityView = z.infer<typeof C.capacityView>;
export const capacityQuery = (query: string) =>
  queryOptions({ queryKey: projectKeys.capacity(query), queryFn: () => api<CapacityView>(`/capacity?${query}`) });

export type Traceability = z.infer<typeof C.traceability>;
export const traceabilityQuery = queryOptions({
  queryKey: projectKeys.traceability,
  queryFn: () => api<Traceability>('/traceability'),
});

export type CalendarFeed = z.infer<typeof C.calendarFeed>;
export const calendarFeedQuery = queryOptions({
  queryKey: projectKeys.calendarFeed,
  queryFn: () => api<CalendarFeed>('/calendar-feed'),
});

export const colleaguesQuery = queryOptions({
  queryKey: projectKeys.colleagues,
  queryFn: () => api<Colleagues>('/colleagues'),
});

/*
 * Lists of other features the project forms offer for linking, under the owning features' keys (municipality:
 * departments, needs, target picture), so a change there shows here too.
 */
export const departmentsQuery = departmentsOfMunicipality();

/** Open needs to link a project to (the first 200). */
export const linkableNeedsQuery = queryOptions({
  queryKey: [...needKeys.all, 'all-open'] as const,
  queryFn: () => api<z.infer<typeof C.needList>>('/needs?pageSize=200'),
});

export const goalsQuery = queryOptions({
  queryKey: targetPictureKeys.all,
  queryFn: () => api<z.infer<typeof C.targetPicture>>('/target-picture'),
});

/**
 * After a change: the answered project goes into the cache, everything else of the portfolio is fetched again
 * (the colleagues and the other projects' details do not change with it).
 */
function usePortfolioChanged() {
  const qc = useQueryClient();
  return async (project?: Project) => {
    if (project) qc.setQueryData(projectKeys.detail(project.id), project);
    await qc.invalidateQueries({
      queryKey: projectKeys.all,
      predicate: (q) => q.queryKey[1] !== 'detail' && q.queryKey[1] !== 'colleagues',
    });
  };
}

/** Fetches one project again (after a version conflict, the newer state is shown). */
export function useRefreshProject(id: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: projectKeys.detail(id) });
}

/** A project (from a need or a goal) links those: needs show their projects. */
export function useCreateProject() {
  const qc = useQueryClient();
  const changed = usePortfolioChanged();
  return useMutation({
    mutationFn: (body: ProjectInput) => api<{ id: string }>('/projects', { method: 'POST', body }),
    onSuccess: () => Promise.all([changed(), qc.invalidateQueries({ queryKey: needKeys.all })]),
  });
}

export type ProjectUpdate = z.input<typeof C.projectUpdate>;
export function useUpdateProject(id: string) {
  const qc = useQueryClient();
  const changed = usePortfolioChanged();
  return useMutation({
    mutationFn: (body: ProjectUpdate) => api<Project>(`/projects/${id}`, { method: 'PATCH', body }),
    onSuccess: (p) => Promise.all([changed(p), qc.invalidateQueries({ queryKey: needKeys.all })]),
  });
}

export function useDeleteProject(id: string) {
  const qc = useQueryClient();
  const changed = usePortfolioChanged();
  return useMutation({
    mutationFn: () => api(`/projects/${id}`, { method: 'DELETE' }),
    onSuccess: () => Promise.all([changed(), qc.invalidateQueries({ queryKey: needKeys.all })]),
  });
}

export type ProjectMove = z.input<typeof C.projectMove>;
/** A move on the board; the board is fetched again whether it worked or not (the caller shows the outcome). */
export function useMoveProject() {
  const changed = usePortfolioChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: ProjectMove & { id: string }) =>
      api<Project>(`/projects/${id}/move`, { method: 'POST', body }),
    onSettled: (p) => changed(p),
  });
}

/** A change of a project's part (milestone, task, report, link, file, comment, scores, effort): answers the project. */
function useProjectPart<V>(request: (v: V) => Promise<Project>) {
  const changed = usePortfolioChanged();
  return useMutation({ mutationFn: request, onSuccess: (p) => changed(p) });
}
const write = (id: string, path: string, method: string, body?: unknown) =>
  api<Project>(`/projects/${id}${path}`, { method, body });

export type MilestoneInput = z.input<typeof C.milestoneCreate>;
export const useAddMilestone = (id: string) =>
  useProjectPart((body: MilestoneInput) => write(id, '/milestones', 'POST', body));
export type MilestoneUpdate = z.input<typeof C.milestoneUpdate>;
export const useUpdateMilestone = (id: string) =>
  useProjectPart(({ milestoneId, ...body }: MilestoneUpdate & { milestoneId: string }) =>
    write(id, `/milestones/${milestoneId}`, 'PATCH', body),
  );
export const useDeleteMilestone = (id: string) =>
  useProjectPart((milestoneId: string) => write(id, `/milestones/${milestoneId}`, 'DELETE'));
export const useAddTask = (id: string) => useProjectPart((body: TaskInput) => write(id, '/tasks', 'POST', body));
export type TaskUpdate = z.input<typeof C.taskUpdate>;
export const useUpdateTask = (id: string) =>
  useProjectPart(({ taskId, ...body }: TaskUpdate & { taskId: string }) =>
    write(id, `/tasks/${taskId}`, 'PATCH', body),
  );
export type StatusReportInput = z.input<typeof C.statusReportCreate>;
export const useAddReport = (id: string) =>
  useProjectPart((body: StatusReportInput) => write(id, '/reports', 'POST', body));
export type LinkInput = z.input<typeof C.linkCreate>;
export const useAddLink = (id: string) => useProjectPart((body: LinkInput) => write(id, '/links', 'POST', body));
export const useDeleteLink = (id: string) =>
  useProjectPart((linkId: string) => write(id, `/links/${linkId}`, 'DELETE'));
export const useUploadFile = (id: string) =>
  useProjectPart(({ file, onProgress }: { file: File; onProgress: (fraction: number) => void }) =>
    upload<Project>(`/projects/${id}/files`, file, onProgress),
  );
export const useDeleteFile = (id: string) =>
  useProjectPart((fileId: string) => write(id, `/files/${fileId}`, 'DELETE'));
export type CommentInput = z.input<typeof C.commentCreate>;
export const useAddComment = (id: string) =>
  useProjectPart((body: CommentInput) => write(id, '/comments', 'POST', body));
export type ScoresInput = z.input<typeof C.scoresSave>;
export const useSaveScores = (id: string) => useProjectPart((body: ScoresInput) => write(id, '/scores', 'PUT', body));
export type EffortInput = z.input<typeof C.effortSave>;
export const useSaveEffort = (id: string) => useProjectPart((body: EffortInput) => write(id, '/effort', 'PUT', body));

export type CriteriaInput = z.input<typeof C.criteriaSave>;
/** New criteria weights: the ranking answers; scores of every project change with them. */
export function useSaveCriteria() {
  const qc = useQueryClient();
  const changed = usePortfolioChanged();
  return useMutation({
    mutationFn: (body: CriteriaInput) => api<Priorities>('/priorities/criteria', { method: 'PUT', body }),
    onSuccess: (data) => {
      qc.setQueryData(projectKeys.priorities, data);
      return changed();
    },
  });
}

export function useRefreshPriorities() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: projectKeys.priorities });
}

export type CapacityInput = z.input<typeof C.capacitySave>;
/** A person's weekly hours; capacity and overload cards are fetched again (also after a version conflict). */
export function useSaveCapacity() {
  const changed = usePortfolioChanged();
  return useMutation({
    mutationFn: ({ userId, ...body }: CapacityInput & { userId: string }) =>
      api(`/capacity/${userId}`, { method: 'PUT', body }),
    onSettled: () => changed(),
  });
}

/** Creates (or replaces) the secret calendar address; only this answer carries the address itself. */
export function useCreateCalendarFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<CalendarFeed>('/calendar-feed', { method: 'POST' }),
    onSuccess: (feed) => qc.setQueryData(projectKeys.calendarFeed, feed),
  });
}

export function useRevokeCalendarFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<CalendarFeed>('/calendar-feed', { method: 'DELETE' }),
    onSuccess: (feed) => qc.setQueryData(projectKeys.calendarFeed, feed),
  });
}
