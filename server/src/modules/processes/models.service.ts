import { AppError, fieldError, type modelCreate, type modelSave, type ProcessModelKind } from '@dz/core';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import { emptyBpmn } from '../../lib/bpmn.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { deleteOwnRow } from '../../lib/own-rows.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { analyseXml, rateTable, type StoredFigures } from './model-analysis.js';

/** A model of the caller's municipality with its service and the as-is model's stored figures (404 otherwise). */
async function loadModel(deps: Deps, scope: TenantScope, id: string) {
  const m = await deps.db
    .selectFrom('processModels as m')
    .innerJoin('processServices as s', 's.id', 'm.serviceId')
    .leftJoin('processModels as a', (j) => j.onRef('a.serviceId', '=', 'm.serviceId').on('a.kind', '=', 'as_is'))
    .leftJoin('projects as p', 'p.id', 'm.projectId')
    .select([
      'm.id',
      'm.version',
      'm.serviceId',
      's.name as service',
      's.casesPerYear',
      'm.kind',
      'm.name',
      'm.xml',
      'm.copyOf as copyOfId',
      'a.id as asIsId',
      'a.minutesPerCase as asIsMinutes',
      'a.centsPerCase as asIsCents',
      'a.mediaBreaks as asIsMediaBreaks',
      'm.projectId',
      'p.title as project',
    ])
    .where('m.id', '=', id)
    .where('m.municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (!m) throw new AppError('not_found');
  return m;
}
type Loaded = Awaited<ReturnType<typeof loadModel>>;

/** The as-is figures a to-be model is compared with (none for the as-is model itself or before it is computed). */
function asIsOf(m: Pick<Loaded, 'kind' | 'asIsMinutes' | 'asIsCents' | 'asIsMediaBreaks'>): StoredFigures | null {
  if (m.kind !== 'to_be' || m.asIsMinutes === null || m.asIsCents === null) return null;
  return { minutesPerCase: m.asIsMinutes, centsPerCase: m.asIsCents, mediaBreaks: m.asIsMediaBreaks ?? 0 };
}

export async function getModel(deps: Deps, scope: TenantScope, id: string) {
  const m = await loadModel(deps, scope, id);
  const rates = await rateTable(deps.db, scope.municipalityId);
  const a = await analyseXml(m.xml, 'xml', { rates, casesPerYear: m.casesPerYear, asIs: asIsOf(m) });
  return {
    id: m.id,
    version: m.version,
    serviceId: m.serviceId,
    service: m.service,
    casesPerYear: m.casesPerYear,
    kind: m.kind,
    name: m.name,
    xml: m.xml,
    copyOfId: m.copyOfId,
    asIsId: m.asIsId,
    projectId: m.projectId,
    project: m.project,
    payGroups: rates.groups,
    defaultPayGroup: rates.defaultPayGroup,
    analysis: a.analysis,
    can: presentCan(scope, 'processes'),
  };
}

/** Checks a model's XML without storing it (the editor's live findings and figures). */
export async function checkModel(deps: Deps, scope: TenantScope, id: string, xml: string) {
  const m = await loadModel(deps, scope, id);
  // reading and checking a large file costs time: only for those who model
  authorize(scope, 'processes', 'model');
  const rates = await rateTable(deps.db, scope.municipalityId);
  return (await analyseXml(xml, 'body.xml', { rates, casesPerYear: m.casesPerYear, asIs: asIsOf(m) })).analysis;
}

async function ownService(deps: Deps, scope: TenantScope, serviceId: string, path: string) {
  const s = await deps.db
    .selectFrom('processServices as s')
    .leftJoin('processModels as a', (j) => j.onRef('a.serviceId', '=', 's.id').on('a.kind', '=', 'as_is'))
    .select([
      's.id',
      's.name',
      's.casesPerYear',
      'a.id as asIsId',
      'a.minutesPerCase as asIsMinutes',
      'a.centsPerCase as asIsCents',
      'a.mediaBreaks as asIsMediaBreaks',
    ])
    .where('s.id', '=', serviceId)
    .where('s.municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (!s) throw fieldError(path, 'unknown_service', 'Diese Leistung gibt es in Ihrem Verzeichnis nicht.');
  return s;
}

/**
 * Stores a new model: empty (a start event), a copy of another model of the municipality, or a file made
 * elsewhere (kept byte for byte, so it comes back out unchanged until it is edited). One as-is model per service.
 */
async function insertModel(
  deps: Deps,
  scope: TenantScope,
  input: { serviceId: string; kind: ProcessModelKind; name: string; copyOf: string | null },
  source: { xml: string | Buffer; path: string } | null,
) {
  authorize(scope, 'processes', 'model');
  const s = await ownService(
    deps,
    scope,
    input.serviceId,
    source?.path === 'body.file' ? 'querystring.serviceId' : 'body.serviceId',
  );
  if (input.kind === 'as_is' && s.asIsId)
    throw fieldError(
      source ? 'querystring.kind' : 'body.kind',
      'as_is_exists',
      'Für diese Leistung gibt es schon einen Ist-Prozess. Legen Sie eine Soll-Variante an oder bearbeiten Sie den Ist-Prozess.',
    );
  let xml: string | Buffer = source?.xml ?? (await emptyBpmn(input.name));
  if (input.copyOf) {
    const from = await deps.db
      .selectFrom('processModels')
      .select('xml')
      .where('id', '=', input.copyOf)
      .where('municipalityId', '=', scope.municipalityId)
      .executeTakeFirst();
    if (!from) throw fieldError('body.copyOf', 'unknown_model', 'Dieses Prozessmodell gibt es in Ihrer Kommune nicht.');
    xml = from.xml;
  }
  const rates = await rateTable(deps.db, scope.municipalityId);
  const asIs = input.kind === 'to_be' ? asIsOf({ kind: 'to_be', ...s }) : null;
  const a = await analyseXml(xml, source?.path ?? 'body.copyOf', { rates, casesPerYear: s.casesPerYear, asIs });
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('processModels')
      .values({
        id,
        municipalityId: scope.municipalityId,
        serviceId: s.id,
        kind: input.kind,
        name: input.name,
        xml: a.xml,
        minutesPerCase: a.stored?.minutesPerCase ?? null,
        centsPerCase: a.stored?.centsPerCase ?? null,
        mediaBreaks: a.stored?.mediaBreaks ?? null,
        copyOf: input.copyOf,
        createdBy: scope.user.id,
        updatedBy: scope.user.id,
      })
      .execute();
    await writeAudit(trx, scope, {
      action: source?.path === 'body.file' ? 'import' : 'create',
      entity: 'process_model',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: { service: s.name, kind: input.kind, name: input.name, copyOf: input.copyOf },
    });
  });
  return { id };
}

