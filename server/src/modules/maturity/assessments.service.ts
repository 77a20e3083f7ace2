import {
  AppError,
  fmtDate,
  type MaturityPrefillSource,
  type maturityAnswerInput,
  maturityProfile,
  type maturitySettingsInput,
  PREFILL_SOURCE_NAMES,
  prefillFor,
} from '@dz/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { gatherFacts } from './facts.js';
import { criterionKeys, currentModel, type LoadedModel, loadModel } from './model.service.js';

/* Self-assessments: a draft pre-filled from the platform's facts (else the last completed assessment), answered
   criterion by criterion with evidence, completed into the history. */

export const PREVIOUS_SOURCE = 'previous_assessment';
const NETWORK_PREFIX = 'net:';

const levelsOf = (model: LoadedModel, answers: Record<string, number | null>) =>
  Object.fromEntries(maturityProfile(answers, model.dimensions).map((d) => [d.key, d.level]));

async function modelOf(db: Database, version: string) {
  const model = await loadModel(db, version);
  if (!model) throw new AppError('internal_error', `Unbekannte Modellversion ${version}.`);
  return model;
}

export async function loadSettings(db: Database, municipalityId: string) {
  const row = await db
    .selectFrom('maturitySettings')
    .select(['contactable', 'version'])
    .where('municipalityId', '=', municipalityId)
    .executeTakeFirst();
  return row ?? { contactable: false, version: 0 };
}

/** The history, newest first, with each assessment's levels. */
export async function getOverview(deps: Pick<Deps, 'db'>, scope: TenantScope) {
  const model = await currentModel(deps.db);
  const rows = await deps.db
    .selectFrom('maturityAssessments as a')
    .select((eb) => [
      'a.id',
      'a.modelVersion',
      'a.status',
      'a.createdAt',
      'a.completedAt',
      'a.levels',
      eb
        .selectFrom('maturityAnswers as x')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('x.assessmentId', '=', 'a.id')
        .where('x.level', 'is not', null)
        .where('x.criterionKey', 'not like', `${NETWORK_PREFIX}%`)
        .as('answered'),
    ])
    .where('a.municipalityId', '=', scope.municipalityId)
    .orderBy('a.createdAt', 'desc')
    .execute();
  const models = new Map<string, LoadedModel>();
  const assessments = [];
  for (const r of rows) {
    if (!models.has(r.modelVersion)) models.set(r.modelVersion, await modelOf(deps.db, r.modelVersion));
    const m = models.get(r.modelVersion)!;
    assessments.push({
      id: r.id,
      modelVersion: r.modelVersion,
      status: r.status,
      createdAt: iso(r.createdAt),
      completedAt: iso(r.completedAt),
      answered: Number(r.answered ?? 0),
      criteria: criterionKeys(m).length,
      profile: m.dimensions.map((d) => ({ key: d.key, name: d.name, level: r.levels[d.key] ?? null })),
    });
  }
  return {
    model: { version: model.version },
    assessments,
    settings: await loadSettings(deps.db, scope.municipalityId),
    can: presentCan(scope, 'maturity'),
  };
}

/** The network criteria a municipality answers: those of the networks it takes part in now. */
async function networkCriteriaFor(db: Database, networkIds: readonly string[]) {
  if (networkIds.length === 0) return [];
  const rows = await db
    .selectFrom('maturityNetworkCriteria as c')
    .innerJoin('networks as n', 'n.id', 'c.networkId')
    .select(['c.id', 'c.networkId', 'n.name as network', 'c.dimensionKey', 'c.name', 'c.levels'])
    .where('c.networkId', 'in', networkIds)
    .where('c.archivedAt', 'is', null)
    .orderBy('n.name')
    .orderBy('c.createdAt')
    .execute();
  return rows.map((r) => ({ ...r, levels: [...r.levels] }));
}

