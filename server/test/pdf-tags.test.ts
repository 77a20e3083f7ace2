import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { hbars, renderPdf } from '../src/lib/pdf.js';
import { expectTaggedPdf, pdfTags } from './pdf-tags.js';
import { pdfText } from './pdf-text.js';

const every = [
  { text: 'Gemeinde Musterdorf · Beschlussvorlage', style: 'kicker' },
  { text: 'Einführung der E-Akte', style: 'h1' },
  {
    table: {
      widths: [150, '*'],
      body: [
        [{ text: 'Vorlagen-Nr.', bold: true }, 'BV/2026/017'],
        [{ text: 'Öffentlichkeit', bold: true }, 'öffentlich'],
      ],
    },
    layout: 'lightHorizontalLines',
  },
  { text: 'Beschlussvorschlag', style: 'h2' },
  {
    table: { widths: ['*'], body: [[{ text: 'Der Gemeinderat beschließt die E-Akte.', margin: [6, 6, 6, 6] }]] },
    layout: { fillColor: () => '#e6eef8', hLineWidth: () => 0, vLineWidth: () => 0 },
  },
  { text: 'Kosten', style: 'h3' },
  {
    table: {
      headerRows: 1,
      widths: ['*', 'auto'],
      body: [
        [
          { text: 'Position', bold: true },
          { text: 'Betrag', bold: true, alignment: 'right' },
        ],
        ...Array.from({ length: 70 }, (_, i) => [
          `Position ${i + 1}`,
          { text: `${i + 1}.000,00 €`, alignment: 'right' },
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
  },
  { text: [{ text: 'Ergebnis: ', bold: true }, 'Personal bündeln.'] },
  { text: 'Start 🚀 im „Rathaus“' },
  { ul: ['Kostenplan', 'Risikoregister'] },
  { stack: [{ text: 'Nächste Schritte', style: 'h3' }, { ol: ['Angebote einholen', 'Rat beschließt'] }] },
  hbars(
    [
      { label: 'Kommunikationsstrategie', value: 2, text: '2 Punkte' },
      { label: 'Shared Service Bauhof', value: 1, text: '1 Punkt' },
    ],
    2,
  ),
];

describe('tagged PDF (PDF/UA)', () => {
  it('tags every kind of content: headings, paragraphs, lists, tables with header cells, bar charts', async () => {
    const pdf = await renderPdf({ title: 'BV/2026/017 – E-Akte', footer: 'Musterdorf', content: every });
    const roles = await expectTaggedPdf(pdf);
    for (const r of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD'])
      expect(roles, r).toContain(r);
    // reading order: kicker, title, then the key/value table
    expect(roles.slice(0, 5)).toEqual(['Document', 'P', 'H1', 'Table', 'TR']);
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Vorlagen-Nr. BV/2026/017');
    expect(text).toContain('Ergebnis: Personal bündeln.');
    expect(text).toContain('Kommunikationsstrategie 2 Punkte');
    // a character the embedded font lacks is dropped (PDF/UA forbids .notdef glyphs); German quotes stay
    expect(text).toContain('Start im „Rathaus“');
    expect(text).toContain('1. Angebote einholen 2. Rat beschließt');
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/ListNumbering \/Decimal/);
    expect(text).toContain('Position 70 70.000,00 €');
    // the long table runs onto the next pages: its header repeats there (as an artifact), the footer counts pages
    expect(text).toContain('Seite 3 von 3');
    expect(text.match(/Position Betrag/g)).toHaveLength(3);
    expect(roles.filter((r) => r === 'H1')).toHaveLength(1);
    // bookmarks follow the headings (H1, H2 below it)
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const outline = await (await getDocument({ data: new Uint8Array(pdf) }).promise).getOutline();
    expect(outline.map((o) => [o.title, o.items.map((i) => i.title)])).toEqual([
      ['Einführung der E-Akte', ['Beschlussvorschlag']],
    ]);
  });

  it('the structure check fails on an untagged PDF', async () => {
    const doc = new PDFDocument({ info: { Title: 'ohne Tags' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c) => chunks.push(c));
    const done = new Promise<void>((r) => doc.on('end', () => r()));
    doc.text('Nur Text, keine Struktur');
    doc.end();
    await done;
    const { problems } = await pdfTags(Buffer.concat(chunks));
    expect(problems).toEqual(
      expect.arrayContaining([
        'no /MarkInfo << /Marked true >>',
        'no /ViewerPreferences << /DisplayDocTitle true >>',
        '/Lang is missing, not de-DE',
        'no PDF/UA identification (XMP pdfuaid:part 1)',
        'page 1 has no structure tree',
        'no H1 heading',
      ]),
    );
  });

  it('refuses content it cannot tag', async () => {
    await expect(renderPdf({ title: 'x', footer: 'x', content: [{ canvas: [] }] })).rejects.toThrow(/unknown content/);
  });
});
