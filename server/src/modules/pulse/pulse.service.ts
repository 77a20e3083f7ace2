import {
  AppError,
  DEFAULT_THRESHOLD,
  PULSE_TITLE_PREFIX,
  type pulseRoundStart,
  type pulseSettingsUpdate,
  pulseTemplate,
  quarterLabel,
  quarterOf,
} from '@dz/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId, newSecret } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { distribute } from '../surveys/distribution.service.js';
import { participation } from '../surveys/surveys.access.js';

/* The change-readiness pulse: a recurring internal person survey of the engine, one round per quarter. */

export const DEFAULT_PULSE_SETTINGS = { version: 0, enabled: false, quarterStartMonth: 1, remindAfterDays: 7 };
export type PulseDeps = Pick<Deps, 'db' | 'outbox' | 'config'>;

export async function loadSettings(db: Database, municipalityId: string) {
  const row = await db
    .selectFrom('pulseSettings')
    .select(['version', 'enabled', 'quarterStartMonth', 'remindAfterDays'])
    .where('municipalityId', '=', municipalityId)
    .executeTakeFirst();
  return row ?? DEFAULT_PULSE_SETTINGS;
}

/** Settings, the rounds with their state and counts (from the engine's targets), and this quarter. */
export async function getOverview(deps: Deps, scope: TenantScope, now = new Date()) {
  const settings = await loadSettings(deps.db, scope.municipalityId);
  const rows = await deps.db
    .selectFrom('pulseRounds as pr')
    .innerJoin('surveys as s', 's.id', 'pr.surveyId')
    .select((eb) => [
      'pr.id',
      'pr.surveyId',
      'pr.quarter',
      'pr.remindedAt',
      'pr.createdAt',
      's.title',
      's.intro',
      's.status',
      's.threshold',
      ...participation(eb),
      eb
        .exists(
          eb
            .selectFrom('surveyTargets as t')
            .select('t.id')
            .whereRef('t.surveyId', '=', 's.id')
            .where('t.userId', '=', scope.user.id)
            .where('t.municipalityId', '=', scope.municipalityId)
            .where('t.status', '<>', 'submitted'),
        )
        .as('mine'),
    ])
    .where('pr.municipalityId', '=', scope.municipalityId)
    .orderBy('pr.quarter', 'desc')
    .execute();
  const current = quarterOf(now, settings.quarterStartMonth);
  return {
    settings,
    rounds: rows.map((r) => ({
      id: r.id,
      surveyId: r.surveyId,
      quarter: r.quarter,
      label: quarterLabel(r.quarter),
      title: r.title,
      intro: r.intro,
      status: r.status,
      threshold: r.threshold,
      targets: Number(r.targets ?? 0),
      submitted: Number(r.submitted ?? 0),
      myOpen: r.status === 'open' && Boolean(r.mine),
      remindedAt: r.remindedAt ? iso(r.remindedAt) : null,
      createdAt: iso(r.createdAt),
    })),
    currentQuarter: current.key,
    currentLabel: current.label,
    currentStarted: rows.some((r) => r.quarter === current.key),
    can: presentCan(scope, 'pulse'),
  };
}

/** Versioned: version 0 creates the municipality's settings, later versions update them (409 when stale). */
export async function updateSettings(deps: Deps, scope: TenantScope, input: z.infer<typeof pulseSettingsUpdate>) {
  authorize(scope, 'pulse', 'manage');
  await deps.db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom('pulseSettings')
      .select(['version', 'enabled', 'quarterStartMonth', 'remindAfterDays'])
      .where('municipalityId', '=', scope.municipalityId)
      .forUpdate()
      .executeTakeFirst();
    const before = cur ?? DEFAULT_PULSE_SETTINGS;
    assertVersion(before, input.version, before);
    const next = {
      enabled: input.enabled,
      quarterStartMonth: input.quarterStartMonth,
      remindAfterDays: input.remindAfterDays,
    };
    if (cur)
      await trx
        .updateTable('pulseSettings')
        .set({ ...next, version: cur.version + 1, updatedBy: scope.user.id, updatedAt: new Date() })
        .where('municipalityId', '=', scope.municipalityId)
        .execute();
    else
      await trx
        .insertInto('pulseSettings')
        .values({ municipalityId: scope.municipalityId, ...next, updatedBy: scope.user.id })
        .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'pulse_settings',
      entityId: null,
      municipalityId: scope.municipalityId,
      before: {
        enabled: before.enabled,
        quarterStartMonth: before.quarterStartMonth,
        remindAfter: before.remindAfterDays,
      },
      after: { enabled: next.enabled, quarterStartMonth: next.quarterStartMonth, remindAfter: next.remindAfterDays },
    });
  });
  return loadSettings(deps.db, scope.municipalityId);
}

/**
 * Starts the round of the quarter `now` lies in: a survey of the engine from the pulse template (the department
 * question lists the municipality's departments of today), person mode, anonymous, with the engine's default
 * threshold; then the engine opens it — all members of the municipality become targets and get the invitation.
 * `scope` null is the quarterly schedule. One round per quarter (409 for a second one).
 */
export async function startRound(
  deps: PulseDeps,
  scope: TenantScope | null,
  municipalityId: string,
  input: z.infer<typeof pulseRoundStart>,
  now = new Date(),
) {
  if (scope) authorize(scope, 'pulse', 'manage');
  const settings = await loadSettings(deps.db, municipalityId);
  const q = quarterOf(now, settings.quarterStartMonth);
  const surveyId = newId();
  const roundId = newId();
  await deps.db.transaction().execute(async (trx) => {
    // one round per quarter, also against a concurrent start (the schedule and a coordinator at once)
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`pulse:${municipalityId}`}))`.execute(trx);
    const taken = await trx
      .selectFrom('pulseRounds')
      .select('id')
      .where('municipalityId', '=', municipalityId)
      .where('quarter', '=', q.key)
      .executeTakeFirst();
    if (taken) throw new AppError('conflict', `Für ${q.label} gibt es bereits eine Runde des Veränderungspulses.`);
    const departments = await trx
      .selectFrom('departments')
      .select(['id', 'name'])
      .where('municipalityId', '=', municipalityId)
      .orderBy('name')
      .execute();
    const title = `${PULSE_TITLE_PREFIX} ${q.label}`;
    await trx
      .insertInto('surveys')
      .values({
        id: surveyId,
        networkId: null,
        municipalityId,
        title,
        titleEn: `Change readiness pulse ${q.label}`,
        intro: input.intro,
        // the round's own day (the schedule passes its run time), kept by the engine's opening
        opensOn: now.toISOString().slice(0, 10),
        mode: 'person',
        anonymous: true,
        threshold: DEFAULT_THRESHOLD,
        definition: JSON.stringify(pulseTemplate(departments)),
        networkIds: JSON.stringify([]),
        secret: newSecret(),
        createdBy: scope?.user.id ?? null,
      })
      .execute();
    await trx
      .insertInto('pulseRounds')
      .values({ id: roundId, municipalityId, surveyId, quarter: q.key, createdBy: scope?.user.id ?? null })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'pulse_round',
      entityId: roundId,
      municipalityId,
      after: { quarter: q.key, survey: title, scheduled: scope === null },
    });
  });
  // the engine's opening: targets, invitations, audit entry
  await distribute(deps, scope, surveyId, 1);
  return { id: roundId, surveyId };
}
