import {
  AppError,
  type actionCreate,
  type actionUpdate,
  type agendaItemCreate,
  type agendaItemUpdate,
  fieldError,
  LAENDER,
  localText,
  may,
  sizeClassOf,
  type workshopCreate,
  type workshopUpdate,
} from '@dz/core';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import { presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { publishLive } from '../../lib/realtime.js';
import type { Scope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { canManage as canManageSurvey } from '../surveys/surveys.access.js';
import {
  loadWorkshop,
  newJoinCode,
  requireWorkshopModerator,
  type WorkshopRow,
  workshopAccess,
} from './workshops.access.js';

type Trx = Transaction<DB>;
export async function listWorkshops(deps: Deps, scope: Scope) {
  const nets = [...new Set([...scope.networkIds, ...scope.moderatedNetworkIds])];
  const rows = await deps.db
    .selectFrom('workshops as w')
    .innerJoin('networks as n', 'n.id', 'w.networkId')
    .select(['w.id', 'w.title', 'w.heldOn', 'w.status', 'w.networkId', 'n.name as network'])
    .where((eb) => {
      const ors = [];
      if (nets.length) ors.push(eb('w.networkId', 'in', nets));
      if (scope.municipalityId)
        ors.push(
          eb.exists(
            eb
              .selectFrom('workshopMunicipalities as wm')
              .select('wm.workshopId')
              .whereRef('wm.workshopId', '=', 'w.id')
              .where('wm.municipalityId', '=', scope.municipalityId),
          ),
        );
      if (scope.user.isPlatformAdmin) ors.push(eb.val(true));
      return ors.length ? eb.or(ors) : eb.val(false);
    })
    .orderBy('w.heldOn', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      heldOn: r.heldOn,
      status: r.status,
      network: r.network,
      canManage: may(scope, 'workshop', 'manage', { networkId: r.networkId }),
    })),
    can: presentCan(scope, 'workshops'),
  };
}

async function ideasWithVotes(db: Deps['db'] | Trx, workshopId: string) {
  return db
    .selectFrom('workshopIdeas as i')
    .leftJoin('workshopVotes as v', 'v.ideaId', 'i.id')
    .select(['i.id', 'i.itemId', 'i.text', 'i.participantId', (eb) => eb.fn.count<number>('v.id').as('votes')])
    .where('i.workshopId', '=', workshopId)
    .groupBy(['i.id', 'i.itemId', 'i.text', 'i.participantId', 'i.createdAt'])
    .orderBy('i.createdAt')
    .execute();
}

