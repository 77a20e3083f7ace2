import type { FastifyReply } from 'fastify';

/** Download names keep letters, digits, dots and dashes; the original name goes in filename*. */
export function disposition(name: string) {
  const ascii = name.replace(/[^\w.-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Sends an uploaded file as a download; uploaded HTML or SVG must never run in our origin. */
export function sendUpload(reply: FastifyReply, f: { fileName: string; contentType: string; content: Buffer }) {
  const type = /^(text\/html|image\/svg|application\/xhtml)/i.test(f.contentType)
    ? 'application/octet-stream'
    : f.contentType;
  return reply.type(type).header('content-disposition', disposition(f.fileName)).send(f.content);
}
