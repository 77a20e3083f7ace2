import {
  AppError,
  allows,
  englishTitleFor,
  fieldError,
  PAIN_POINT_TEMPLATE_TITLE,
  painPointTemplate,
  type SurveyDefinition,
  type surveyCreate,
  type surveyUpdate,
} from '@dz/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId, newSecret } from '../../lib/ids.js';
import type { Scope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import {
  canManage,
  canSeeResults,
  isTargeted,
  loadSurvey,
  myTarget,
  participation,
  type SurveyRow,
} from './surveys.access.js';

/** Surveys the actor manages, is asked to answer, or may see results of. */
export async function listSurveys(deps: Deps, scope: Scope) {
  const mid = scope.municipalityId;
  const rows = await deps.db
    .selectFrom('surveys as s')
    .leftJoin('networks as n', 'n.id', 's.networkId')
    .leftJoin('municipalities as m', 'm.id', 's.municipalityId')
    .select((eb) => [
      's.id',
      's.title',
      's.status',
      's.mode',
      's.networkId',
      's.municipalityId',
      's.opensOn',
      's.closesOn',
      'n.name as networkName',
      'm.shortName as municipalityName',
      ...participation(eb),
      eb
        .selectFrom('surveyTargets as t')
        .select('t.status')
        .whereRef('t.surveyId', '=', 's.id')
        .where('t.municipalityId', '=', mid ?? '00000000-0000-0000-0000-000000000000')
        .where((w) =>
          w.or([
            w.and([w(sql.ref('s.mode'), '=', 'municipality'), w('t.userId', 'is', null)]),
            w('t.userId', '=', scope.user.id),
          ]),
        )
        .limit(1)
        .as('myStatus'),
      eb
        .exists(
          eb
            .selectFrom('surveyTargets as t')
            .select('t.id')
            .whereRef('t.surveyId', '=', 's.id')
            .where('t.municipalityId', '=', mid ?? '00000000-0000-0000-0000-000000000000'),
        )
        .as('targeted'),
    ])
    .where((w) => {
      const ors = [
        w.exists(
          w
            .selectFrom('surveyTargets as t')
            .select('t.id')
            .whereRef('t.surveyId', '=', 's.id')
            .where('t.municipalityId', '=', mid ?? '00000000-0000-0000-0000-000000000000'),
        ),
      ];
      if (scope.moderatedNetworkIds.length) ors.push(w('s.networkId', 'in', scope.moderatedNetworkIds));
      if (mid && allows(scope, 'manage_surveys')) ors.push(w('s.municipalityId', '=', mid));
      return w.or(ors);
    })
    .orderBy('s.createdAt', 'desc')
    .execute();
  const items = rows
    .filter((r) => {
      // targeted persons see a person survey only if they themselves are asked, and never drafts
      const manage = canManage(scope, r);
      return manage || (r.status !== 'draft' && (r.myStatus !== null || canSeeResults(scope, r, !!r.targeted)));
    })
    .map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      mode: r.mode,
      owner: r.networkName ?? r.municipalityName ?? '',
      networkId: r.networkId,
      opensOn: r.opensOn,
      closesOn: r.closesOn,
      canEdit: canManage(scope, r),
      myResponse: r.myStatus ?? null,
      submitted: Number(r.submitted ?? 0),
      targets: Number(r.targets ?? 0),
    }));
  return {
    items,
    can: presentCan(scope, 'surveys'),
  };
}

async function detail(deps: Deps, scope: Scope, s: SurveyRow) {
  const owner = s.networkId
    ? await deps.db.selectFrom('networks').select('name').where('id', '=', s.networkId).executeTakeFirst()
    : await deps.db
        .selectFrom('municipalities')
        .select('shortName as name')
        .where('id', '=', s.municipalityId as string)
        .executeTakeFirst();
  const targeted = await isTargeted(deps.db, scope, s.id);
  const target = await myTarget(deps.db, scope, s);
  return {
    id: s.id,
    version: s.version,
    title: s.title,
    titleEn: s.titleEn,
    intro: s.intro,
    mode: s.mode,
    status: s.status,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    threshold: s.threshold,
    anonymous: s.anonymous,
    closedAt: s.closedAt ? iso(s.closedAt) : null,
    networkId: s.networkId,
    networkIds: s.networkIds,
    owner: owner?.name ?? '',
    definition: s.definition,
    can: presentCan(scope, 'surveyView', { ...s, hasTarget: !!target, targeted, personal: s.mode === 'person' }),
  };
}

