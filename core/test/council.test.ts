import { describe, expect, it } from 'vitest';
import { councilBodies, councilWithArticle, guessMunicipalityKind } from '../src/domain/council.js';

describe('council bodies per Land', () => {
  // Land code → [council of a Gemeinde, council of a Stadt, usual preparing committee]
  const TABLE: Record<string, [string, string, string]> = {
    '01': ['Gemeindevertretung', 'Stadtvertretung', 'Hauptausschuss'],
    '02': ['Bezirksversammlung', 'Bürgerschaft', 'Haushaltsausschuss'],
    '03': ['Rat', 'Rat', 'Hauptausschuss'],
    '04': ['Stadtbürgerschaft', 'Stadtverordnetenversammlung', 'Haushalts- und Finanzausschuss'],
    '05': ['Rat', 'Rat', 'Haupt- und Finanzausschuss'],
    '06': ['Gemeindevertretung', 'Stadtverordnetenversammlung', 'Haupt- und Finanzausschuss'],
    '07': ['Gemeinderat', 'Stadtrat', 'Haupt- und Finanzausschuss'],
    '08': ['Gemeinderat', 'Gemeinderat', 'Verwaltungsausschuss'],
    '09': ['Gemeinderat', 'Stadtrat', 'Haupt- und Finanzausschuss'],
    '10': ['Gemeinderat', 'Stadtrat', 'Haupt- und Finanzausschuss'],
    '11': ['Bezirksverordnetenversammlung', 'Abgeordnetenhaus', 'Hauptausschuss'],
    '12': ['Gemeindevertretung', 'Stadtverordnetenversammlung', 'Hauptausschuss'],
    '13': ['Gemeindevertretung', 'Stadtvertretung', 'Hauptausschuss'],
    '14': ['Gemeinderat', 'Stadtrat', 'Verwaltungsausschuss'],
    '15': ['Gemeinderat', 'Stadtrat', 'Hauptausschuss'],
    '16': ['Gemeinderat', 'Stadtrat', 'Hauptausschuss'],
  };
  it.each(Object.entries(TABLE))('Land %s', (land, [gemeinde, stadt, committee]) => {
    const g = councilBodies(land, 'gemeinde');
    const s = councilBodies(land, 'stadt');
    expect(g.council).toBe(gemeinde);
    expect(s.council).toBe(stadt);
    expect(g.committee).toBe(committee);
    expect(s.committee).toBe(committee);
    expect(g.legalBasis.length).toBeGreaterThan(3);
  });
  it('covers all 16 Länder', () => expect(Object.keys(TABLE)).toHaveLength(16));

  it('Ortsgemeinden under a Verbandsgemeinde have an Ortsgemeinderat; Bavarian Märkte a Marktgemeinderat', () => {
    expect(councilBodies('07', 'ortsgemeinde').council).toBe('Ortsgemeinderat');
    expect(councilBodies('09', 'markt').council).toBe('Marktgemeinderat');
    // "Ortsgemeinde" and "Markt" mean nothing elsewhere: the Land's Gemeinde form applies
    expect(councilBodies('03', 'ortsgemeinde').council).toBe('Rat');
  });

  it('guesses the kind from the directory name and the administering body', () => {
    expect(guessMunicipalityKind('Plön, Stadt', '01', null)).toBe('stadt');
    expect(guessMunicipalityKind('Wismar, Hansestadt', '13', null)).toBe('stadt');
    expect(guessMunicipalityKind('Bad Bentheim, Stadt', '03', 'samtgemeinde')).toBe('stadt');
    expect(guessMunicipalityKind('Abensberg, St', '09', null)).toBe('stadt');
    expect(guessMunicipalityKind('Kirchheim', '07', 'verbandsgemeinde')).toBe('ortsgemeinde');
    expect(guessMunicipalityKind('Kirchheim b.München', '09', null)).toBe('gemeinde');
    expect(guessMunicipalityKind('Wiesentheid, M', '09', 'verwaltungsgemeinschaft')).toBe('markt');
  });

  it('puts the right article before the council', () => {
    expect(councilWithArticle('Rat')).toBe('Der Rat');
    expect(councilWithArticle('Gemeindevertretung')).toBe('Die Gemeindevertretung');
    expect(councilWithArticle('Stadtverordnetenversammlung')).toBe('Die Stadtverordnetenversammlung');
    expect(councilWithArticle('Stadtrat')).toBe('Der Stadtrat');
    expect(councilWithArticle('Abgeordnetenhaus')).toBe('Das Abgeordnetenhaus');
  });
});
