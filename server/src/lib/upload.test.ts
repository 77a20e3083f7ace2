import { describe, expect, it } from 'vitest';
import { cleanFileName } from './upload.js';

describe('uploaded file names', () => {
  it('lose direction marks and control characters, keep German letters, never end empty', () => {
    expect(cleanFileName('rechnung\u202Efdp.exe')).toBe('rechnungfdp.exe');
    expect(cleanFileName('\u2066Vertrag\u2069 Muster.docx')).toBe('Vertrag Muster.docx');
    expect(cleanFileName('Kostenschlüssel\r\n.xlsx')).toBe('Kostenschlüssel.xlsx');
    expect(cleanFileName('Übersicht Größe.pdf')).toBe('Übersicht Größe.pdf');
    expect(cleanFileName('\u202E')).toBe('Datei');
  });
});
