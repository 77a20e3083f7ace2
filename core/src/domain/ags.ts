/**
 * Official municipality keys.
 * AGS (8 digits): 1–2 Land, 3 Regierungsbezirk, 4–5 Kreis, 6–8 Gemeinde.
 * ARS (12 digits): 1–2 Land, 3 RB, 4–5 Kreis, 6–9 Gemeindeverband, 10–12 Gemeinde;
 * AGS = ARS[1–5] + ARS[10–12]. Source: Destatis, Gemeindeverzeichnis GV-ISys.
 */

/** Land codes of the AGS (01–16) with their names. */
export const LAENDER: Readonly<Record<string, { code: string; short: string; name: string }>> = {
  '01': { code: '01', short: 'SH', name: 'Schleswig-Holstein' },
  '02': { code: '02', short: 'HH', name: 'Hamburg' },
  '03': { code: '03', short: 'NI', name: 'Niedersachsen' },
  '04': { code: '04', short: 'HB', name: 'Bremen' },
  '05': { code: '05', short: 'NW', name: 'Nordrhein-Westfalen' },
  '06': { code: '06', short: 'HE', name: 'Hessen' },
  '07': { code: '07', short: 'RP', name: 'Rheinland-Pfalz' },
  '08': { code: '08', short: 'BW', name: 'Baden-Württemberg' },
  '09': { code: '09', short: 'BY', name: 'Bayern' },
  '10': { code: '10', short: 'SL', name: 'Saarland' },
  '11': { code: '11', short: 'BE', name: 'Berlin' },
  '12': { code: '12', short: 'BB', name: 'Brandenburg' },
  '13': { code: '13', short: 'MV', name: 'Mecklenburg-Vorpommern' },
  '14': { code: '14', short: 'SN', name: 'Sachsen' },
  '15': { code: '15', short: 'ST', name: 'Sachsen-Anhalt' },
  '16': { code: '16', short: 'TH', name: 'Thüringen' },
};

/**
 * The Land codes in the official order 01–16. (Object.keys(LAENDER) would not do: keys "10"–"16" look like array
 * indices and come first.)
 */
export const LAND_CODES: readonly string[] = Object.keys(LAENDER).sort();
/** The Länder in the official order by key: Schleswig-Holstein … Thüringen. */
export const LAND_LIST = LAND_CODES.map((c) => LAENDER[c]!);

export type KeyProblem = 'format' | 'land' | 'mismatch';

/** Checks an AGS: exactly 8 digits and a Land prefix 01–16. Returns null when valid. */
export function agsProblem(ags: string): KeyProblem | null {
  if (!/^\d{8}$/.test(ags)) return 'format';
  if (!(ags.slice(0, 2) in LAENDER)) return 'land';
  return null;
}

/** Checks an ARS (12 digits, Land 01–16) and, if an AGS is given, that both agree. */
export function arsProblem(ars: string, ags?: string): KeyProblem | null {
  if (!/^\d{12}$/.test(ars)) return 'format';
  if (!(ars.slice(0, 2) in LAENDER)) return 'land';
  if (ags !== undefined && agsFromArs(ars) !== ags) return 'mismatch';
  return null;
}

/** AGS = ARS[1–5] + ARS[10–12]. */
export function agsFromArs(ars: string): string {
  return ars.slice(0, 5) + ars.slice(9, 12);
}

/** Builds the ARS from an AGS and the 4-digit Gemeindeverband part. */
export function arsFromAgs(ags: string, verband: string): string {
  return ags.slice(0, 5) + verband.padStart(4, '0') + ags.slice(5, 8);
}

/** 5-digit Kreis key of an AGS. */
export function kreisKeyOf(ags: string): string {
  return ags.slice(0, 5);
}

/** Land name of an AGS, or undefined when the prefix is unknown. */
export function landOf(ags: string): string | undefined {
  return LAENDER[ags.slice(0, 2)]?.name;
}

const LAND_RANK = new Map<string, number>(
  LAND_LIST.flatMap((l, i) => [
    [l.code, i],
    [l.name, i],
  ]),
);

/**
 * Position of a Land (code "01" or name) in the official order by Land key, Schleswig-Holstein … Thüringen;
 * anything else comes last. Every list of Länder (filters, facets, results by Land) is sorted by it.
 */
export function landRank(codeOrName: string): number {
  return LAND_RANK.get(codeOrName) ?? LAND_CODES.length;
}

/** Compares two Länder (codes or names) in the official order, for `Array.prototype.sort`. */
export const byLandOrder = (a: string, b: string) => landRank(a) - landRank(b);
