import type { RetentionSettingsInput, RetentionView } from '@dz/core';
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';

/** What a workshop participant is called once the retention period removed the names. */
export const ANONYMOUS_PARTICIPANT = 'Teilnehmer/in';

/** The municipality's retention periods and the last 200 entries of the deletion log. */
export async function getRetention(deps: Deps, scope: TenantScope): Promise<RetentionView> {
  const s = await deps.db
    .selectFrom('retentionSettings')
    .selectAll()
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  const log = await deps.db
    .selectFrom('retentionLog')
    .select(['id', 'at', 'kind', 'subjectTitle', 'rows'])
    .where('municipalityId', '=', scope.municipalityId)
    .orderBy('at', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
  return {
    version: s?.version ?? 0,
    surveyAnswersMonths: s?.surveyAnswersMonths ?? null,
    workshopNamesDays: s?.workshopNamesDays ?? null,
    updatedAt: s ? iso(s.updatedAt) : null,
    log: log.map((l) => ({ ...l, at: iso(l.at) })),
    can: presentCan(scope, 'privacy'),
  };
}

/** Saves the periods (version 0 creates them); 409 on a stale version. */
export async function saveRetention(deps: Deps, scope: TenantScope, input: RetentionSettingsInput) {
  authorize(scope, 'privacy', 'manage');
  await deps.db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom('retentionSettings')
      .selectAll()
      .where('municipalityId', '=', scope.municipalityId)
      .forUpdate()
      .executeTakeFirst();
    assertVersion({ version: cur?.version ?? 0 }, input.version);
    const values = {
      surveyAnswersMonths: input.surveyAnswersMonths,
      workshopNamesDays: input.workshopNamesDays,
      updatedBy: scope.user.id,
      updatedAt: new Date(),
    };
    if (cur) {
      await trx
        .updateTable('retentionSettings')
        .set({ ...values, version: cur.version + 1 })
        .where('municipalityId', '=', scope.municipalityId)
        .execute();
    } else {
      await trx
        .insertInto('retentionSettings')
        .values({ municipalityId: scope.municipalityId, ...values })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'retention_settings',
      entityId: scope.municipalityId,
      before: cur ? { surveyAnswersMonths: cur.surveyAnswersMonths, workshopNamesDays: cur.workshopNamesDays } : null,
      after: { surveyAnswersMonths: input.surveyAnswersMonths, workshopNamesDays: input.workshopNamesDays },
    });
  });
  return getRetention(deps, scope);
}

export interface RetentionRun {
  surveys: number;
  surveyResponses: number;
  workshops: number;
  participants: number;
}

/**
 * The retention job (both databases): for every municipality with periods set,
 * - the raw answers of its respondents to surveys closed more than N months ago go (responses and their answer
 *   rows; the results stay, they are read from the counts kept at submission, ADR 0008 — only the list of free
 *   texts goes with the answers). Surveys of the change-readiness pulse are kept: its trend over the rounds is
 *   computed from the answers;
 * - the names and organisations of the participants of its finished workshops held more than N days ago become
 *   „Teilnehmer/in“ (ideas and votes stay, the report no longer names anyone).
 * Each deletion is one transaction with its row in `retention_log` and an audit entry (actor: the system).
 */
export async function runRetention(db: Database, now = new Date()): Promise<RetentionRun> {
  const run: RetentionRun = { surveys: 0, surveyResponses: 0, workshops: 0, participants: 0 };
  const settings = await db.selectFrom('retentionSettings').selectAll().execute();
  for (const s of settings) {
    if (s.surveyAnswersMonths !== null) {
      const due = await db
        .selectFrom('surveys as sv')
        .select(['sv.id', 'sv.title'])
        .where('sv.status', '=', 'closed')
        .where(
          sql<boolean>`coalesce(sv.closed_at, sv.closes_on::timestamptz) < ${now}::timestamptz - make_interval(months => ${s.surveyAnswersMonths})`,
        )
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('surveyResponses as r')
              .select('r.id')
              .whereRef('r.surveyId', '=', 'sv.id')
              .where('r.municipalityId', '=', s.municipalityId),
          ),
        )
        .where((eb) =>
          eb.not(eb.exists(eb.selectFrom('pulseRounds as pr').select('pr.id').whereRef('pr.surveyId', '=', 'sv.id'))),
        )
        .orderBy('sv.id')
        .execute();
      for (const sv of due) {
        await db.transaction().execute(async (trx) => {
          const r = await trx
            .deleteFrom('surveyResponses')
            .where('surveyId', '=', sv.id)
            .where('municipalityId', '=', s.municipalityId)
            .executeTakeFirst();
          const rows = Number(r.numDeletedRows);
          if (rows === 0) return; // another instance was first
          await trx
            .insertInto('retentionLog')
            .values({
              id: newId(),
              municipalityId: s.municipalityId,
              at: now,
              kind: 'survey_answers',
              subjectId: sv.id,
              subjectTitle: sv.title,
              rows,
            })
            .execute();
          await writeAudit(trx, null, {
            action: 'retention.delete',
            entity: 'survey_responses',
            entityId: sv.id,
            municipalityId: s.municipalityId,
            after: { responses: rows, months: s.surveyAnswersMonths },
          });
          run.surveys++;
          run.surveyResponses += rows;
        });
      }
    }
    if (s.workshopNamesDays !== null) {
      const due = await db
        .selectFrom('workshops as w')
        .innerJoin('workshopMunicipalities as wm', 'wm.workshopId', 'w.id')
        .select(['w.id', 'w.title'])
        .where('wm.municipalityId', '=', s.municipalityId)
        .where('w.status', '=', 'done')
        .where('w.participantNamesRemovedAt', 'is', null)
        .where(sql<boolean>`w.held_on < (${now}::timestamptz - make_interval(days => ${s.workshopNamesDays}))::date`)
        .orderBy('w.id')
        .execute();
      for (const w of due) {
        await db.transaction().execute(async (trx) => {
          const mine = await trx
            .updateTable('workshops')
            .set({ participantNamesRemovedAt: now })
            .where('id', '=', w.id)
            .where('participantNamesRemovedAt', 'is', null)
            .returning('id')
            .executeTakeFirst();
          if (!mine) return;
          const r = await trx
            .updateTable('workshopParticipants')
            .set({ name: ANONYMOUS_PARTICIPANT, organisation: '' })
            .where('workshopId', '=', w.id)
            .executeTakeFirst();
          const rows = Number(r.numUpdatedRows);
          await trx
            .insertInto('retentionLog')
            .values({
              id: newId(),
              municipalityId: s.municipalityId,
              at: now,
              kind: 'workshop_names',
              subjectId: w.id,
              subjectTitle: w.title,
              rows,
            })
            .execute();
          await writeAudit(trx, null, {
            action: 'retention.delete',
            entity: 'workshop_participants',
            entityId: w.id,
            municipalityId: s.municipalityId,
            after: { participants: rows, days: s.workshopNamesDays },
          });
          run.workshops++;
          run.participants += rows;
        });
      }
    }
  }
  return run;
}
