import { AppError, fieldError, type JointEntryKind, type jointEntryInput, type TrafficLight } from '@dz/core';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { authorize } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';

import { getJoint, jointRole, membership } from './joint.service.js';

/* Entries of a joint project: shared decisions, status reports, documents and private notes. */

export const MAX_JOINT_FILE_BYTES = 10 * 1024 * 1024;
type EntryData = {
  kind: JointEntryKind;
  title: string;
  body: string;
  light: TrafficLight | null;
  private: boolean;
  file?: { fileName: string; contentType: string; content: Buffer };
};

/** Shared decisions, status reports and documents, and private notes, by accepted partners. */
export async function addEntry(
  deps: Deps,
  scope: TenantScope,
  id: string,
  e: EntryData | z.infer<typeof jointEntryInput>,
) {
  const j = await membership(deps.db, scope, id);
  if (j.myStatus !== 'accepted') throw new AppError('forbidden', 'Bitte nehmen Sie die Einladung zuerst an.');
  authorize(scope, 'joint', 'write', jointRole(scope, j));
  const file = 'file' in e ? e.file : undefined;
  if (file && file.content.length === 0) throw fieldError('body.file', 'empty', 'Die Datei ist leer.');
  if (file && file.content.length > MAX_JOINT_FILE_BYTES)
    throw fieldError('body.file', 'too_large', 'Die Datei ist größer als 10 MB.');
  await deps.db.transaction().execute(async (trx) => {
    const entryId = newId();
    await trx
      .insertInto('jointEntries')
      .values({
        id: entryId,
        jointProjectId: id,
        municipalityId: scope.municipalityId,
        authorId: scope.user.id,
        kind: e.kind,
        private: e.private,
        title: e.title,
        body: e.body,
        light: e.light,
        fileName: file ? file.fileName.replace(/[\\/\p{Cc}]/gu, '_').slice(0, 200) || 'datei' : null,
        contentType: file ? file.contentType.slice(0, 200) || 'application/octet-stream' : null,
        size: file ? file.content.length : null,
        content: file ? file.content : null,
      })
      .execute();
    await trx.updateTable('jointProjects').set({ updatedAt: new Date() }).where('id', '=', id).execute();
    await writeAudit(trx, scope, {
      action: `entry_${e.kind}`,
      entity: 'joint_project',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: { title: e.title, private: e.private },
    });
  });
  return getJoint(deps, scope, id);
}

/** Only the municipality that wrote an entry removes it (a member whose role contributes). */
export async function deleteEntry(deps: Deps, scope: TenantScope, id: string, entryId: string) {
  const j = await membership(deps.db, scope, id);
  authorize(scope, 'joint', 'write', jointRole(scope, j));
  const res = await deps.db
    .deleteFrom('jointEntries')
    .where('id', '=', entryId)
    .where('jointProjectId', '=', id)
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new AppError('not_found');
  return getJoint(deps, scope, id);
}

export async function entryFile(deps: Deps, scope: TenantScope, id: string, entryId: string) {
  await membership(deps.db, scope, id);
  const f = await deps.db
    .selectFrom('jointEntries')
    .select(['fileName', 'contentType', 'content'])
    .where('id', '=', entryId)
    .where('jointProjectId', '=', id)
    .where('kind', '=', 'document')
    .where((eb) => eb.or([eb('private', '=', false), eb('municipalityId', '=', scope.municipalityId)]))
    .executeTakeFirst();
  if (!f?.content) throw new AppError('not_found');
  return {
    fileName: f.fileName ?? 'datei',
    contentType: f.contentType ?? 'application/octet-stream',
    content: f.content,
  };
}