async function ownAssessment(db: Database, scope: TenantScope, id: string) {
  const row = await db
    .selectFrom('maturityAssessments')
    .selectAll()
    .where('id', '=', id)
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getAssessment(deps: Pick<Deps, 'db'>, scope: TenantScope, id: string) {
  const a = await ownAssessment(deps.db, scope, id);
  const model = await modelOf(deps.db, a.modelVersion);
  const [answers, networkCriteria] = await Promise.all([
    deps.db
      .selectFrom('maturityAnswers as x')
      .leftJoin('users as u', 'u.id', 'x.answeredBy')
      .select([
        'x.criterionKey',
        'x.level',
        'x.prefillLevel',
        'x.prefillSource',
        'x.prefillNote',
        'x.prefillLink',
        'x.overridden',
        'x.evidenceUrl',
        'x.evidenceNote',
        'u.name as answeredBy',
        'x.updatedAt',
        'x.version',
      ])
      .where('x.assessmentId', '=', id)
      .execute(),
    networkCriteriaFor(deps.db, scope.networkIds),
  ]);
  const byKey = new Map(answers.map((x) => [x.criterionKey, x]));
  const keys = [...criterionKeys(model), ...networkCriteria.map((c) => `${NETWORK_PREFIX}${c.id}`)];
  const out = keys.map((k) => {
    const x = byKey.get(k);
    return {
      criterionKey: k,
      level: x?.level ?? null,
      prefill:
        x && x.prefillLevel !== null && x.prefillSource
          ? {
              level: x.prefillLevel,
              source: x.prefillSource,
              sourceName:
                x.prefillSource === PREVIOUS_SOURCE
                  ? 'Letzte Selbsteinschätzung'
                  : (PREFILL_SOURCE_NAMES[x.prefillSource as MaturityPrefillSource] ?? x.prefillSource),
              note: x.prefillNote,
              link: x.prefillLink,
            }
          : null,
      overridden: x?.overridden ?? false,
      evidenceUrl: x?.evidenceUrl ?? '',
      evidenceNote: x?.evidenceNote ?? '',
      answeredBy: x?.answeredBy ?? null,
      updatedAt: iso(x?.updatedAt ?? null),
      version: x?.version ?? 0,
    };
  });
  const modelKeys = new Set(criterionKeys(model));
  return {
    id: a.id,
    modelVersion: a.modelVersion,
    status: a.status,
    createdAt: iso(a.createdAt),
    completedAt: iso(a.completedAt),
    answered: out.filter((x) => modelKeys.has(x.criterionKey) && x.level !== null).length,
    criteria: modelKeys.size,
    prefilled: out.filter(
      (x) => modelKeys.has(x.criterionKey) && x.prefill !== null && x.prefill.source !== PREVIOUS_SOURCE,
    ).length,
    carriedOver: out.filter((x) => modelKeys.has(x.criterionKey) && x.prefill?.source === PREVIOUS_SOURCE).length,
    profile: model.dimensions.map((d) => ({ key: d.key, name: d.name, level: a.levels[d.key] ?? null })),
    answers: out,
    networkCriteria,
    can: presentCan(scope, 'maturity'),
  };
}

type Suggestion = { level: number; source: string; note: string; link: string };

/** The suggestion per criterion: the platform's facts first, else the last completed assessment's answer. */
async function suggestions(db: Database, municipalityId: string, model: LoadedModel, exclude?: string) {
  const facts = await gatherFacts(db, municipalityId);
  const previous = await db
    .selectFrom('maturityAssessments')
    .select(['id', 'completedAt'])
    .where('municipalityId', '=', municipalityId)
    .where('status', '=', 'completed')
    .$if(exclude !== undefined, (q) => q.where('id', '<>', exclude!))
    .orderBy('completedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  const before = previous
    ? await db
        .selectFrom('maturityAnswers')
        .select(['criterionKey', 'level'])
        .where('assessmentId', '=', previous.id)
        .where('level', 'is not', null)
        .execute()
    : [];
  const prev = new Map(before.map((b) => [b.criterionKey, b.level as number]));
  const out = new Map<string, Suggestion>();
  for (const d of model.dimensions)
    for (const c of d.criteria) {
      const fromFacts = c.prefill ? prefillFor(c.prefill, facts) : null;
      if (fromFacts) out.set(c.key, { ...fromFacts, source: c.prefill! });
      else if (previous && prev.has(c.key))
        out.set(c.key, {
          level: prev.get(c.key)!,
          source: PREVIOUS_SOURCE,
          note: `Übernommen aus der Selbsteinschätzung vom ${fmtDate(iso(previous.completedAt!).slice(0, 10))}`,
          link: `/reifegrad/einschaetzung/${previous.id}`,
        });
    }
  return out;
}

async function storeLevels(trx: Database, model: LoadedModel, assessmentId: string) {
  const rows = await trx
    .selectFrom('maturityAnswers')
    .select(['criterionKey', 'level'])
    .where('assessmentId', '=', assessmentId)
    .execute();
  const levels = levelsOf(model, Object.fromEntries(rows.map((r) => [r.criterionKey, r.level])));
  await trx
    .updateTable('maturityAssessments')
    .set({ levels: JSON.stringify(levels) })
    .where('id', '=', assessmentId)
    .execute();
}

/** A new draft of the current model, pre-filled; one draft at a time (409). */
export async function createAssessment(deps: Pick<Deps, 'db'>, scope: TenantScope) {
  authorize(scope, 'maturity', 'manage');
  const model = await currentModel(deps.db);
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`maturity:${scope.municipalityId}`}))`.execute(trx);
    const draft = await trx
      .selectFrom('maturityAssessments')
      .select('id')
      .where('municipalityId', '=', scope.municipalityId)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (draft)
      throw new AppError('conflict', 'Es gibt bereits eine begonnene Selbsteinschätzung.', [], { id: draft.id });
    const suggested = await suggestions(trx, scope.municipalityId, model);
    await trx
      .insertInto('maturityAssessments')
      .values({ id, municipalityId: scope.municipalityId, modelVersion: model.version, createdBy: scope.user.id })
      .execute();
    const rows = criterionKeys(model).map((k) => {
      const s = suggested.get(k);
      return {
        assessmentId: id,
        criterionKey: k,
        level: s?.level ?? null,
        prefillLevel: s?.level ?? null,
        prefillSource: s?.source ?? null,
        prefillNote: s?.note ?? '',
        prefillLink: s?.link ?? '',
        version: 1,
      };
    });
    await trx.insertInto('maturityAnswers').values(rows).execute();
    await storeLevels(trx, model, id);
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'maturity_assessment',
      entityId: id,
      after: { model: model.version, prefilled: suggested.size },
    });
  });
  return getAssessment(deps, scope, id);
}

async function draftForWrite(trx: Database, scope: TenantScope, id: string) {
  const a = await trx
    .selectFrom('maturityAssessments')
    .selectAll()
    .where('id', '=', id)
    .where('municipalityId', '=', scope.municipalityId)
    .forUpdate()
    .executeTakeFirst();
  if (!a) throw new AppError('not_found');
  if (a.status !== 'draft') throw new AppError('conflict', 'Diese Selbsteinschätzung ist abgeschlossen.');
  return a;
}

/** One criterion's answer with its evidence; 409 when someone saved it meanwhile. */
export async function saveAnswer(
  deps: Pick<Deps, 'db'>,
  scope: TenantScope,
  id: string,
  criterionKey: string,
  input: z.infer<typeof maturityAnswerInput>,
) {
  authorize(scope, 'maturity', 'assess');
  await deps.db.transaction().execute(async (trx) => {
    const a = await draftForWrite(trx, scope, id);
    const model = await modelOf(trx, a.modelVersion);
    const known = criterionKeys(model).includes(criterionKey)
      ? true
      : criterionKey.startsWith(NETWORK_PREFIX) &&
        (await networkCriteriaFor(trx, scope.networkIds)).some((c) => `${NETWORK_PREFIX}${c.id}` === criterionKey);
    if (!known) throw new AppError('not_found');
    const cur = await trx
      .selectFrom('maturityAnswers')
      .selectAll()
      .where('assessmentId', '=', id)
      .where('criterionKey', '=', criterionKey)
      .forUpdate()
      .executeTakeFirst();
    assertVersion({ version: cur?.version ?? 0 }, input.version, cur ? { level: cur.level } : null);
    const overridden = cur?.prefillLevel != null && input.level !== cur.prefillLevel;
    const next = {
      level: input.level,
      evidenceUrl: input.evidenceUrl,
      evidenceNote: input.evidenceNote,
      overridden,
      answeredBy: scope.user.id,
      updatedAt: new Date(),
    };
    if (cur)
      await trx
        .updateTable('maturityAnswers')
        .set({ ...next, version: cur.version + 1 })
        .where('assessmentId', '=', id)
        .where('criterionKey', '=', criterionKey)
        .execute();
    else
      await trx
        .insertInto('maturityAnswers')
        .values({ assessmentId: id, criterionKey, ...next, version: 1 })
        .execute();
    await storeLevels(trx, model, id);
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'maturity_answer',
      entityId: id,
      before: cur ? { criterion: criterionKey, level: cur.level, evidence: cur.evidenceUrl } : null,
      after: { criterion: criterionKey, level: input.level, evidence: input.evidenceUrl },
    });
  });
  return getAssessment(deps, scope, id);
}

/** Suggestions recomputed from today's facts; answers nobody overrode follow them. */
export async function refreshPrefill(deps: Pick<Deps, 'db'>, scope: TenantScope, id: string) {
  authorize(scope, 'maturity', 'assess');
  await deps.db.transaction().execute(async (trx) => {
    const a = await draftForWrite(trx, scope, id);
    const model = await modelOf(trx, a.modelVersion);
    const suggested = await suggestions(trx, scope.municipalityId, model, id);
    const rows = await trx.selectFrom('maturityAnswers').selectAll().where('assessmentId', '=', id).execute();
    for (const r of rows) {
      if (r.criterionKey.startsWith(NETWORK_PREFIX)) continue;
      const s = suggested.get(r.criterionKey);
      const follows = !r.overridden && (r.level === null || r.level === r.prefillLevel);
      const level = follows ? (s?.level ?? r.level) : r.level;
      const same =
        r.prefillLevel === (s?.level ?? null) &&
        r.prefillSource === (s?.source ?? null) &&
        r.prefillNote === (s?.note ?? '');
      if (same && level === r.level) continue;
      await trx
        .updateTable('maturityAnswers')
        .set({
          level,
          prefillLevel: s?.level ?? null,
          prefillSource: s?.source ?? null,
          prefillNote: s?.note ?? '',
          prefillLink: s?.link ?? '',
          overridden: s ? level !== s.level : r.overridden,
          version: r.version + 1,
        })
        .where('assessmentId', '=', id)
        .where('criterionKey', '=', r.criterionKey)
        .execute();
    }
    await storeLevels(trx, model, id);
  });
  return getAssessment(deps, scope, id);
}

/** Completes the draft once every dimension has a level (at least half of its criteria answered). */
export async function completeAssessment(deps: Pick<Deps, 'db'>, scope: TenantScope, id: string) {
  authorize(scope, 'maturity', 'manage');
  await deps.db.transaction().execute(async (trx) => {
    const a = await draftForWrite(trx, scope, id);
    const model = await modelOf(trx, a.modelVersion);
    await storeLevels(trx, model, id);
    const { levels } = await trx
      .selectFrom('maturityAssessments')
      .select('levels')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const missing = model.dimensions.filter((d) => levels[d.key] == null);
    if (missing.length)
      throw new AppError(
        'validation_failed',
        'Für einen Abschluss braucht jede Dimension mindestens die Hälfte ihrer Kriterien beantwortet.',
        missing.map((d) => ({
          path: `dimensions.${d.key}`,
          code: 'too_few_answers',
          message: `„${d.name}“: bitte mindestens ${Math.ceil(d.criteria.length / 2)} Kriterien beantworten.`,
        })),
      );
    await trx
      .updateTable('maturityAssessments')
      .set({ status: 'completed', completedAt: new Date(), completedBy: scope.user.id })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'maturity_assessment',
      entityId: id,
      after: { status: 'completed', levels },
    });
  });
  return getAssessment(deps, scope, id);
}

export async function deleteDraft(deps: Pick<Deps, 'db'>, scope: TenantScope, id: string) {
  authorize(scope, 'maturity', 'manage');
  await deps.db.transaction().execute(async (trx) => {
    await draftForWrite(trx, scope, id);
    await trx.deleteFrom('maturityAssessments').where('id', '=', id).execute();
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: 'maturity_assessment',
      entityId: id,
      before: { status: 'draft' },
    });
  });
  return { ok: true as const };
}

/** Whether peers may see the municipality as a contact for the dimensions it is further in (versioned). */
export async function updateSettings(
  deps: Pick<Deps, 'db'>,
  scope: TenantScope,
  input: z.infer<typeof maturitySettingsInput>,
) {
  authorize(scope, 'maturity', 'manage');
  await deps.db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom('maturitySettings')
      .select(['contactable', 'version'])
      .where('municipalityId', '=', scope.municipalityId)
      .forUpdate()
      .executeTakeFirst();
    assertVersion(cur ?? { version: 0 }, input.version, cur);
    if (cur)
      await trx
        .updateTable('maturitySettings')
        .set({
          contactable: input.contactable,
          version: cur.version + 1,
          updatedBy: scope.user.id,
          updatedAt: new Date(),
        })
        .where('municipalityId', '=', scope.municipalityId)
        .execute();
    else
      await trx
        .insertInto('maturitySettings')
        .values({ municipalityId: scope.municipalityId, contactable: input.contactable, updatedBy: scope.user.id })
        .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'maturity_settings',
      entityId: null,
      before: { contactable: cur?.contactable ?? false },
      after: { contactable: input.contactable },
    });
  });
  return loadSettings(deps.db, scope.municipalityId);
}
