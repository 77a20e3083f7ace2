import { annualEffort, processSavings } from '@dz/core';
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { TenantScope } from '../../lib/scope.js';

/**
 * The models of a service with the figures of their last save: per year from the service's volume, and for
 * to-be variants the savings against the as-is model (hours, FTE, euros, media breaks), all in SQL.
 */
export async function modelSummaries(db: Database, scope: TenantScope, serviceId: string) {
  const rows = await db
    .selectFrom('processModels as m')
    .innerJoin('processServices as s', 's.id', 'm.serviceId')
    .leftJoin('processModels as a', (j) => j.onRef('a.serviceId', '=', 'm.serviceId').on('a.kind', '=', 'as_is'))
    .leftJoin('projects as p', 'p.id', 'm.projectId')
    .select([
      'm.id',
      'm.kind',
      'm.name',
      'm.version',
      'm.minutesPerCase',
      'm.centsPerCase',
      'm.mediaBreaks',
      'm.projectId',
      'p.title as project',
      'm.updatedAt',
      's.casesPerYear',
      'a.minutesPerCase as asIsMinutes',
      'a.centsPerCase as asIsCents',
      'a.mediaBreaks as asIsMediaBreaks',
    ])
    .where('m.serviceId', '=', serviceId)
    .where('m.municipalityId', '=', scope.municipalityId)
    .orderBy(sql`m.kind = 'to_be'`)
    .orderBy('m.createdAt')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    version: r.version,
    projectId: r.projectId,
    project: r.project,
    updatedAt: new Date(r.updatedAt).toISOString(),
    effort: figures(r.minutesPerCase, r.centsPerCase, r.mediaBreaks, r.casesPerYear),
    savings:
      r.kind === 'to_be' &&
      r.minutesPerCase !== null &&
      r.centsPerCase !== null &&
      r.asIsMinutes !== null &&
      r.asIsCents !== null
        ? savingsOf(
            { minutesPerCase: r.asIsMinutes, centsPerCase: r.asIsCents, mediaBreaks: r.asIsMediaBreaks ?? 0 },
            { minutesPerCase: r.minutesPerCase, centsPerCase: r.centsPerCase, mediaBreaks: r.mediaBreaks ?? 0 },
            r.casesPerYear,
          )
        : null,
  }));
}

function figures(minutes: number | null, cents: number | null, breaks: number | null, cases: number) {
  if (minutes === null || cents === null) return null;
  const a = annualEffort({ minutesPerCase: minutes, centsPerCase: cents }, cases);
  return {
    minutesPerCase: minutes,
    centsPerCase: cents,
    mediaBreaks: breaks ?? 0,
    hoursPerYear: a.hours,
    centsPerYear: a.cents,
  };
}

/** The savings figures of core's `processSavings` that the API shows. */
export function savingsOf(...args: Parameters<typeof processSavings>) {
  const s = processSavings(...args);
  return { hours: s.hours, fte: s.fte, cents: s.cents, mediaBreaksRemoved: s.mediaBreaksRemoved };
}
