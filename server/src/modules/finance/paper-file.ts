import { AppError, decisionFigures, type decisionPaperInput } from '@dz/core';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import { type PaperAppendix, renderPaperPdf } from './decision-paper.pdf.js';

type Input = z.infer<typeof decisionPaperInput>;

/** The one file name of a paper version: the download, the export and the OParl `File.fileName` use it alike. */
export const paperFileName = (reference: string, versionNo: number) =>
  `Beschlussvorlage-${reference.replace(/[^\w.-]+/g, '_')}-Fassung-${versionNo}.pdf`;

/**
 * A stored paper's input. Versions written before this fix may hold attachments that the PDF library had turned into
 * objects ({ text, … }) in place; they are read back as their text.
 */
export function readContent(raw: unknown): Input {
  const c = raw as Input;
  return {
    ...c,
    attachments: (c.attachments as unknown[]).map((a) =>
      typeof a === 'string' ? a : String((a as { text?: unknown }).text ?? ''),
    ),
  };
}

/**
 * The PDF of a paper version. Rendered from the stored version after its transaction committed and stored once:
 * whoever renders first wins, every later reader gets the same bytes (a numbered version never changes).
 */
export async function storedPaperPdf(db: Database, id: string): Promise<Buffer> {
  const r = await db
    .selectFrom('decisionPapers')
    .select(['pdf', 'content', 'figures', 'appendix', 'versionNo'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw new AppError('not_found');
  if (r.pdf) return r.pdf;
  // every version since 0024 has its appendix; older ones were stored with their PDF
  if (!r.appendix) throw new Error(`decision paper ${id} has neither PDF nor appendix`);
  const pdf = await renderPaperPdf({
    content: readContent(r.content),
    figures: decisionFigures.parse(r.figures),
    appendix: r.appendix as PaperAppendix,
    versionNo: r.versionNo,
  });
  await db.updateTable('decisionPapers').set({ pdf }).where('id', '=', id).where('pdf', 'is', null).execute();
  const stored = await db.selectFrom('decisionPapers').select('pdf').where('id', '=', id).executeTakeFirstOrThrow();
  return stored.pdf ?? pdf;
}
