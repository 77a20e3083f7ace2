import { type RawBuilder, sql } from 'kysely';

/**
 * Words that mean the same in a municipality's search: the abbreviations people type and the words the texts use.
 * A word of a group found in a search also finds the others. A term ending in `*` matches every word it begins
 * (German compounds: `Personalrat*` finds „Personalratsbeteiligung“); the others match as words (stemmed), so a
 * short abbreviation like „PR“ never matches „Projekt“. Every term is in one group only (search.test.ts).
 */
export const SEARCH_SYNONYMS: readonly (readonly string[])[] = [
  ['AVV', 'Auftragsverarbeitung*', 'ADV'],
  ['DSGVO', 'DS-GVO', 'Datenschutz*'],
  ['OZG', 'Onlinezugang*'],
  ['PR', 'Personalrat*', 'Personalvertretung*', 'Mitbestimmung*'],
  ['BPersVG', 'Bundespersonalvertretungsgesetz*'],
  ['IKZ', 'interkommunal*'],
  ['E-Akte', 'eAkte', 'DMS', 'Dokumentenmanagement*'],
  ['E-Rechnung', 'XRechnung', 'Rechnungseingang*'],
  ['KI', '"künstliche Intelligenz"'],
  ['BPMN', 'Prozessmodell*'],
  ['TCO', 'Lebenszykluskosten*', 'Gesamtkosten*'],
  ['ISMS', 'Informationssicherheit*', 'IT-Sicherheit'],
  ['LeiKa', 'Leistungskatalog*'],
  ['Change-Management', 'Veränderungsmanagement*', 'Changemanagement'],
];

const key = (word: string) => word.replace(/\*$/, '').replace(/"/g, '').toLocaleLowerCase('de');
const GROUP_OF = new Map<string, readonly string[]>(SEARCH_SYNONYMS.flatMap((g) => g.map((t) => [key(t), g])));

/** A plain word of a search (no quotes, no `-without`, no `OR`), with the punctuation around it taken off. */
const bare = (token: string) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** The synonym group a search word belongs to, if any. */
export function synonymsOf(word: string): readonly string[] | undefined {
  return GROUP_OF.get(key(bare(word)));
}

/** One term of a group as a tsquery: a prefix for `Wort*`, else the stemmed word or "phrase". */
function termQuery(term: string): RawBuilder<unknown> {
  if (term.endsWith('*')) {
    // a single plain word (checked by the test): to_tsquery stems it and keeps the prefix mark
    return sql`to_tsquery('german', ${`${term.slice(0, -1)}:*`})`;
  }
  return sql`websearch_to_tsquery('german', ${term})`;
}

/**
 * The German full-text query of a search (websearch syntax: words, "phrases", -without, OR). A search of plain
 * words where one is in `SEARCH_SYNONYMS` becomes the AND of its words, that word being any term of its group
 * („AVV Muster“ → (avv | auftragsverarbeit:* | adv) & must). Searches with quotes or OR stay as they are, and so
 * does every search without a synonym — the user's text only ever reaches PostgreSQL as a parameter.
 */
export function germanSearch(q: string): { query: RawBuilder<unknown>; synonyms: string[] } {
  const tokens = q.split(/\s+/).filter(Boolean);
  const plain = !q.includes('"') && !tokens.some((t) => t.toUpperCase() === 'OR' || t.startsWith('-'));
  const groups = plain ? tokens.map((t) => synonymsOf(t)) : [];
  if (!groups.some(Boolean)) return { query: sql`websearch_to_tsquery('german', ${q})`, synonyms: [] };
  const synonyms: string[] = [];
  const parts = tokens.map((t, i) => {
    const group = groups[i];
    if (!group) return sql`websearch_to_tsquery('german', ${t})`;
    for (const term of group) {
      const shown = term.replace(/[*"]/g, '');
      if (key(term) !== key(bare(t)) && !synonyms.includes(shown)) synonyms.push(shown);
    }
    return sql`(${sql.join(group.map(termQuery), sql` || `)})`;
  });
  // an empty part (a stop word) leaves the other side of && as it is
  return { query: sql`(${sql.join(parts, sql` && `)})`, synonyms };
}
