import { createHash } from 'node:crypto';
import {
  AppError,
  BUDGET_SIMULATION,
  councilWithArticle,
  decisionFigures,
  type decisionPaperInput,
  paperFigures,
  projectSimulationInput,
  type SimulationInput,
  type SimulationResult,
  simulate,
} from '@dz/core';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import { deDate } from '../../lib/pdf.js';
import type { TenantScope } from '../../lib/scope.js';
import { getPaper as getOparlPaper } from '../oparl/oparl.service.js';
import { editableProject, loadProject, projectFacts } from '../projects/projects.access.js';
import { checkRow, presentCheck } from '../staff-council/staff-council.service.js';
import { loadCouncil } from './council.service.js';
import { euro, paperAppendix, RISK_CATEGORY, ROLE } from './decision-paper.pdf.js';
import { computeFinance, loadFinance, loadSettings } from './finance.service.js';
import { paperFileName, readContent, storedPaperPdf } from './paper-file.js';
import { riskRows, toRisk } from './risks.service.js';

type Input = z.infer<typeof decisionPaperInput>;
type Figures = z.infer<typeof decisionFigures>;

type BudgetFigures = Pick<SimulationResult, 'p50' | 'p80' | 'mean' | 'expectedBase'>;

/**
 * The paper's budget simulation (100,000 runs), computed once per state of its data and stored: the stored result
 * is reused while the input — cost plan, risk register, rates, horizon and dates — has the same fingerprint, and
 * recomputed (and replaced) when any of it changed.
 */
export async function budgetSimulation(deps: Deps, projectId: string, input: SimulationInput): Promise<BudgetFigures> {
  const inputHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const stored = await deps.db
    .selectFrom('paperSimulations')
    .select(['inputHash', 'result'])
    .where('projectId', '=', projectId)
    .executeTakeFirst();
  if (stored?.inputHash === inputHash) return stored.result;
  const { p50, p80, mean, expectedBase } = simulate(input);
  const result = JSON.stringify({ p50, p80, mean, expectedBase });
  await deps.db
    .insertInto('paperSimulations')
    .values({ projectId, inputHash, result, computedAt: new Date() })
    .onConflict((oc) => oc.column('projectId').doUpdateSet({ inputHash, result, computedAt: new Date() }))
    .execute();
  return { p50, p80, mean, expectedBase };
}

/** Everything a decision paper draws on: project, finance figures as on the screens, P80, risks. */
export async function basis(deps: Deps, scope: TenantScope, projectId: string) {
  const p = await loadProject(deps, scope, projectId);
  const [doc, settings, muni, rows, needs, goals, dept, council, staffCouncil] = await Promise.all([
    loadFinance(deps.db, projectId),
    loadSettings(deps.db, scope.municipalityId),
    deps.db
      .selectFrom('municipalities')
      .select(['name', 'shortName', 'population'])
      .where('id', '=', scope.municipalityId)
      .executeTakeFirstOrThrow(),
    riskRows(deps, projectId),
    deps.db
      .selectFrom('projectNeeds as pn')
      .innerJoin('needs as n', 'n.id', 'pn.needId')
      .select('n.title')
      .where('pn.projectId', '=', projectId)
      .orderBy('n.title')
      .execute(),
    deps.db
      .selectFrom('projectGoals as pg')
      .innerJoin('goals as g', 'g.id', 'pg.goalId')
      .select('g.title')
      .where('pg.projectId', '=', projectId)
      .orderBy('g.title')
      .execute(),
    deps.db
      .selectFrom('projectDepartments as pd')
      .innerJoin('departments as d', 'd.id', 'pd.departmentId')
      .select('d.name')
      .where('pd.projectId', '=', projectId)
      .orderBy('d.name')
      .executeTakeFirst(),
    loadCouncil(deps.db, scope.municipalityId),
    checkRow(deps, projectId).then(presentCheck),
  ]);
  const c = computeFinance(doc, settings, muni.population);
  const register = rows.map(toRisk);
  // the same input and seed as the simulation panel in the browser (risks and lines in one fixed order)
  const sim = await budgetSimulation(deps, projectId, {
    ...projectSimulationInput(doc, c.rates, settings.horizonYears, register, p),
    ...BUDGET_SIMULATION,
  });
  const figures: Figures = paperFigures({
    plan: { costs: doc.costs, staff: doc.staff, funding: doc.funding, benefits: doc.benefits },
    rates: c.rates,
    horizon: settings.horizonYears,
    population: muni.population,
    discountRate: settings.discountRate,
    discountRateSource: settings.discountRateSource,
    budgetAvailable: doc.budgetAvailableCents,
    budgetLine: doc.budgetLine,
    firstYear: p.startsOn ? Number(p.startsOn.slice(0, 4)) : null,
    simulation: sim,
  });
  return { p, doc, c, muni, register, needs, goals, dept, figures, settings, council, staffCouncil };
}