/** Agenda with ideas and votes, participating municipalities, actions — what moderators and participants read. */
export async function workshopData(deps: Deps, w: WorkshopRow) {
  const [net, survey, items, ideas, actions, munis, participants] = await Promise.all([
    deps.db.selectFrom('networks').select('name').where('id', '=', w.networkId).executeTakeFirstOrThrow(),
    w.surveyId
      ? deps.db.selectFrom('surveys').select(['title', 'definition']).where('id', '=', w.surveyId).executeTakeFirst()
      : Promise.resolve(undefined),
    deps.db.selectFrom('workshopItems').selectAll().where('workshopId', '=', w.id).orderBy('position').execute(),
    ideasWithVotes(deps.db, w.id),
    deps.db.selectFrom('workshopActions').selectAll().where('workshopId', '=', w.id).orderBy('createdAt').execute(),
    deps.db
      .selectFrom('workshopMunicipalities as wm')
      .innerJoin('municipalities as m', 'm.id', 'wm.municipalityId')
      .select(['m.id', 'm.shortName', 'm.population', 'm.landCode'])
      .where('wm.workshopId', '=', w.id)
      .orderBy('m.shortName')
      .execute(),
    deps.db
      .selectFrom('workshopParticipants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workshopId', '=', w.id)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    network: net.name,
    survey: survey ? { title: survey.title, definition: survey.definition } : null,
    items: items.map((it) => ({
      id: it.id,
      position: it.position,
      kind: it.kind,
      title: it.title,
      description: it.description,
      speaker: it.speaker,
      durationMin: it.durationMin,
      surveySectionId: it.surveySectionId,
      outcome: it.outcome,
      version: it.version,
      ideas: ideas
        .filter((i) => i.itemId === it.id)
        .map((i) => ({ id: i.id, text: i.text, votes: Number(i.votes) }))
        .sort((a, b) => b.votes - a.votes),
    })),
    actions: actions.map((a) => ({
      id: a.id,
      itemId: a.itemId,
      what: a.what,
      who: a.who,
      dueOn: a.dueOn,
      status: a.status,
      version: a.version,
    })),
    municipalities: munis.map((m) => ({
      id: m.id,
      name: m.shortName,
      sizeClass: sizeClassOf(m.population),
      land: LAENDER[m.landCode]?.name ?? m.landCode,
    })),
    participants: Number(participants.n),
  };
}

export async function getWorkshop(deps: Deps, scope: Scope, id: string) {
  const w = await loadWorkshop(deps.db, id);
  const access = await workshopAccess(deps.db, scope, w);
  const d = await workshopData(deps, w);
  const mod = access === 'moderator';
  return {
    id: w.id,
    version: w.version,
    networkId: w.networkId,
    network: d.network,
    surveyId: w.surveyId,
    surveyTitle: d.survey?.title ?? null,
    title: w.title,
    heldOn: w.heldOn,
    place: w.place,
    videoUrl: w.videoUrl,
    leitfrage: w.leitfrage,
    joinCode: mod || w.status === 'live' ? w.joinCode : '',
    votesPerPerson: w.votesPerPerson,
    status: w.status,
    currentItemId: w.currentItemId,
    participants: d.participants,
    municipalities: d.municipalities,
    items: d.items,
    actions: d.actions,
    can: presentCan(scope, 'workshop', { networkId: w.networkId }),
  };
}

async function checkMunicipalities(trx: Trx, networkId: string, ids: string[]) {
  if (!ids.length) return;
  const members = await trx
    .selectFrom('networkMembers')
    .select('municipalityId')
    .where('networkId', '=', networkId)
    .where('municipalityId', 'in', ids)
    .where('status', '=', 'accepted')
    .execute();
  const known = new Set(members.map((m) => m.municipalityId));
  const i = ids.findIndex((x) => !known.has(x));
  if (i >= 0) throw fieldError(`body.municipalityIds.${i}`, 'not_member', 'Diese Kommune gehört nicht zum Verbund.');
}

async function setMunicipalities(trx: Trx, workshopId: string, ids: string[]) {
  await trx.deleteFrom('workshopMunicipalities').where('workshopId', '=', workshopId).execute();
  const unique = [...new Set(ids)];
  if (unique.length)
    await trx
      .insertInto('workshopMunicipalities')
      .values(unique.map((municipalityId) => ({ workshopId, municipalityId })))
      .execute();
}

/**
 * Creates a workshop; with a pre-survey, the agenda starts with an impulse talk and one topic per survey
 * section. `impulse` replaces the plain "Impuls" item (a workshop made from a survey presents its results).
 */
export async function createWorkshop(
  deps: Deps,
  scope: Scope,
  input: z.infer<typeof workshopCreate>,
  impulse: { title: string; description: string } = { title: 'Impuls', description: '' },
) {
  if (!(scope.user.isPlatformAdmin || scope.moderatedNetworkIds.includes(input.networkId)))
    throw new AppError('forbidden', 'Das dürfen nur die Moderatorinnen und Moderatoren des Verbunds.');
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    let sections: { id: string; title: string }[] = [];
    if (input.surveyId) {
      const s = await trx.selectFrom('surveys').selectAll().where('id', '=', input.surveyId).executeTakeFirst();
      if (!s || !canManageSurvey(scope, s))
        throw fieldError(
          'body.surveyId',
          'unknown_survey',
          'Diese Umfrage gibt es nicht oder Sie verwalten sie nicht.',
        );
      sections = s.definition.sections.map((x) => ({
        id: x.id,
        title: localText(x.title, 'de'),
      }));
    }
    await checkMunicipalities(trx, input.networkId, input.municipalityIds);
    await trx
      .insertInto('workshops')
      .values({
        id,
        networkId: input.networkId,
        surveyId: input.surveyId,
        title: input.title,
        heldOn: input.heldOn,
        place: input.place,
        videoUrl: input.videoUrl,
        leitfrage: input.leitfrage,
        votesPerPerson: input.votesPerPerson,
        joinCode: newJoinCode(),
        createdBy: scope.user.id,
      })
      .execute();
    await trx.insertInto('workshopModerators').values({ workshopId: id, userId: scope.user.id }).execute();
    await setMunicipalities(trx, id, input.municipalityIds);
    const agenda = [
      { kind: 'impulse' as const, ...impulse, surveySectionId: null },
      ...sections.map((s) => ({ kind: 'topic' as const, title: s.title, description: '', surveySectionId: s.id })),
    ];
    await trx
      .insertInto('workshopItems')
      .values(agenda.map((a, i) => ({ id: newId(), workshopId: id, position: i + 1, ...a })))
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'workshop',
      entityId: id,
      networkId: input.networkId,
      after: { title: input.title, heldOn: input.heldOn },
    });
  });
  return { id };
}