/** A survey the actor may see: managers, targets (not while draft), result viewers. Others get 404. */
export async function getSurvey(deps: Deps, scope: Scope, id: string) {
  const s = await loadSurvey(deps.db, id);
  if (!canManage(scope, s)) {
    const targeted = await isTargeted(deps.db, scope, id);
    const target = await myTarget(deps.db, scope, s);
    if (s.status === 'draft' || !(target || canSeeResults(scope, s, targeted))) throw new AppError('not_found');
  }
  return detail(deps, scope, s);
}

function assertNetworks(scope: Scope, ids: string[], owner: string | null) {
  for (const [i, n] of ids.entries()) {
    if (!owner)
      throw fieldError(`body.networkIds.${i}`, 'internal_survey', 'Interne Umfragen gehen an keinen Verbund.');
    if (!(scope.user.isPlatformAdmin || scope.moderatedNetworkIds.includes(n)))
      throw fieldError(`body.networkIds.${i}`, 'not_moderator', 'Sie moderieren diesen Verbund nicht.');
  }
}

export async function createSurvey(deps: Deps, scope: Scope, input: z.infer<typeof surveyCreate>) {
  // who creates a survey is who would manage it (the survey rule)
  authorize(scope, 'survey', 'manage', {
    networkId: input.networkId ?? null,
    municipalityId: scope.municipalityId,
    status: 'draft',
  });
  if (!input.networkId) {
    if (input.mode !== 'person')
      throw fieldError('body.mode', 'internal_person_only', 'Interne Umfragen richten sich an Personen.');
  }
  let definition: SurveyDefinition;
  if (input.source === 'import') {
    if (!input.definition) throw fieldError('body.definition', 'required', 'Bitte wählen Sie eine Definition.');
    definition = input.definition;
  } else if (input.source === 'template') definition = painPointTemplate();
  else definition = { sections: [{ id: 'abschnitt-1', title: { de: 'Abschnitt 1' }, questions: [] }] };
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('surveys')
      .values({
        id,
        networkId: input.networkId,
        municipalityId: input.networkId ? null : scope.municipalityId,
        title: input.title,
        titleEn: input.source === 'template' ? englishTitleFor(input.title, PAIN_POINT_TEMPLATE_TITLE.en ?? '') : '',
        mode: input.mode,
        anonymous: input.anonymous,
        definition: JSON.stringify(definition),
        networkIds: JSON.stringify([]),
        secret: newSecret(),
        createdBy: scope.user.id,
      })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'survey',
      entityId: id,
      networkId: input.networkId,
      municipalityId: input.networkId ? null : scope.municipalityId,
      after: { title: input.title, mode: input.mode, source: input.source },
    });
  });
  return { id };
}

function editable(s: SurveyRow) {
  return {
    title: s.title,
    titleEn: s.titleEn,
    intro: s.intro,
    mode: s.mode,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    threshold: s.threshold,
    anonymous: s.anonymous,
    networkIds: s.networkIds,
  };
}

