import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { figure, hbars, renderPdf } from '../src/lib/pdf.js';
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

  it('tags a drawn picture as a Figure with its alternative text', async () => {
    const pdf = await renderPdf({
      title: 'Netzdiagramm',
      footer: 'Musterdorf',
      content: [
        { text: 'Reifegrad', style: 'h1' },
        figure(
          (doc, x, y) =>
            doc
              .moveTo(x, y)
              .lineTo(x + 100, y + 100)
              .stroke(),
          120,
          'Netzdiagramm: Strategie 3, Technik 4.',
        ),
        'Danach geht der Text weiter.',
      ],
    });
    const roles = await expectTaggedPdf(pdf);
    expect(roles).toEqual(expect.arrayContaining(['H1', 'Figure', 'P']));
    expect(roles.indexOf('Figure')).toBeLessThan(roles.lastIndexOf('P'));
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/Alt \(Netzdiagramm: Strategie 3/);
  });

  it('a bar chart never splits: the title stays with the first bar, a bar with its label and value', async () => {
    const lines = [
      { label: '2027', value: 5, text: '1.234.567,89 € (inkl. USt. und eigenem Personal)' },
      {
        label: 'Eine lange Beschriftung, die über mehrere Zeilen umbricht und trotzdem bei ihrem Balken bleiben muss',
        value: 3,
        text: '12.345.678,90 €',
      },
      { label: '2029', value: 1, text: '3.000,00 €' },
    ];
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pageOf = async (pdf: Uint8Array) => {
      const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
      const pages: string[] = [];
      for (let i = 1; i <= doc.numPages; i++)
        pages.push(
          (await (await doc.getPage(i)).getTextContent()).items
            .map((x) => ('str' in x ? x.str : ''))
            .join(' ')
            .replace(/\s+/g, ' '),
        );
      return (needle: string) => pages.findIndex((p) => p.includes(needle));
    };
    // the filler moves the chart over the page break, one paragraph at a time
    const breaks = new Set<string>();
    for (let n = 44; n <= 54; n++) {
      const content = [
        ...Array.from({ length: n }, (_, i) => ({ text: `Absatz ${i + 1}` })),
        hbars(lines, 5, 'Kosten je Jahr 2027–2031'),
      ];
      const page = await pageOf(await renderPdf({ title: 'Balken', footer: 'Balken', content }));
      const title = page('Kosten je Jahr 2027–2031');
      expect(title, `title, ${n} paragraphs`).toBeGreaterThanOrEqual(0);
      expect(page('2027 1.234.567,89 € (inkl. USt. und eigenem Personal)'), `first bar, ${n} paragraphs`).toBe(title);
      const second = page('Eine lange Beschriftung');
      expect(second, `second bar, ${n} paragraphs`).toBeGreaterThanOrEqual(0);
      expect(page('bei ihrem Balken bleiben muss 12.345.678,90 €'), `second bar, ${n} paragraphs`).toBe(second);
      expect(page('2029 3.000,00 €'), `third bar, ${n} paragraphs`).toBeGreaterThanOrEqual(0);
      breaks.add([title, page('12.345.678,90 €'), page('2029 3.000,00 €')].join());
    }
    // the break fell before the chart, inside it and after it
    expect(breaks.size).toBeGreaterThanOrEqual(3);
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
