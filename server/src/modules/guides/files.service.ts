import { AppError, GUIDE_FILE_TYPES, type GuideFileExtension } from '@dz/core';
import { writeAudit } from '../../lib/audit.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import type { Scope } from '../../lib/scope.js';
import type { Upload } from '../../lib/upload.js';
import { findGuide } from './guides.access.js';
import { getGuide, lockEditable, recordVersion } from './guides.service.js';

/* The files of templates and sample documents: DOCX, XLSX, PDF (and the OpenDocument twins), kept in the database,
   served as attachments. Adding or removing a file is an edit: a new version with its change note. */

const FIELD = 'body.file';
const ZIP = Buffer.from('PK\u0003\u0004', 'latin1');
const PDF = Buffer.from('%PDF-', 'latin1');

/** The file's type from its extension, checked against its first bytes (an office file is a ZIP, a PDF says so). */
export function templateType(fileName: string, content: Buffer): string {
  const ext = fileName.toLowerCase().split('.').pop() as GuideFileExtension;
  const type = GUIDE_FILE_TYPES[ext];
  const msg = 'Bitte laden Sie eine DOCX-, XLSX-, PDF-, ODT- oder ODS-Datei hoch.';
  if (!type) throw new AppError('unsupported_media_type', msg, [{ path: FIELD, code: 'file_type', message: msg }]);
  const magic = ext === 'pdf' ? PDF : ZIP;
  if (!content.subarray(0, magic.length).equals(magic)) {
    const bad = `Die Datei ist keine gültige ${ext.toUpperCase()}-Datei.`;
    throw new AppError('validation_failed', bad, [{ path: FIELD, code: 'file_content', message: bad }]);
  }
  return type;
}

/** A file name without folders or control characters, at most 200 characters (the extension kept). */
function cleanName(name: string) {
  const base = [...(name.split(/[\\/]/).pop() ?? '')]
    .filter((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  if (base.length <= 200) return base || 'datei';
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot) : '';
  return base.slice(0, 200 - ext.length) + ext;
}

export async function addFile(deps: Pick<Deps, 'db'>, scope: Scope, guideId: string, file: Upload) {
  const fileName = cleanName(file.fileName);
  const contentType = templateType(fileName, file.content);
  await deps.db.transaction().execute(async (trx) => {
    const g = await lockEditable(trx, scope, guideId);
    const id = newId();
    await trx
      .insertInto('guideFiles')
      .values({
        id,
        guideId,
        fileName,
        contentType,
        content: file.content,
        size: file.content.length,
        createdBy: scope.user.id,
      })
      .execute();
    await trx
      .updateTable('guides')
      .set({ version: g.version + 1, updatedBy: scope.user.id, updatedAt: new Date() })
      .where('id', '=', guideId)
      .execute();
    await recordVersion(trx, scope, guideId, `Datei „${fileName}“ hinzugefügt`);
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'guide_file',
      entityId: id,
      municipalityId: null,
      networkId: g.networkId,
      after: { guideId, fileName },
    });
  });
  return getGuide(deps, scope, guideId);
}

export async function removeFile(deps: Pick<Deps, 'db'>, scope: Scope, guideId: string, fileId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const g = await lockEditable(trx, scope, guideId);
    const f = await trx
      .deleteFrom('guideFiles')
      .where('id', '=', fileId)
      .where('guideId', '=', guideId)
      .returning('fileName')
      .executeTakeFirst();
    if (!f) throw new AppError('not_found', 'Diese Datei gibt es nicht.');
    await trx
      .updateTable('guides')
      .set({ version: g.version + 1, updatedBy: scope.user.id, updatedAt: new Date() })
      .where('id', '=', guideId)
      .execute();
    await recordVersion(trx, scope, guideId, `Datei „${f.fileName}“ entfernt`);
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: 'guide_file',
      entityId: fileId,
      municipalityId: null,
      networkId: g.networkId,
      before: { guideId, fileName: f.fileName },
    });
  });
  return getGuide(deps, scope, guideId);
}

export async function getFile(deps: Pick<Deps, 'db'>, scope: Scope, guideId: string, fileId: string) {
  await findGuide(deps, scope, guideId);
  const f = await deps.db
    .selectFrom('guideFiles')
    .select(['fileName', 'contentType', 'content'])
    .where('id', '=', fileId)
    .where('guideId', '=', guideId)
    .executeTakeFirst();
  if (!f) throw new AppError('not_found', 'Diese Datei gibt es nicht.');
  return f;
}
