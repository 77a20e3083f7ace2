import { fileURLToPath } from 'node:url';
import { fmtDate, fmtDecimal } from '@dz/core';
import type PDFDocument from 'pdfkit';
import type { Outline, StructElement } from 'pdfkit';

/*
 * Tagged PDF (PDF/UA-1) documents with PDFKit (ADR 0004).
 *
 * Callers describe a document with the small content model below (the shape pdfmake used, so the services did
 * not change); this module lays it out on A4 and writes every piece of content either into the structure tree
 * (H1–H3, P, L/LI/Lbl/LBody, Table/TR/TH/TD with Scope) in reading order, or as an artifact (fills, rules, bars,
 * repeated table headers, page footers). Nothing is drawn untagged.
 *
 * - `{ text, style?: 'kicker' | 'h1' | 'h2' | 'h3', bold?, italics?, fontSize?, color?, alignment?, margin? }`;
 *   `text` is a string or a list of strings and `{ text, bold?, italics? }` runs. A string alone is a paragraph.
 * - `{ ul | ol: [string | { text }], fontSize?, margin? }` — a bulleted or numbered list.
 * - `{ stack: [content…] }` — content in sequence.
 * - `{ table: { body, widths?, headerRows? }, layout?, margin? }` — the first `headerRows` rows are column headers
 *   (TH, Scope Column); a table without header rows is a key/value table whose first column holds row headers
 *   (TH, Scope Row). A 1×1 table is a shaded box, tagged as a paragraph. Widths: points, 'auto' or '*'.
 * - `hbars(lines, max, title?)` — a bar chart: the bars are artifacts, the data is a table (title as its Caption,
 *   label TH Row, value TD). A bar never leaves its label and value: each row is measured (label and value may wrap)
 *   and moves to the next page as a whole, and the title stays with the first bar.
 * - `figure(draw, height, alt)` — a vector picture (a radar, a box plot) drawn by `draw(doc, x, y, width)` into a
 *   Figure element with its alternative text; the figures themselves belong in a table beside it as well.
 */

const fontDir = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));
const FONT_FILES = {
  R: 'Roboto-Regular.ttf',
  B: 'Roboto-Medium.ttf',
  I: 'Roboto-Italic.ttf',
  BI: 'Roboto-MediumItalic.ttf',
} as const;

const MARGIN = { top: 50, left: 50, right: 50, bottom: 60 };
const BASE_SIZE = 10.5;
const TEXT = '#000000';
const MUTED = '#4a5260';
const ACCENT = '#1f4e8c';
const TINT = '#e6eef8';
const RULE = '#aaaaaa';

type Side4 = [number, number, number, number];
type Align = 'left' | 'right' | 'center';
interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
}
interface Fmt {
  size: number;
  bold: boolean;
  italics: boolean;
  color: string;
  align: Align;
}
interface Cell {
  runs: Run[];
  fmt: Fmt;
  pad: Side4 | null;
}
type Obj = Record<string, unknown>;

const STYLES: Record<string, { role: string; size: number; bold?: boolean; color?: string; margin: Side4 }> = {
  kicker: { role: 'P', size: 10, color: MUTED, margin: [0, 0, 0, 0] },
  h1: { role: 'H1', size: 20, bold: true, margin: [0, 2, 0, 6] },
  h2: { role: 'H2', size: 14, bold: true, margin: [0, 14, 0, 6] },
  h3: { role: 'H3', size: 11, bold: true, margin: [0, 8, 0, 2] },
};

/** German date from an ISO date ("2026-06-10" → "10.06.2026"), by the shared core formatter. */
export const deDate = (iso: string | null) => fmtDate(iso);
/** A number with at most `digits` decimals ("2,5"), by the shared core formatter. */
export const deNumber = (n: number | null, digits = 1) => fmtDecimal(n, digits);

export interface BarLine {
  label: string;
  value: number;
  text: string;
}

