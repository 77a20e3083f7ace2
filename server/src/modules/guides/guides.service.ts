import { AppError, type GuideCreate, type GuideUpdate, type guideQuery } from '@dz/core';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { germanSearch } from '../../lib/german-search.js';
import { iso, newId } from '../../lib/ids.js';
import { renderMarkdown } from '../../lib/markdown.js';
import type { Scope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { findGuide, visibleGuide } from './guides.access.js';
import { searchExtra } from './guides.text.js';

/* The method library: list with German full-text search and filters, a guide with its checklist ticks, and
   writing guides (each save a new version with its change note; a stale version answers 409). */

type Query = z.infer<typeof guideQuery>;
type StoredItem = { key: string; text: string };

const filesOf = sql<{ id: string; fileName: string }[] | string>`(
  SELECT coalesce(jsonb_agg(jsonb_build_object('id', f.id, 'fileName', f.file_name) ORDER BY f.file_name, f.id), '[]'::jsonb)
  FROM guide_files f WHERE f.guide_id = g.id)`;
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

export async function listGuides(deps: Pick<Deps, 'db'>, scope: Scope, q: Query) {
  const words = q.q ? q.q : null;
  const search = words ? germanSearch(words) : null;
  const tsq = search?.query ?? null;
  let query = deps.db
    .selectFrom('guides as g')
    .leftJoin('networks as n', 'n.id', 'g.networkId')
    .select([
      'g.id',
      'g.kind',
      'g.title',
      'g.summary',
      'g.modules',
      'g.phases',
      'g.networkId',
      'n.name as network',
      'g.version',
      'g.updatedAt',
      sql<number>`jsonb_array_length(g.items)`.as('itemCount'),
      filesOf.as('files'),
    ])
    .where(visibleGuide(scope));
  if (tsq) query = query.where(sql<boolean>`g.search @@ ${tsq}`);
  if (q.module) query = query.where(sql<boolean>`g.modules @> ${JSON.stringify([q.module])}::jsonb`);
  if (q.phase) query = query.where(sql<boolean>`g.phases @> ${JSON.stringify([q.phase])}::jsonb`);
  if (q.kind) query = query.where('g.kind', '=', q.kind);
  if (q.starter) query = query.where('g.starterKey', '=', q.starter);
  const rows = await (tsq ? query.orderBy(sql`ts_rank(g.search, ${tsq})`, 'desc') : query)
    // the network's own guides first (curated for exactly these members), then by title
    .orderBy(sql`g.network_id IS NULL`)
    .orderBy('g.title')
    .orderBy('g.id')
    .execute();
  const curates = await curatedNetworks(deps, scope);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      modules: r.modules,
      phases: r.phases,
      networkId: r.networkId,
      network: r.network,
      version: r.version,
      updatedAt: iso(r.updatedAt),
      itemCount: Number(r.itemCount),
      files: json(r.files),
    })),
    searched: words,
    alsoSearched: search?.synonyms ?? [],
    can: presentCan(scope, 'guides'),
    curates,
    platform: scope.user.isPlatformAdmin,
  };
}

/** The networks the actor writes guides for: those it moderates. */
async function curatedNetworks(deps: Pick<Deps, 'db'>, scope: Scope) {
  if (scope.moderatedNetworkIds.length === 0) return [];
  return deps.db
    .selectFrom('networks')
    .select(['id', 'name'])
    .where('id', 'in', scope.moderatedNetworkIds)
    .orderBy('name')
    .execute();
}

/** A project of the active municipality (ticks of a project belong to its municipality), else 404. */
export async function ownProject(deps: Pick<Deps, 'db'>, scope: Scope, projectId: string) {
  const p = scope.municipalityId
    ? await deps.db
        .selectFrom('projects')
        .select(['id', 'title'])
        .where('id', '=', projectId)
        .where('municipalityId', '=', scope.municipalityId)
        .executeTakeFirst()
    : undefined;
  if (!p) throw new AppError('not_found', 'Dieses Projekt gibt es in Ihrer Kommune nicht.');
  return p;
}

