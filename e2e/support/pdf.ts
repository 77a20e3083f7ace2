import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of all pages of a PDF, pages separated by a newline; no-break spaces ("1.234,56 €") read as spaces. */
export async function pdfText(buf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(buf) }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const c = await (await doc.getPage(i)).getTextContent();
    pages.push(c.items.map((x) => ('str' in x ? x.str : '').replace(/\u00a0/g, ' ')).join(' '));
  }
  return pages.join('\n');
}