/** JSON with object keys sorted: jsonb stores keys in its own order, so plain JSON text differs. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, x[k]]),
        )
      : x,
  );
}

export async function updateSurvey(deps: Deps, scope: Scope, id: string, input: z.infer<typeof surveyUpdate>) {
  await deps.db.transaction().execute(async (trx) => {
    const s = await trx.selectFrom('surveys').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!s) throw new AppError('not_found');
    if (!canManage(scope, s)) throw new AppError(canSeeOrHide(scope, s));
    assertVersion(s, input.version, { ...editable(s), definition: s.definition, version: s.version });
    if (input.closesOn && input.opensOn && input.closesOn < input.opensOn)
      throw fieldError('body.closesOn', 'before_open', 'Das Ende liegt vor dem Beginn.');
    if (!s.networkId && input.mode !== 'person')
      throw fieldError('body.mode', 'internal_person_only', 'Interne Umfragen richten sich an Personen.');
    assertNetworks(scope, input.networkIds, s.networkId);
    const structural =
      canonical(s.definition) !== canonical(input.definition) ||
      s.mode !== input.mode ||
      s.anonymous !== input.anonymous;
    if (s.status !== 'draft' && structural)
      throw new AppError(
        'survey_locked',
        'Fragen, Art und Anonymität der Umfrage lassen sich nach dem Versand nicht mehr ändern. Duplizieren Sie die Umfrage.',
      );
    // results of a closed survey are published under its threshold; another threshold would publish
    // another set of cells, and the two sets together could isolate fewer respondents than either
    if (s.status === 'closed' && input.threshold !== s.threshold)
      throw fieldError(
        'body.threshold',
        'threshold_final',
        'Die Anonymitätsschwelle lässt sich nach dem Schließen nicht mehr ändern.',
      );
    const next = {
      title: input.title,
      titleEn: englishTitleFor(input.title, input.titleEn),
      intro: input.intro,
      mode: input.mode,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      threshold: input.threshold,
      anonymous: input.anonymous,
      networkIds: input.networkIds.filter((n) => n !== s.networkId),
    };
    await trx
      .updateTable('surveys')
      .set({
        ...next,
        networkIds: JSON.stringify(next.networkIds),
        definition: JSON.stringify(input.definition),
        version: s.version + 1,
        updatedAt: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'survey',
      entityId: id,
      networkId: s.networkId,
      municipalityId: s.municipalityId,
      before: { ...editable(s), questions: structural ? 'changed' : undefined },
      after: { ...next, questions: structural ? 'changed' : undefined },
    });
  });
  return getSurvey(deps, scope, id);
}

/** Members of the owning side get 403 (they know the survey), everybody else 404. */
export function canSeeOrHide(scope: Scope, s: SurveyRow): 'forbidden' | 'not_found' {
  if (s.networkId && scope.networkIds.includes(s.networkId) && s.status !== 'draft') return 'forbidden';
  if (s.municipalityId && s.municipalityId === scope.municipalityId) return 'forbidden';
  return 'not_found';
}

export async function requireManager(deps: Deps, scope: Scope, id: string) {
  const s = await loadSurvey(deps.db, id);
  if (!canManage(scope, s)) {
    const why = canSeeOrHide(scope, s);
    throw new AppError(why);
  }
  return s;
}

export async function deleteSurvey(deps: Deps, scope: Scope, id: string) {
  const s = await requireManager(deps, scope, id);
  if (s.status !== 'draft')
    throw new AppError('survey_locked', 'Versandte Umfragen werden nicht gelöscht, nur geschlossen.');
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('surveys').where('id', '=', id).execute();
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: 'survey',
      entityId: id,
      networkId: s.networkId,
      municipalityId: s.municipalityId,
      before: { title: s.title },
    });
  });
  return { ok: true as const };
}

export async function duplicateSurvey(deps: Deps, scope: Scope, id: string) {
  const s = await requireManager(deps, scope, id);
  const copy = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('surveys')
      .values({
        id: copy,
        networkId: s.networkId,
        municipalityId: s.municipalityId,
        title: `${s.title} (Kopie)`.slice(0, 200),
        titleEn: s.titleEn,
        intro: s.intro,
        mode: s.mode,
        threshold: s.threshold,
        anonymous: s.anonymous,
        definition: JSON.stringify(s.definition),
        networkIds: JSON.stringify(s.networkIds),
        secret: newSecret(),
        createdBy: scope.user.id,
      })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'survey',
      entityId: copy,
      networkId: s.networkId,
      municipalityId: s.municipalityId,
      after: { title: `${s.title} (Kopie)`, duplicateOf: id },
    });
  });
  return { id: copy };
}

export async function exportDefinition(deps: Deps, scope: Scope, id: string) {
  const s = await requireManager(deps, scope, id);
  return {
    format: 'digitalzirkel-survey/1',
    title: s.title,
    titleEn: s.titleEn,
    intro: s.intro,
    mode: s.mode,
    definition: s.definition,
  };
}
