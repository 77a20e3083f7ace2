import {
  AppError,
  DEFAULT_FIELDS_OF_ACTION,
  daysBetween,
  type exchangeEntry,
  fieldError,
  LAENDER,
  type PROJECT_PHASES,
  type publicationInput,
  type publicationState as publicationStateSchema,
  type publicationTemplate,
  sizeClassOf,
} from '@dz/core';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB, SharedProcess } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { computeFinance, loadFinance, loadSettings } from '../finance/finance.service.js';
import { loadProject } from '../projects/projects.access.js';
import type { loadVisible } from './exchange.access.js';

type Input = z.infer<typeof publicationInput>;
type State = z.infer<typeof publicationStateSchema>;
/** The publishing form's fields: stored or prefilled. */
type Draft = State['input'];
export type Template = z.infer<typeof publicationTemplate>;
export type Entry = z.infer<typeof exchangeEntry>;
type Db = Deps['db'] | Transaction<DB>;
type Phase = (typeof PROJECT_PHASES)[number];

const STAGE_OF_PHASE: Record<Phase, Input['stage']> = {
  idea: 'planned',
  planning: 'planned',
  implementation: 'running',
  operation: 'completed',
  done: 'completed',
  stopped: 'completed',
};

/** Official data of a municipality as shown with its published entries. */
export async function municipalityRef(db: Db, id: string) {
  return toRef(
    await db
      .selectFrom('municipalities')
      .select(['id', 'name', 'landCode', 'kreis', 'kreisKey', 'population'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
  );
}

/** Size class and Land name of a municipality row. */
export function toRef(m: {
  id: string;
  name: string;
  landCode: string;
  kreis: string | null;
  kreisKey: string;
  population: number;
}) {
  return {
    id: m.id,
    name: m.name,
    sizeClass: sizeClassOf(m.population),
    landCode: m.landCode,
    land: LAENDER[m.landCode]?.name ?? m.landCode,
    kreis: m.kreis,
    kreisKey: m.kreisKey,
    population: m.population,
  };
}

/** The reusable structure of a project: milestone and task titles with days from the start, costs, risks. */
async function templateOf(
  db: Db,
  project: { id: string; startsOn: string | null },
  input: Input,
  processes: SharedProcess[],
): Promise<Template & { processes: SharedProcess[] }> {
  const [milestones, tasks, costs, risks] = await Promise.all([
    input.shareMilestones
      ? db
          .selectFrom('milestones')
          .select(['title', 'dueOn'])
          .where('projectId', '=', project.id)
          .orderBy('dueOn')
          .execute()
      : [],
    input.shareTasks
      ? db
          .selectFrom('tasks')
          .select(['title', 'dueOn'])
          .where('projectId', '=', project.id)
          .orderBy('dueOn')
          .orderBy('createdAt')
          .execute()
      : [],
    input.shareCosts
      ? db.selectFrom('costLines').selectAll().where('projectId', '=', project.id).orderBy('position').execute()
      : [],
    input.shareRisks
      ? db.selectFrom('risks').selectAll().where('projectId', '=', project.id).orderBy('createdAt').execute()
      : [],
  ]);
  const dates = [...milestones.map((m) => m.dueOn), ...tasks.map((t) => t.dueOn)].filter((d): d is string => !!d);
  const start = project.startsOn ?? dates.sort()[0] ?? null;
  const offset = (d: string | null) => (d && start ? Math.max(0, daysBetween(start, d)) : null);
  return {
    milestones: milestones.map((m) => ({ title: m.title, offsetDays: offset(m.dueOn) ?? 0 })),
    tasks: tasks.map((t) => ({ title: t.title, offsetDays: offset(t.dueOn) })),
    costs: costs.map((c) => ({
      kind: c.kind,
      category: c.category,
      label: c.label,
      year: c.yearOffset,
      min: Number(c.minCents),
      likely: Number(c.likelyCents),
      max: Number(c.maxCents),
      vat: c.vat,
    })),
    risks: risks.map((r) => ({
      title: r.title,
      category: r.category,
      probability: r.probability,
      costMin: Number(r.costMinCents),
      costLikely: Number(r.costLikelyCents),
      costMax: Number(r.costMaxCents),
      weeks: r.weeks,
      mitigation: r.mitigation,
    })),
    processes,
  };
}

/** The chosen process models of the municipality with their BPMN, as the publication keeps them. */
async function sharedProcesses(db: Db, scope: TenantScope, ids: readonly string[]): Promise<SharedProcess[]> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return [];
  const rows = await db
    .selectFrom('processModels as m')
    .innerJoin('processServices as s', 's.id', 'm.serviceId')
    .select(['m.id', 'm.name', 'm.kind', 'm.xml', 's.name as service'])
    .where('m.id', 'in', wanted)
    .where('m.municipalityId', '=', scope.municipalityId)
    .orderBy('s.name')
    .orderBy('m.kind')
    .execute();
  if (rows.length !== wanted.length)
    throw fieldError(
      'processModelIds',
      'unknown_process_model',
      'Dieses Prozessmodell gibt es in Ihrer Kommune nicht.',
    );
  return rows.map((r) => ({ sourceId: r.id, name: r.name, kind: r.kind, service: r.service, xml: r.xml }));
}

/** Checks networks and documents and builds exactly the row that becomes visible. */
async function buildRow(db: Db, scope: TenantScope, project: { id: string; startsOn: string | null }, input: Input) {
  const networkIds = input.visibility === 'networks' ? [...new Set(input.networkIds)] : [];
  if (networkIds.some((n) => !scope.networkIds.includes(n)))
    throw fieldError('networkIds', 'unknown_network', 'Ihre Kommune gehört diesem Netzwerk nicht an.');
  const wanted = [...new Set(input.documentIds)];
  const files = wanted.length
    ? await db
        .selectFrom('projectFiles')
        .select(['id', 'fileName', 'sizeBytes'])
        .where('projectId', '=', project.id)
        .where('id', 'in', wanted)
        .execute()
    : [];
  if (files.length !== wanted.length)
    throw fieldError('documentIds', 'unknown_document', 'Dieses Dokument gehört nicht zum Projekt.');
  const processes = await sharedProcesses(db, scope, input.processModelIds);
  const m = await municipalityRef(db, scope.municipalityId);
  const template = await templateOf(db, project, input, processes);
  return {
    networkIds,
    municipality: m,
    values: {
      visibility: input.visibility,
      title: input.title,
      problem: input.problem,
      solution: input.solution,
      results: input.results,
      lessons: input.lessons,
      fieldOfAction: input.fieldOfAction,
      stage: input.stage,
      tcoCents: input.tcoCents,
      effortHours: input.effortHours,
      durationMonths: input.durationMonths,
      products: input.products,
      contactRole: input.contactRole,
      documents: files.map((f) => ({ id: f.id, name: f.fileName, size: f.sizeBytes })),
      template,
      sizeClass: m.sizeClass,
      landCode: m.landCode,
      kreisKey: m.kreisKey,
      population: m.population,
    },
  };
}

/** The public texts and figures of a stored publication, as entered when publishing. */
export function storedTexts(pub: Awaited<ReturnType<typeof loadVisible>>) {
  return {
    visibility: pub.visibility,
    title: pub.title,
    problem: pub.problem,
    solution: pub.solution,
    results: pub.results,
    lessons: pub.lessons,
    fieldOfAction: pub.fieldOfAction,
    stage: pub.stage,
    tcoCents: pub.tcoCents === null ? null : Number(pub.tcoCents),
    effortHours: pub.effortHours,
    durationMonths: pub.durationMonths,
    products: pub.products,
    contactRole: pub.contactRole,
  };
}

type Built = Awaited<ReturnType<typeof buildRow>>;

export function entryOf(
  id: string,
  b: { values: Built['values']; municipality: Built['municipality'] },
  extra: {
    networks: { id: string; name: string }[];
    lighthouse: Entry['lighthouse'];
    publishedAt: string;
    updatedAt: string;
  },
): Entry {
  const { kreisKey: _k, ...municipality } = b.municipality;
  const v = b.values;
  return {
    id,
    title: v.title,
    problem: v.problem,
    solution: v.solution,
    results: v.results,
    lessons: v.lessons,
    fieldOfAction: v.fieldOfAction,
    stage: v.stage,
    tcoCents: v.tcoCents,
    effortHours: v.effortHours,
    durationMonths: v.durationMonths,
    products: v.products,
    contactRole: v.contactRole,
    municipality,
    documents: v.documents,
    template: v.template,
    lighthouse: extra.lighthouse,
    visibility: v.visibility,
    networks: extra.networks,
    publishedAt: extra.publishedAt,
    updatedAt: extra.updatedAt,
  };
}

/** Prefilled publication fields from the project: needs, description, TCO, effort, duration, field of action. */
async function prefill(
  deps: Deps,
  scope: TenantScope,
  p: Awaited<ReturnType<typeof loadProject>>,
): Promise<Draft & { _files: number }> {
  const [needs, fields, finance, settings, effort, files, linkedModels] = await Promise.all([
    deps.db
      .selectFrom('projectNeeds as pn')
      .innerJoin('needs as n', 'n.id', 'pn.needId')
      .select(['n.title', 'n.description'])
      .where('pn.projectId', '=', p.id)
      .execute(),
    fieldsOfProject(deps.db, p.id),
    loadFinance(deps.db, p.id),
    loadSettings(deps.db, scope.municipalityId),
    deps.db
      .selectFrom('projectEffort')
      .select((eb) => eb.fn.sum<number>('hours').as('hours'))
      .where('projectId', '=', p.id)
      .executeTakeFirst(),
    deps.db.selectFrom('projectFiles').select('id').where('projectId', '=', p.id).execute(),
    deps.db.selectFrom('processModels').select('id').where('projectId', '=', p.id).execute(),
  ]);
  const m = await municipalityRef(deps.db, scope.municipalityId);
  const computed =
    finance.costs.length || finance.staff.length ? computeFinance(finance, settings, m.population) : null;
  const months = p.startsOn && p.endsOn ? Math.max(1, Math.round(daysBetween(p.startsOn, p.endsOn) / 30.44)) : null;
  return {
    visibility: 'all',
    networkIds: [],
    title: p.title,
    problem: needs.map((n) => (n.description ? `${n.title}: ${n.description}` : n.title)).join('\n\n'),
    solution: p.description,
    results: '',
    lessons: '',
    fieldOfAction: fields[0] ?? '',
    stage: STAGE_OF_PHASE[p.phase] ?? 'running',
    tcoCents: computed ? computed.total : null,
    effortHours: effort?.hours ? Math.round(Number(effort.hours)) : null,
    durationMonths: months,
    products: '',
    contactRole: 'Digitalisierungsbeauftragte/r',
    documentIds: [],
    shareMilestones: true,
    shareTasks: true,
    shareCosts: true,
    shareRisks: true,
    processModelIds: linkedModels.map((x) => x.id),
    _files: files.length,
  };
}

/** Names of the fields of action a project serves through its goals (or its needs' goals). */
export async function fieldsOfProject(db: Db, projectId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('fieldsOfAction as f')
    .innerJoin('goals as g', 'g.fieldId', 'f.id')
    .select('f.name')
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('projectGoals as pg')
            .select('pg.goalId')
            .whereRef('pg.goalId', '=', 'g.id')
            .where('pg.projectId', '=', projectId),
        ),
        eb.exists(
          eb
            .selectFrom('goalNeeds as gn')
            .innerJoin('projectNeeds as pn', 'pn.needId', 'gn.needId')
            .select('gn.goalId')
            .whereRef('gn.goalId', '=', 'g.id')
            .where('pn.projectId', '=', projectId),
        ),
      ]),
    )
    .groupBy('f.name')
    .orderBy('f.name')
    .execute();
  return rows.map((r) => r.name);
}

