import {
  guessProjectType,
  PROJECT_TEMPLATES,
  type paperSuggestionsQuery,
  type paperSuggestions as paperSuggestionsSchema,
  populationFactor,
  projectTemplate,
  type RiskSuggestion,
  riskSuggestions,
  scaleEstimate,
  TEMPLATE_POPULATION,
} from '@dz/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Deps } from '../../lib/deps.js';
import type { TenantScope } from '../../lib/scope.js';
import { visible } from '../exchange/exchange.access.js';
import { orQuery } from '../needs/needs.service.js';
import { loadProject } from '../projects/projects.access.js';
import { loadSettings } from './finance.service.js';

type Suggestions = z.infer<typeof paperSuggestionsSchema>;

/** How many comparable exchange projects are offered next to the template. */
const COMPARABLES = 3;

/**
 * Published exchange projects of other municipalities that the scope may see, share their cost lines and match the
 * project type's keywords (German full text, prefix match; for "other" the project title's words), best match first.
 */
async function comparables(deps: Deps, scope: TenantScope, words: string | null) {
  if (!words) return [];
  const rows = await deps.db
    .selectFrom('publications as p')
    .innerJoin('municipalities as m', 'm.id', 'p.municipalityId')
    .select(['p.id', 'p.title', 'p.population', 'p.template', 'm.name as municipality'])
    .where('p.status', '=', 'published')
    .where(visible(scope))
    .where('p.municipalityId', '!=', scope.municipalityId)
    .where(sql<boolean>`jsonb_array_length(coalesce(p.template -> 'costs', '[]'::jsonb)) > 0`)
    .where(sql<boolean>`p.search @@ to_tsquery('german', ${words})`)
    .orderBy(sql`ts_rank(p.search, to_tsquery('german', ${words}))`, 'desc')
    .orderBy('p.publishedAt', 'desc')
    .limit(COMPARABLES)
    .execute();
  return rows.map((r) => ({ ...r, template: r.template }));
}

/**
 * Defaults for the guided path to a first council paper: cost lines from the type's template and from comparable
 * exchange projects (scaled to the own population like an adoption), own staff hours of the template, risk
 * suggestions by category (the comparable projects' published risks first) and the finance settings in force.
 */
export async function paperSuggestions(
  deps: Deps,
  scope: TenantScope,
  projectId: string,
  q: z.infer<typeof paperSuggestionsQuery>,
): Promise<Suggestions> {
  const p = await loadProject(deps, scope, projectId);
  const type = q.type ?? guessProjectType(`${p.title} ${p.description}`);
  const [settings, muni, found] = await Promise.all([
    loadSettings(deps.db, scope.municipalityId),
    deps.db
      .selectFrom('municipalities')
      .select('population')
      .where('id', '=', scope.municipalityId)
      .executeTakeFirstOrThrow(),
    comparables(deps, scope, orQuery(type === 'other' ? p.title : PROJECT_TEMPLATES[type].keywords.join(' '))),
  ]);
  const template = projectTemplate(type, muni.population);
  const exchange = found.map((c) => {
    const factor = populationFactor(muni.population, c.population);
    const risks: RiskSuggestion[] = (c.template.risks ?? []).map((r) => {
      const e = scaleEstimate({ min: r.costMin, likely: r.costLikely, max: r.costMax }, factor);
      return { ...r, costMin: e.min, costLikely: e.likely, costMax: e.max, source: c.municipality };
    });
    return {
      source: {
        kind: 'exchange' as const,
        id: c.id,
        title: c.title,
        municipality: c.municipality,
        population: c.population,
        factor,
        costs: (c.template.costs ?? []).map((x) => ({ ...x, ...scaleEstimate(x, factor) })),
      },
      risks,
    };
  });
  return {
    type,
    guessed: q.type === undefined,
    population: muni.population,
    settings: {
      discountRate: settings.discountRate,
      discountRateSource: settings.discountRateSource,
      horizonYears: settings.horizonYears,
    },
    sources: [
      {
        kind: 'template',
        id: 'template',
        title: template.label,
        municipality: null,
        population: TEMPLATE_POPULATION,
        factor: template.factor,
        costs: template.costs,
      },
      ...exchange.map((e) => e.source),
    ],
    staff: template.staff,
    risks: riskSuggestions(
      type,
      muni.population,
      exchange.flatMap((e) => e.risks),
    ).map((g) => ({ ...g, items: g.items.map((r) => ({ ...r, source: r.source ?? null })) })),
  };
}
