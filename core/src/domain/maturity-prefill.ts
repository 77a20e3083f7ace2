/**
 * What the platform already knows about a municipality, and the level each fact suggests for a criterion of the
 * maturity model (issue 22). A suggestion names where it came from and can be overridden; where the platform
 * knows nothing, it suggests nothing (the work may simply happen outside the platform).
 */
import { fmtCount } from './format.js';
import type { MaturityPrefillSource } from './maturity.js';

/** Counts the server gathers in SQL for one municipality (all of them its own data). */
export interface MaturityFacts {
  targetPicture: { vision: boolean; fields: number; goals: number; indicatorsMeasured: number };
  needs: { total: number; linkedToGoals: number };
  services: {
    total: number;
    withVolume: number;
    withEffort: number;
    online: number;
    level4: number;
    withMediaBreaks: number;
  };
  models: { asIs: number; toBe: number };
  projects: {
    active: number;
    scored: number;
    withMilestones: number;
    withReports: number;
    withRisks: number;
    criteria: number;
  };
  papers: { papers: number; withRiskBudget: number; withNpv: number };
  capacity: { people: number; plannedMonths: number };
  competences: { assessed: number; released: boolean };
  trainings: { staff: number; trainedLastYear: number; planned: number };
  staffCouncil: { checks: number; agreed: number };
  funding: { lines: number; withDeadline: number };
  staffRates: { rates: number };
  communication: { items: number; publishedNews: number };
  pulse: { closedRounds: number };
  ideas: { total: number; answered: number };
  network: { memberships: number; publications: number; adoptions: number; joint: number };
  sharedServices: { studies: number; live: number; withAgreement: number };
  /** The latest entered or computed key figures in percent (null: no value). */
  keyFigures: { eFile: number | null; eInvoice: number | null };
}

export interface PrefillSuggestion {
  level: 1 | 2 | 3 | 4 | 5;
  /** Where it came from, in German, with the figures (shown beside the answer). */
  note: string;
  /** A page of the platform that shows the evidence. */
  link: string;
}

/** The German name of each source, as the assessment shows it ("Aus: Zielbild"). */
export const PREFILL_SOURCE_NAMES: Record<MaturityPrefillSource, string> = {
  target_picture_adopted: 'Zielbild',
  needs_register: 'Bedarfe',
  service_inventory: 'Leistungsverzeichnis',
  processes_modelled: 'Prozessmodelle',
  media_breaks: 'Leistungsverzeichnis (Medienbrüche)',
  portfolio_prioritised: 'Projektportfolio',
  project_method: 'Projekte',
  papers_with_risk_budget: 'Beschlussvorlagen',
  papers_economics: 'Beschlussvorlagen',
  capacity_planned: 'Kapazitätsplanung',
  competence_assessments: 'Kompetenzen',
  trainings_recorded: 'Qualifizierung',
  staff_council_checks: 'Beteiligung des Personalrats',
  funding_lines: 'Finanzplanung (Förderung)',
  staff_rates: 'Personalkostensätze',
  communication_plan: 'Kommunikationsplan',
  pulse_run: 'Veränderungspuls',
  ideas_box: 'Ideenbox',
  network_member: 'Netzwerke',
  shared_service_live: 'Gemeinsame Dienste',
  exchange_reuse: 'Projektbörse',
  joint_agreements: 'Gemeinsame Dienste (Vereinbarung)',
  key_figure_e_file: 'Kennzahl E-Akte',
  key_figure_e_invoice: 'Kennzahl E-Rechnung',
  services_online_share: 'Leistungsverzeichnis (OZG)',
};

const n = (v: number) => v.toLocaleString('de-DE');
const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);
const s = (level: PrefillSuggestion['level'], note: string, link: string): PrefillSuggestion => ({ level, note, link });

/** A share in percent on the five levels: 0 → 1, below 25 → 2, below 50 → 3, below 90 → 4, else 5. */
/**
 * A coverage share as a level, cautiously: a share says how far something reaches, not how well it is run — so
 * nine in ten at most support level 4 ("läuft durchgängig"), and level 5 (optimising) is never suggested from it.
 */