async function fieldChoices(deps: Deps, municipalityId: string): Promise<string[]> {
  const own = await deps.db
    .selectFrom('fieldsOfAction as f')
    .select('f.name')
    .where('f.municipalityId', '=', municipalityId)
    .orderBy('f.position')
    .execute();
  return [...new Set([...own.map((f) => f.name), ...DEFAULT_FIELDS_OF_ACTION.map((f) => f.name)])];
}

/** The project's publication state: the stored entry or a prefilled draft, choices and the origin if adopted. */
export async function publicationState(deps: Deps, scope: TenantScope, projectId: string): Promise<State> {
  const p = await loadProject(deps, scope, projectId);
  const [pub, networks, files, fields, origin] = await Promise.all([
    deps.db.selectFrom('publications').selectAll().where('projectId', '=', projectId).executeTakeFirst(),
    deps.db
      .selectFrom('networks')
      .select(['id', 'name'])
      .where('id', 'in', scope.networkIds.length ? scope.networkIds : ['00000000-0000-0000-0000-000000000000'])
      .orderBy('name')
      .execute(),
    deps.db
      .selectFrom('projectFiles')
      .select(['id', 'fileName as name', 'sizeBytes as size'])
      .where('projectId', '=', projectId)
      .orderBy('createdAt')
      .execute(),
    fieldChoices(deps, scope.municipalityId),
    deps.db
      .selectFrom('reuses as r')
      .innerJoin('publications as p', 'p.id', 'r.publicationId')
      .innerJoin('municipalities as m', 'm.id', 'p.municipalityId')
      .select(['p.id as publicationId', 'p.title', 'm.name as municipality'])
      .where('r.projectId', '=', projectId)
      .executeTakeFirst(),
  ]);
  let input: Draft;
  let reuseCount = 0;
  if (pub) {
    const [nets, reuses] = await Promise.all([
      deps.db.selectFrom('publicationNetworks').select('networkId').where('publicationId', '=', pub.id).execute(),
      deps.db
        .selectFrom('reuses')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('publicationId', '=', pub.id)
        .executeTakeFirst(),
    ]);
    const t = pub.template;
    input = {
      ...storedTexts(pub),
      networkIds: nets.map((n) => n.networkId),
      documentIds: pub.documents.map((d) => d.id),
      shareMilestones: t.share?.milestones ?? true,
      shareTasks: t.share?.tasks ?? true,
      shareCosts: t.share?.costs ?? true,
      shareRisks: t.share?.risks ?? true,
      processModelIds: (t.processes ?? []).map((x) => x.sourceId),
    };
    reuseCount = Number(reuses?.n ?? 0);
  } else {
    const { _files, ...draft } = await prefill(deps, scope, p);
    input = draft;
  }
  const processModels = await deps.db
    .selectFrom('processModels as m')
    .innerJoin('processServices as s', 's.id', 'm.serviceId')
    .select([
      'm.id',
      'm.name',
      'm.kind',
      's.name as service',
      sql<boolean>`m.project_id IS NOT DISTINCT FROM ${projectId}`.as('linked'),
    ])
    .where('m.municipalityId', '=', scope.municipalityId)
    .orderBy('linked', 'desc')
    .orderBy('s.name')
    .orderBy('m.kind')
    .limit(200)
    .execute();
  return {
    projectId,
    projectTitle: p.title,
    processModels,
    status: pub?.status ?? 'private',
    publicationId: pub?.id ?? null,
    version: pub?.version ?? 0,
    input,
    networks,
    files: files.map((f) => ({ ...f, size: Number(f.size) })),
    fieldsOfAction: fields,
    origin: origin ?? null,
    reuseCount,
    can: presentCan(scope, 'publication'),
  };
}

