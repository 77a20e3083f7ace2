import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF, page by page (pdf.js), for assertions on generated documents; the no-break spaces that keep
 * a unit on the line of its number ("1.234,56 €") read as plain spaces.
 */
export async function pdfText(buf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const c = await (await doc.getPage(i)).getTextContent();
    pages.push(c.items.map((x) => ('str' in x ? x.str : '').replace(/\u00a0/g, ' ')).join(' '));
  }
  return pages.join('\n');
}
