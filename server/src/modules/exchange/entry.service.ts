import { AppError, fieldError, LAENDER } from '@dz/core';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import type { Scope, TenantScope } from '../../lib/scope.js';
import { appLink, MAILS } from '../../mail/templates.js';
import { networksRepository } from '../networks/networks.repository.js';
import { notify } from '../notifications/notify.js';
import { loadVisible, readableNetworks } from './exchange.access.js';
import { entryOf, municipalityRef, storedTexts } from './publications.service.js';

/* One entry of the project exchange as a viewer sees it, its lighthouse marks, documents and questions. */
/** Lighthouse marks of an entry: all for its own municipality, else those of networks the scope may read. */
async function lighthouseOf(deps: Deps, scope: Scope, publicationId: string, own: boolean) {
  const nets = readableNetworks(scope);
  if (!own && !nets.length) return [];
  return deps.db
    .selectFrom('lighthouseMarks as l')
    .innerJoin('networks as n', 'n.id', 'l.networkId')
    .select(['l.networkId', 'n.name as network'])
    .where('l.publicationId', '=', publicationId)
    .$if(!own, (q) => q.where('l.networkId', 'in', nets))
    .orderBy('n.name')
    .execute();
}

/**
 * A lighthouse mark is a network's judgment that an entry is worth copying, and it lifts the entry to the
 * top of its members' searches. It only means something when peers judge: a network needs at least this many
 * accepted member municipalities to mark anything — otherwise anyone could found a network of one or two and
 * praise their own project (security review, issue 15).
 */
export const LIGHTHOUSE_MIN_MEMBERS = 3;

/** Networks in which the entry is shown (for lighthouse marks): those published to, or all its municipality's. */
async function networksShowing(deps: Deps, pub: { id: string; visibility: string; municipalityId: string }) {
  if (pub.visibility === 'networks')
    return (
      await deps.db.selectFrom('publicationNetworks').select('networkId').where('publicationId', '=', pub.id).execute()
    ).map((r) => r.networkId);
  return (
    await deps.db
      .selectFrom('networkMembers')
      .select('networkId')
      .where('municipalityId', '=', pub.municipalityId)
      .where('leftOn', 'is', null)
      .where('status', '=', 'accepted')
      .execute()
  ).map((r) => r.networkId);
}

