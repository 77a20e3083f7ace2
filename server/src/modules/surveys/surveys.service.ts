import {
  AppError,
  PAIN_POINT_TEMPLATE_TITLE,
  painPointTemplate,
  type SurveyDefinition,
  type surveyCreate,
  type surveyUpdate,
} from '@dz/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId, newSecret } from '../../lib/ids.js';
import type { Scope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { can } from '../members/members.policy.js';
import { networksRepository } from '../networks/networks.repository.js';
import {
  canManage,
  canSeeResults,
  isTargeted,
  loadSurvey,
  myTarget,
  type SurveyRow,
  todayIso,
} from './surveys.access.js';

const fieldError = (path: string, code: string, message: string) =>
  new AppError('validation_failed', 400, message, [{ path, code, message }]);

/** Surveys the actor manages, is asked to answer, or may see results of. */
export async function listSurveys(deps: Deps, scope: Scope) {
  const mid = scope.municipalityId;
  const rows = await deps.db
    .selectFrom('surveys as s')
    .leftJoin('networks as n', 'n.id', 's.networkId')
    .leftJoin('municipalities as m', 'm.id', 's.municipalityId')
    .select([
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
      (eb) =>
        eb
          .selectFrom('surveyTargets as t')
          .select((e) => e.fn.countAll<number>().as('c'))
          .whereRef('t.surveyId', '=', 's.id')
          .as('targets'),
      (eb) =>
        eb
          .selectFrom('surveyTargets as t')
          .select((e) => e.fn.countAll<number>().as('c'))
          .whereRef('t.surveyId', '=', 's.id')
          .where('t.status', '=', 'submitted')
          .as('submitted'),
      (eb) =>
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
      (eb) =>
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
      if (mid && can(scope, 'manage_surveys')) ors.push(w('s.municipalityId', '=', mid));
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
      status: r.status as 'draft' | 'open' | 'closed',
      mode: r.mode as 'municipality' | 'person',
      owner: r.networkName ?? r.municipalityName ?? '',
      networkId: r.networkId,
      opensOn: r.opensOn,
      closesOn: r.closesOn,
      canEdit: canManage(scope, r),
      myResponse: (r.myStatus as 'none' | 'draft' | 'submitted' | null) ?? null,
      submitted: Number(r.submitted ?? 0),
      targets: Number(r.targets ?? 0),
    }));
  return {
    items,
    can: {
      createInternal: !!mid && can(scope, 'manage_surveys'),
      createNetwork: scope.moderatedNetworkIds.length > 0 || scope.user.isPlatformAdmin,
    },
  };
}

async function detail(deps: Deps, scope: Scope, s: SurveyRow) {
  const manage = canManage(scope, s);
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
    mode: s.mode as 'municipality' | 'person',
    status: s.status as 'draft' | 'open' | 'closed',
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    threshold: s.threshold,
    anonymous: s.anonymous,
    closedAt: s.closedAt ? iso(s.closedAt) : null,
    networkId: s.networkId,
    networkIds: s.networkIds,
    owner: owner?.name ?? '',
    definition: s.definition as SurveyDefinition,
    can: {
      edit: manage && s.status === 'draft',
      manage,
      answer: !!target && s.status !== 'draft',
      // managers reach the results page while open (it explains when results appear)
      results: manage || canSeeResults(scope, s, targeted),
    },
  };
}

/** A survey the actor may see: managers, targets (not while draft), result viewers. Others get 404. */
export async function getSurvey(deps: Deps, scope: Scope, id: string) {
  const s = await loadSurvey(deps.db, id);
  if (!canManage(scope, s)) {
    const targeted = await isTargeted(deps.db, scope, id);
    const target = await myTarget(deps.db, scope, s);
    if (s.status === 'draft' || !(target || canSeeResults(scope, s, targeted))) throw new AppError('not_found', 404);
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
  if (input.networkId) {
    if (!(scope.user.isPlatformAdmin || scope.moderatedNetworkIds.includes(input.networkId)))
      throw new AppError('forbidden', 403, 'Moderators only.');
  } else {
    if (!scope.municipalityId || !can(scope, 'manage_surveys')) throw new AppError('forbidden', 403);
    if (input.mode !== 'person')
      throw fieldError('body.mode', 'internal_person_only', 'Interne Umfragen richten sich an Personen.');
  }
  let definition: SurveyDefinition;
  if (input.source === 'import') {
    if (!input.definition) throw fieldError('body.definition', 'required', 'Bitte wählen Sie eine Definition.');
    definition = input.definition as SurveyDefinition;
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
        titleEn: input.source === 'template' ? (PAIN_POINT_TEMPLATE_TITLE.en ?? '') : '',
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
            .map((k) => [k, (x as Record<string, unknown>)[k]]),
        )
      : x,
  );
}

