import type { FastifyReply } from 'fastify';

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };

/** A name in ASCII for old clients: umlauts written out (ü → ue), accents dropped, anything else '_'. */
export function asciiFileName(name: string) {
  return name
    .normalize('NFC')
    .replace(/[äöüÄÖÜß]/g, (c) => UMLAUTS[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]+/g, '_');
}

/** Download names keep letters, digits, dots and dashes (ASCII); the original name goes in filename*. */
export function disposition(name: string) {
  const ascii = asciiFileName(name);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A generated file as a download: its type, its name (with the extension) and its body. */
export function sendDownload(reply: FastifyReply, type: string, fileName: string, body: Buffer | string) {
  return reply.type(type).header('content-disposition', disposition(fileName)).send(body);
}

/**
 * Content types an uploaded file may keep when served back: passive documents, images and archives.
 * Anything else — HTML, JavaScript, SVG, XML, unknown types — could run as active content in our
 * origin and is served as application/octet-stream.
 */
export const SAFE_UPLOAD_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

/**
 * The type an uploaded file is served with: the bare media type (parameters dropped, as the client
 * chose them) when it is on the allow-list, otherwise application/octet-stream.
 */
export function servedUploadType(contentType: string): string {
  const essence = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return SAFE_UPLOAD_TYPES.has(essence) ? essence : 'application/octet-stream';
}

/**
 * Sends an uploaded file as a download. Always an attachment, never sniffed, and in a CSP sandbox
 * (no scripts, unique origin) even if a browser renders it inline after all.
 */
export function sendUpload(reply: FastifyReply, f: { fileName: string; contentType: string; content: Buffer }) {
  return reply
    .type(servedUploadType(f.contentType))
    .header('content-disposition', disposition(f.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .send(f.content);
}
