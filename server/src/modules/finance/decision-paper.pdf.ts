import {
  BUDGET_SIMULATION,
  type decisionFigures,
  type decisionPaperInput,
  fmtDecimal,
  fmtEuro,
  fmtNumber,
  grossCents,
} from '@dz/core';
import type { z } from 'zod';
import { deDate, hbars, renderPdf } from '../../lib/pdf.js';
import {
  type StaffCouncilPaper,
  staffCouncilPaper,
  staffCouncilSection,
} from '../staff-council/staff-council.paper.js';
import type { Basis } from './decision-paper.service.js';

type Input = z.infer<typeof decisionPaperInput>;
type Figures = z.infer<typeof decisionFigures>;

/**
 * What a paper's PDF prints besides its text and figures: the municipality, the cost plan, the lifecycle years and
 * the risk register as they were when the version was made. Stored with the version, so the PDF is a function of
 * the stored version alone.
 */
export interface PaperAppendix {
  municipality: { name: string; population: number };
  ratesSource: string;
  rates: Basis['c']['rates'];
  costs: Basis['doc']['costs'];
  staff: Basis['doc']['staff'];
  years: Basis['c']['years'];
  register: Pick<
    Basis['register'][number],
    'title' | 'category' | 'probability' | 'costLikely' | 'weeks' | 'status' | 'mitigation'
  >[];
  /** The staff council check when the version was made (absent in versions made before the check existed). */
  staffCouncil?: StaffCouncilPaper;
}

/** A stored paper version, everything its PDF is rendered from. */
export interface PaperDocument {
  content: Input;
  figures: Figures;
  appendix: PaperAppendix;
  versionNo: number;
}

/** The appendix of a new version, from the paper's basis. */
export function paperAppendix(b: Basis): PaperAppendix {
  return {
    municipality: { name: b.muni.name, population: b.muni.population },
    ratesSource: b.settings.ratesSource,
    rates: b.c.rates,
    costs: b.doc.costs,
    staff: b.doc.staff,
    years: b.c.years,
    register: b.register.map(({ title, category, probability, costLikely, weeks, status, mitigation }) => ({
      title,
      category,
      probability,
      costLikely,
      weeks,
      status,
      mitigation,
    })),
    staffCouncil: staffCouncilPaper(b.staffCouncil),
  };
}

/** The PDF of a paper version: data → document, nothing read, nothing written. */
export function renderPaperPdf(d: PaperDocument): Promise<Buffer> {
  const { content, appendix, versionNo } = d;
  return renderPdf({
    title: `${content.reference} – ${content.subject}`,
    subject: 'Beschlussvorlage',
    footer: `${appendix.municipality.name} · ${content.reference} · Fassung ${versionNo}`,
    content: pdfContent(d),
  });
}

/** Euros with cents, by the formatter the web app uses too. */
export const euro = (cents: number | null) => fmtEuro(cents);
export const ROLE = { preliminary: 'Vorberatung', decision: 'Entscheidung', information: 'Kenntnisnahme' } as const;
const RISK_STATUS: Record<string, string> = {
  open: 'offen',
  mitigating: 'in Bearbeitung',
  occurred: 'eingetreten',
  closed: 'geschlossen',
};
export const RISK_CATEGORY: Record<string, string> = {
  financial: 'finanziell',
  staff: 'personell',
  technical: 'technisch',
  legal: 'rechtlich / Datenschutz',
  vendor: 'Anbieter',
  acceptance: 'Akzeptanz',
};

const FUNDING_STATUS: Record<string, string> = {
  planned: 'geplant, noch nicht beantragt',
  applied: 'beantragt, noch nicht bewilligt',
  approved: 'bewilligt',
  rejected: 'abgelehnt',
};
const KIND: Record<string, string> = {
  one_time: 'einmalig',
  recurring: 'laufend',
};
const percent = (rate: number) => fmtDecimal(rate * 100, 2);