export async function updateSurvey(deps: Deps, scope: Scope, id: string, input: z.infer<typeof surveyUpdate>) {
  await deps.db.transaction().execute(async (trx) => {
    const s = await trx.selectFrom('surveys').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!s) throw new AppError('not_found', 404);
    if (!canManage(scope, s))
      throw new AppError(canSeeOrHide(scope, s), canSeeOrHide(scope, s) === 'forbidden' ? 403 : 404);
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
        409,
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
      titleEn: input.titleEn,
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
function canSeeOrHide(scope: Scope, s: SurveyRow): 'forbidden' | 'not_found' {
  if (s.networkId && scope.networkIds.includes(s.networkId) && s.status !== 'draft') return 'forbidden';
  if (s.municipalityId && s.municipalityId === scope.municipalityId) return 'forbidden';
  return 'not_found';
}

export async function requireManager(deps: Deps, scope: Scope, id: string) {
  const s = await loadSurvey(deps.db, id);
  if (!canManage(scope, s)) {
    const why = canSeeOrHide(scope, s);
    throw new AppError(why, why === 'forbidden' ? 403 : 404);
  }
  return s;
}

export async function deleteSurvey(deps: Deps, scope: Scope, id: string) {
  const s = await requireManager(deps, scope, id);
  if (s.status !== 'draft')
    throw new AppError('survey_locked', 409, 'Versandte Umfragen werden nicht gelöscht, nur geschlossen.');
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
    definition: s.definition as SurveyDefinition,
  };
}

interface Recipient {
  email: string;
  name: string;
  /** The municipality the person answers for: the link names it, so the app switches to it. */
  municipalityId: string | null;
}

/** Recipients of a target: the person, or the municipality's admins and coordinators. */
async function recipients(deps: Deps, s: SurveyRow, targets: { municipalityId: string; userId: string | null }[]) {
  const out: Recipient[] = [];
  const users = targets.filter((t): t is { municipalityId: string; userId: string } => !!t.userId);
  if (users.length) {
    const muniOf = new Map(users.map((t) => [t.userId, t.municipalityId]));
    const rows = await deps.db
      .selectFrom('users')
      .select(['id', 'email', 'name'])
      .where(
        'id',
        'in',
        users.map((t) => t.userId),
      )
      .execute();
    out.push(...rows.map((u) => ({ email: u.email, name: u.name, municipalityId: muniOf.get(u.id) ?? null })));
  }
  const munis = targets.filter((t) => !t.userId).map((t) => t.municipalityId);
  if (munis.length && s.mode === 'municipality') {
    out.push(
      ...(await deps.db
        .selectFrom('memberships as ms')
        .innerJoin('users as u', 'u.id', 'ms.userId')
        .select(['u.email', 'u.name', 'ms.municipalityId'])
        .where('ms.municipalityId', 'in', munis)
        .where('ms.role', 'in', ['admin', 'coordinator'])
        .execute()),
    );
  }
  return out;
}

async function mailAll(deps: Deps, list: Recipient[], subject: string, body: (r: Recipient) => string) {
  for (const r of list) {
    try {
      await deps.mailer.send({ to: r.email, subject, text: body(r) });
    } catch (err) {
      deps.log.warn({ err }, 'survey mail failed');
    }
  }
}

function surveyText(deps: Deps, s: SurveyRow, kind: 'invite' | 'remind') {
  const link = (r: Recipient) =>
    `${deps.config.publicUrl}/umfragen/${s.id}/antworten${r.municipalityId ? `?kommune=${r.municipalityId}` : ''}`;
  const until = s.closesOn ? ` bis zum ${s.closesOn.split('-').reverse().join('.')}` : '';
  const who =
    s.mode === 'municipality'
      ? 'für Ihre Kommune (eine gemeinsame Antwort)'
      : s.anonymous
        ? 'persönlich und anonym (niemand sieht, wer was geantwortet hat; die Ergebnisse erscheinen erst nach dem Ende der Umfrage und nur zusammengefasst)'
        : 'persönlich, aber nicht anonym: Die Verantwortlichen sehen, wer teilgenommen hat (Ihre Antworten erscheinen nur zusammengefasst)';
  return (r: Recipient) =>
    `Guten Tag ${r.name},\n\n${
      kind === 'invite'
        ? `Sie sind eingeladen, an der Umfrage „${s.title}“ teilzunehmen – ${who}.`
        : `wir erinnern Sie an die Umfrage „${s.title}“ – Ihre Antwort fehlt noch.`
    }\nBitte antworten Sie${until}:\n\n${link(r)}\n\nEntwürfe werden automatisch gespeichert; Sie können jederzeit später weitermachen.\n\nIhr Digitalzirkel`;
}

/** Opens (distributes) a survey: creates the targets, sends invitations to the new ones. */
export async function openSurvey(deps: Deps, scope: Scope, id: string, version: number) {
  const invited = await deps.db.transaction().execute(async (trx) => {
    const s = await trx.selectFrom('surveys').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!s) throw new AppError('not_found', 404);
    if (!canManage(scope, s))
      throw new AppError(canSeeOrHide(scope, s), canSeeOrHide(scope, s) === 'forbidden' ? 403 : 404);
    assertVersion(s, version, { status: s.status, version: s.version });
    if (s.status === 'open') throw new AppError('conflict', 409, 'Die Umfrage ist bereits geöffnet.');
    // a closed survey is final: answers after the results were shown could be differenced against them
    if (s.status === 'closed')
      throw new AppError(
        'survey_final',
        409,
        'Eine geschlossene Umfrage lässt sich nicht wieder öffnen, weil spätere Antworten sonst mit den bereits sichtbaren Ergebnissen verglichen werden könnten. Duplizieren Sie die Umfrage für eine neue Runde.',
      );
    const def = s.definition as SurveyDefinition;
    if (!def.sections.some((sec) => sec.questions.length > 0))
      throw fieldError('body.definition', 'no_questions', 'Die Umfrage hat noch keine Fragen.');
    const today = todayIso();
    if (s.closesOn && s.closesOn < today)
      throw fieldError('body.closesOn', 'in_past', 'Das Ende der Umfrage liegt in der Vergangenheit.');
    const nets = s.networkId ? [s.networkId, ...s.networkIds] : [];
    // members currently in the networks (accepted memberships, first network wins), or the owning municipality;
    // person surveys reach only the staff of municipalities that allowed the network's staff surveys
    const munis: { municipalityId: string; networkId: string | null }[] = s.networkId
      ? (await networksRepository.currentMembers(trx, nets, today))
          .filter((m) => s.mode !== 'person' || m.staffSurveys)
          .map((m) => ({ municipalityId: m.municipalityId, networkId: m.networkId }))
          .sort((a, b) => nets.indexOf(a.networkId) - nets.indexOf(b.networkId))
      : [{ municipalityId: s.municipalityId as string, networkId: null }];
    const seen = new Set<string>();
    const unique = munis.filter((m) => !seen.has(m.municipalityId) && seen.add(m.municipalityId));
    let rows: { municipalityId: string; userId: string | null; networkId: string | null }[] = unique.map((m) => ({
      ...m,
      userId: null,
    }));
    if (s.mode === 'person' && unique.length) {
      const people = await trx
        .selectFrom('memberships')
        .select(['userId', 'municipalityId'])
        .where(
          'municipalityId',
          'in',
          unique.map((m) => m.municipalityId),
        )
        .execute();
      const netOf = new Map(unique.map((m) => [m.municipalityId, m.networkId]));
      rows = people.map((p) => ({ ...p, networkId: netOf.get(p.municipalityId) ?? null }));
    }
    if (rows.length) {
      await trx
        .insertInto('surveyTargets')
        .values(rows.map((r) => ({ id: newId(), surveyId: id, ...r })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    const fresh = await trx
      .updateTable('surveyTargets')
      .set({ invitedAt: new Date() })
      .where('surveyId', '=', id)
      .where('invitedAt', 'is', null)
      .returning(['municipalityId', 'userId'])
      .execute();
    await trx
      .updateTable('surveys')
      .set({ status: 'open', opensOn: s.opensOn ?? today, version: s.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'open',
      entity: 'survey',
      entityId: id,
      networkId: s.networkId,
      municipalityId: s.municipalityId,
      before: { status: s.status },
      after: { status: 'open', invited: fresh.length },
    });
    return { s, fresh };
  });
  await mailAll(
    deps,
    await recipients(deps, invited.s, invited.fresh),
    `Umfrage: ${invited.s.title}`,
    surveyText(deps, invited.s, 'invite'),
  );
  return getSurvey(deps, scope, id);
}

export async function closeSurvey(deps: Deps, scope: Scope, id: string, version: number) {
  await deps.db.transaction().execute(async (trx) => {
    const s = await trx.selectFrom('surveys').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!s) throw new AppError('not_found', 404);
    if (!canManage(scope, s))
      throw new AppError(canSeeOrHide(scope, s), canSeeOrHide(scope, s) === 'forbidden' ? 403 : 404);
    assertVersion(s, version, { status: s.status, version: s.version });
    if (s.status !== 'open') throw new AppError('conflict', 409, 'Nur geöffnete Umfragen lassen sich schließen.');
    await trx
      .updateTable('surveys')
      .set({ status: 'closed', closedAt: new Date(), version: s.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'close',
      entity: 'survey',
      entityId: id,
      networkId: s.networkId,
      municipalityId: s.municipalityId,
      before: { status: 'open' },
      after: { status: 'closed' },
    });
  });
  return getSurvey(deps, scope, id);
}

/** Reminds every target that has not submitted yet. */
export async function remind(deps: Deps, scope: Scope, id: string) {
  const s = await requireManager(deps, scope, id);
  if (s.status !== 'open') throw new AppError('conflict', 409, 'Erinnerungen gibt es nur für geöffnete Umfragen.');
  const open = await deps.db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('surveyTargets')
      .set({ remindedAt: new Date() })
      .where('surveyId', '=', id)
      .where('status', '<>', 'submitted')
      .returning(['municipalityId', 'userId'])
      .execute();
    await writeAudit(trx, scope, {
      action: 'remind',
      entity: 'survey',
      entityId: id,
      networkId: s.networkId,
      municipalityId: s.municipalityId,
      after: { reminded: rows.length },
    });
    return rows;
  });
  await mailAll(deps, await recipients(deps, s, open), `Erinnerung: ${s.title}`, surveyText(deps, s, 'remind'));
  return { reminded: open.length };
}

