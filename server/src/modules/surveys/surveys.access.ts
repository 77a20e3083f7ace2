import { AppError, may } from '@dz/core';
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Scope } from '../../lib/scope.js';

export type SurveyRow = Awaited<ReturnType<typeof loadSurvey>>;

export async function loadSurvey(db: Database, id: string) {
  const s = await db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) throw new AppError('not_found');
  return s;
}

/** The survey rule of core/domain/permissions.ts: network moderators or the municipality's managers. */
export function canManage(scope: Scope, s: Pick<SurveyRow, 'networkId' | 'municipalityId' | 'status'>): boolean {
  return may(scope, 'survey', 'manage', s);
}

/** The distribution target of the acting person or municipality, if any. */
export async function myTarget(db: Database, scope: Scope, s: Pick<SurveyRow, 'id' | 'mode'>) {
  if (!scope.municipalityId) return null;
  let q = db
    .selectFrom('surveyTargets')
    .selectAll()
    .where('surveyId', '=', s.id)
    .where('municipalityId', '=', scope.municipalityId);
  q = s.mode === 'person' ? q.where('userId', '=', scope.user.id) : q.where('userId', 'is', null);
  return (await q.executeTakeFirst()) ?? null;
}

/** The surveyResults rule: closed, and for managers or the targeted municipalities' leadership and council. */
export function canSeeResults(
  scope: Scope,
  s: Pick<SurveyRow, 'networkId' | 'municipalityId' | 'status'>,
  targeted: boolean,
): boolean {
  return may(scope, 'surveyResults', 'see', { ...s, targeted });
}

/** Whether the survey takes answers today (status open and within its dates). */
export function acceptsAnswers(s: Pick<SurveyRow, 'status' | 'opensOn' | 'closesOn'>, today = todayIso()): boolean {
  if (s.status !== 'open') return false;
  if (s.opensOn && today < s.opensOn) return false;
  return !(s.closesOn && today > s.closesOn);
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Does the acting municipality take part (as a target) — decided without revealing other surveys. */
export async function isTargeted(db: Database, scope: Scope, surveyId: string): Promise<boolean> {
  if (!scope.municipalityId) return false;
  const row = await db
    .selectFrom('surveyTargets')
    .select('id')
    .where('surveyId', '=', surveyId)
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  return !!row;
}

type SurveysEb = ExpressionBuilder<DB & { s: DB['surveys'] }, 's'>;
/** How many the survey `s` asked (`targets`) and how many submitted (`submitted`): the lists' participation. */
export const participation = (eb: SurveysEb) => [
  eb
    .selectFrom('surveyTargets as t')
    .select((e) => e.fn.countAll<number>().as('c'))
    .whereRef('t.surveyId', '=', 's.id')
    .as('targets'),
  eb
    .selectFrom('surveyTargets as t')
    .select((e) => e.fn.countAll<number>().as('c'))
    .whereRef('t.surveyId', '=', 's.id')
    .where('t.status', '=', 'submitted')
    .as('submitted'),
];
