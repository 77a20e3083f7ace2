import {
  AppError,
  addDays,
  type adoptionInput,
  fmtNumber,
  populationFactor,
  type publicationTemplate,
  scaleEstimate,
  sizeClassOf,
} from '@dz/core';
import type { z } from 'zod';
import type { SharedProcess } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { copySharedModels, prepareSharedModels } from '../processes/model-copy.js';
import { loadVisible } from './exchange.access.js';

type Template = z.infer<typeof publicationTemplate>;

async function source(deps: Deps, scope: TenantScope, id: string) {
  const pub = await loadVisible(deps, scope, id);
  if (pub.status !== 'published') throw new AppError('not_found');
  if (pub.municipalityId === scope.municipalityId)
    throw new AppError('validation_failed', 'Eigene Projekte werden nicht übernommen.', [
      { path: 'id', code: 'own_entry', message: 'Dieses Projekt stammt aus Ihrer Kommune.' },
    ]);
  const [origin, own] = await Promise.all([
    deps.db.selectFrom('municipalities').select('name').where('id', '=', pub.municipalityId).executeTakeFirstOrThrow(),
    deps.db
      .selectFrom('municipalities')
      .select(['population', 'landCode'])
      .where('id', '=', scope.municipalityId)
      .executeTakeFirstOrThrow(),
  ]);
  const t = pub.template;
  const template: Template & { processes: SharedProcess[] } = {
    milestones: t.milestones ?? [],
    tasks: t.tasks ?? [],
    costs: t.costs ?? [],
    risks: t.risks ?? [],
    processes: t.processes ?? [],
  };
  return { pub, origin: origin.name, own, template, factor: populationFactor(own.population, pub.population) };
}

/** The template with costs scaled by population (own ÷ source), for the user to check and edit. */
export async function adoptionPreview(deps: Deps, scope: TenantScope, id: string) {
  const s = await source(deps, scope, id);
  return {
    title: s.pub.title,
    source: { municipality: s.origin, population: s.pub.population },
    ownPopulation: s.own.population,
    factor: s.factor,
    template: s.template,
  };
}

/**
 * "Übernehmen": copies the published project into the own portfolio as a new project (phase "Idee") —
 * milestones and tasks at their relative dates from the chosen start, cost lines scaled by the factors
 * the user confirmed, risks scaled by the population factor — and records the reuse with a link to the
 * original. One transaction: all of it or nothing.
 */
export async function adopt(deps: Deps, scope: TenantScope, id: string, input: z.infer<typeof adoptionInput>) {
  authorize(scope, 'projects', 'create');
  const s = await source(deps, scope, id);
  const { template: t } = s;
  if (input.costs && input.factors.length && input.factors.length !== t.costs.length)
    throw new AppError('validation_failed', 'Ein Faktor je Kostenzeile.', [
      { path: 'factors', code: 'factor_count', message: 'Bitte geben Sie für jede Kostenzeile einen Faktor an.' },
    ]);
  const projectId = newId();
  const lastDay = Math.max(0, ...t.milestones.map((m) => m.offsetDays), ...t.tasks.map((x) => x.offsetDays ?? 0));
  const endsOn = lastDay > 0 ? addDays(input.startsOn, lastDay) : null;
  const models = input.processes ? await prepareSharedModels(deps, scope, t.processes) : [];
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('projects')
      .values({
        id: projectId,
        municipalityId: scope.municipalityId,
        title: input.title,
        description: `Übernommen aus der Projektbörse: „${s.pub.title}“ (${s.origin}). Kosten mit Faktor ${fmtNumber(s.factor)} nach Einwohnerzahl skaliert.`,
        ownerId: scope.user.id,
        phase: 'idea',
        startsOn: input.startsOn,
        endsOn,
        createdBy: scope.user.id,
      })
      .execute();
    if (input.milestones && t.milestones.length)
      await trx
        .insertInto('milestones')
        .values(
          t.milestones.map((m) => ({
            id: newId(),
            projectId,
            title: m.title,
            dueOn: addDays(input.startsOn, m.offsetDays),
          })),
        )
        .execute();
    if (input.tasks && t.tasks.length)
      await trx
        .insertInto('tasks')
        .values(
          t.tasks.map((x) => ({
            id: newId(),
            projectId,
            title: x.title,
            dueOn: x.offsetDays === null ? null : addDays(input.startsOn, x.offsetDays),
          })),
        )
        .execute();
    if (input.costs && t.costs.length) {
      await trx.insertInto('projectFinance').values({ projectId }).execute();
      await trx
        .insertInto('costLines')
        .values(
          t.costs.map((c, i) => {
            const e = scaleEstimate(c, input.factors[i] ?? s.factor);
            return {
              id: newId(),
              projectId,
              position: i,
              kind: c.kind,
              category: c.category,
              label: c.label,
              yearOffset: c.year,
              minCents: e.min,
              likelyCents: e.likely,
              maxCents: e.max,
              vat: c.vat,
            };
          }),
        )
        .execute();
    }
    if (input.risks && t.risks.length)
      await trx
        .insertInto('risks')
        .values(
          t.risks.map((r) => {
            const e = scaleEstimate({ min: r.costMin, likely: r.costLikely, max: r.costMax }, s.factor);
            return {
              id: newId(),
              projectId,
              title: r.title,
              category: r.category,
              probability: r.probability,
              costMinCents: e.min,
              costLikelyCents: e.likely,
              costMaxCents: e.max,
              weeks: r.weeks,
              mitigation: r.mitigation,
            };
          }),
        )
        .execute();
    // the shared process models come along into the own inventory, linked to the new project
    const copied = await copySharedModels(trx, scope, projectId, models);
    await trx
      .insertInto('reuses')
      .values({
        id: newId(),
        publicationId: id,
        municipalityId: scope.municipalityId,
        projectId,
        sizeClass: sizeClassOf(s.own.population),
        landCode: s.own.landCode,
        createdBy: scope.user.id,
      })
      .execute();
    await writeAudit(trx, scope, {
      action: 'adopt',
      entity: 'project',
      entityId: projectId,
      municipalityId: scope.municipalityId,
      after: { title: input.title, from: s.pub.title, processModels: copied },
    });
  });
  return { id: projectId };
}
