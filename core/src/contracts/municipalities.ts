import { z } from 'zod';
import { arsProblem } from '../domain/ags.js';
import { canSchema } from '../domain/permissions.js';
import { ADMINISTERING_BODY_TYPES } from '../domain/roles.js';
import { isoDate, paged, pageQuery, uuid, versioned } from './common.js';

export const administeringBody = z.object({
  id: uuid,
  name: z.string(),
  type: z.enum(ADMINISTERING_BODY_TYPES),
  arsPrefix: z.string(),
});

export const municipality = z.object({
  id: uuid,
  ags: z.string(),
  ars: z.string().nullable(),
  name: z.string(),
  shortName: z.string(),
  land: z.string(),
  kreis: z.string().nullable(),
  population: z.number().int(),
  populationDate: z.string().nullable(),
  areaKm2: z.number().nullable(),
  sizeClass: z.number().int().min(1).max(7),
  inDirectory: z.boolean(),
  administeringBody: administeringBody.nullable(),
  version: z.number().int(),
});
export type Municipality = z.infer<typeof municipality>;

export const municipalityListQuery = pageQuery.extend({
  q: z.string().max(100).optional(),
  land: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  sizeClass: z.coerce.number().int().min(1).max(7).optional(),
  kreis: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  sort: z.enum(['name', 'population', '-population', 'ags']).default('name'),
  /** Also list AGS no longer in the official directory (merged or dissolved). */
  includeFormer: z.enum(['true', 'false']).default('false'),
});
export const municipalityList = paged(municipality);

/** Master data a municipality's admin may correct (AGS is the identity and stays). */
export const municipalityUpdate = versioned
  .extend({
    name: z.string().trim().min(2).max(200),
    /** Format and Land of the ARS; whether it fits the AGS is checked by the service, which knows the AGS. */
    ars: z
      .string()
      .superRefine((s, ctx) => {
        const p = arsProblem(s);
        if (p) ctx.addIssue({ code: 'custom', message: `ars_${p}` });
      })
      .nullable(),
    population: z.number().int().min(0).max(5_000_000),
    populationDate: isoDate.nullable(),
    areaKm2: z.number().min(0).max(10_000).nullable(),
  })
  .partial({ ars: true, populationDate: true, areaKm2: true });

/** Validates ARS against a known AGS; used by the service and the form. */
export function arsConsistencyIssue(arsValue: string | null | undefined, agsValue: string): string | null {
  if (!arsValue) return null;
  const p = arsProblem(arsValue, agsValue);
  return p ? `ars_${p}` : null;
}

export const department = z.object({
  id: uuid,
  code: z.string().nullable(),
  name: z.string(),
  version: z.number().int(),
});
export const departmentList = z.object({ items: z.array(department), can: canSchema('departments') });
export const departmentCreate = z.object({
  code: z.string().trim().max(10).nullable().optional(),
  name: z.string().trim().min(2).max(120),
});
export const departmentUpdate = versioned.extend({
  code: z.string().trim().max(10).nullable().optional(),
  name: z.string().trim().min(2).max(120),
});

export const dashboard = z.object({
  municipality,
  departments: z.number().int(),
  members: z.number().int(),
  openInvitations: z.number().int(),
  networks: z.array(z.object({ id: uuid, name: z.string(), type: z.string(), memberCount: z.number().int() })),
  landPeers: z.object({ sameSizeClass: z.number().int(), inKreis: z.number().int() }),
  can: canSchema('municipality'),
});
