import { AppError } from '@dz/core';
import type { FastifyRequest } from 'fastify';

export interface Upload {
  fileName: string;
  contentType: string;
  content: Buffer;
}

const FIELD = 'body.file';
const MISSING = 'Bitte wählen Sie eine Datei.';
const EMPTY = 'Die Datei ist leer.';

function tooLarge(maxBytes: number | undefined) {
  const mb = maxBytes ? `${Math.round(maxBytes / (1024 * 1024))} MB` : 'die erlaubte Größe';
  const msg = `Die Datei ist größer als ${mb}.`;
  return new AppError('payload_too_large', msg, [{ path: FIELD, code: 'too_large', message: msg }]);
}

/** A size limit hit by busboy/@fastify/multipart (file, parts, files or the whole body). */
function isLimitError(err: unknown) {
  const e = err as { code?: unknown; statusCode?: unknown };
  return e?.statusCode === 413 || (typeof e?.code === 'string' && /TOO_LARGE|LIMIT/.test(e.code));
}

/** DEL and the Unicode direction marks (ALM, LRM/RLM, embeddings, overrides, isolates). */
const HIDDEN = new Set([
  0x7f, 0x61c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);

/**
 * A file name as people see it in lists and downloads: without control characters and without the direction marks
 * that make „rechnung\u202Efdp.exe“ read as „rechnungexe.pdf“ (found by an outside attack); never empty.
 */
export function cleanFileName(name: string): string {
  const cleaned = [...name]
    .filter((ch) => {
      const code = ch.codePointAt(0)!;
      return code >= 0x20 && !HIDDEN.has(code);
    })
    .join('')
    .trim();
  return cleaned || 'Datei';
}

/** The OpenAPI side of an upload route: a multipart body with one file in the field "file". */
export function uploadSchema(description: string) {
  return { consumes: ['multipart/form-data'], description };
}

/**
 * Reads the one file of a multipart/form-data upload (field "file") into memory — the one way every upload
 * route takes a file. Every failure is the client's, with a German field error on `body.file`: not
 * multipart → 415, no file or an empty one → 400, over `maxBytes` → 413, a body cut off or malformed (no
 * closing boundary, broken headers) → 400. Nothing is returned, so nothing is stored, unless the whole,
 * non-empty file arrived.
 */
export async function readUpload(req: FastifyRequest, opts: { maxBytes?: number } = {}): Promise<Upload> {
  const { maxBytes } = opts;
  if (!req.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Bitte senden Sie die Datei als multipart/form-data.', [
      { path: FIELD, code: 'required', message: MISSING },
    ]);
  }
  try {
    const file = await req.file(maxBytes ? { limits: { fileSize: maxBytes } } : undefined);
    if (!file)
      throw new AppError('validation_failed', 'Keine Datei.', [{ path: FIELD, code: 'required', message: MISSING }]);
    const content = await file.toBuffer();
    if (content.length === 0)
      throw new AppError('validation_failed', EMPTY, [{ path: FIELD, code: 'empty', message: EMPTY }]);
    return { fileName: cleanFileName(file.filename), contentType: file.mimetype, content };
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (isLimitError(err)) throw tooLarge(maxBytes);
    req.log.warn({ code: (err as { code?: string })?.code }, 'broken multipart upload');
    const msg = 'Die Datei wurde unvollständig oder fehlerhaft übertragen. Bitte laden Sie sie erneut hoch.';
    throw new AppError('validation_failed', msg, [{ path: FIELD, code: 'upload_incomplete', message: msg }]);
  }
}
