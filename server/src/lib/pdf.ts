import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';

const fontDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts',
  'Roboto',
);
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
// documents never fetch anything: only the bundled fonts are read
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((p) => p.startsWith(fontDir));

/** German date from an ISO date ("2026-06-10" → "10.06.2026"). */
export const deDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : '–');
export const deNumber = (n: number | null, digits = 1) =>
  n === null ? '–' : n.toLocaleString('de-DE', { minimumFractionDigits: 0, maximumFractionDigits: digits });

export interface BarLine {
  label: string;
  value: number;
  text: string;
}

/** A horizontal bar chart drawn with pdfmake vectors, the numbers as selectable text beside it. */
export function hbars(lines: BarLine[], max: number) {
  const width = 180;
  return {
    table: {
      widths: ['*', width + 4, 60],
      body: lines.map((l) => [
        { text: l.label, fontSize: 9 },
        {
          canvas: [
            { type: 'rect', x: 0, y: 2, w: width, h: 8, color: '#e6eef8' },
            { type: 'rect', x: 0, y: 2, w: Math.max(0, (l.value / (max || 1)) * width), h: 8, color: '#1f4e8c' },
          ],
        },
        { text: l.text, fontSize: 9, alignment: 'right' },
      ]),
    },
    layout: 'noBorders',
    margin: [0, 2, 0, 6],
  };
}

/** An A4 document in the house style: Roboto, heading styles, German footer with page numbers. */
export async function renderPdf(o: {
  title: string;
  subject?: string;
  footer: string;
  content: unknown[];
}): Promise<Buffer> {
  const doc = pdfmake.createPdf({
    info: { title: o.title, author: 'Digitalzirkel', subject: o.subject ?? '' },
    language: 'de-DE',
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 60],
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
    styles: {
      kicker: { fontSize: 10, color: '#4a5260' },
      h1: { fontSize: 20, bold: true, margin: [0, 2, 0, 6] },
      h2: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
      h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 2] },
    },
    footer: (page: number, pages: number) => ({
      text: `Digitalzirkel · ${o.footer} · Seite ${page} von ${pages}`,
      fontSize: 8,
      color: '#4a5260',
      margin: [50, 20, 50, 0],
    }),
    content: o.content,
  });
  return doc.getBuffer();
}
