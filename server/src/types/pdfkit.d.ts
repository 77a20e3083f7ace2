// pdfkit 0.19 ships without type declarations; this covers what lib/pdf.ts uses (text, vectors, tagging).
declare module 'pdfkit' {
  export interface StructElement {
    add(child: StructElement | (() => void)): StructElement;
    end(): void;
    dictionary: { data: Record<string, unknown> };
  }
  export interface TextOptions {
    width?: number;
    align?: 'left' | 'right' | 'center' | 'justify';
    lineGap?: number;
    continued?: boolean;
    lineBreak?: boolean;
  }
  export interface Outline {
    addItem(title: string, options?: { expanded?: boolean }): Outline;
  }
  export interface Page {
    width: number;
    height: number;
    margins: { top: number; bottom: number; left: number; right: number };
    maxY(): number;
  }
  export default class PDFDocument {
    constructor(options?: Record<string, unknown>);
    x: number;
    y: number;
    page: Page;
    outline: Outline;
    on(event: 'data', cb: (chunk: Buffer) => void): this;
    on(event: 'end', cb: () => void): this;
    on(event: 'error', cb: (e: Error) => void): this;
    registerFont(name: string, src: string): this;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(w: number): this;
    text(text: string, x?: number, y?: number, options?: TextOptions): this;
    text(text: string, options?: TextOptions): this;
    heightOfString(text: string, options?: TextOptions): number;
    widthOfString(text: string, options?: TextOptions): number;
    currentLineHeight(includeGap?: boolean): number;
    rect(x: number, y: number, w: number, h: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    fill(color?: string): this;
    stroke(color?: string): this;
    closePath(): this;
    fillAndStroke(fill?: string, stroke?: string): this;
    fillOpacity(opacity: number): this;
    dash(length: number, options?: { space?: number }): this;
    undash(): this;
    circle(x: number, y: number, r: number): this;
    save(): this;
    restore(): this;
    addPage(): this;
    switchToPage(n: number): this;
    bufferedPageRange(): { start: number; count: number };
    struct(
      type: string,
      options?: { alt?: string; lang?: string; title?: string; actual?: string; scope?: string },
    ): StructElement;
    addStructure(el: StructElement): this;
    markContent(tag: string, options?: Record<string, unknown>): this;
    endMarkedContent(): this;
    end(): void;
  }
}