/** One published entry with questions, and for its municipality the reuse statistics. */
export async function getEntry(deps: Deps, scope: Scope, id: string) {
  const pub = await loadVisible(deps, scope, id);
  const own = pub.municipalityId === scope.municipalityId;
  const [m, networks, lighthouse, posts, showing, adopted] = await Promise.all([
    municipalityRef(deps.db, pub.municipalityId),
    deps.db
      .selectFrom('publicationNetworks as pn')
      .innerJoin('networks as n', 'n.id', 'pn.networkId')
      .select(['n.id', 'n.name'])
      .where('pn.publicationId', '=', id)
      .where((eb) =>
        own ? eb.val(true) : eb('n.id', 'in', [...readableNetworks(scope), '00000000-0000-0000-0000-000000000000']),
      )
      .orderBy('n.name')
      .execute(),
    lighthouseOf(deps, scope, id, own),
    deps.db
      .selectFrom('exchangePosts as e')
      .leftJoin('users as u', 'u.id', 'e.authorId')
      .leftJoin('municipalities as m', 'm.id', 'e.municipalityId')
      .select([
        'e.id',
        'e.parentId',
        'e.body',
        'u.name as author',
        'm.name as municipality',
        'e.municipalityId',
        'e.createdAt',
      ])
      .where('e.publicationId', '=', id)
      .orderBy('e.createdAt')
      .execute(),
    networksShowing(deps, pub),
    scope.municipalityId
      ? deps.db
          .selectFrom('reuses as r')
          .innerJoin('projects as pr', 'pr.id', 'r.projectId')
          .select(['pr.id as projectId', 'pr.title'])
          .where('r.publicationId', '=', id)
          .where('r.municipalityId', '=', scope.municipalityId)
          .execute()
      : [],
  ]);
  const toPost = (e: (typeof posts)[number]) => ({
    id: e.id,
    body: e.body,
    author: e.author,
    municipality: e.municipality,
    fromPublisher: e.municipalityId === pub.municipalityId,
    createdAt: iso(e.createdAt),
  });
  const questions = posts
    .filter((e) => !e.parentId)
    .map((q) => ({ ...toPost(q), answers: posts.filter((a) => a.parentId === q.id).map(toPost) }));
  let reuse = null;
  if (own) {
    const [bySize, byLand, total] = await Promise.all([
      deps.db
        .selectFrom('reuses')
        .select(['sizeClass', (eb) => eb.fn.countAll<number>().as('count')])
        .where('publicationId', '=', id)
        .groupBy('sizeClass')
        .orderBy('sizeClass')
        .execute(),
      deps.db
        .selectFrom('reuses')
        .select(['landCode', (eb) => eb.fn.countAll<number>().as('count')])
        .where('publicationId', '=', id)
        .groupBy('landCode')
        .orderBy('landCode')
        .execute(),
      deps.db
        .selectFrom('reuses')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('publicationId', '=', id)
        .executeTakeFirst(),
    ]);
    reuse = {
      count: Number(total?.n ?? 0),
      bySizeClass: bySize.map((r) => ({ sizeClass: r.sizeClass, count: Number(r.count) })),
      byLand: byLand.map((r) => ({
        landCode: r.landCode,
        land: LAENDER[r.landCode]?.name ?? r.landCode,
        count: Number(r.count),
      })),
    };
  }
  const t = pub.template;
  const entry = entryOf(
    pub.id,
    {
      municipality: m,
      values: {
        ...storedTexts(pub),
        documents: pub.documents,
        template: {
          milestones: t.milestones ?? [],
          tasks: t.tasks ?? [],
          costs: t.costs ?? [],
          risks: t.risks ?? [],
          processes: t.processes ?? [],
        },
        sizeClass: pub.sizeClass,
        landCode: pub.landCode,
        kreisKey: pub.kreisKey,
        population: pub.population,
      },
    },
    { networks, lighthouse, publishedAt: iso(pub.publishedAt), updatedAt: iso(pub.updatedAt) },
  );
  const _tenant = Boolean(scope.municipalityId);
  const candidates =
    pub.status === 'published'
      ? showing.filter((n) => scope.moderatedNetworkIds.includes(n) || scope.user.isPlatformAdmin)
      : [];
  // the same rule as setLighthouse: a mark already set may be removed, a new one must pass the rules
  const markableIds: string[] = [];
  for (const n of candidates)
    if (lighthouse.some((l) => l.networkId === n) || !(await lighthouseRefusal(deps, scope, pub.municipalityId, n)))
      markableIds.push(n);
  const markable = markableIds.length
    ? await deps.db
        .selectFrom('networks')
        .select(['id', 'name'])
        .where('id', 'in', markableIds)
        .orderBy('name')
        .execute()
    : [];
  return {
    ...entry,
    // the publishing municipality's figures as published (population at the time of publishing)
    municipality: { ...entry.municipality, population: pub.population, sizeClass: pub.sizeClass },
    own,
    questions,
    reuse,
    adoptedAs: adopted.filter((a): a is { projectId: string; title: string } => Boolean(a.projectId)),
    can: {
      ...presentCan(scope, 'exchangeEntry', { own, published: pub.status === 'published' }),
      // per network, with the rules of setLighthouse (which asks this very list)
      lighthouseNetworks: markable,
    },
  };
}

const lighthouseRefused = (code: string, message: string) =>
  new AppError('forbidden', message, [{ path: 'networkId', code, message }]);

/**
 * Why the actor may not set a lighthouse mark of a network on an entry of a municipality, or null: never for
 * an entry of a municipality the actor belongs to, and only in networks of LIGHTHOUSE_MIN_MEMBERS accepted members.
 */
async function lighthouseRefusal(
  deps: Deps,
  scope: Scope,
  municipalityId: string,
  networkId: string,
): Promise<AppError | null> {
  const ownMunicipality = await deps.db
    .selectFrom('memberships')
    .select('userId')
    .where('userId', '=', scope.user.id)
    .where('municipalityId', '=', municipalityId)
    .executeTakeFirst();
  if (ownMunicipality)
    return lighthouseRefused(
      'lighthouse_own_municipality',
      'Projekte der eigenen Kommune können Sie nicht als Leuchtturmprojekt markieren.',
    );
  if ((await networksRepository.acceptedCount(deps.db, networkId)) < LIGHTHOUSE_MIN_MEMBERS)
    return lighthouseRefused(
      'lighthouse_small_network',
      `Leuchtturmprojekte können nur Verbünde mit mindestens ${LIGHTHOUSE_MIN_MEMBERS} Mitgliedskommunen markieren – die Markierung soll das Urteil mehrerer Kommunen sein.`,
    );
  return null;
}