/** The content of a paper version for the tagged-PDF renderer: header, Beratungsfolge, resolution, figures, appendices. */
function pdfContent({ content: input, figures: f, appendix: a, versionNo }: PaperDocument) {
  const muni = a.municipality;
  const row = (k: string, v: string) => [{ text: k, bold: true }, { text: v }];
  const money = (k: string, v: number | null) => [{ text: k }, { text: euro(v), alignment: 'right' }];
  const head = (cols: string[]) => cols.map((t) => ({ text: t, bold: true, fontSize: 9 }));
  const cell = (t: string, right = false) => ({ text: t, fontSize: 9, ...(right ? { alignment: 'right' } : {}) });
  const year = (offset: number) => (f.firstYear ? String(f.firstYear + offset) : `Planjahr ${offset + 1}`);
  const span = (from: number, to: number) =>
    f.firstYear ? `${f.firstYear + from}–${f.firstYear + to}` : `Planjahre ${from + 1}–${to + 1}`;
  const all = span(0, f.horizonYears - 1);
  const openRisks = a.register.filter((r) => r.status === 'open' || r.status === 'mitigating');
  const riskTable = (rs: typeof a.register, full: boolean) => ({
    table: {
      headerRows: 1,
      widths: full ? ['*', 60, 40, 60, 35, 45, '*'] : ['*', 60, 40, 60, 35, '*'],
      body: [
        head([
          'Risiko',
          'Kategorie',
          'Wahrsch.',
          'Mehrkosten (wahrsch.)',
          'Verzug',
          ...(full ? ['Status'] : []),
          'Gegenmaßnahme',
        ]),
        ...rs.map((r) => [
          cell(r.title),
          cell(RISK_CATEGORY[r.category] ?? r.category),
          cell(`${r.probability} %`, true),
          cell(euro(r.costLikely), true),
          cell(r.weeks ? `${r.weeks} Wo.` : '–', true),
          ...(full ? [cell(RISK_STATUS[r.status] ?? r.status)] : []),
          cell(r.mitigation || '–'),
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
  });
  const differs = f.expectedBase !== null && f.expectedBase !== f.total;
  return [
    { text: `${muni.name} · Beschlussvorlage`, style: 'kicker' },
    { text: input.subject, style: 'h1' },
    {
      table: {
        widths: [150, '*'],
        body: [
          row('Vorlagen-Nr.', `${input.reference} (Fassung ${versionNo})`),
          row('Datum', deDate(input.paperDate)),
          row('Vorlagenart', 'Beschlussvorlage'),
          row('Öffentlichkeit', input.public ? 'öffentlich' : 'nicht öffentlich'),
          row('Federführung', input.leadDepartment || '–'),
          row('Sachbearbeitung', input.caseOfficer || '–'),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    { text: 'Beratungsfolge', style: 'h2' },
    input.consultation.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 90, 110],
            body: [
              ['Gremium', 'Sitzung am', 'Zuständigkeit'].map((t) => ({ text: t, bold: true })),
              ...input.consultation.map((c) => [c.body, c.date ? deDate(c.date) : 'offen', ROLE[c.role]]),
            ],
          },
          layout: 'lightHorizontalLines',
        }
      : { text: 'Noch nicht festgelegt.', italics: true },
    { text: 'Beschlussvorschlag', style: 'h2' },
    {
      table: { widths: ['*'], body: [[{ text: input.resolution, margin: [6, 6, 6, 6] }]] },
      layout: { fillColor: () => '#e6eef8', hLineWidth: () => 0, vLineWidth: () => 0 },
    },
    { text: 'Sachverhalt und Begründung', style: 'h2' },
    { text: input.reasoning || '–' },
    { text: 'Finanzielle Auswirkungen', style: 'h2' },
    {
      table: {
        widths: ['*', 120],
        body: [
          money('Einmalige Kosten (inkl. eigenes Personal)', f.oneTime),
          money(
            f.runningFrom === null
              ? 'Laufende Kosten pro Jahr (keine)'
              : `Laufende Kosten pro Jahr (Durchschnitt ${span(f.runningFrom, f.runningTo ?? f.runningFrom)})`,
            f.recurringPerYear,
          ),
          money(`Folgekosten (laufende Kosten) über ${f.horizonYears} Jahre`, f.followOn),
          money(`Gesamtkosten über ${f.horizonYears} Jahre (${all})`, f.total),
          money('Förderung, bewilligt', f.funding),
          money('Kosten nach bewilligter Förderung', f.netCost),
          ...(f.fundingPending
            ? [money('Förderung beantragt oder geplant (nicht eingerechnet)', f.fundingPending)]
            : []),
          money(`Risikoangepasstes Budget (P80, ${all}, vor Förderung)`, f.p80),
          money(`Kosten je Einwohnerin und Einwohner (${all}, nach bewilligter Förderung)`, f.perInhabitant),
          money(`Verfügbare Haushaltsmittel${f.budgetLine ? ` (${f.budgetLine})` : ''}`, f.budgetAvailable),
          money(`Deckung ${year(f.coverageYear)} (verfügbar − Bedarf nach bewilligter Förderung)`, f.coverage),
          money(`Kapitalwert (${percent(f.discountRate ?? 0)} % p. a.)`, f.npv),
          money('davon bewertete Arbeitszeit eigenen Personals (nicht haushaltswirksam)', f.npvStaffTime),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    {
      text: [
        `Kapitalwert nach WiBe: Zahlungen je Jahr abgezinst mit ${percent(f.discountRate ?? 0)} % p. a. (Quelle: ${f.discountRateSource}); eigenes Personal und eingesparte Arbeitszeit sind mit Stundensätzen bewertet (${a.ratesSource}).`,
        `Das risikoangepasste Budget (P80) reicht nach ${fmtNumber(BUDGET_SIMULATION.iterations)} simulierten Verläufen mit 80 % Wahrscheinlichkeit; der Median (P50) liegt bei ${euro(f.p50)}.`,
        `Geplant (wahrscheinlichste Werte, ohne Risiken): ${euro(f.total)}.`,
        differs
          ? `Der Mittelwert der Simulation ohne Risiken liegt bei ${euro(f.expectedBase)}: Die Spannen (mindestens – höchstens) der Kostenzeilen liegen nicht gleichmäßig um den wahrscheinlichsten Wert, deshalb weicht der Mittelwert vom Plan ab.`
          : '',
        `Einwohnerzahl: ${fmtNumber(muni.population)}.`,
        'Alle Beträge brutto, also mit Umsatzsteuer, wo sie anfällt; die Kostenzeilen stehen in Anlage 1 netto und brutto.',
      ]
        .filter(Boolean)
        .join(' '),
      fontSize: 9,
      color: '#4a5260',
      margin: [0, 4, 0, 0],
    },
    { text: 'Förderung', style: 'h2' },
    f.fundingLines.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 90, 70, 60, '*'],
            body: [
              head(['Programm', 'Status', 'Betrag', 'Frist', 'Bedingungen']),
              ...f.fundingLines.map((l) => [
                cell(l.programme),
                cell(FUNDING_STATUS[l.status] ?? l.status),
                cell(euro(l.cents), true),
                cell(l.deadline ? deDate(l.deadline) : '–'),
                cell(l.conditions || '–'),
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
        }
      : { text: 'Keine Förderung vorgesehen.' },
    { text: 'Wesentliche Risiken', style: 'h2' },
    ...(openRisks.length ? [riskTable(openRisks, false)] : []),
    { text: input.risksText || '–', margin: [0, 4, 0, 0] },
    { text: 'Geprüfte Alternativen', style: 'h2' },
    { text: input.alternativesText || '–' },
    ...staffCouncilSection(a.staffCouncil),
    { text: 'Anlagen', style: 'h2' },
    // a copy: pdfmake rewrites list items in place into objects
    input.attachments.length ? { ul: [...input.attachments] } : { text: 'keine' },
    // ---- appendices: part of the same PDF ----
    { text: 'Anlage 1: Kostenplan und Lebenszykluskosten', style: 'h2', pageBreak: 'before' },
    { text: 'Kostenzeilen (netto; mit USt. zuzüglich 19 %)', style: 'h3' },
    a.costs.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 42, 40, 55, 55, 55, 25, 60],
            body: [
              head(['Bezeichnung', 'Art', 'ab', 'mindestens', 'wahrsch.', 'höchstens', 'USt.', 'wahrsch. brutto']),
              ...a.costs.map((c) => [
                cell(c.label),
                cell(KIND[c.kind] ?? c.kind),
                cell(year(c.year)),
                cell(euro(c.min), true),
                cell(euro(c.likely), true),
                cell(euro(c.max), true),
                cell(c.vat ? 'ja' : 'nein'),
                cell(euro(grossCents(c.likely, c.vat)), true),
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
        }
      : { text: 'Keine Kostenzeilen.' },
    { text: 'Eigenes Personal', style: 'h3' },
    a.staff.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 45, 40, 45, 45, 70],
            body: [
              head(['Bezeichnung', 'Art', 'ab', 'Entgeltgr.', 'Stunden', 'Kosten (wahrsch.)']),
              ...a.staff.map((s) => [
                cell(s.label),
                cell(KIND[s.kind] ?? s.kind),
                cell(year(s.year)),
                cell(s.payGroup),
                cell(fmtNumber(s.hours.likely), true),
                cell(euro(Math.round(s.hours.likely * (a.rates[s.payGroup] ?? 0))), true),
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
        }
      : { text: 'Kein eigenes Personal geplant.' },
    { text: `Lebenszykluskosten ${all} (wahrscheinlichste Werte)`, style: 'h3' },
    {
      table: {
        headerRows: 1,
        widths: [45, '*', '*', '*', '*', '*', '*', '*'],
        body: [
          head(['Jahr', 'Einmalig', 'Laufend', 'Personal', 'Kosten', 'Förderung', 'Nutzen', 'Saldo']),
          ...a.years.map((y) => [
            cell(year(y.year)),
            ...[y.oneTime, y.recurring, y.staff, y.cost, y.funding, y.benefits, y.net].map((v) => cell(euro(v), true)),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    // the same figures as a chart: a bar is never separated from its year and amount at a page break
    hbars(
      a.years.map((y) => ({ label: year(y.year), value: y.cost, text: euro(y.cost) })),
      Math.max(0, ...a.years.map((y) => y.cost)),
      `Kosten je Jahr ${all} (inkl. Umsatzsteuer und eigenem Personal)`,
    ),
    { text: 'Anlage 2: Risikoregister', style: 'h2', pageBreak: 'before' },
    a.register.length ? riskTable(a.register, true) : { text: 'Es sind keine Risiken erfasst.' },
  ];
}
