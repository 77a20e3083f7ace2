import {
  AppError,
  fieldError,
  STARTER_SERVICES,
  type serviceCreate,
  type serviceListQuery,
  type serviceUpdate,
  starterCases,
} from '@dz/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { assertOwn } from '../../lib/own-refs.js';
import { deleteOwnRow } from '../../lib/own-rows.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { modelSummaries } from './models.repository.js';

type ServiceInput = z.infer<typeof serviceCreate>;

/**
 * The inventory rows with their portfolio figures, computed in SQL: hours a year today (the as-is model's minutes
 * per case once it has steps with minutes, else the inventory's estimate) and the best to-be variant's savings —
 * rounded as core's `annualEffort`/`processSavings` round (yearly figures first, each to 0.1 h and whole cents).
 */
function servicesQuery(deps: Deps, scope: TenantScope) {
  const yearly = (minutes: string) => sql.raw(`round((s.cases_per_year * ${minutes} / 60.0)::numeric, 1)`);
  const yearlyCents = (cents: string) => sql.raw(`round((s.cases_per_year * ${cents})::numeric)`);
  return (
    deps.db
      .selectFrom('processServices as s')
      .leftJoin('departments as d', 'd.id', 's.departmentId')
      // an as-is model counts once it has steps with minutes (an empty model does not make the service free)
      .leftJoin('processModels as a', (j) =>
        j.onRef('a.serviceId', '=', 's.id').on('a.kind', '=', 'as_is').on('a.minutesPerCase', '>', 0),
      )
      // the best to-be variant: the one saving the most euros, its hours and euros together
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('processModels as t')
            .select([
              sql<number>`(${yearly('a.minutes_per_case')} - ${yearly('t.minutes_per_case')})::float8`.as('savedHours'),
              sql<number>`(${yearlyCents('a.cents_per_case')} - ${yearlyCents('t.cents_per_case')})::float8`.as(
                'savedCents',
              ),
            ])
            .whereRef('t.serviceId', '=', 's.id')
            .where('t.kind', '=', 'to_be')
            .where('t.minutesPerCase', 'is not', null)
            .where(sql<boolean>`a.id IS NOT NULL`)
            .orderBy(sql`2`, 'desc')
            .limit(1)
            .as('b'),
        (j) => j.onTrue(),
      )
      .select([
        's.id',
        's.version',
        's.name',
        's.subjectArea',
        's.lifeSituation',
        's.leikaKey',
        's.departmentId',
        'd.name as department',
        's.casesPerYear',
        's.minutesPerCase',
        's.ozgLevel',
        's.ozgTarget',
        's.onlineChannel',
        's.mediaBreaks',
        sql<boolean>`a.id IS NOT NULL`.as('fromModel'),
        sql<number | null>`a.minutes_per_case`.as('modelMinutesPerCase'),
        sql<number>`${yearly('coalesce(a.minutes_per_case, s.minutes_per_case)')}::float8`.as('hoursPerYear'),
        sql<number>`(SELECT count(*) FROM process_models m WHERE m.service_id = s.id)::int`.as('models'),
        sql<number | null>`b.saved_hours`.as('savingsHours'),
        sql<number | null>`b.saved_cents`.as('savingsCents'),
      ])
      .where('s.municipalityId', '=', scope.municipalityId)
  );
}