/**
 * A moderator marks (or unmarks) an entry as a lighthouse project of a network it is shown in. Marking needs
 * a network of at least LIGHTHOUSE_MIN_MEMBERS accepted members, and never an entry of a municipality the
 * moderator belongs to; removing a mark is always allowed.
 */
export async function setLighthouse(deps: Deps, scope: Scope, id: string, networkId: string, on: boolean) {
  const entry = await getEntry(deps, scope, id);
  if (!scope.moderatedNetworkIds.includes(networkId) && !scope.user.isPlatformAdmin)
    throw new AppError('forbidden', 'Nur Moderierende dieses Netzwerks.');
  const pub = await deps.db
    .selectFrom('publications')
    .select(['id', 'visibility', 'municipalityId', 'status'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (pub.status !== 'published' || !(await networksShowing(deps, pub)).includes(networkId))
    throw fieldError('networkId', 'not_shown', 'Dieser Eintrag ist in diesem Netzwerk nicht sichtbar.');
  if (on) {
    const refusal = await lighthouseRefusal(deps, scope, pub.municipalityId, networkId);
    if (refusal) throw refusal;
  }
  // what remains is exactly what the entry offers as can.lighthouseNetworks
  if (!entry.can.lighthouseNetworks.some((n) => n.id === networkId)) throw new AppError('forbidden');
  if (on)
    await deps.db
      .insertInto('lighthouseMarks')
      .values({ publicationId: id, networkId, markedBy: scope.user.id })
      .onConflict((oc) => oc.columns(['publicationId', 'networkId']).doNothing())
      .execute();
  else
    await deps.db
      .deleteFrom('lighthouseMarks')
      .where('publicationId', '=', id)
      .where('networkId', '=', networkId)
      .execute();
  return getEntry(deps, scope, id);
}

/** A document published with the entry (only those chosen when publishing). */
export async function entryDocument(deps: Deps, scope: Scope, id: string, fileId: string) {
  const pub = await loadVisible(deps, scope, id);
  if (!pub.documents.some((d) => d.id === fileId)) throw new AppError('not_found');
  const f = await deps.db
    .selectFrom('projectFiles')
    .select(['fileName', 'contentType', 'content'])
    .where('id', '=', fileId)
    .where('projectId', '=', pub.projectId)
    .executeTakeFirst();
  if (!f) throw new AppError('not_found');
  return f;
}

/** A question (or an answer to one); the publisher is told about questions, the asker about answers. */
export async function addPost(
  deps: Deps,
  scope: TenantScope,
  id: string,
  input: { body: string; parentId: string | null },
) {
  const pub = await loadVisible(deps, scope, id);
  authorize(scope, 'exchangeEntry', 'ask', { own: pub.municipalityId === scope.municipalityId, published: true });
  if (pub.status !== 'published') throw new AppError('conflict', 'Der Eintrag ist zurückgezogen.');
  let parent: { authorId: string | null; municipalityId: string | null } | undefined;
  if (input.parentId) {
    parent = await deps.db
      .selectFrom('exchangePosts')
      .select(['authorId', 'municipalityId'])
      .where('id', '=', input.parentId)
      .where('publicationId', '=', id)
      .where('parentId', 'is', null)
      .executeTakeFirst();
    if (!parent) throw fieldError('parentId', 'unknown_question', 'Diese Frage gibt es hier nicht.');
  }
  await deps.db
    .insertInto('exchangePosts')
    .values({
      id: newId(),
      publicationId: id,
      parentId: input.parentId,
      municipalityId: scope.municipalityId,
      authorId: scope.user.id,
      body: input.body,
    })
    .execute();
  const recipient = input.parentId ? parent?.authorId : pub.publishedBy;
  if (recipient && recipient !== scope.user.id) {
    const u = await deps.db
      .selectFrom('users')
      .select(['id', 'email', 'name'])
      .where('id', '=', recipient)
      .executeTakeFirst();
    if (u) {
      const path = `/austausch/projekte/${id}`;
      // the asker's municipality for an answer, the publisher's for a question
      const at = (input.parentId ? parent?.municipalityId : pub.municipalityId) ?? null;
      const mail = MAILS.exchangePost({
        name: u.name,
        author: scope.user.name,
        answer: Boolean(input.parentId),
        title: pub.title,
        body: input.body,
        url: appLink(deps.config.publicUrl, path, at),
      });
      await notify(deps, deps.db, { userId: u.id, email: u.email }, mail, { path, municipalityId: at });
    }
  }
  return getEntry(deps, scope, id);
}