/** A horizontal bar chart: vector bars as artifacts, label and number as a tagged table row each. */
export function hbars(lines: BarLine[], max: number, title?: string) {
  return { bars: lines, max, ...(title ? { title } : {}) };
}

/** The PDFKit document a figure draws on (fonts 'R' and 'B' are registered). */
export type PdfCanvas = InstanceType<typeof PDFDocument>;

/** A vector picture `height` points high, tagged as a Figure with `alt` (what a screen reader says instead). */
export function figure(
  draw: (doc: PdfCanvas, x: number, y: number, width: number) => void,
  height: number,
  alt: string,
) {
  return { figure: draw, height, alt };
}

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const bool = (x: unknown) => (typeof x === 'boolean' ? x : undefined);

function runsOf(t: unknown): Run[] {
  if (typeof t === 'string') return [{ text: t }];
  if (typeof t === 'number') return [{ text: String(t) }];
  if (Array.isArray(t)) return t.flatMap(runsOf);
  if (isObj(t))
    return runsOf(t.text).map((r) => ({
      ...r,
      bold: r.bold ?? bool(t.bold),
      italics: r.italics ?? bool(t.italics),
    }));
  return [];
}

function side4(m: unknown): Side4 {
  if (typeof m === 'number') return [m, m, m, m];
  if (Array.isArray(m) && m.length === 2) return [m[0], m[1], m[0], m[1]];
  if (Array.isArray(m) && m.length === 4) return m as Side4;
  return [0, 0, 0, 0];
}

function fmtOf(node: unknown, base: Fmt): Fmt {
  if (!isObj(node)) return base;
  return {
    size: typeof node.fontSize === 'number' ? node.fontSize : base.size,
    bold: bool(node.bold) ?? base.bold,
    italics: bool(node.italics) ?? base.italics,
    color: typeof node.color === 'string' ? node.color : base.color,
    align: node.alignment === 'right' || node.alignment === 'center' ? node.alignment : base.align,
  };
}

const BODY: Fmt = { size: BASE_SIZE, bold: false, italics: false, color: TEXT, align: 'left' };

class Renderer {
  readonly left = MARGIN.left;
  readonly width: number;
  constructor(
    private readonly d: PDFDocument,
    private readonly root: StructElement,
  ) {
    this.width = d.page.width - MARGIN.left - MARGIN.right;
  }

