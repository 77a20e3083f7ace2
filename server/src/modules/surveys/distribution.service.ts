import { AppError, fieldError } from '@dz/core';
import { writeAudit } from '../../lib/audit.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import type { Scope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { appLink, MAILS } from '../../mail/templates.js';
import { networksRepository } from '../networks/networks.repository.js';
import { draftNews } from '../newsroom/drafts.js';
import { canManage, type SurveyRow, todayIso } from './surveys.access.js';
import { canSeeOrHide, getSurvey, requireManager } from './surveys.service.js';

/* Distribution of a survey: opening (targets, invitations), closing, reminders and the participation list. */
interface Recipient {
  email: string;
  name: string;
  /** The municipality the person answers for: the link names it, so the app switches to it. */
  municipalityId: string | null;
}

/** What distributing needs: the database, the outbox and the app's address for the links. */
type MailDeps = Pick<Deps, 'db' | 'outbox' | 'config'>;

/** Recipients of a target: the person, or the municipality's admins and coordinators. */
async function recipients(deps: MailDeps, s: SurveyRow, targets: { municipalityId: string; userId: string | null }[]) {
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

/** Queues one survey mail per recipient (the link names the recipient's municipality, see ?kommune=). */
async function queueSurveyMails(deps: MailDeps, s: SurveyRow, list: Recipient[], kind: 'invite' | 'remind') {
  for (const r of list) {
    const link = appLink(deps.config.publicUrl, `/umfragen/${s.id}/antworten`, r.municipalityId);
    const mail = MAILS.survey({
      kind,
      name: r.name,
      title: s.title,
      mode: s.mode,
      anonymous: s.anonymous,
      closesOn: s.closesOn,
      link,
    });
    await deps.outbox.queue(deps.db, r.email, mail, r.municipalityId);
  }
}

type Db = Deps['db'];

/**
 * Who a survey goes to when it is sent on `today`: the current (accepted) members of its networks,
 * each once with the first network that reaches it, or the owning municipality; person surveys reach
 * the staff of the municipalities that allowed their network's staff surveys.
 */
async function plannedTargets(
  db: Db,
  s: SurveyRow,
  today: string,
): Promise<{ municipalityId: string; networkId: string | null; userId: string | null }[]> {
  const nets = s.networkId ? [s.networkId, ...s.networkIds] : [];
  const munis: { municipalityId: string; networkId: string | null }[] = s.networkId
    ? (await networksRepository.currentMembers(db, nets, today))
        .filter((m) => s.mode !== 'person' || m.staffSurveys)
        .map((m) => ({ municipalityId: m.municipalityId, networkId: m.networkId }))
        .sort((a, b) => nets.indexOf(a.networkId) - nets.indexOf(b.networkId))
    : [{ municipalityId: s.municipalityId as string, networkId: null }];
  const seen = new Set<string>();
  const unique = munis.filter((m) => !seen.has(m.municipalityId) && seen.add(m.municipalityId));
  if (s.mode !== 'person' || !unique.length) return unique.map((m) => ({ ...m, userId: null }));
  const people = await db
    .selectFrom('memberships')
    .select(['userId', 'municipalityId'])
    .where(
      'municipalityId',
      'in',
      unique.map((m) => m.municipalityId),
    )
    .execute();
  const netOf = new Map(unique.map((m) => [m.municipalityId, m.networkId]));
  return people.map((p) => ({
    ...p,
    networkId: netOf.get(p.municipalityId) ?? null,
  }));
}

/**
 * How many a survey reaches and how many have answered: for a draft who would be invited if it were
 * sent today (so moderators learn before sending whether the threshold leaves anything to show).
 */
export async function audience(deps: Deps, scope: Scope, id: string) {
  const s = await requireManager(deps, scope, id);
  if (s.status === 'draft')
    return { invitees: (await plannedTargets(deps.db, s, todayIso())).length, submitted: 0, sent: false };
  const r = await deps.db
    .selectFrom('surveyTargets')
    .select([
      (eb) => eb.fn.countAll<number>().as('invitees'),
      (eb) => eb.fn.count<number>('id').filterWhere('status', '=', 'submitted').as('submitted'),
    ])
    .where('surveyId', '=', id)
    .executeTakeFirstOrThrow();
  return { invitees: Number(r.invitees), submitted: Number(r.submitted), sent: true };
}

/** Opens (distributes) a survey: creates the targets, sends invitations to the new ones. */
export async function openSurvey(deps: Deps, scope: Scope, id: string, version: number) {
  await distribute(deps, scope, id, version);
  return getSurvey(deps, scope, id);
}

/**
 * The opening itself; `scope` null is the system acting on its own schedule (the pulse's quarterly rounds),
 * which is allowed to open the surveys it created.
 */
export async function distribute(deps: MailDeps, scope: Scope | null, id: string, version: number) {
  const invited = await deps.db.transaction().execute(async (trx) => {
    const s = await trx.selectFrom('surveys').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!s) throw new AppError('not_found');
    if (scope && !canManage(scope, s)) throw new AppError(canSeeOrHide(scope, s));
    assertVersion(s, version, { status: s.status, version: s.version });
    if (s.status === 'open') throw new AppError('conflict', 'Die Umfrage ist bereits geöffnet.');
    // a closed survey is final: answers after the results were shown could be differenced against them
    if (s.status === 'closed')
      throw new AppError(
        'survey_final',
        'Eine geschlossene Umfrage lässt sich nicht wieder öffnen, weil spätere Antworten sonst mit den bereits sichtbaren Ergebnissen verglichen werden könnten. Duplizieren Sie die Umfrage für eine neue Runde.',
      );
    const def = s.definition;
    if (!def.sections.some((sec) => sec.questions.length > 0))
      throw fieldError('body.definition', 'no_questions', 'Die Umfrage hat noch keine Fragen.');
    const today = todayIso();
    if (s.closesOn && s.closesOn < today)
      throw fieldError('body.closesOn', 'in_past', 'Das Ende der Umfrage liegt in der Vergangenheit.');
    const rows = await plannedTargets(trx, s, today);
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
  await queueSurveyMails(deps, invited.s, await recipients(deps, invited.s, invited.fresh), 'invite');
}

export async function closeSurvey(deps: Deps, scope: Scope, id: string, version: number) {
  await deps.db.transaction().execute(async (trx) => {
    const s = await trx.selectFrom('surveys').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!s) throw new AppError('not_found');
    if (!canManage(scope, s)) throw new AppError(canSeeOrHide(scope, s));
    assertVersion(s, version, { status: s.status, version: s.version });
    if (s.status !== 'open') throw new AppError('conflict', 'Nur geöffnete Umfragen lassen sich schließen.');
    await trx
      .updateTable('surveys')
      .set({ status: 'closed', closedAt: new Date(), version: s.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    // closing releases the results: a news draft in every municipality that took part
    const places = s.municipalityId
      ? [s.municipalityId]
      : (
          await trx.selectFrom('surveyTargets').select('municipalityId').distinct().where('surveyId', '=', id).execute()
        ).map((t) => t.municipalityId);
    for (const m of places)
      await draftNews(
        trx,
        m,
        { key: id, path: `/umfragen/${id}/ergebnisse` },
        { kind: 'survey_released', survey: s.title },
      );
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
  return sendReminders(deps, scope, await requireManager(deps, scope, id));
}

/** The reminding itself; `scope` null is the system on its own schedule (the pulse's reminder). */
export async function sendReminders(deps: MailDeps, scope: Scope | null, s: SurveyRow) {
  const id = s.id;
  if (s.status !== 'open') throw new AppError('conflict', 'Erinnerungen gibt es nur für geöffnete Umfragen.');
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
  await queueSurveyMails(deps, s, await recipients(deps, s, open), 'remind');
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