export async function listServices(deps: Deps, scope: TenantScope, q: z.infer<typeof serviceListQuery>) {
  let query = servicesQuery(deps, scope);
  if (q.notOnline === 'true') query = query.where('s.ozgLevel', '<', 3);
  const order =
    q.sort === 'name'
      ? query.orderBy('s.name')
      : q.sort === 'effort'
        ? query.orderBy('hoursPerYear', 'desc').orderBy('s.name')
        : query
            .orderBy('savingsCents', (o) => o.desc().nullsLast())
            .orderBy('hoursPerYear', 'desc')
            .orderBy('s.name');
  const rows = await order.execute();
  // names in German alphabetical order (Ö with O), which the database's collation may not know
  const items = q.sort === 'name' ? rows.sort((a, b) => a.name.localeCompare(b.name, 'de')) : rows;
  const totals = await deps.db
    .selectFrom(servicesQuery(deps, scope).as('x'))
    .select([
      sql<number>`count(*)::int`.as('services'),
      sql<number>`count(*) FILTER (WHERE x.ozg_level < 3)::int`.as('notOnline'),
      sql<number>`coalesce(sum(x.hours_per_year), 0)::float8`.as('hoursPerYear'),
      sql<number>`coalesce(sum(x.savings_hours), 0)::float8`.as('savingsHours'),
      sql<number>`coalesce(sum(x.savings_cents), 0)::float8`.as('savingsCents'),
    ])
    .executeTakeFirstOrThrow();
  return { items, totals, can: presentCan(scope, 'processes') };
}

export async function loadService(deps: Deps, scope: TenantScope, id: string) {
  const s = await servicesQuery(deps, scope).where('s.id', '=', id).executeTakeFirst();
  if (!s) throw new AppError('not_found');
  return s;
}

export async function getService(deps: Deps, scope: TenantScope, id: string) {
  const s = await loadService(deps, scope, id);
  return { ...s, modelList: await modelSummaries(deps.db, scope, id), can: presentCan(scope, 'processes') };
}

async function checkRefs(deps: Deps, scope: TenantScope, input: ServiceInput, id: string | null) {
  if (input.departmentId) await assertOwn(deps.db, scope, 'department', input.departmentId, 'body.departmentId');
  const same = await deps.db
    .selectFrom('processServices')
    .select('id')
    .where('municipalityId', '=', scope.municipalityId)
    .where(sql`lower(name)`, '=', input.name.toLowerCase())
    .executeTakeFirst();
  if (same && same.id !== id)
    throw fieldError('body.name', 'duplicate_name', 'Eine Leistung mit diesem Namen steht schon im Verzeichnis.');
}

const FIELDS = [
  'name',
  'subjectArea',
  'lifeSituation',
  'leikaKey',
  'departmentId',
  'casesPerYear',
  'minutesPerCase',
  'ozgLevel',
  'ozgTarget',
  'onlineChannel',
  'mediaBreaks',
] as const;

export async function createService(deps: Deps, scope: TenantScope, input: ServiceInput) {
  authorize(scope, 'processes', 'edit');
  await checkRefs(deps, scope, input, null);
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('processServices')
      .values({ id, municipalityId: scope.municipalityId, ...input, createdBy: scope.user.id })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'process_service',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: { name: input.name, casesPerYear: input.casesPerYear },
    });
  });
  return getService(deps, scope, id);
}

export async function updateService(deps: Deps, scope: TenantScope, id: string, input: z.infer<typeof serviceUpdate>) {
  await loadService(deps, scope, id);
  authorize(scope, 'processes', 'edit');
  const { version, ...values } = input;
  await checkRefs(deps, scope, values, id);
  await deps.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('processServices')
      .selectAll()
      .where('id', '=', id)
      .where('municipalityId', '=', scope.municipalityId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const before = Object.fromEntries(FIELDS.map((f) => [f, c[f]]));
    assertVersion(c, version, { ...before, version: c.version });
    await trx
      .updateTable('processServices')
      .set({ ...values, version: c.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'process_service',
      entityId: id,
      municipalityId: scope.municipalityId,
      before,
      after: values,
    });
  });
  return getService(deps, scope, id);
}

/** Deletes a service with its models (the confirmation is the UI's); projects made from them stay. */
export async function deleteService(deps: Deps, scope: TenantScope, id: string) {
  const s = await loadService(deps, scope, id);
  authorize(scope, 'processes', 'edit');
  return deleteOwnRow(deps.db, scope, 'processServices', id, {
    entity: 'process_service',
    before: { name: s.name, models: s.models },
  });
}

async function population(deps: Deps, scope: TenantScope) {
  const m = await deps.db
    .selectFrom('municipalities')
    .select('population')
    .where('id', '=', scope.municipalityId)
    .executeTakeFirstOrThrow();
  return m.population ?? 0;
}