  private readonly glyphs = new Map<number, boolean>();
  private h1: Outline | null = null;
  /** Drops characters Roboto has no glyph for (emoji, …): PDF/UA forbids references to the .notdef glyph. */
  clean(text: string) {
    const font = (this.d as unknown as { _font: { font: { hasGlyphForCodePoint(cp: number): boolean } } })._font.font;
    let out = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let ok = this.glyphs.get(cp);
      if (ok === undefined) {
        ok = ch === '\n' || ch === '\t' || font.hasGlyphForCodePoint(cp);
        this.glyphs.set(cp, ok);
      }
      if (ok) out += ch;
    }
    return out;
  }
  private runs(x: unknown): Run[] {
    return runsOf(x).map((r) => ({ ...r, text: this.clean(r.text) }));
  }

  private font(bold: boolean, italics: boolean) {
    return bold ? (italics ? 'BI' : 'B') : italics ? 'I' : 'R';
  }
  private gap(size: number) {
    return size * 0.15;
  }
  private lineHeight(f: Fmt) {
    this.d.font(this.font(f.bold, f.italics)).fontSize(f.size);
    return this.d.currentLineHeight() + this.gap(f.size);
  }
  measure(runs: Run[], f: Fmt, width: number) {
    const text = runs.map((r) => r.text).join('');
    if (!text) return 0;
    this.d.font(this.font(f.bold, f.italics)).fontSize(f.size);
    return this.d.heightOfString(text, { width, lineGap: this.gap(f.size) });
  }
  private naturalWidth(runs: Run[], f: Fmt) {
    this.d.font(this.font(f.bold, f.italics)).fontSize(f.size);
    return Math.max(
      0,
      ...runs
        .map((r) => r.text)
        .join('')
        .split('\n')
        .map((l) => this.d.widthOfString(l)),
    );
  }
  /** Writes runs at (x, y); call inside marked content. Leaves `y` below the text. */
  private write(runs: Run[], f: Fmt, x: number, y: number, width: number) {
    const d = this.d;
    const parts = runs.filter((r) => r.text !== '');
    d.fillColor(f.color).fontSize(f.size);
    const opts = { width, align: f.align, lineGap: this.gap(f.size) };
    parts.forEach((r, i) => {
      d.font(this.font(r.bold ?? f.bold, r.italics ?? f.italics));
      const continued = i < parts.length - 1;
      if (i === 0) d.text(r.text, x, y, { ...opts, continued });
      else d.text(r.text, { ...opts, continued });
    });
  }
  /** A new page unless `height` still fits (or the page is still empty). */
  private ensure(height: number) {
    if (this.d.y + height > this.d.page.maxY() && this.d.y > MARGIN.top + 1) this.d.addPage();
  }
  private artifact(draw: () => void, type = 'Layout') {
    this.d.markContent('Artifact', { type });
    this.d.save();
    draw();
    this.d.restore();
    this.d.endMarkedContent();
  }
  private element(parent: StructElement, role: string, opts?: { scope?: string; alt?: string }) {
    const el = this.d.struct(role, opts);
    parent.add(el);
    return el;
  }
  private tagged(parent: StructElement, role: string, draw: () => void, opts?: { scope?: string }) {
    const el = this.element(parent, role, opts);
    el.add(draw);
    el.end();
  }

  node(n: unknown) {
    if (typeof n === 'string') return this.block({ text: n });
    if (!isObj(n)) throw new Error('pdf: unknown content');
    if ('table' in n) return this.table(n);
    if ('ul' in n || 'ol' in n) return this.list(n);
    if ('stack' in n && Array.isArray(n.stack)) {
      for (const x of n.stack) this.node(x);
      return;
    }
    if ('figure' in n && typeof n.figure === 'function') return this.picture(n);
    if ('bars' in n) return this.bars(n.bars as BarLine[], Number(n.max), typeof n.title === 'string' ? n.title : null);
    if ('text' in n) return this.block(n);
    throw new Error(`pdf: unknown content (${Object.keys(n).join(', ')})`);
  }

  private picture(n: Obj) {
    const height = Number(n.height);
    this.ensure(height);
    const y = this.d.y;
    const el = this.element(this.root, 'Figure', { alt: String(n.alt) });
    el.add(() => {
      this.d.save();
      (n.figure as Parameters<typeof figure>[0])(this.d, this.left, y, this.width);
      this.d.restore();
    });
    el.end();
    this.d.x = this.left;
    this.d.y = y + height + 6;
  }

  private block(n: Obj) {
    const style = typeof n.style === 'string' ? STYLES[n.style] : undefined;
    const base: Fmt = style
      ? { ...BODY, size: style.size, bold: style.bold ?? false, color: style.color ?? TEXT }
      : BODY;
    const f = fmtOf(n, base);
    const m = n.margin !== undefined ? side4(n.margin) : (style?.margin ?? [0, 0, 0, 0]);
    const runs = this.runs(n.text);
    const role = style?.role ?? 'P';
    const x = this.left + m[0];
    const width = this.width - m[0] - m[2];
    if (this.d.y > MARGIN.top + 1) this.d.y += m[1];
    if (!runs.some((r) => r.text.trim())) {
      this.d.y += this.lineHeight(f) + m[3];
      return;
    }
    const first = this.lineHeight(f);
    // headings stay with the first lines of what follows
    this.ensure(role.startsWith('H') ? this.measure(runs, f, width) + 3 * this.lineHeight(BODY) : first);
    const y = this.d.y;
    // bookmarks: H1 at the top, H2 below it
    const title = runs
      .map((r) => r.text)
      .join('')
      .trim();
    if (role === 'H1') this.h1 = this.d.outline.addItem(title, { expanded: true });
    if (role === 'H2') (this.h1 ?? this.d.outline).addItem(title);
    this.tagged(this.root, role, () => this.write(runs, f, x, y, width));
    this.d.y += m[3];
  }

  private list(n: Obj) {
    const f = fmtOf(n, BODY);
    const m = side4(n.margin);
    const indent = 12;
    const x = this.left + m[0];
    const width = this.width - m[0] - m[2] - indent;
    this.d.y += m[1];
    const list = this.element(this.root, 'L');
    const numbered = 'ol' in n;
    list.dictionary.data.A = { O: 'List', ListNumbering: numbered ? 'Decimal' : 'Disc' };
    const items = (numbered ? n.ol : n.ul) as unknown[];
    const labelWidth = numbered ? this.naturalWidth([{ text: `${items.length}.` }], f) + 6 : indent;
    for (const [i, item] of items.entries()) {
      const runs = this.runs(item);
      const fi = fmtOf(item, f);
      this.ensure(this.lineHeight(fi));
      const y = this.d.y;
      const li = this.element(list, 'LI');
      const label = numbered ? `${i + 1}.` : '•';
      this.tagged(li, 'Lbl', () => this.write([{ text: label }], fi, x, y, labelWidth));
      this.tagged(li, 'LBody', () => this.write(runs, fi, x + labelWidth, y, width + indent - labelWidth));
      li.end();
    }
    list.end();
    this.d.y += m[3];
  }

  private table(n: Obj) {
    const t = n.table as Obj;
    const body = (t.body as unknown[][]).filter((r) => r.length > 0);
    const m = side4(n.margin);
    if (body.length === 0) return;
    if (body.length === 1 && body[0]!.length === 1) return this.box(n, body[0]![0], m);
    const layout = n.layout;
    const ruled = layout === 'lightHorizontalLines';
    const headerRows = Math.min(Number(t.headerRows ?? 0), body.length);
    const rowHeaders = headerRows === 0;
    const cols = Math.max(...body.map((r) => r.length));
    const cells: Cell[][] = body.map((r) => r.map((c) => ({ runs: this.runs(c), fmt: fmtOf(c, BODY), pad: null })));
    const pad = (c: number): [number, number] => [c === 0 ? 0 : 4, c === cols - 1 ? 0 : 4];
    const padY = 2;
    // column widths: fixed (content width, as in pdfmake), 'auto' (widest cell), '*' (share of the rest)
    const spec = (Array.isArray(t.widths) ? t.widths : []) as unknown[];
    const widths: number[] = [];
    let stars = 0;
    for (let c = 0; c < cols; c++) {
      const s = spec[c] ?? '*';
      const [pl, pr] = pad(c);
      if (typeof s === 'number') widths[c] = s + pl + pr;
      else if (s === 'auto')
        widths[c] = Math.max(...cells.map((r) => (r[c] ? this.naturalWidth(r[c]!.runs, r[c]!.fmt) : 0))) + pl + pr + 1;
      else stars++;
    }
    const tableWidth = this.width - m[0] - m[2];
    const rest = Math.max(0, tableWidth - widths.reduce((a, b) => a + (b ?? 0), 0));
    for (let c = 0; c < cols; c++) if (widths[c] === undefined) widths[c] = rest / stars;
    const xs = widths.map((_, c) => this.left + m[0] + widths.slice(0, c).reduce((a, b) => a + b, 0));
    const heightOf = (row: Cell[]) =>
      Math.max(
        ...row.map((cell, c) => {
          const [pl, pr] = pad(c);
          return this.measure(cell.runs, cell.fmt, widths[c]! - pl - pr) || this.lineHeight(cell.fmt);
        }),
      ) +
      2 * padY;
    const heights = cells.map(heightOf);

    const drawRow = (row: Cell[], r: number, y: number, tag: StructElement | null) => {
      const h = heights[r]!;
      this.artifact(() => {
        if (ruled) {
          const header = r === headerRows - 1;
          this.d
            .lineWidth(header ? 1 : 0.5)
            .strokeColor(header ? TEXT : RULE)
            .moveTo(xs[0]!, y + h)
            .lineTo(xs[0]! + tableWidth, y + h)
            .stroke();
        }
      });
      row.forEach((cell, c) => {
        const [pl, pr] = pad(c);
        const draw = () => this.write(cell.runs, cell.fmt, xs[c]! + pl, y + padY, widths[c]! - pl - pr);
        if (!tag) {
          this.artifact(draw, 'Pagination');
          return;
        }
        const header = r < headerRows || (rowHeaders && c === 0 && cols > 1);
        const scope = r < headerRows ? 'Column' : 'Row';
        const el = this.element(tag, header ? 'TH' : 'TD', header ? { scope } : undefined);
        if (cell.runs.some((x) => x.text)) el.add(draw);
        el.end();
      });
      this.d.y = y + h;
    };

    this.d.y += m[1];
    const table = this.element(this.root, 'Table');
    cells.forEach((row, r) => {
      if (this.d.y + heights[r]! > this.d.page.maxY() && this.d.y > MARGIN.top + 1) {
        this.d.addPage();
        // the column headers again on the new page, as an artifact (they are in the structure tree once)
        for (let h = 0; h < headerRows && r >= headerRows; h++) drawRow(cells[h]!, h, this.d.y, null);
      }
      const tr = this.element(table, 'TR');
      drawRow(row, r, this.d.y, tr);
      tr.end();
    });
    table.end();
    this.d.x = this.left;
    this.d.y += m[3] + 2;
  }

  /** A one-cell table with a fill: a shaded paragraph. */
  private box(n: Obj, c: unknown, m: Side4) {
    const fill = isObj(n.layout) && typeof n.layout.fillColor === 'function' ? String(n.layout.fillColor(0)) : null;
    const runs = this.runs(c);
    const f = fmtOf(c, BODY);
    const p: Side4 = isObj(c) && c.margin !== undefined ? side4(c.margin) : [4, 2, 4, 2];
    const x = this.left + m[0];
    const width = this.width - m[0] - m[2];
    const inner = width - p[0] - p[2];
    const h = this.measure(runs, f, inner) + p[1] + p[3];
    this.d.y += m[1];
    this.ensure(h);
    const y = this.d.y;
    if (fill) this.artifact(() => this.d.rect(x, y, width, h).fill(fill));
    this.tagged(this.root, 'P', () => this.write(runs, f, x + p[0], y + p[1], inner));
    this.d.x = this.left;
    this.d.y = Math.max(this.d.y, y + h) + m[3];
  }

  private bars(lines: BarLine[], max: number, title: string | null) {
    const f: Fmt = { ...BODY, size: 9 };
    const barWidth = 180;
    const barTop = 4;
    const barHeight = 8;
    const rows = lines.map((line) => ({
      label: this.clean(line.label),
      text: this.clean(line.text),
      value: line.value,
    }));
    // the value column is as wide as the widest value (up to a limit), so amounts do not wrap
    const valueWidth = Math.min(120, Math.max(60, ...rows.map((l) => this.naturalWidth([{ text: l.text }], f) + 1)));
    const labelWidth = this.width - barWidth - valueWidth - 8;
    const barX = this.left + labelWidth + 4;
    const valueX = barX + barWidth + 4;
    // a row is as high as its label, its value (either may wrap) and its bar: it is kept on one page as a whole
    const heights = rows.map(
      (l) =>
        Math.max(
          this.measure([{ text: l.label }], f, labelWidth),
          this.measure([{ text: l.text }], f, valueWidth),
          this.lineHeight(f),
          barTop + barHeight,
        ) + 4,
    );
    const caption = title ? this.runs(title) : null;
    const captionFmt: Fmt = { ...f, color: MUTED };
    const captionHeight = caption ? this.measure(caption, captionFmt, this.width) + 2 : 0;
    this.d.y += 2;
    // the title never stays behind alone at the bottom of a page: it moves with the first bar
    this.ensure(captionHeight + (heights[0] ?? 0));
    const table = this.element(this.root, 'Table');
    if (caption) {
      const y = this.d.y;
      this.tagged(table, 'Caption', () => this.write(caption, captionFmt, this.left, y, this.width));
      this.d.y = y + captionHeight;
    }
    for (const [i, l] of rows.entries()) {
      const h = heights[i]!;
      this.ensure(h);
      const y = this.d.y;
      const tr = this.element(table, 'TR');
      this.tagged(tr, 'TH', () => this.write([{ text: l.label }], f, this.left, y + 2, labelWidth), { scope: 'Row' });
      this.artifact(() => {
        this.d.rect(barX, y + barTop, barWidth, barHeight).fill(TINT);
        const w = Math.max(0, Math.min(1, l.value / (max || 1))) * barWidth;
        if (w > 0) this.d.rect(barX, y + barTop, w, barHeight).fill(ACCENT);
      });
      this.tagged(tr, 'TD', () => this.write([{ text: l.text }], { ...f, align: 'right' }, valueX, y + 2, valueWidth));
      tr.end();
      this.d.y = y + h;
    }
    table.end();
    this.d.x = this.left;
    this.d.y += 6;
  }

  footers(text: string) {
    const d = this.d;
    const range = d.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      d.switchToPage(range.start + i);
      const bottom = d.page.margins.bottom;
      d.page.margins.bottom = 0; // writing below the bottom margin must not add a page
      this.artifact(() => {
        d.font('R')
          .fontSize(8)
          .fillColor(MUTED)
          .text(`Digitalzirkel · ${text} · Seite ${i + 1} von ${range.count}`, this.left, d.page.height - 40, {
            width: this.width,
            lineBreak: false,
          });
      }, 'Pagination');
      d.page.margins.bottom = bottom;
    }
  }
}

