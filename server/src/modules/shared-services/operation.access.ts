import { AppError, addMonths, monthOf } from '@dz/core';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../lib/deps.js';
import type { TenantScope } from '../../lib/scope.js';
import { serviceOf } from './service-types.service.js';
import { membership } from './studies.service.js';

/**
 * Who takes part in a running shared service, and which month is open: shared by the team, work-order and
 * statement services.
 */
export type Db = Deps['db'] | Transaction<DB>;
export type Study = Awaited<ReturnType<typeof membership>>;

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;

/** The tasks a work order of the study's service may be filed for. */
export const tasksOf = (s: Parameters<typeof serviceOf>[0]) => [...serviceOf(s).tasks];

/** The study as an accepted participant sees it (invited partners see no operation), else 404. */
export async function participant(db: Db, scope: TenantScope, id: string) {
  const s = await membership(db, scope, id);
  if (s.myStatus !== 'accepted') throw new AppError('not_found');
  return s;
}

/** The month after the last closed one (the first month of operation while none is closed). */
export async function firstOpenMonth(db: Db, s: Pick<Study, 'id' | 'liveFrom'>): Promise<string> {
  const last = await db
    .selectFrom('serviceClosedMonths')
    .select((eb) => eb.fn.max('month').as('month'))
    .where('studyId', '=', s.id)
    .executeTakeFirst();
  return last?.month ? addMonths(last.month, 1) : (s.liveFrom ?? monthOf(new Date()));
}
