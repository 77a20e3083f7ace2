import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB, SharedProcess } from '../../db/schema.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { analyseXml, rateTable } from './model-analysis.js';

/** A shared model ready to be copied: its BPMN checked again and its figures at the adopter's cost rates. */
export async function prepareSharedModels(deps: Deps, scope: TenantScope, shared: readonly SharedProcess[]) {
  if (!shared.length) return [];
  const rates = await rateTable(deps.db, scope.municipalityId);
  return Promise.all(
    shared.map(async (p) => {
      const a = await analyseXml(p.xml, 'processes', { rates, casesPerYear: 0, asIs: null });
      return { ...p, xml: a.xml, stored: a.stored };
    }),
  );
}

/**
 * Copies shared process models into the adopting municipality (inside the adoption's transaction): each goes to
 * the own service of the same name (added when there is none, volumes to be filled in), as its as-is model when the
 * service has none yet, else as a to-be variant, linked to the new project. Returns how many were copied.
 */
export async function copySharedModels(
  trx: Transaction<DB>,
  scope: TenantScope,
  projectId: string,
  models: Awaited<ReturnType<typeof prepareSharedModels>>,
) {
  for (const m of models) {
    let service = await trx
      .selectFrom('processServices')
      .select('id')
      .where('municipalityId', '=', scope.municipalityId)
      .where(sql`lower(name)`, '=', m.service.toLowerCase())
      .executeTakeFirst();
    if (!service) {
      service = { id: newId() };
      await trx
        .insertInto('processServices')
        .values({ id: service.id, municipalityId: scope.municipalityId, name: m.service, createdBy: scope.user.id })
        .execute();
    }
    const asIs = await trx
      .selectFrom('processModels')
      .select('id')
      .where('serviceId', '=', service.id)
      .where('kind', '=', 'as_is')
      .executeTakeFirst();
    await trx
      .insertInto('processModels')
      .values({
        id: newId(),
        municipalityId: scope.municipalityId,
        serviceId: service.id,
        kind: m.kind === 'as_is' && !asIs ? 'as_is' : 'to_be',
        name: m.name,
        xml: m.xml,
        minutesPerCase: m.stored?.minutesPerCase ?? null,
        centsPerCase: m.stored?.centsPerCase ?? null,
        mediaBreaks: m.stored?.mediaBreaks ?? null,
        projectId,
        createdBy: scope.user.id,
        updatedBy: scope.user.id,
      })
      .execute();
  }
  return models.length;
}
