/**
 * Council bodies (Gremien) per Land: who decides on a Beschlussvorlage and which committee usually prepares it.
 * The name of the elected council is fixed by each Land's municipal code; the preparing committee is the one the
 * code names (Hauptausschuss, Haupt- und Finanzausschuss, Verwaltungsausschuss) or the usual practice where the code
 * leaves it to the Hauptsatzung. Every municipality can override both in its settings — this table is the default.
 *
 * The three city-states (HH, HB, BE) have no Gemeinden in the sense of this platform; their entries stay unverified and
 * the UI asks to check them against the Hauptsatzung, as for every entry whose `verified` is false.
 *
 * Sources (municipal code, the paragraph naming the council). "checked" = the wording was compared with a published
 * text of the law during this change (search of public pages, not the official gazette); "unverified" = from memory.
 * `verified` in the table is true only where the paragraph naming the council was checked.
 * - 01 SH: Gemeindeordnung für Schleswig-Holstein (GO) § 7 "Organe der Gemeinde" (checked against the table of
 *   contents); the council is the "Gemeindevertretung" (checked: municipal pages, e.g. Puls) and in Städten the
 *   "Stadtvertretung" (checked: Eckernförde, "Organe sind in Städten die Stadtvertretung …"); Hauptausschuss § 45a GO —
 *   paragraph unverified. Hanseatic towns (Lübeck) use "Bürgerschaft": override.
 * - 02 HH: Verfassung der Freien und Hansestadt Hamburg Art. 6 (Bürgerschaft); districts: Bezirksversammlung
 *   (BezVG § 3) — unverified; city-state, no Gemeinden.
 * - 03 NI: Niedersächsisches Kommunalverfassungsgesetz (NKomVG) § 7 Abs. 2 (the Vertretung is called "Rat" in
 *   Gemeinden and Samtgemeinden — § 7 unverified; § 45 Abs. 1 Satz 3, checked: its members are "Ratsfrau oder
 *   Ratsherr"), §§ 74–79 Hauptausschuss (checked against the table of contents; it prepares the council's decisions,
 *   § 76); many Gemeinden still call it "Verwaltungsausschuss" (name under the former NGO; e.g. Westerstede citing
 *   § 74 NKomVG).
 * - 04 HB: Landesverfassung der Freien Hansestadt Bremen Art. 148 (Stadtbürgerschaft for the city of Bremen);
 *   Bremerhaven: Stadtverordnetenversammlung (Verfassung für die Stadt Bremerhaven) — unverified; we default to the
 *   Bremerhaven form for a "Stadt" and the Stadtbürgerschaft otherwise.
 * - 05 NW: Gemeindeordnung NRW (GO NRW) § 40 Abs. 2 Satz 1 ("Die Bürgerschaft wird durch den Rat und den Bürgermeister
 *   vertreten", checked with the paragraph in a commentary, juracademy); § 57 Abs. 2 Haupt-, Finanz- and
 *   Rechnungsprüfungsausschuss, commonly combined as "Haupt- und Finanzausschuss" (§ 59; the name is confirmed in use,
 *   e.g. Schermbeck citing § 67 GO NRW).
 * - 06 HE: Hessische Gemeindeordnung (HGO) § 9 Abs. 1 Satz 3 ("Sie führt in Städten die Bezeichnung
 *   Stadtverordnetenversammlung", checked); Haupt- und Finanzausschuss as usual standing committee (§ 62 HGO) —
 *   committee unverified.
 * - 07 RP: Gemeindeordnung Rheinland-Pfalz (GemO) § 28 Abs. 1 and 2 ("Der Gemeinderat führt in den Städten die
 *   Bezeichnung Stadtrat", checked); Ortsgemeinden of a Verbandsgemeinde have an "Ortsgemeinderat" (3. Kapitel,
 *   §§ 64 ff. GemO — paragraph unverified); Haupt- und Finanzausschuss (§ 44 GemO) — committee unverified.
 * - 08 BW: Gemeindeordnung für Baden-Württemberg (GemO) §§ 23–25: the body is "Gemeinderat" also in Städten; only its
 *   members are called "Stadtrat" there (§ 25 Abs. 1 Satz 2, checked); beschließender Verwaltungsausschuss (§ 39) as
 *   usual preparing committee — committee naming unverified.
 * - 09 BY: Gemeindeordnung für den Freistaat Bayern (GO) Art. 29, 30 Abs. 1 ("Die Gemeinde wird durch den Gemeinderat
 *   verwaltet …", "Der Gemeinderat ist die Vertretung der Gemeindebürger", checked as cited by Riedenburg, whose council
 *   is the "Stadtrat"; "Marktgemeinderat" in Märkten from practice); vorberatende Ausschüsse Art. 32 — usual "Haupt- und
 *   Finanzausschuss"; committee unverified.
 * - 10 SL: Kommunalselbstverwaltungsgesetz (KSVG) § 29 "Organe", § 32 "Zusammensetzung und Wahl des Gemeinderates"
 *   (checked against the table of contents); "Stadtrat" in Städten as the Land's own "Ratshelfer" names the councils
 *   ("Orts-, Gemeinde-, Stadt- oder Kreisrat"); Haupt- und Finanzausschuss as usual committee — unverified.
 * - 11 BE: Verfassung von Berlin Art. 38 (Abgeordnetenhaus), its budget committee is the "Hauptausschuss";
 *   districts: Bezirksverordnetenversammlung (BezVG) — unverified; city-state, no Gemeinden.
 * - 12 BB: Kommunalverfassung des Landes Brandenburg (BbgKVerf) § 27 Abs. 1 Satz 2 ("In Städten führt die
 *   Gemeindevertretung die Bezeichnung Stadtverordnetenversammlung", checked); Hauptausschuss § 49 — unverified.
 * - 13 MV: Kommunalverfassung Mecklenburg-Vorpommern (KV M-V) § 22 Abs. 1 ("In Städten führt sie die Bezeichnung
 *   Stadtvertretung", checked), Hauptausschuss § 35 — § 35 unverified.
 * - 14 SN: Sächsische Gemeindeordnung (SächsGemO) § 1 Abs. 4 ("Organe der Gemeinde sind der Gemeinderat und der
 *   Bürgermeister", checked in the official REVOSax text); "Stadtrat" in Städten as used by the towns themselves
 *   (e.g. Radeberg: "Der Stadtrat beschließt …" under the SächsGemO); § 27 and the Verwaltungsausschuss as usual
 *   beschließender Ausschuss (§ 41) — paragraphs unverified.
 * - 15 ST: Kommunalverfassungsgesetz Sachsen-Anhalt (KVG LSA) § 36 Abs. 1 ("Die ehrenamtlichen Mitglieder sind in den
 *   Gemeinden die Gemeinderäte … In Städten tragen Gemeinderäte die Bezeichnung Stadträte", checked; the body of a
 *   Stadt is called "Stadtrat" in practice, e.g. Magdeburg); committees §§ 46–49 (checked against the table of
 *   contents); the name "Hauptausschuss" — unverified.
 * - 16 TH: Thüringer Kommunalordnung (ThürKO) § 22 ("Gemeindeorgane": Gemeinderat and Bürgermeister, checked),
 *   Ausschüsse § 26 (checked as cited by Elxleben); "Stadtrat" in Städten and the name "Hauptausschuss" — unverified.
 */

