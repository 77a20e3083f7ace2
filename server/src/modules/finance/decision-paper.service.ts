import {
  AppError,
  BUDGET_SIMULATION,
  type decisionFigures,
  type decisionPaperInput,
  expected,
  projectSimulationInput,
  simulate,
} from '@dz/core';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import { deDate, renderPdf } from '../../lib/pdf.js';
import type { TenantScope } from '../../lib/scope.js';
import { editableProject, loadProject } from '../projects/projects.access.js';
import { computeFinance, loadFinance, loadSettings } from './finance.service.js';

type Input = z.infer<typeof decisionPaperInput>;
type Figures = z.infer<typeof decisionFigures>;

const euro = (cents: number | null) =>
  cents === null
    ? '–'
    : `${(cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;
const ROLE = { preliminary: 'Vorberatung', decision: 'Entscheidung', information: 'Kenntnisnahme' } as const;
const RISK_CATEGORY: Record<string, string> = {
  financial: 'finanziell',
  staff: 'personell',
  technical: 'technisch',
  legal: 'rechtlich / Datenschutz',
  vendor: 'Anbieter',
  acceptance: 'Akzeptanz',
};

/** Everything a decision paper draws on: project, finance figures as on the screens, P80, risks. */
async function basis(deps: Deps, scope: TenantScope, projectId: string) {
  const p = await loadProject(deps, scope, projectId);
  const [doc, settings, muni, risks, needs, goals, dept] = await Promise.all([
    loadFinance(deps.db, projectId),
    loadSettings(deps.db, scope.municipalityId),
    deps.db
      .selectFrom('municipalities')
      .select(['name', 'shortName', 'population'])
      .where('id', '=', scope.municipalityId)
      .executeTakeFirstOrThrow(),
    deps.db.selectFrom('risks').selectAll().where('projectId', '=', projectId).execute(),
    deps.db
      .selectFrom('projectNeeds as pn')
      .innerJoin('needs as n', 'n.id', 'pn.needId')
      .select('n.title')
      .where('pn.projectId', '=', projectId)
      .execute(),
    deps.db
      .selectFrom('projectGoals as pg')
      .innerJoin('goals as g', 'g.id', 'pg.goalId')
      .select('g.title')
      .where('pg.projectId', '=', projectId)
      .execute(),
    deps.db
      .selectFrom('projectDepartments as pd')
      .innerJoin('departments as d', 'd.id', 'pd.departmentId')
      .select('d.name')
      .where('pd.projectId', '=', projectId)
      .orderBy('d.name')
      .executeTakeFirst(),
  ]);
  const c = computeFinance(doc, settings, muni.population);
  const register = risks.map((r) => ({
    ...r,
    costMin: r.costMinCents,
    costLikely: r.costLikelyCents,
    costMax: r.costMaxCents,
    exposure: (r.probability / 100) * expected({ min: r.costMinCents, likely: r.costLikelyCents, max: r.costMaxCents }),
  }));
  const sim = simulate({
    ...projectSimulationInput(doc, c.rates, settings.horizonYears, register, p),
    ...BUDGET_SIMULATION,
  });
  const oneTime =
    c.years.reduce((s, y) => s + y.oneTime, 0) +
    doc.staff
      .filter((s) => s.kind === 'one_time')
      .reduce((s, l) => s + Math.round(l.hours.likely * (c.rates[l.payGroup] ?? 0)), 0);
  const followOn = c.total - oneTime;
  const recurringYears = c.years.filter((y) => y.year > 0).length || 1;
  const figures: Figures = {
    horizonYears: settings.horizonYears,
    oneTime,
    recurringPerYear: Math.round(followOn / recurringYears),
    followOn,
    total: c.total,
    funding: c.fundingTotal,
    netCost: c.netCost,
    budgetAvailable: doc.budgetAvailableCents,
    budgetLine: doc.budgetLine,
    // coverage of the first year after funding by the budget available
    coverage:
      doc.budgetAvailableCents === null ? null : doc.budgetAvailableCents - ((c.years[0]?.cost ?? 0) - c.fundingTotal),
    p80: sim.p80,
    p50: sim.p50,
    perInhabitant: c.perInhabitant,
    npv: c.npv,
  };
  return { p, doc, c, muni, register, needs, goals, dept, figures, settings };
}

/** A prefilled paper: subject, resolution, reasoning, risks and alternatives in plain language. */
export async function draftPaper(deps: Deps, scope: TenantScope, projectId: string) {
  const b = await basis(deps, scope, projectId);
  const count = await deps.db
    .selectFrom('decisionPapers as d')
    .innerJoin('projects as p', 'p.id', 'd.projectId')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.municipalityId', '=', scope.municipalityId)
    .executeTakeFirstOrThrow();
  const f = b.figures;
  const top = [...b.register]
    .filter((r) => r.status === 'open' || r.status === 'mitigating')
    .sort((x, y) => y.exposure - x.exposure)
    .slice(0, 3);
  const a = b.c.alternatives;
  const year = new Date().getFullYear();
  return {
    reference: `BV/${year}/${String(Number(count.n) + 1).padStart(3, '0')}`,
    paperDate: new Date().toISOString().slice(0, 10),
    public: true,
    leadDepartment: b.dept?.name ?? '',
    caseOfficer: scope.user.name,
    subject: b.p.title,
    consultation: [
      { body: 'Hauptausschuss', date: null, role: 'preliminary' as const },
      { body: 'Gemeindevertretung', date: null, role: 'decision' as const },
    ],
    resolution: `Die Gemeindevertretung beschließt die Umsetzung des Vorhabens „${b.p.title}“. Für die Umsetzung werden Mittel in Höhe von ${euro(f.p80)} (risikoangepasstes Budget P80 über ${f.horizonYears} Jahre, vor Förderung) bereitgestellt; die Verwaltung wird beauftragt, die Fördermittel zu beantragen und über den Fortschritt zu berichten.`,
    reasoning: [
      b.p.description,
      b.needs.length ? `Das Vorhaben antwortet auf folgende Bedarfe: ${b.needs.map((n) => n.title).join('; ')}.` : '',
      b.goals.length ? `Es trägt zu diesen Zielen des Zielbilds bei: ${b.goals.map((g) => g.title).join('; ')}.` : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
    risksText: top.length
      ? top
          .map(
            (r) =>
              `${r.title} (${RISK_CATEGORY[r.category] ?? r.category}): Eintritt zu ${r.probability} % wahrscheinlich, dann Mehrkosten von etwa ${euro(r.costLikelyCents)}${r.weeks ? ` und ${r.weeks} Wochen Verzug` : ''}.${r.mitigation ? ` Gegenmaßnahme: ${r.mitigation}` : ''}`,
          )
          .join('\n')
      : 'Es sind keine wesentlichen Risiken erfasst.',
    alternativesText: [
      `Allein umsetzen: ${euro(a.alone)} über ${f.horizonYears} Jahre.`,
      a.withPartners !== null ? `Mit Partnerkommunen: ${euro(a.withPartners)} Anteil der Kommune.` : '',
      a.sharedService !== null ? `Als Shared Service: ${euro(a.sharedService)}.` : '',
      `Nichts tun: ${euro(a.doNothing)} (erwartete Folgekosten und entgangener Nutzen).`,
    ]
      .filter(Boolean)
      .join('\n'),
    attachments: ['Kostenplan und Lebenszykluskosten', 'Risikoregister'],
    figures: f,
  };
}

function pdfContent(input: Input, f: Figures, muni: { name: string; population: number }, versionNo: number) {
  const row = (k: string, v: string) => [{ text: k, bold: true }, { text: v }];
  const money = (k: string, v: number | null) => [{ text: k }, { text: euro(v), alignment: 'right' }];
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
          money('Laufende Kosten pro Jahr (Durchschnitt)', f.recurringPerYear),
          money(`Folgekosten über ${f.horizonYears} Jahre`, f.followOn),
          money(`Gesamtkosten über ${f.horizonYears} Jahre`, f.total),
          money('Förderung', f.funding),
          money('Kosten nach Förderung', f.netCost),
          money('Risikoangepasstes Budget (P80)', f.p80),
          money('Kosten je Einwohnerin und Einwohner', f.perInhabitant),
          money(`Verfügbare Haushaltsmittel${f.budgetLine ? ` (${f.budgetLine})` : ''}`, f.budgetAvailable),
          money('Deckung im ersten Jahr (verfügbar − Bedarf nach Förderung)', f.coverage),
          money('Kapitalwert', f.npv),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    {
      text: `Das risikoangepasste Budget (P80) reicht nach ${BUDGET_SIMULATION.iterations.toLocaleString('de-DE')} simulierten Verläufen mit 80 % Wahrscheinlichkeit; der Median (P50) liegt bei ${euro(f.p50)}. Einwohnerzahl: ${muni.population.toLocaleString('de-DE')}.`,
      fontSize: 9,
      color: '#4a5260',
      margin: [0, 4, 0, 0],
    },
    { text: 'Wesentliche Risiken', style: 'h2' },
    { text: input.risksText || '–' },
    { text: 'Geprüfte Alternativen', style: 'h2' },
    { text: input.alternativesText || '–' },
    { text: 'Anlagen', style: 'h2' },
    input.attachments.length ? { ul: input.attachments } : { text: 'keine' },
  ];
}

/** Generates the next numbered version of the paper (PDF kept with its figures). */
export async function createPaper(deps: Deps, scope: TenantScope, projectId: string, input: Input) {
  await editableProject(deps, scope, projectId);
  const b = await basis(deps, scope, projectId);
  return deps.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('decisionPapers')
      .select((eb) => eb.fn.max('versionNo').as('max'))
      .where('projectId', '=', projectId)
      .executeTakeFirst();
    const versionNo = Number(last?.max ?? 0) + 1;
    const pdf = await renderPdf({
      title: `${input.reference} – ${input.subject}`,
      subject: 'Beschlussvorlage',
      footer: `${b.muni.name} · ${input.reference} · Fassung ${versionNo}`,
      content: pdfContent(input, b.figures, b.muni, versionNo),
    });
    const id = newId();
    await trx
      .insertInto('decisionPapers')
      .values({
        id,
        projectId,
        versionNo,
        content: JSON.stringify(input),
        figures: JSON.stringify(b.figures),
        pdf,
        createdBy: scope.user.id,
      })
      .execute();
    await writeAudit(trx, scope, {
      action: 'decision_paper',
      entity: 'project',
      entityId: projectId,
      municipalityId: scope.municipalityId,
      after: { reference: input.reference, version: versionNo },
    });
    return { id, versionNo };
  });
}

export async function listPapers(deps: Deps, scope: TenantScope, projectId: string) {
  await loadProject(deps, scope, projectId);
  const rows = await deps.db
    .selectFrom('decisionPapers as d')
    .leftJoin('users as u', 'u.id', 'd.createdBy')
    .select(['d.id', 'd.versionNo', 'd.content', 'd.figures', 'd.createdAt', 'u.name as author'])
    .where('d.projectId', '=', projectId)
    .orderBy('d.versionNo', 'desc')
    .execute();
  return {
    items: rows.map((r) => {
      const c = r.content as Input;
      return {
        id: r.id,
        versionNo: r.versionNo,
        reference: c.reference,
        subject: c.subject,
        paperDate: c.paperDate,
        author: r.author,
        createdAt: iso(r.createdAt),
        figures: r.figures as Figures,
      };
    }),
    can: { create: true },
  };
}

async function loadPaper(deps: Deps, scope: TenantScope, projectId: string, id: string) {
  await loadProject(deps, scope, projectId);
  const r = await deps.db
    .selectFrom('decisionPapers')
    .selectAll()
    .where('id', '=', id)
    .where('projectId', '=', projectId)
    .executeTakeFirst();
  if (!r) throw new AppError('not_found', 404);
  return r;
}

export async function paperPdf(deps: Deps, scope: TenantScope, projectId: string, id: string) {
  const r = await loadPaper(deps, scope, projectId, id);
  return { pdf: r.pdf, reference: (r.content as Input).reference, versionNo: r.versionNo };
}

/** The paper as an OParl 1.1 `Paper` with its main file and the consultations (Beratungsfolge). */
export async function paperOparl(deps: Deps, scope: TenantScope, projectId: string, id: string) {
  const r = await loadPaper(deps, scope, projectId, id);
  const c = r.content as Input;
  const base = `${deps.config.publicUrl}/api/v1`;
  const self = `${base}/projects/${projectId}/decision-papers/${id}/oparl`;
  const body = `${base}/municipalities/${scope.municipalityId}`;
  const created = iso(r.createdAt);
  const fileUrl = `${base}/projects/${projectId}/decision-papers/${id}/pdf`;
  return {
    id: self,
    type: 'https://schema.oparl.org/1.1/Paper',
    body,
    name: c.subject,
    reference: c.reference,
    date: c.paperDate,
    paperType: 'Beschlussvorlage',
    mainFile: {
      id: `${self}#file`,
      type: 'https://schema.oparl.org/1.1/File',
      name: `Beschlussvorlage ${c.reference}`,
      fileName: `${c.reference.replace(/[^\w.-]+/g, '_')}.pdf`,
      mimeType: 'application/pdf',
      date: c.paperDate,
      size: r.pdf.length,
      accessUrl: fileUrl,
      downloadUrl: fileUrl,
      created,
      modified: created,
    },
    consultation: c.consultation.map((x, i) => ({
      id: `${self}#consultation-${i + 1}`,
      type: 'https://schema.oparl.org/1.1/Consultation',
      paper: self,
      organization: [`${body}#organization-${encodeURIComponent(x.body)}`],
      authoritative: x.role === 'decision',
      role: ROLE[x.role],
      ...(x.date ? { keyword: [`Sitzung am ${deDate(x.date)}`] } : {}),
    })),
    keyword: ['Digitalisierung', c.public ? 'öffentlich' : 'nicht öffentlich'],
    web: `${deps.config.publicUrl}/projekte/${projectId}/finanzen`,
    created,
    modified: created,
  };
}