export async function getGuide(deps: Pick<Deps, 'db'>, scope: Scope, guideId: string, projectId?: string | null) {
  const g = await findGuide(deps, scope, guideId);
  const m = scope.municipalityId;
  const project = projectId ? await ownProject(deps, scope, projectId) : null;
  const checklist = g.kind === 'checklist' && m !== null;
  const [files, ticks, projects, municipality] = await Promise.all([
    deps.db
      .selectFrom('guideFiles')
      .select(['id', 'fileName', 'contentType', 'size'])
      .where('guideId', '=', guideId)
      .orderBy('fileName')
      .orderBy('id')
      .execute(),
    checklist
      ? deps.db
          .selectFrom('guideTicks as t')
          .leftJoin('users as u', 'u.id', 't.tickedBy')
          .select(['t.itemKey', 'u.name', 't.tickedAt'])
          .where('t.guideId', '=', guideId)
          .where('t.municipalityId', '=', m)
          .where((eb) => (project ? eb('t.projectId', '=', project.id) : eb('t.projectId', 'is', null)))
          .execute()
      : [],
    checklist
      ? deps.db
          .selectFrom('projects')
          .select(['id', 'title'])
          .where('municipalityId', '=', m)
          .where('phase', 'not in', ['done', 'stopped'])
          .orderBy('title')
          .limit(200)
          .execute()
      : [],
    m ? deps.db.selectFrom('municipalities').select('name').where('id', '=', m).executeTakeFirst() : undefined,
  ]);
  const shown: { id: string; title: string }[] = projects;
  const byKey = new Map(ticks.map((t) => [t.itemKey, { by: t.name, at: iso(t.tickedAt) }]));
  // a project asked for that is not in the running list (done, stopped) is still the one shown
  if (project && !shown.some((p) => p.id === project.id)) shown.push(project);
  return {
    id: g.id,
    kind: g.kind,
    title: g.title,
    summary: g.summary,
    modules: g.modules,
    phases: g.phases,
    networkId: g.networkId,
    network: g.network,
    version: g.version,
    updatedAt: iso(g.updatedAt),
    body: g.body,
    html: renderMarkdown(g.body),
    items: g.items.map((i) => ({ key: i.key, text: i.text, ticked: byKey.get(i.key) ?? null })),
    files: files.map((f) => ({ ...f, size: Number(f.size) })),
    ticksFor: m
      ? {
          projectId: project?.id ?? null,
          label: project?.title ?? municipality?.name ?? '',
          municipality: municipality?.name ?? '',
        }
      : null,
    projects: shown,
    can: presentCan(scope, 'guide', { networkId: g.networkId }),
  };
}

/** Checklist items with keys: kept where given, new ones get one; duplicates are the editor's mistake. */
function keyedItems(kind: string, items: GuideCreate['items']): StoredItem[] {
  if (kind !== 'checklist') return [];
  if (items.length === 0)
    throw new AppError('validation_failed', 'Eine Checkliste braucht mindestens einen Punkt.', [
      { path: 'body.items', code: 'too_small', message: 'Bitte mindestens einen Punkt eintragen.' },
    ]);
  const seen = new Set<string>();
  return items.map((item, i) => {
    let key = item.key;
    if (key && seen.has(key))
      throw new AppError('validation_failed', 'Ein Punkt ist doppelt.', [
        { path: `body.items.${i}.key`, code: 'duplicate', message: 'Dieser Schlüssel kommt zweimal vor.' },
      ]);
    while (!key || seen.has(key)) key = newId().slice(0, 8);
    seen.add(key);
    return { key, text: item.text };
  });
}

async function fileNames(trx: Transaction<DB>, guideId: string) {
  const rows = await trx
    .selectFrom('guideFiles')
    .select('fileName')
    .where('guideId', '=', guideId)
    .orderBy('fileName')
    .execute();
  return rows.map((r) => r.fileName);
}

/** Appends the guide's current state as the version it just reached. */
export async function recordVersion(trx: Transaction<DB>, scope: Scope, guideId: string, changeNote: string) {
  const g = await trx.selectFrom('guides').selectAll().where('id', '=', guideId).executeTakeFirstOrThrow();
  const files = await fileNames(trx, guideId);
  await trx
    .updateTable('guides')
    .set({
      searchExtra: searchExtra(
        g.items,
        files.map((fileName) => ({ fileName })),
      ),
    })
    .where('id', '=', guideId)
    .execute();
  await trx
    .insertInto('guideVersions')
    .values({
      guideId,
      version: g.version,
      title: g.title,
      summary: g.summary,
      body: g.body,
      items: JSON.stringify(g.items),
      modules: JSON.stringify(g.modules),
      phases: JSON.stringify(g.phases),
      files: JSON.stringify(files),
      changeNote,
      editedBy: scope.user.id,
      editedAt: new Date(),
    })
    .execute();
}

