/**
 * Names from the Destatis directory files as people read them. GV100AD and the Auszug GV abbreviate the
 * designation after the comma in many records (Bavaria mostly: "Altötting, St", "Marktl, M",
 * "Dachau, GKSt") and mark Verwaltungsgemeinschaften with "(VGem)"; the app shows the words instead.
 */
const DESIGNATIONS: Record<string, string> = {
  St: 'Stadt',
  M: 'Markt',
  GKSt: 'Große Kreisstadt',
  'gemfr. Gebiet': 'gemeindefreies Gebiet',
  'gemfr. Geb.': 'gemeindefreies Gebiet',
  'gemfr.Geb.': 'gemeindefreies Gebiet',
  'gemfr. Bezirk': 'gemeindefreier Bezirk',
};
const DESIGNATION = /,\s*([^,]+)$/;

/** Width of the name field in GV100AD: longer names are cut there (Destatis Hinweise.txt warns about it). */
export const GV100AD_NAME_WIDTH = 50;

/** "Altötting, St" → "Altötting, Stadt", "Marktl, M" → "Marktl, Markt", "Emmerting (VGem)" → "Emmerting (Verwaltungsgemeinschaft)". */
export function readableDirectoryName(name: string): string {
  const n = name
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s*\(VGem\)$/, ' (Verwaltungsgemeinschaft)');
  return n.replace(DESIGNATION, (whole, d: string) => {
    const word = DESIGNATIONS[d.trim()];
    return word ? `, ${word}` : whole;
  });
}

/**
 * The name to store for a record whose name fills the source's field (it may have been cut there): the
 * known name when it continues it (from the Auszug GV workbook or an earlier import), else the name as
 * read. A name of exactly the field width that is complete ("Clausthal-Zellerfeld, Berg- und
 * Universitätsstadt") stays as it is.
 */
export function completedName(cut: string, known: string | null | undefined): string {
  const stem = cut.trimEnd();
  return known && known.length > stem.length && known.startsWith(stem) ? known : stem;
}
