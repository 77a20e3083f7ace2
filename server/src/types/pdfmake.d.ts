// pdfmake 0.3 ships without type declarations; this covers the server API the reports use.
declare module 'pdfmake' {
  type Content = unknown;
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
    setUrlAccessPolicy(cb: (url: string) => boolean): void;
    setLocalAccessPolicy(cb: (path: string) => boolean): void;
    createPdf(doc: Record<string, unknown> & { content: Content }): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
