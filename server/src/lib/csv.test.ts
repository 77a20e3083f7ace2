import { describe, expect, it } from 'vitest';
import { openCsvInCalc } from '../../test/libreoffice.js';
import { csvText, germanCsv } from './csv.js';

const EVIL = ['=1+1', '+49 30 123', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', '=HYPERLINK("http://x";"y")'];

describe('germanCsv (the one CSV writer)', () => {
  it('writes BOM, semicolons, CRLF line ends and decimal commas', () => {
    const csv = germanCsv([
      ['a', 'b'],
      [4.625, -3],
    ]);
    expect(csv).toBe('\ufeffa;b\r\n4,625;-3\r\n');
    expect(germanCsv([['a\nb', 'c\rd', 'e']])).toBe('\ufeff"a\nb";"c\rd";e\r\n');
  });

  it('neutralises formula-looking text, never numbers', () => {
    for (const s of EVIL) expect(csvText(s)).toBe(`'${s}`);
    expect(csvText('Bürgerportal')).toBe('Bürgerportal');
    expect(germanCsv([[-1.5, '-1,5']])).toBe("\ufeff-1,5;'-1,5\r\n");
  });

  it('LibreOffice (de-DE, formulas evaluated) reads numbers as numbers and formula-looking text as text', async () => {
    const rows = [['Text', 'Zahl'], ...EVIL.map((s, i) => [s, -i - 0.5]), ['zwei\nZeilen', 1e6]];
    const { t } = await openCsvInCalc({ t: germanCsv(rows) });
    expect(t[0]?.map((c) => c.value)).toEqual(['Text', 'Zahl']);
    EVIL.forEach((s, i) => {
      const [text, num] = t[i + 1] ?? [];
      expect(text?.kind, s).toBe('text');
      expect(String(text?.value)).toContain(s.replace(/^[\t\r]/, '').slice(0, 4));
      expect(num).toEqual({ kind: 'number', value: -i - 0.5 });
    });
    expect(t[EVIL.length + 1]).toEqual([
      { kind: 'text', value: 'zwei\nZeilen' },
      { kind: 'number', value: 1e6 },
    ]);
    expect(t).toHaveLength(EVIL.length + 2);
  });
});
