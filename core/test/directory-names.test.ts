import { describe, expect, it } from 'vitest';
import { completedName, readableDirectoryName } from '../src/domain/directory-names.js';

describe('directory names', () => {
  it('writes Destatis abbreviations of the designation as words', () => {
    expect(readableDirectoryName('Altötting, St')).toBe('Altötting, Stadt');
    expect(readableDirectoryName('Marktl, M')).toBe('Marktl, Markt');
    expect(readableDirectoryName('Dachau, GKSt')).toBe('Dachau, Große Kreisstadt');
    expect(readableDirectoryName('Töging a.Inn, St')).toBe('Töging a.Inn, Stadt');
    expect(readableDirectoryName('Emmerting (VGem)')).toBe('Emmerting (Verwaltungsgemeinschaft)');
    expect(readableDirectoryName('Forst Hainich, gemfr. Gebiet')).toBe('Forst Hainich, gemeindefreies Gebiet');
  });

  it('leaves full names and names that merely contain the letters alone', () => {
    for (const n of [
      'St. Ingbert, Stadt',
      'St. Märgen',
      'Plön, Stadt',
      'Hünfelden',
      'Mering, Markt',
      'gemeindefreies Gebiet M-V',
    ])
      expect(readableDirectoryName(n)).toBe(n);
  });

  it('completes a cut name from a known longer name that continues it, else keeps it as read', () => {
    const cut = 'Bautzen / Budyšin, Stadt, Hochschulstadt / Wysoko';
    const full = 'Bautzen / Budyšin, Stadt, Hochschulstadt / Wysokošulske město';
    expect(completedName(cut, full)).toBe(full);
    expect(completedName(cut, 'Bautzen / Budyšin, Stadt')).toBe(cut); // the old, shorter name is not kept
    expect(completedName(cut, null)).toBe(cut);
    const exact = 'Clausthal-Zellerfeld, Berg- und Universitätsstadt'; // complete as it is
    expect(completedName(exact, exact)).toBe(exact);
    expect(completedName(exact, 'Clausthal-Zellerfeld, Stadt')).toBe(exact);
  });
});
