import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect } from 'vitest';

interface Node {
  role: string;
  alt?: string;
  children: Node[];
  content: number;
}

export interface PdfTags {
  /** What makes the file not a tagged PDF/UA document; empty when it is one. */
  problems: string[];
  /** Structure roles in reading order (page by page, depth first), e.g. ['Document', 'P', 'H1', 'Table', …]. */
  roles: string[];
}

/**
 * Inspects a PDF with pdf.js (catalog, XMP, structure tree, marked content) and, for the TH attributes pdf.js
 * does not expose, the file's uncompressed object dictionaries (our PDFs come from PDFKit, which writes them
 * uncompressed).
 */
export async function pdfTags(buf: Uint8Array): Promise<PdfTags> {
  const data = new Uint8Array(buf);
  const doc = await getDocument({ data: data.slice(), useSystemFonts: false }).promise;
  const problems: string[] = [];
  const roles: string[] = [];
  const markInfo = await doc.getMarkInfo();
  if (!markInfo?.Marked) problems.push('no /MarkInfo << /Marked true >>');
  const prefs = (await doc.getViewerPreferences()) as { DisplayDocTitle?: boolean } | null;
  if (prefs?.DisplayDocTitle !== true) problems.push('no /ViewerPreferences << /DisplayDocTitle true >>');
  const { info, metadata } = (await doc.getMetadata()) as {
    info: { Title?: string; Language?: string };
    metadata: { get(name: string): unknown } | null;
  };
  if (info.Language !== 'de-DE') problems.push(`/Lang is ${info.Language ?? 'missing'}, not de-DE`);
  if (!info.Title) problems.push('no title in the document information');
  if (metadata?.get('pdfuaid:part') !== '1') problems.push('no PDF/UA identification (XMP pdfuaid:part 1)');
  if (!metadata?.get('dc:title')) problems.push('no dc:title in the XMP metadata');

  const walk = (n: Node, path: string[]) => {
    if (n.role !== 'Root') roles.push(n.role); // pdf.js's own root above the StructTreeRoot's kids
    if (n.role === 'Figure' && !n.alt?.trim()) problems.push('a Figure without alternative text');
    if (n.role === 'Table' && !hasDescendant(n, 'TH')) problems.push('a Table without header cells (TH)');
    if (n.role === 'LI' && path.at(-1) !== 'L') problems.push('an LI outside a list (L)');
    if (n.role === 'TR' && !['Table', 'THead', 'TBody', 'TFoot'].includes(path.at(-1) ?? ''))
      problems.push('a TR outside a Table');
    for (const c of n.children) walk(c, [...path, n.role]);
  };
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const tree = (await page.getStructTree()) as unknown;
    if (!tree) {
      problems.push(`page ${i} has no structure tree`);
      continue;
    }
    walk(toNode(tree), []);
    // every piece of text is marked content: a structure element's (MCID) or an artifact
    const text = await page.getTextContent({ includeMarkedContent: true });
    let depth = 0;
    for (const item of text.items as Array<{ type?: string; str?: string }>) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') depth++;
      else if (item.type === 'endMarkedContent') depth--;
      else if (item.str?.trim() && depth === 0) {
        problems.push(`page ${i}: untagged text „${item.str}“`);
        break;
      }
    }
  }
  if (!roles.includes('H1')) problems.push('no H1 heading');
  let level = 0;
  for (const r of roles) {
    const m = /^H([1-6])$/.exec(r);
    if (!m) continue;
    if (Number(m[1]) > level + 1) problems.push(`heading ${r} follows H${level}`);
    level = Number(m[1]);
  }
  // TH scope: pdf.js does not expose attributes; read the structure element dictionaries
  const raw = Buffer.from(data).toString('latin1');
  for (const obj of raw.split(/\bendobj\b/)) {
    if (/\/S \/TH\b/.test(obj) && !/\/Scope \/(Row|Column|Both)\b/.test(obj)) {
      problems.push('a TH without /Scope');
      break;
    }
  }
  await doc.destroy();
  return { problems: [...new Set(problems)], roles };
}

function toNode(t: unknown): Node {
  const o = t as { role: string; alt?: string; children?: Array<{ type?: string }> };
  const kids = o.children ?? [];
  return {
    role: o.role,
    alt: o.alt,
    content: kids.filter((c) => c.type).length,
    children: kids.filter((c) => !c.type).map(toNode),
  };
}

function hasDescendant(n: Node, role: string): boolean {
  return n.children.some((c) => c.role === role || hasDescendant(c, role));
}

/** Fails unless the PDF is a tagged PDF/UA document; returns its roles for further assertions. */
export async function expectTaggedPdf(buf: Uint8Array): Promise<string[]> {
  const t = await pdfTags(buf);
  expect(t.problems).toEqual([]);
  return t.roles;
}