/** The resolution the administration proposes, in the council's own name; asks to apply only for planned funding. */
function resolutionText(council: string, title: string, f: Figures) {
  const toApply = f.fundingLines.filter((l) => l.status === 'planned');
  const applied = f.fundingLines.filter((l) => l.status === 'applied');
  const names = (ls: { programme: string }[]) => ls.map((l) => `„${l.programme}“`).join(', ');
  return [
    `${councilWithArticle(council)} beschließt die Umsetzung des Vorhabens „${title}“.`,
    `Für die Umsetzung werden Mittel in Höhe von ${euro(f.p80)} (risikoangepasstes Budget P80 über ${f.horizonYears} Jahre, vor Förderung) bereitgestellt.`,
    toApply.length
      ? `Die Verwaltung wird beauftragt, die Förderung aus ${names(toApply)} zu beantragen und über den Fortschritt zu berichten.`
      : 'Die Verwaltung wird beauftragt, über den Fortschritt zu berichten.',
    applied.length ? `Über die Entscheidung zu den beantragten Mitteln (${names(applied)}) wird berichtet.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The reference of the paper this project already has (all versions keep it), or null before the first one. */
async function existingPaper(deps: Deps, projectId: string) {
  const last = await deps.db
    .selectFrom('decisionPapers')
    .select(['versionNo', 'content'])
    .where('projectId', '=', projectId)
    .orderBy('versionNo', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return null;
  const first = await deps.db
    .selectFrom('decisionPapers')
    .select('content')
    .where('projectId', '=', projectId)
    .where('versionNo', '=', 1)
    .executeTakeFirst();
  const content = readContent(last.content);
  return {
    versionNo: last.versionNo,
    content,
    reference: (first?.content ?? content).reference,
  };
}

/** The next free number BV/<year>/NNN of the municipality (numbers of first versions; versions share theirs). */
async function nextReference(deps: Deps, scope: TenantScope) {
  const year = new Date().getFullYear();
  const rows = await deps.db
    .selectFrom('decisionPapers as d')
    .innerJoin('projects as p', 'p.id', 'd.projectId')
    .select('d.content')
    .where('p.municipalityId', '=', scope.municipalityId)
    .where('d.versionNo', '=', 1)
    .execute();
  const prefix = `BV/${year}/`;
  const max = rows
    .map((r) => r.content.reference)
    .filter((ref) => ref.startsWith(prefix))
    .reduce((m, ref) => Math.max(m, Number(ref.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

/**
 * A prefilled paper. The first version is drafted from the project (subject, resolution, reasoning, risks and
 * alternatives in plain language, Beratungsfolge from the municipality's council setting); a later version
 * (Fassung) keeps the paper's number and starts from the last version's edited text, with fresh figures.
 */
export async function draftPaper(deps: Deps, scope: TenantScope, projectId: string) {
  const b = await basis(deps, scope, projectId);
  const f = b.figures;
  const prior = await existingPaper(deps, projectId);
  if (prior)
    return {
      ...prior.content,
      reference: prior.reference,
      paperDate: new Date().toISOString().slice(0, 10),
      figures: f,
      basedOnVersion: prior.versionNo,
    };
  const top = [...b.register]
    .filter((r) => r.status === 'open' || r.status === 'mitigating')
    .sort((x, y) => y.exposure - x.exposure)
    .slice(0, 3);
  const a = b.c.alternatives;
  return {
    reference: await nextReference(deps, scope),
    paperDate: new Date().toISOString().slice(0, 10),
    public: true,
    leadDepartment: b.dept?.name ?? '',
    caseOfficer: scope.user.name,
    subject: b.p.title,
    consultation: [
      ...(b.council.committee ? [{ body: b.council.committee, date: null, role: 'preliminary' as const }] : []),
      { body: b.council.council, date: null, role: 'decision' as const },
    ],
    resolution: resolutionText(b.council.council, b.p.title, f),
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
              `${r.title} (${RISK_CATEGORY[r.category] ?? r.category}): Eintritt zu ${r.probability} % wahrscheinlich, dann Mehrkosten von etwa ${euro(r.costLikely)}${r.weeks ? ` und ${r.weeks} Wochen Verzug` : ''}.${r.mitigation ? ` Gegenmaßnahme: ${r.mitigation}` : ''}`,
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
    attachments: ['Anlage 1: Kostenplan und Lebenszykluskosten', 'Anlage 2: Risikoregister'],
    figures: f,
    basedOnVersion: null,
  };
}

export type Basis = Awaited<ReturnType<typeof basis>>;

/**
 * Generates the next numbered version (Fassung) of the project's paper. Every version keeps the number of the first
 * one. The transaction stores the version with everything its PDF prints; the PDF is rendered from the stored
 * version after the commit (a failed rendering is repeated on the first download).
 */
export async function createPaper(deps: Deps, scope: TenantScope, projectId: string, body: Input) {
  await editableProject(deps, scope, projectId);
  const b = await basis(deps, scope, projectId);
  const prior = await existingPaper(deps, projectId);
  const input = prior ? { ...body, reference: prior.reference } : body;
  const created = await deps.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('decisionPapers')
      .select((eb) => eb.fn.max('versionNo').as('max'))
      .where('projectId', '=', projectId)
      .executeTakeFirst();
    const versionNo = Number(last?.max ?? 0) + 1;
    const id = newId();
    await trx
      .insertInto('decisionPapers')
      .values({
        id,
        projectId,
        versionNo,
        content: JSON.stringify(input),
        figures: JSON.stringify(b.figures),
        appendix: JSON.stringify(paperAppendix(b)),
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
  try {
    await storedPaperPdf(deps.db, created.id);
  } catch (err) {
    deps.log.error({ err, paperId: created.id }, 'decision paper PDF not rendered');
  }
  return created;
}

export async function listPapers(deps: Deps, scope: TenantScope, projectId: string) {
  const project = await loadProject(deps, scope, projectId);
  const rows = await deps.db
    .selectFrom('decisionPapers as d')
    .leftJoin('users as u', 'u.id', 'd.createdBy')
    .select(['d.id', 'd.versionNo', 'd.content', 'd.figures', 'd.createdAt', 'u.name as author'])
    .where('d.projectId', '=', projectId)
    .orderBy('d.versionNo', 'desc')
    .execute();
  return {
    items: rows.map((r) => {
      const c = r.content;
      return {
        id: r.id,
        versionNo: r.versionNo,
        reference: c.reference,
        subject: c.subject,
        paperDate: c.paperDate,
        author: r.author,
        createdAt: iso(r.createdAt),
        figures: decisionFigures.parse(r.figures),
      };
    }),
    can: presentCan(scope, 'decisionPapers', await projectFacts(deps, scope, project)),
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
  if (!r) throw new AppError('not_found');
  return r;
}

export async function paperPdf(deps: Deps, scope: TenantScope, projectId: string, id: string) {
  const r = await loadPaper(deps, scope, projectId, id);
  return {
    pdf: r.pdf ?? (await storedPaperPdf(deps.db, id)),
    fileName: paperFileName(r.content.reference, r.versionNo),
  };
}

/** The paper as an OParl 1.1 `Paper` with its main file and the consultations (Beratungsfolge). */
export async function paperOparl(deps: Deps, scope: TenantScope, projectId: string, id: string) {
  const r = await loadPaper(deps, scope, projectId, id);
  const c = r.content;
  const pdf = r.pdf ?? (await storedPaperPdf(deps.db, id));
  // a public version is the OParl interface's own Paper, whose ids resolve for every OParl client;
  // a non-public one stays a transfer document for the own council system (ids only inside it)
  if (c.public) return getOparlPaper(deps, id);
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
      fileName: paperFileName(c.reference, r.versionNo),
      mimeType: 'application/pdf',
      date: c.paperDate,
      size: pdf.length,
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