export async function createGuide(deps: Pick<Deps, 'db'>, scope: Scope, input: GuideCreate) {
  authorize(scope, 'guides', 'create');
  authorize(scope, 'guide', 'edit', { networkId: input.networkId });
  if (input.networkId) {
    const n = await deps.db.selectFrom('networks').select('id').where('id', '=', input.networkId).executeTakeFirst();
    if (!n)
      throw new AppError('validation_failed', 'Diesen Verbund gibt es nicht.', [
        { path: 'body.networkId', code: 'unknown', message: 'Bitte einen Verbund wählen, den Sie moderieren.' },
      ]);
  }
  const items = keyedItems(input.kind, input.items);
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('guides')
      .values({
        id,
        networkId: input.networkId,
        kind: input.kind,
        title: input.title,
        summary: input.summary,
        body: input.body,
        items: JSON.stringify(items),
        modules: JSON.stringify(input.modules),
        phases: JSON.stringify(input.phases),
        createdBy: scope.user.id,
        updatedBy: scope.user.id,
      })
      .execute();
    await recordVersion(trx, scope, id, input.changeNote);
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'guide',
      entityId: id,
      municipalityId: null,
      networkId: input.networkId,
      after: { title: input.title, kind: input.kind },
    });
  });
  return getGuide(deps, scope, id);
}

/** Locks a visible guide for a write by its curators (404 when not visible, 403 when not theirs). */
export async function lockEditable(trx: Transaction<DB>, scope: Scope, guideId: string) {
  const g = await trx
    .selectFrom('guides as g')
    .select(['g.id', 'g.kind', 'g.title', 'g.networkId', 'g.version', 'g.items'])
    .where('g.id', '=', guideId)
    .where(visibleGuide(scope))
    .forUpdate()
    .executeTakeFirst();
  if (!g) throw new AppError('not_found');
  authorize(scope, 'guide', 'edit', { networkId: g.networkId });
  return g;
}

export async function updateGuide(deps: Pick<Deps, 'db'>, scope: Scope, guideId: string, input: GuideUpdate) {
  await deps.db.transaction().execute(async (trx) => {
    const cur = await lockEditable(trx, scope, guideId);
    assertVersion(cur, input.version, { title: cur.title, version: cur.version });
    const items = keyedItems(cur.kind, input.items);
    await trx
      .updateTable('guides')
      .set({
        title: input.title,
        summary: input.summary,
        body: input.body,
        items: JSON.stringify(items),
        modules: JSON.stringify(input.modules),
        phases: JSON.stringify(input.phases),
        version: cur.version + 1,
        updatedBy: scope.user.id,
        updatedAt: new Date(),
      })
      .where('id', '=', guideId)
      .execute();
    await recordVersion(trx, scope, guideId, input.changeNote);
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'guide',
      entityId: guideId,
      municipalityId: null,
      networkId: cur.networkId,
      before: { title: cur.title, version: cur.version },
      after: { title: input.title, changeNote: input.changeNote },
    });
  });
  return getGuide(deps, scope, guideId);
}

/** Takes a guide out of the library (kept for the audit trail; its ticks go with it from every view). */
export async function archiveGuide(deps: Pick<Deps, 'db'>, scope: Scope, guideId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const cur = await lockEditable(trx, scope, guideId);
    await trx.updateTable('guides').set({ archivedAt: new Date() }).where('id', '=', guideId).execute();
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: 'guide',
      entityId: guideId,
      municipalityId: null,
      networkId: cur.networkId,
      before: { title: cur.title },
    });
  });
  return { ok: true as const };
}

export async function listVersions(deps: Pick<Deps, 'db'>, scope: Scope, guideId: string) {
  await findGuide(deps, scope, guideId);
  const rows = await deps.db
    .selectFrom('guideVersions as v')
    .leftJoin('users as u', 'u.id', 'v.editedBy')
    .select(['v.version', 'v.title', 'v.changeNote', 'u.name', 'v.editedAt'])
    .where('v.guideId', '=', guideId)
    .orderBy('v.version', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      version: r.version,
      title: r.title,
      changeNote: r.changeNote,
      editedBy: r.name,
      editedAt: iso(r.editedAt),
    })),
  };
}

export async function getVersion(deps: Pick<Deps, 'db'>, scope: Scope, guideId: string, version: number) {
  await findGuide(deps, scope, guideId);
  const v = await deps.db
    .selectFrom('guideVersions as v')
    .leftJoin('users as u', 'u.id', 'v.editedBy')
    .selectAll('v')
    .select('u.name')
    .where('v.guideId', '=', guideId)
    .where('v.version', '=', version)
    .executeTakeFirst();
  if (!v) throw new AppError('not_found', 'Diese Fassung gibt es nicht.');
  return {
    version: v.version,
    title: v.title,
    summary: v.summary,
    html: renderMarkdown(v.body),
    items: v.items,
    modules: v.modules,
    phases: v.phases,
    files: v.files,
    changeNote: v.changeNote,
    editedBy: v.name,
    editedAt: iso(v.editedAt),
  };
}