export type MunicipalityKind = 'gemeinde' | 'stadt' | 'markt' | 'ortsgemeinde';

export interface CouncilBodies {
  /** The elected council that decides ("Rat", "Gemeindevertretung", …). */
  council: string;
  /** The committee that usually prepares the decision. */
  committee: string;
  /** Short citation of the municipal code naming the council. */
  legalBasis: string;
  /** False when the paragraph could not be checked against the current text. */
  verified: boolean;
}

interface LandRule {
  gemeinde: string;
  stadt: string;
  committee: string;
  legalBasis: string;
  verified: boolean;
}

const RULES: Record<string, LandRule> = {
  '01': {
    gemeinde: 'Gemeindevertretung',
    stadt: 'Stadtvertretung',
    committee: 'Hauptausschuss',
    legalBasis: 'GO Schleswig-Holstein § 7',
    verified: true,
  },
  '02': {
    gemeinde: 'Bezirksversammlung',
    stadt: 'Bürgerschaft',
    committee: 'Haushaltsausschuss',
    legalBasis: 'Verfassung der Freien und Hansestadt Hamburg Art. 6',
    verified: false,
  },
  '03': {
    gemeinde: 'Rat',
    stadt: 'Rat',
    committee: 'Hauptausschuss',
    legalBasis: 'NKomVG § 7 Abs. 2, § 45 Abs. 1, §§ 74–79',
    verified: true,
  },
  '04': {
    gemeinde: 'Stadtbürgerschaft',
    stadt: 'Stadtverordnetenversammlung',
    committee: 'Haushalts- und Finanzausschuss',
    legalBasis: 'Landesverfassung Bremen Art. 148; Verfassung für die Stadt Bremerhaven',
    verified: false,
  },
  '05': {
    gemeinde: 'Rat',
    stadt: 'Rat',
    committee: 'Haupt- und Finanzausschuss',
    legalBasis: 'GO NRW § 40 Abs. 2 Satz 1, §§ 57, 59',
    verified: true,
  },
  '06': {
    gemeinde: 'Gemeindevertretung',
    stadt: 'Stadtverordnetenversammlung',
    committee: 'Haupt- und Finanzausschuss',
    legalBasis: 'HGO § 9 Abs. 1 Satz 3',
    verified: true,
  },
  '07': {
    gemeinde: 'Gemeinderat',
    stadt: 'Stadtrat',
    committee: 'Haupt- und Finanzausschuss',
    legalBasis: 'GemO Rheinland-Pfalz § 28 Abs. 2',
    verified: true,
  },
  '08': {
    gemeinde: 'Gemeinderat',
    stadt: 'Gemeinderat',
    committee: 'Verwaltungsausschuss',
    legalBasis: 'GemO Baden-Württemberg §§ 23–25',
    verified: true,
  },
  '09': {
    gemeinde: 'Gemeinderat',
    stadt: 'Stadtrat',
    committee: 'Haupt- und Finanzausschuss',
    legalBasis: 'GO Bayern Art. 29, 30 Abs. 1',
    verified: true,
  },
  '10': {
    gemeinde: 'Gemeinderat',
    stadt: 'Stadtrat',
    committee: 'Haupt- und Finanzausschuss',
    legalBasis: 'KSVG Saarland §§ 29, 32',
    verified: true,
  },
  '11': {
    gemeinde: 'Bezirksverordnetenversammlung',
    stadt: 'Abgeordnetenhaus',
    committee: 'Hauptausschuss',
    legalBasis: 'Verfassung von Berlin Art. 38',
    verified: false,
  },
  '12': {
    gemeinde: 'Gemeindevertretung',
    stadt: 'Stadtverordnetenversammlung',
    committee: 'Hauptausschuss',
    legalBasis: 'BbgKVerf § 27 Abs. 1 Satz 2, § 49',
    verified: true,
  },
  '13': {
    gemeinde: 'Gemeindevertretung',
    stadt: 'Stadtvertretung',
    committee: 'Hauptausschuss',
    legalBasis: 'KV M-V § 22 Abs. 1, § 35',
    verified: true,
  },
  '14': {
    gemeinde: 'Gemeinderat',
    stadt: 'Stadtrat',
    committee: 'Verwaltungsausschuss',
    legalBasis: 'SächsGemO § 1 Abs. 4, § 27',
    verified: true,
  },
  '15': {
    gemeinde: 'Gemeinderat',
    stadt: 'Stadtrat',
    committee: 'Hauptausschuss',
    legalBasis: 'KVG LSA § 36 Abs. 1, §§ 46–49',
    verified: true,
  },
  '16': {
    gemeinde: 'Gemeinderat',
    stadt: 'Stadtrat',
    committee: 'Hauptausschuss',
    legalBasis: 'ThürKO §§ 22, 26',
    verified: true,
  },
};