/** Exactly what would become visible, without saving anything. */
export async function previewPublication(deps: Deps, scope: TenantScope, projectId: string, input: Input) {
  const p = await loadProject(deps, scope, projectId);
  const b = await buildRow(deps.db, scope, p, input);
  const networks = b.networkIds.length
    ? await deps.db
        .selectFrom('networks')
        .select(['id', 'name'])
        .where('id', 'in', b.networkIds)
        .orderBy('name')
        .execute()
    : [];
  const now = new Date().toISOString();
  return entryOf('00000000-0000-4000-8000-000000000000', b, {
    networks,
    lighthouse: [],
    publishedAt: now,
    updatedAt: now,
  });
}

/** Publishes (or updates) the project's entry; version 0 creates it. */
export async function publish(deps: Deps, scope: TenantScope, projectId: string, input: Input) {
  authorize(scope, 'publication', 'publish');
  const p = await loadProject(deps, scope, projectId);
  await deps.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('publications')
      .selectAll()
      .where('projectId', '=', projectId)
      .forUpdate()
      .executeTakeFirst();
    if (existing) assertVersion(existing, input.version);
    else if (input.version !== 0) throw new AppError('conflict', 'Die Veröffentlichung wurde inzwischen entfernt.');
    const b = await buildRow(trx, scope, p, input);
    const values = {
      ...b.values,
      documents: JSON.stringify(b.values.documents),
      template: JSON.stringify({
        ...b.values.template,
        share: {
          milestones: input.shareMilestones,
          tasks: input.shareTasks,
          costs: input.shareCosts,
          risks: input.shareRisks,
        },
      }),
      status: 'published' as const,
      updatedAt: new Date(),
      publishedBy: scope.user.id,
    };
    const pubId = existing?.id ?? newId();
    if (existing)
      await trx
        .updateTable('publications')
        .set({ ...values, version: sql`version + 1` })
        .where('id', '=', pubId)
        .execute();
    else
      await trx
        .insertInto('publications')
        .values({ id: pubId, projectId, municipalityId: scope.municipalityId, ...values })
        .execute();
    await trx.deleteFrom('publicationNetworks').where('publicationId', '=', pubId).execute();
    if (b.networkIds.length)
      await trx
        .insertInto('publicationNetworks')
        .values(b.networkIds.map((networkId) => ({ publicationId: pubId, networkId })))
        .execute();
    await writeAudit(trx, scope, {
      action: existing ? 'update' : 'publish',
      entity: 'publication',
      entityId: pubId,
      municipalityId: scope.municipalityId,
      after: { title: input.title, visibility: input.visibility, networks: b.networkIds.length },
    });
  });
  return publicationState(deps, scope, projectId);
}

/** Withdraws the entry: nobody outside the municipality sees it any more (reuse links stay). */
export async function withdraw(deps: Deps, scope: TenantScope, projectId: string, version: number) {
  authorize(scope, 'publication', 'publish');
  await loadProject(deps, scope, projectId);
  await deps.db.transaction().execute(async (trx) => {
    const pub = await trx
      .selectFrom('publications')
      .selectAll()
      .where('projectId', '=', projectId)
      .forUpdate()
      .executeTakeFirst();
    if (!pub) throw new AppError('not_found');
    assertVersion(pub, version);
    await trx
      .updateTable('publications')
      .set({ status: 'withdrawn', version: sql`version + 1`, updatedAt: new Date() })
      .where('id', '=', pub.id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'withdraw',
      entity: 'publication',
      entityId: pub.id,
      municipalityId: scope.municipalityId,
    });
  });
  return publicationState(deps, scope, projectId);
}