/**
 * Who has answered — status only, never what, and never when (no submission times, rows in name
 * order). Anonymous person surveys: counts per municipality only; names only for municipality surveys
 * and for person surveys declared non-anonymous before they were sent.
 */
export async function participation(deps: Deps, scope: Scope, id: string) {
  const s = await requireManager(deps, scope, id);
  const byPerson = s.mode === 'person' && !s.anonymous;
  const rows = await deps.db
    .selectFrom('surveyTargets as t')
    .innerJoin('municipalities as m', 'm.id', 't.municipalityId')
    .leftJoin('users as u', 'u.id', 't.userId')
    .leftJoin('networks as n', 'n.id', 't.networkId')
    .select([
      byPerson ? 'u.name as name' : 'm.shortName as name',
      'm.shortName as municipality',
      (eb) => eb.fn.max('n.name').as('network'),
      (eb) => eb.fn.countAll<number>().as('invited'),
      (eb) => eb.fn.count<number>('t.id').filterWhere('t.status', '=', 'draft').as('started'),
      (eb) => eb.fn.count<number>('t.id').filterWhere('t.status', '=', 'submitted').as('submitted'),
      (eb) => eb.fn.max('t.remindedAt').as('remindedAt'),
    ])
    .where('t.surveyId', '=', id)
    .groupBy(byPerson ? ['t.id', 'u.name', 'm.shortName'] : ['m.id', 'm.shortName'])
    .orderBy('municipality')
    .orderBy('name')
    .execute();
  const items = rows.map((r) => ({
    name: r.name ?? '',
    municipality: r.municipality,
    network: r.network ?? null,
    invited: Number(r.invited),
    started: Number(r.started),
    submitted: Number(r.submitted),
    remindedAt: r.remindedAt ? iso(r.remindedAt) : null,
  }));
  return {
    byPerson,
    items,
    submitted: items.reduce((a, r) => a + r.submitted, 0),
    total: items.reduce((a, r) => a + r.invited, 0),
    withoutStaffConsent: await withoutStaffConsent(deps, s),
  };
}

/** Person surveys of networks: how many member municipalities have not allowed surveys of their staff (no targets). */
async function withoutStaffConsent(deps: Deps, s: SurveyRow): Promise<number> {
  if (s.mode !== 'person' || !s.networkId) return 0;
  const members = await networksRepository.currentMembers(deps.db, [s.networkId, ...s.networkIds], todayIso());
  const allowed = new Set(members.filter((m) => m.staffSurveys).map((m) => m.municipalityId));
  return new Set(members.filter((m) => !allowed.has(m.municipalityId)).map((m) => m.municipalityId)).size;
}