/**
 * The default council and preparing committee of a municipality from its Land code (01–16, the first two digits of
 * the AGS) and its kind. Ortsgemeinden under a Verbandsgemeinde (Rheinland-Pfalz) have an "Ortsgemeinderat" and no
 * committee of their own by default; Märkte in Bayern a "Marktgemeinderat". Unknown Land codes fall back to the most
 * common form ("Gemeinderat" / "Stadtrat", Hauptausschuss).
 */
export function councilBodies(landCode: string, kind: MunicipalityKind): CouncilBodies {
  const rule = RULES[landCode] ?? {
    gemeinde: 'Gemeinderat',
    stadt: 'Stadtrat',
    committee: 'Hauptausschuss',
    legalBasis: 'Gemeindeordnung des Landes',
    verified: false,
  };
  if (kind === 'ortsgemeinde' && landCode === '07')
    return {
      council: 'Ortsgemeinderat',
      committee: '',
      legalBasis: 'GemO Rheinland-Pfalz §§ 28, 64 ff.',
      verified: false,
    };
  if (kind === 'markt' && landCode === '09')
    return { council: 'Marktgemeinderat', committee: rule.committee, legalBasis: rule.legalBasis, verified: false };
  return {
    council: kind === 'stadt' ? rule.stadt : rule.gemeinde,
    committee: rule.committee,
    legalBasis: rule.legalBasis,
    verified: rule.verified,
  };
}

/**
 * The kind of a municipality guessed from directory data: Destatis names carry ", Stadt" (also "Hansestadt",
 * "Kreisstadt", abbreviated ", St" and ", GKSt"), Bavarian Märkte ", M"; a member of a Verbandsgemeinde in Rheinland-Pfalz is an
 * Ortsgemeinde. The municipality setting overrides the guess.
 */
export function guessMunicipalityKind(
  name: string,
  landCode: string,
  administeringBodyType: string | null,
): MunicipalityKind {
  if (landCode === '07' && administeringBodyType === 'verbandsgemeinde') return 'ortsgemeinde';
  const suffix = name.split(',').slice(1).join(',').trim().toLowerCase();
  if (/stadt/.test(suffix) || suffix === 'st' || suffix === 'gkst') return 'stadt';
  if (landCode === '09' && /^(m|markt)$/.test(suffix)) return 'markt';
  return 'gemeinde';
}

/** The subject of the resolution sentence with its article ("Der Rat", "Die Gemeindevertretung"). */
export function councilWithArticle(council: string): string {
  const feminine = /(vertretung|versammlung|bürgerschaft)$/i.test(council);
  const neuter = /haus$/i.test(council);
  return `${feminine ? 'Die' : neuter ? 'Das' : 'Der'} ${council}`;
}
