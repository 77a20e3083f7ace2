import { describe, expect, it } from 'vitest';
import { germanSearch, SEARCH_SYNONYMS, synonymsOf } from './german-search.js';

describe('search synonyms', () => {
  it('puts every term into one group only; a prefix term is one plain word', () => {
    const terms = SEARCH_SYNONYMS.flat().map((t) => t.replace(/[*"]/g, '').toLocaleLowerCase('de'));
    expect(new Set(terms).size).toBe(terms.length);
    for (const t of SEARCH_SYNONYMS.flat().filter((x) => x.endsWith('*'))) expect(t).toMatch(/^[\p{L}\d]+\*$/u);
  });

  it('finds a group by any of its words, in any case and with punctuation around it', () => {
    expect(synonymsOf('avv')).toContain('Auftragsverarbeitung*');
    expect(synonymsOf('AVV?')).toContain('AVV');
    expect(synonymsOf('Personalrat')).toContain('PR');
    expect(synonymsOf('Vertrag')).toBeUndefined();
  });

  it('names the words searched for as well, and leaves quotes, OR and -without as they are', () => {
    expect(germanSearch('AVV Muster').synonyms).toEqual(['Auftragsverarbeitung', 'ADV']);
    expect(germanSearch('Umfrage').synonyms).toEqual([]);
    expect(germanSearch('"AVV"').synonyms).toEqual([]);
    expect(germanSearch('AVV OR Vertrag').synonyms).toEqual([]);
    expect(germanSearch('AVV -Muster').synonyms).toEqual([]);
  });
});