export function createModel(deps: Deps, scope: TenantScope, input: z.infer<typeof modelCreate>) {
  return insertModel(deps, scope, input, null).then((r) => getModel(deps, scope, r.id));
}

/** The service a file is imported into: the caller models processes, and the service is the municipality's own. */
export async function importTarget(deps: Deps, scope: TenantScope, serviceId: string) {
  authorize(scope, 'processes', 'model');
  const s = await deps.db
    .selectFrom('processServices')
    .select('id')
    .where('id', '=', serviceId)
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (!s) throw new AppError('not_found');
}

export function importModel(
  deps: Deps,
  scope: TenantScope,
  q: { serviceId: string; kind: ProcessModelKind; name: string },
  file: Buffer,
) {
  return insertModel(deps, scope, { ...q, copyOf: null }, { xml: file, path: 'body.file' }).then((r) =>
    getModel(deps, scope, r.id),
  );
}

/** Saves the editor's XML: checked by the reader first (nothing stored when refused), 409 on a stale version. */
export async function saveModel(deps: Deps, scope: TenantScope, id: string, input: z.infer<typeof modelSave>) {
  const m = await loadModel(deps, scope, id);
  authorize(scope, 'processes', 'model');
  const rates = await rateTable(deps.db, scope.municipalityId);
  const a = await analyseXml(input.xml, 'body.xml', { rates, casesPerYear: m.casesPerYear, asIs: asIsOf(m) });
  await deps.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('processModels')
      .select(['version', 'name'])
      .where('id', '=', id)
      .where('municipalityId', '=', scope.municipalityId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    assertVersion(c, input.version, { version: c.version, name: c.name });
    await trx
      .updateTable('processModels')
      .set({
        name: input.name,
        xml: a.xml,
        minutesPerCase: a.stored?.minutesPerCase ?? null,
        centsPerCase: a.stored?.centsPerCase ?? null,
        mediaBreaks: a.stored?.mediaBreaks ?? null,
        version: c.version + 1,
        updatedBy: scope.user.id,
        updatedAt: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'process_model',
      entityId: id,
      municipalityId: scope.municipalityId,
      before: { name: c.name, version: c.version },
      after: { name: input.name, minutesPerCase: a.stored?.minutesPerCase ?? null },
    });
  });
  return getModel(deps, scope, id);
}

export async function deleteModel(deps: Deps, scope: TenantScope, id: string) {
  const m = await loadModel(deps, scope, id);
  authorize(scope, 'processes', 'model');
  return deleteOwnRow(deps.db, scope, 'processModels', id, {
    entity: 'process_model',
    before: { service: m.service, kind: m.kind, name: m.name },
  });
}

/** The model as a BPMN 2.0 file, exactly as stored. */
export async function exportModel(deps: Deps, scope: TenantScope, id: string) {
  const m = await loadModel(deps, scope, id);
  const slug = `${m.service}-${m.kind === 'as_is' ? 'ist' : 'soll'}-${m.name}`
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\w]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return { fileName: `${slug || 'prozess'}.bpmn`, xml: m.xml };
}
