/**
 * KGSt-style default departments (Fachbereiche / Ämter) for a small municipality.
 * Numbering follows the KGSt Verwaltungsgliederungsplan (10 Hauptamt, 20 Kämmerei, …).
 */
export const DEFAULT_DEPARTMENTS: ReadonlyArray<{ code: string; name: string }> = [
  { code: '10', name: 'Hauptamt' },
  { code: '20', name: 'Kämmerei' },
  { code: '32', name: 'Ordnungsamt' },
  { code: '33', name: 'Bürgerbüro / Einwohnermeldeamt' },
  { code: '34', name: 'Standesamt' },
  { code: '60', name: 'Bauverwaltung' },
  { code: '67', name: 'Bauhof' },
];
