import { draftFor, type NewsEvent } from '@dz/core';
import { newId } from '../../lib/ids.js';
import type { Db } from './newsroom.access.js';

/**
 * A news draft that writes itself: called inside the transaction of the change that is worth telling (a
 * milestone reached, a project live, an idea implemented …). One draft per event and municipality — a
 * milestone set back and reached again, or a second release, does not pile up drafts; a draft the coordination
 * discarded stays discarded. The coordination edits and publishes it, or discards it.
 */
export async function draftNews(
  db: Db,
  municipalityId: string,
  source: { key: string; path: string },
  event: NewsEvent,
) {
  const { title, body } = draftFor(event);
  await db
    .insertInto('newsPosts')
    .values({
      id: newId(),
      municipalityId,
      title: title.slice(0, 200),
      body,
      sourceKind: event.kind,
      sourceKey: `${event.kind}:${source.key}`,
      sourcePath: source.path,
    })
    .onConflict((oc) => oc.columns(['municipalityId', 'sourceKey']).where('sourceKey', 'is not', null).doNothing())
    .execute();
}

/** A project went live or was completed (from the project form or the board): a draft for each, once. */
export async function draftPhaseNews(
  db: Db,
  municipalityId: string,
  project: { id: string; title: string },
  from: string,
  to: string,
) {
  if (from === to || (to !== 'operation' && to !== 'done')) return;
  await draftNews(
    db,
    municipalityId,
    { key: `${project.id}:${to}`, path: `/projekte/${project.id}` },
    { kind: 'phase', project: project.title, phase: to },
  );
}

/** News about a project (a milestone reached, back to green): the draft names the project and links to it. */
export async function draftProjectNews(
  db: Db,
  municipalityId: string,
  projectId: string,
  key: string,
  event: (project: string) => NewsEvent,
) {
  const p = await db.selectFrom('projects').select('title').where('id', '=', projectId).executeTakeFirstOrThrow();
  await draftNews(db, municipalityId, { key, path: `/projekte/${projectId}` }, event(p.title));
}