/**
 * An A4 document in the house style (Roboto, heading styles, German footer with page numbers) as a tagged
 * PDF/UA-1 file: structure tree in reading order, /Lang de-DE, the title shown in the window, XMP pdfuaid.
 */
export async function renderPdf(o: {
  title: string;
  subject?: string;
  footer: string;
  content: unknown[];
}): Promise<Buffer> {
  // pdfkit and its font engine (about 25 MB of RSS) load with the first PDF, not at server start
  const { default: PDFKit } = await import('pdfkit');
  const d = new PDFKit({
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    tagged: true,
    lang: 'de-DE',
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: true,
    size: 'A4',
    margins: MARGIN,
    font: `${fontDir}${FONT_FILES.R}`, // never the unembedded Helvetica default
    info: { Title: o.title, Author: 'Digitalzirkel', ...(o.subject ? { Subject: o.subject } : {}) },
  });
  for (const [name, file] of Object.entries(FONT_FILES)) d.registerFont(name, fontDir + file);
  d.font('R');
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    d.on('data', (c) => chunks.push(c));
    d.on('end', () => resolve(Buffer.concat(chunks)));
    d.on('error', reject);
    try {
      const root = d.struct('Document');
      d.addStructure(root);
      const r = new Renderer(d, root);
      for (const n of o.content) r.node(n);
      root.end();
      r.footers(o.footer);
      d.end();
    } catch (e) {
      reject(e);
    }
  });
}