/** A moderator's change to a workshop: one transaction, then a live update and the fresh state. */
async function moderatorWrite(
  deps: Deps,
  scope: Scope,
  id: string,
  change: (trx: Trx, w: WorkshopRow) => Promise<void>,
) {
  const w = await requireWorkshopModerator(deps.db, scope, id);
  await deps.db.transaction().execute(async (trx) => {
    await change(trx, w);
    await publishLive(trx, id);
  });
  return getWorkshop(deps, scope, id);
}

export async function updateWorkshop(deps: Deps, scope: Scope, id: string, input: z.infer<typeof workshopUpdate>) {
  return moderatorWrite(deps, scope, id, async (trx) => {
    const w = await trx.selectFrom('workshops').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    const fields = ['title', 'heldOn', 'place', 'videoUrl', 'leitfrage', 'votesPerPerson'] as const;
    const before = Object.fromEntries(fields.map((f) => [f, w[f]]));
    assertVersion(w, input.version, { ...before, version: w.version });
    await checkMunicipalities(trx, w.networkId, input.municipalityIds);
    const after = Object.fromEntries(fields.map((f) => [f, input[f]]));
    await trx
      .updateTable('workshops')
      .set({ ...after, version: w.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await setMunicipalities(trx, id, input.municipalityIds);
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'workshop',
      entityId: id,
      networkId: w.networkId,
      before,
      after,
    });
  });
}

export async function addItem(deps: Deps, scope: Scope, id: string, input: z.infer<typeof agendaItemCreate>) {
  return moderatorWrite(deps, scope, id, async (trx, w) => {
    const last = await trx
      .selectFrom('workshopItems')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('workshopId', '=', id)
      .executeTakeFirst();
    const itemId = newId();
    await trx
      .insertInto('workshopItems')
      .values({ id: itemId, workshopId: id, position: Number(last?.p ?? 0) + 1, ...input })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'workshop_item',
      entityId: itemId,
      networkId: w.networkId,
      after: { title: input.title },
    });
  });
}

async function itemOf(trx: Trx, workshopId: string, itemId: string) {
  const it = await trx
    .selectFrom('workshopItems')
    .selectAll()
    .where('id', '=', itemId)
    .where('workshopId', '=', workshopId)
    .forUpdate()
    .executeTakeFirst();
  if (!it) throw new AppError('not_found');
  return it;
}

export async function updateItem(
  deps: Deps,
  scope: Scope,
  id: string,
  itemId: string,
  input: z.infer<typeof agendaItemUpdate>,
) {
  return moderatorWrite(deps, scope, id, async (trx, w) => {
    const it = await itemOf(trx, id, itemId);
    const { version, ...next } = input;
    const before = {
      kind: it.kind,
      title: it.title,
      description: it.description,
      speaker: it.speaker,
      durationMin: it.durationMin,
      surveySectionId: it.surveySectionId,
      outcome: it.outcome,
    };
    assertVersion(it, version, { ...before, version: it.version });
    await trx
      .updateTable('workshopItems')
      .set({ ...next, version: it.version + 1 })
      .where('id', '=', itemId)
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'workshop_item',
      entityId: itemId,
      networkId: w.networkId,
      before,
      after: next,
    });
  });
}

export async function moveItem(deps: Deps, scope: Scope, id: string, itemId: string, direction: 'up' | 'down') {
  return moderatorWrite(deps, scope, id, async (trx) => {
    const items = await trx
      .selectFrom('workshopItems')
      .select(['id', 'position'])
      .where('workshopId', '=', id)
      .orderBy('position')
      .forUpdate()
      .execute();
    const i = items.findIndex((x) => x.id === itemId);
    if (i < 0) throw new AppError('not_found');
    const j = direction === 'up' ? i - 1 : i + 1;
    const me = items[i];
    const other = items[j];
    if (!me || !other) return;
    await trx.updateTable('workshopItems').set({ position: other.position }).where('id', '=', me.id).execute();
    await trx.updateTable('workshopItems').set({ position: me.position }).where('id', '=', other.id).execute();
  });
}