/** The starter list with volumes scaled to the municipality's population; `added` marks those already taken. */
export async function starterList(deps: Deps, scope: TenantScope) {
  const [pop, taken, departments] = await Promise.all([
    population(deps, scope),
    deps.db
      .selectFrom('processServices')
      .select(['starterKey', 'name'])
      .where('municipalityId', '=', scope.municipalityId)
      .execute(),
    departmentsByCode(deps, scope),
  ]);
  const keys = new Set(taken.map((t) => t.starterKey));
  const names = new Set(taken.map((t) => t.name.toLowerCase()));
  return {
    population: pop,
    items: STARTER_SERVICES.map((s) => ({
      key: s.key,
      name: s.name,
      subjectArea: s.subjectArea,
      lifeSituation: s.lifeSituation,
      department: departments.get(s.departmentCode)?.name ?? DEPARTMENT_FALLBACK[s.departmentCode] ?? s.departmentCode,
      casesPerYear: starterCases(s, pop),
      minutesPerCase: s.minutesPerCase,
      ozgLevel: s.ozgLevel,
      added: keys.has(s.key) || names.has(s.name.toLowerCase()),
    })),
  };
}

const DEPARTMENT_FALLBACK: Record<string, string> = {
  '10': 'Hauptamt',
  '20': 'Kämmerei',
  '32': 'Ordnungsamt',
  '33': 'Einwohnermeldeamt / Bürgerbüro',
  '34': 'Standesamt',
  '60': 'Bauverwaltung',
};

/** The municipality's departments by their KGSt number (the code, a leading number in the name, or the usual name). */
async function departmentsByCode(deps: Deps, scope: TenantScope) {
  const rows = await deps.db
    .selectFrom('departments')
    .select(['id', 'name', 'code'])
    .where('municipalityId', '=', scope.municipalityId)
    .execute();
  const byCode = new Map<string, { id: string; name: string }>();
  for (const [code, usual] of Object.entries(DEPARTMENT_FALLBACK)) {
    const word = (usual.split(' ')[0] ?? usual).toLowerCase();
    const hit =
      rows.find((r) => r.code === code) ??
      rows.find((r) => r.name.startsWith(`${code} `)) ??
      rows.find((r) => r.name.toLowerCase().includes(word));
    if (hit) byCode.set(code, hit);
  }
  return byCode;
}

/** Adds the ticked starter services (already added ones are skipped), volumes scaled to the population. */
export async function addStarters(deps: Deps, scope: TenantScope, keys: readonly string[]) {
  authorize(scope, 'processes', 'edit');
  const wanted = new Set(keys);
  const unknown = [...wanted].filter((k) => !STARTER_SERVICES.some((s) => s.key === k));
  if (unknown.length) throw fieldError('body.keys', 'unknown_starter', 'Diese Leistung steht nicht in der Startliste.');
  const list = await starterList(deps, scope);
  const departments = await departmentsByCode(deps, scope);
  const rows = STARTER_SERVICES.filter((s) => wanted.has(s.key) && !list.items.find((i) => i.key === s.key)?.added);
  if (!rows.length) return { created: 0 };
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('processServices')
      .values(
        rows.map((s) => ({
          id: newId(),
          municipalityId: scope.municipalityId,
          name: s.name,
          subjectArea: s.subjectArea as ServiceInput['subjectArea'],
          lifeSituation: s.lifeSituation,
          leikaKey: null,
          departmentId: departments.get(s.departmentCode)?.id ?? null,
          casesPerYear: starterCases(s, list.population),
          minutesPerCase: s.minutesPerCase,
          ozgLevel: s.ozgLevel,
          ozgTarget: 3,
          onlineChannel: null,
          mediaBreaks: 0,
          starterKey: s.key,
          createdBy: scope.user.id,
        })),
      )
      .execute();
    await writeAudit(trx, scope, {
      action: 'add_starters',
      entity: 'process_service',
      municipalityId: scope.municipalityId,
      after: { services: rows.map((s) => s.name) },
    });
  });
  return { created: rows.length };
}
