import { AppError, fieldError, fmtNumber, savedHoursByPayGroup } from '@dz/core';
import { writeAudit } from '../../lib/audit.js';
import { authorize } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { analyseXml, rateTable } from './model-analysis.js';
import { savingsOf } from './models.repository.js';

/**
 * "Als Projekt anlegen": a portfolio project (phase "Idee") from a to-be model, its finance plan pre-filled with
 * the saved working hours per pay group as annual benefits (valued at the municipality's staff cost rates), and
 * the model linked to the project (the project page lists its models, the model page names its project).
 */
export async function projectFromModel(deps: Deps, scope: TenantScope, id: string, title: string | undefined) {
  authorize(scope, 'processes', 'createProject');
  const m = await deps.db
    .selectFrom('processModels as m')
    .innerJoin('processServices as s', 's.id', 'm.serviceId')
    .leftJoin('processModels as a', (j) => j.onRef('a.serviceId', '=', 'm.serviceId').on('a.kind', '=', 'as_is'))
    .select([
      'm.id',
      'm.kind',
      'm.name',
      'm.xml',
      'm.projectId',
      's.name as service',
      's.casesPerYear',
      'a.xml as asIsXml',
    ])
    .where('m.id', '=', id)
    .where('m.municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (!m) throw new AppError('not_found');
  if (m.kind !== 'to_be')
    throw fieldError('id', 'not_to_be', 'Ein Projekt entsteht aus einer Soll-Variante, nicht aus dem Ist-Prozess.');
  if (m.projectId)
    throw new AppError('conflict', 'Aus dieser Soll-Variante wurde schon ein Projekt angelegt.', [], {
      projectId: m.projectId,
    });
  if (!m.asIsXml)
    throw fieldError('id', 'as_is_missing', 'Modellieren Sie zuerst den Ist-Prozess, damit die Einsparung feststeht.');
  const rates = await rateTable(deps.db, scope.municipalityId);
  const ctx = { rates, casesPerYear: m.casesPerYear, asIs: null };
  const [asIs, toBe] = await Promise.all([analyseXml(m.asIsXml, 'id', ctx), analyseXml(m.xml, 'id', ctx)]);
  if (!asIs.effortDetail || !toBe.effortDetail)
    throw fieldError(
      'id',
      'effort_missing',
      'Die Einsparung lässt sich noch nicht berechnen: Bitte prüfen Sie die Hinweise im Modell.',
    );
  // hours saved in one pay group are a benefit; hours a pay group gets on top (work moved there) are a running
  // staff cost of the project, so the plan nets out to the model's savings
  const groups = savedHoursByPayGroup(asIs.effortDetail, toBe.effortDetail, m.casesPerYear);
  const byGroup = groups.filter((g) => g.hours > 0);
  const extra = groups.filter((g) => g.hours < 0);
  const net = savingsOf(asIs.effortDetail, toBe.effortDetail, m.casesPerYear);
  const projectId = newId();
  const projectTitle = title ?? `${m.service}: ${m.name}`.slice(0, 200);
  const hours = net.hours;
  const breaks = net.mediaBreaksRemoved;
  const description =
    `Aus dem Soll-Prozess „${m.name}“ der Leistung „${m.service}“ (${fmtNumber(m.casesPerYear)} Fälle im Jahr): ` +
    (hours >= 0
      ? `${fmtNumber(hours)} Stunden Arbeitszeit weniger im Jahr`
      : `${fmtNumber(-hours)} Stunden Arbeitszeit mehr im Jahr`) +
    (breaks > 0 ? `, ${breaks} ${breaks === 1 ? 'Medienbruch' : 'Medienbrüche'} weniger.` : '.');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('projects')
      .values({
        id: projectId,
        municipalityId: scope.municipalityId,
        title: projectTitle,
        description,
        ownerId: scope.user.id,
        phase: 'idea',
        createdBy: scope.user.id,
      })
      .execute();
    await trx.insertInto('projectFinance').values({ projectId }).execute();
    if (byGroup.length)
      await trx
        .insertInto('benefits')
        .values(
          byGroup.map((g, position) => ({
            id: newId(),
            projectId,
            position,
            label: `Eingesparte Arbeitszeit ${m.service}${g.payGroup ? ` (${g.payGroup})` : ''}`.slice(0, 200),
            centsPerYear: 0,
            hoursPerYear: Math.round(g.hours * 10) / 10,
            payGroup: g.payGroup,
            fromYear: 1,
          })),
        )
        .execute();
    if (extra.length)
      await trx
        .insertInto('staffLines')
        .values(
          extra.map((g, position) => ({
            id: newId(),
            projectId,
            position,
            kind: 'recurring' as const,
            label: `Mehraufwand ${m.service} (${g.payGroup ?? rates.defaultPayGroup ?? ''})`.slice(0, 200),
            payGroup: g.payGroup ?? rates.defaultPayGroup ?? '',
            yearOffset: 1,
            hoursMin: -g.hours,
            hoursLikely: -g.hours,
            hoursMax: -g.hours,
          })),
        )
        .execute();
    const linked = await trx
      .updateTable('processModels')
      .set({ projectId })
      .where('id', '=', id)
      .where('projectId', 'is', null)
      .executeTakeFirst();
    if (Number(linked.numUpdatedRows) !== 1)
      throw new AppError('conflict', 'Aus dieser Soll-Variante wurde schon ein Projekt angelegt.');
    await writeAudit(trx, scope, {
      action: 'create_from_process',
      entity: 'project',
      entityId: projectId,
      municipalityId: scope.municipalityId,
      after: { title: projectTitle, model: m.name, service: m.service, hoursPerYear: hours },
    });
  });
  return { projectId };
}

/** The process models a project was made from (the project page's traceability section). */
export async function modelsOfProject(deps: Deps, scope: TenantScope, projectId: string) {
  const p = await deps.db
    .selectFrom('projects')
    .select('id')
    .where('id', '=', projectId)
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (!p) throw new AppError('not_found');
  const items = await deps.db
    .selectFrom('processModels as m')
    .innerJoin('processServices as s', 's.id', 'm.serviceId')
    .select(['m.id', 'm.name', 'm.kind', 's.id as serviceId', 's.name as service'])
    .where('m.projectId', '=', projectId)
    .where('m.municipalityId', '=', scope.municipalityId)
    .orderBy('m.name')
    .execute();
  return { items };
}