export async function deleteItem(deps: Deps, scope: Scope, id: string, itemId: string) {
  return moderatorWrite(deps, scope, id, async (trx, w) => {
    const it = await itemOf(trx, id, itemId);
    await trx
      .updateTable('workshops')
      .set({ currentItemId: null })
      .where('id', '=', id)
      .where('currentItemId', '=', itemId)
      .execute();
    await trx.deleteFrom('workshopItems').where('id', '=', itemId).execute();
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: 'workshop_item',
      entityId: itemId,
      networkId: w.networkId,
      before: { title: it.title },
    });
  });
}

/** Presentation control: which topic is on screen, and whether the workshop is live (voting open). */
export async function setLive(
  deps: Deps,
  scope: Scope,
  id: string,
  input: { status: 'planned' | 'live' | 'done'; currentItemId: string | null },
) {
  return moderatorWrite(deps, scope, id, async (trx, w) => {
    if (input.currentItemId) await itemOf(trx, id, input.currentItemId);
    await trx
      .updateTable('workshops')
      .set({ status: input.status, currentItemId: input.currentItemId, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    if (input.status !== w.status)
      await writeAudit(trx, scope, {
        action: 'update',
        entity: 'workshop',
        entityId: id,
        networkId: w.networkId,
        before: { status: w.status },
        after: { status: input.status },
      });
  });
}

export async function addIdeaAsModerator(
  deps: Deps,
  scope: Scope,
  id: string,
  input: { itemId: string; text: string },
) {
  return moderatorWrite(deps, scope, id, async (trx) => {
    await itemOf(trx, id, input.itemId);
    await trx
      .insertInto('workshopIdeas')
      .values({ id: newId(), workshopId: id, itemId: input.itemId, text: input.text })
      .execute();
  });
}

export async function deleteIdea(deps: Deps, scope: Scope, id: string, ideaId: string) {
  return moderatorWrite(deps, scope, id, async (trx, w) => {
    const idea = await trx
      .selectFrom('workshopIdeas')
      .selectAll()
      .where('id', '=', ideaId)
      .where('workshopId', '=', id)
      .executeTakeFirst();
    if (!idea) throw new AppError('not_found');
    await trx.deleteFrom('workshopIdeas').where('id', '=', ideaId).execute();
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: 'workshop_idea',
      entityId: ideaId,
      networkId: w.networkId,
      before: { text: idea.text },
    });
  });
}

export async function addAction(deps: Deps, scope: Scope, id: string, input: z.infer<typeof actionCreate>) {
  return moderatorWrite(deps, scope, id, async (trx, w) => {
    if (input.itemId) await itemOf(trx, id, input.itemId);
    const actionId = newId();
    await trx
      .insertInto('workshopActions')
      .values({ id: actionId, workshopId: id, ...input })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'workshop_action',
      entityId: actionId,
      networkId: w.networkId,
      after: input,
    });
  });
}

export async function updateAction(
  deps: Deps,
  scope: Scope,
  id: string,
  actionId: string,
  input: z.infer<typeof actionUpdate>,
) {
  return moderatorWrite(deps, scope, id, async (trx, w) => {
    const a = await trx
      .selectFrom('workshopActions')
      .selectAll()
      .where('id', '=', actionId)
      .where('workshopId', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!a) throw new AppError('not_found');
    const { version, ...next } = input;
    const before = { itemId: a.itemId, what: a.what, who: a.who, dueOn: a.dueOn, status: a.status };
    assertVersion(a, version, { ...before, version: a.version });
    if (next.itemId) await itemOf(trx, id, next.itemId);
    await trx
      .updateTable('workshopActions')
      .set({ ...next, version: a.version + 1 })
      .where('id', '=', actionId)
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'workshop_action',
      entityId: actionId,
      networkId: w.networkId,
      before,
      after: next,
    });
  });
}

export async function deleteAction(deps: Deps, scope: Scope, id: string, actionId: string) {
  return moderatorWrite(deps, scope, id, async (trx, w) => {
    const a = await trx
      .selectFrom('workshopActions')
      .selectAll()
      .where('id', '=', actionId)
      .where('workshopId', '=', id)
      .executeTakeFirst();
    if (!a) throw new AppError('not_found');
    await trx.deleteFrom('workshopActions').where('id', '=', actionId).execute();
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: 'workshop_action',
      entityId: actionId,
      networkId: w.networkId,
      before: { what: a.what },
    });
  });
}