function percentLevel(p: number): PrefillSuggestion['level'] {
  return p <= 0 ? 1 : p < 25 ? 2 : p < 90 ? 3 : 4;
}

type Rule = (f: MaturityFacts) => PrefillSuggestion | null;

/** One rule per source: the level the facts support (never more than they show), or null. */
export const PREFILL_RULES: Record<MaturityPrefillSource, Rule> = {
  target_picture_adopted: ({ targetPicture: t }) => {
    if (!t.vision && t.fields === 0) return null;
    if (t.indicatorsMeasured > 0)
      return s(
        4,
        `Zielbild mit ${n(t.goals)} Zielen; ${n(t.indicatorsMeasured)} Kennzahlen mit Messwerten`,
        '/zielbild',
      );
    if (t.goals > 0) return s(3, `Zielbild mit ${n(t.fields)} Handlungsfeldern und ${n(t.goals)} Zielen`, '/zielbild');
    return s(2, `Zielbild im Entwurf (${n(t.fields)} Handlungsfelder, noch ohne Ziele)`, '/zielbild');
  },
  needs_register: ({ needs }) => {
    if (needs.total === 0) return null;
    const share = pct(needs.linkedToGoals, needs.total);
    const note = `${n(needs.total)} Bedarfe erfasst, ${share} % davon Zielen zugeordnet`;
    return s(needs.linkedToGoals === 0 ? 2 : share >= 50 ? 4 : 3, note, '/bedarfe');
  },
  service_inventory: ({ services: v }) => {
    if (v.total === 0) return null;
    const note = `${n(v.total)} Leistungen, ${n(v.withVolume)} mit Fallzahlen, ${n(v.withEffort)} mit Aufwand je Fall`;
    if (v.withEffort * 2 >= v.total) return s(4, note, '/prozesse');
    return s(v.withVolume * 2 >= v.total ? 3 : 2, note, '/prozesse');
  },
  processes_modelled: ({ models }) => {
    if (models.asIs === 0 && models.toBe === 0) return null;
    const note = `${n(models.asIs)} Ist- und ${n(models.toBe)} Soll-Prozesse modelliert`;
    return s(models.toBe > 0 ? 4 : 3, note, '/prozesse');
  },
  media_breaks: ({ services: v }) => {
    if (v.withMediaBreaks === 0) return null;
    return s(3, `Medienbrüche bei ${n(v.withMediaBreaks)} Leistungen gezählt`, '/prozesse');
  },
  portfolio_prioritised: ({ projects: p }) => {
    if (p.active === 0) return null;
    if (p.criteria > 0 && p.scored * 2 >= p.active)
      return s(4, `${n(p.scored)} von ${n(p.active)} laufenden Vorhaben nach Kriterien bewertet`, '/priorisierung');
    return s(3, `${n(p.active)} laufende Vorhaben im Portfolio`, '/projekte');
  },
  project_method: ({ projects: p }) => {
    if (p.active === 0) return null;
    const note = `${n(p.withMilestones)} von ${n(p.active)} Vorhaben mit Meilensteinen, ${n(p.withReports)} mit Statusbericht, ${n(p.withRisks)} mit Risiken`;
    if (p.withRisks * 2 >= p.active && p.withReports > 0) return s(4, note, '/projekte');
    if (p.withMilestones * 2 >= p.active && p.withReports > 0) return s(3, note, '/projekte');
    return s(p.withMilestones > 0 ? 2 : 1, note, '/projekte');
  },
  papers_with_risk_budget: ({ papers }) => {
    if (papers.papers === 0) return null;
    if (papers.withRiskBudget > 0)
      return s(4, `${n(papers.withRiskBudget)} Beschlussvorlagen mit Risikobudget (P80)`, '/projekte');
    return s(3, `${n(papers.papers)} Beschlussvorlagen mit Kosten über die Laufzeit`, '/projekte');
  },
  papers_economics: ({ papers }) => {
    if (papers.papers === 0) return null;
    if (papers.withNpv > 0) return s(4, `${n(papers.withNpv)} Beschlussvorlagen mit Kapitalwert (WiBe)`, '/projekte');
    return s(3, `${n(papers.papers)} Beschlussvorlagen mit Kosten und Nutzen`, '/projekte');
  },
  capacity_planned: ({ capacity: c }) => {
    if (c.people === 0) return null;
    if (c.plannedMonths > 0)
      return s(
        4,
        `Verfügbare Stunden von ${fmtCount(c.people, 'Person', 'Personen')}, geplante Stunden für ${fmtCount(c.plannedMonths, 'Monat', 'Monate')}`,
        '/kapazitaet',
      );
    return s(3, `Verfügbare Stunden von ${fmtCount(c.people, 'Person', 'Personen')} erfasst`, '/kapazitaet');
  },
  competence_assessments: ({ competences: c }) => {
    if (c.assessed === 0) return null;
    if (c.released)
      return s(
        4,
        `${n(c.assessed)} Selbsteinschätzungen, anonym je Bereich ausgewertet`,
        '/kompetenzen/qualifizierung',
      );
    return s(3, `${n(c.assessed)} Beschäftigte haben ihre Kompetenzen eingeschätzt`, '/kompetenzen');
  },
  trainings_recorded: ({ trainings: t }) => {
    if (t.planned === 0 && t.trainedLastYear === 0) return null;
    const share = pct(t.trainedLastYear, t.staff);
    const note = `${n(t.trainedLastYear)} von ${n(t.staff)} Beschäftigten in den letzten 12 Monaten geschult (${share} %)`;
    // planned but hardly anyone trained yet is level 2, not a plan "that follows the needs"
    return s(share >= 50 ? 4 : share >= 25 ? 3 : 2, note, '/kompetenzen/qualifizierung');
  },
  staff_council_checks: ({ staffCouncil: c, projects: p }) => {
    if (c.checks === 0) return null;
    const of = p.active > c.checks ? ` von ${n(p.active)}` : '';
    // level 3 says "for every project": with projects left unchecked, it is level 2
    if (c.checks < p.active)
      return s(2, `Mitbestimmung bei ${n(c.checks)}${of} laufenden Vorhaben geprüft`, '/projekte');
    if (c.agreed > 0)
      return s(
        4,
        `Mitbestimmung bei ${n(c.checks)} Vorhaben geprüft, ${n(c.agreed)} Dienstvereinbarung(en)`,
        '/projekte',
      );
    return s(3, `Mitbestimmung bei ${n(c.checks)} Vorhaben geprüft`, '/projekte');
  },
  funding_lines: ({ funding: f }) => {
    if (f.lines === 0) return null;
    if (f.withDeadline > 0)
      return s(4, `${n(f.lines)} Förderlinien im Finanzplan, ${n(f.withDeadline)} mit Frist`, '/projekte');
    return s(3, `${n(f.lines)} Förderlinien im Finanzplan`, '/projekte');
  },
  staff_rates: ({ staffRates: r }) =>
    r.rates === 0 ? null : s(3, `${n(r.rates)} Personalkostensätze hinterlegt`, '/finanzen/einstellungen'),
  communication_plan: ({ communication: c }) => {
    if (c.items === 0 && c.publishedNews === 0) return null;
    if (c.publishedNews > 0)
      return s(
        4,
        `${n(c.items)} Einträge im Kommunikationsplan, ${n(c.publishedNews)} veröffentlichte Neuigkeiten`,
        '/kommunikation',
      );
    return s(3, `${n(c.items)} Einträge im Kommunikationsplan`, '/kommunikation');
  },
  pulse_run: ({ pulse }) => {
    if (pulse.closedRounds === 0) return null;
    if (pulse.closedRounds >= 2)
      return s(4, `${n(pulse.closedRounds)} abgeschlossene Runden des Veränderungspulses`, '/puls');
    return s(3, 'Eine abgeschlossene Runde des Veränderungspulses', '/puls');
  },
  ideas_box: ({ ideas }) => {
    if (ideas.total === 0) return null;
    if (ideas.answered > 0)
      return s(4, `${n(ideas.total)} Ideen, ${n(ideas.answered)} mit begründeter Antwort`, '/ideen');
    return s(3, `${n(ideas.total)} Ideen in der Ideenbox`, '/ideen');
  },
  network_member: ({ network: w }) => {
    if (w.memberships === 0) return null;
    if (w.joint > 0)
      return s(5, `Mitglied in ${n(w.memberships)} Netzwerk(en); gemeinsame Vorhaben mit anderen`, '/verbuende');
    if (w.publications > 0 || w.adoptions > 0)
      return s(
        4,
        `Mitglied in ${n(w.memberships)} Netzwerk(en); ${n(w.publications)} Projekte geteilt, ${n(w.adoptions)} übernommen`,
        '/austausch/projekte',
      );
    return s(3, `Mitglied in ${n(w.memberships)} Netzwerk(en)`, '/verbuende');
  },
  shared_service_live: ({ sharedServices: d }) => {
    if (d.studies === 0) return null;
    if (d.live > 0) return s(4, `${n(d.live)} gemeinsame(r) Dienst(e) in Betrieb`, '/gemeinsame-dienste');
    return s(3, `${n(d.studies)} Machbarkeitsstudie(n) für gemeinsame Dienste`, '/gemeinsame-dienste');
  },
  exchange_reuse: ({ network: w }) => {
    if (w.adoptions === 0 && w.publications === 0) return null;
    if (w.publications > 0 && w.adoptions > 0)
      return s(
        5,
        `${n(w.adoptions)} Projekte nachgenutzt, ${n(w.publications)} eigene angeboten`,
        '/austausch/projekte',
      );
    if (w.adoptions > 0)
      return s(4, `${n(w.adoptions)} Projekte aus der Projektbörse nachgenutzt`, '/austausch/projekte');
    return s(3, `${n(w.publications)} eigene Projekte in der Projektbörse`, '/austausch/projekte');
  },
  joint_agreements: ({ sharedServices: d }) => {
    if (d.withAgreement === 0) return null;
    if (d.live > 0)
      return s(4, `Vereinbarung mit Kostenschlüssel für ${n(d.live)} Dienst(e) in Betrieb`, '/gemeinsame-dienste');
    return s(3, `${n(d.withAgreement)} Vereinbarung(en) für gemeinsame Dienste abgestimmt`, '/gemeinsame-dienste');
  },
  key_figure_e_file: ({ keyFigures: k }) =>
    k.eFile === null
      ? null
      : s(percentLevel(k.eFile), `Kennzahl „Abdeckung E-Akte“: ${n(k.eFile)} %`, '/reifegrad/kennzahlen'),
  key_figure_e_invoice: ({ keyFigures: k }) =>
    k.eInvoice === null
      ? null
      : s(
          percentLevel(k.eInvoice),
          `Kennzahl „Elektronisch eingegangene Rechnungen“: ${n(k.eInvoice)} %`,
          '/reifegrad/kennzahlen',
        ),
  services_online_share: ({ services: v }) => {
    if (v.total === 0) return null;
    const share = pct(v.online, v.total);
    const note = `${n(v.online)} von ${n(v.total)} Leistungen online (OZG-Reifegrad ≥ 3): ${share} %`;
    if (v.level4 * 2 >= v.total) return s(5, `${note}; ${n(v.level4)} mit Reifegrad 4`, '/prozesse');
    if (share >= 50) return s(4, note, '/prozesse');
    if (v.online > 0) return s(3, note, '/prozesse');
    return s(2, note, '/prozesse');
  },
};

/** The suggestion of one source from the facts. */
export function prefillFor(source: MaturityPrefillSource, facts: MaturityFacts): PrefillSuggestion | null {
  return PREFILL_RULES[source](facts);
}
