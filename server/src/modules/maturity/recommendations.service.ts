import { MATURITY_GUIDE_MODULES, MATURITY_HELP, sizeClassOf } from '@dz/core';
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Deps } from '../../lib/deps.js';
import type { TenantScope } from '../../lib/scope.js';
import { visible } from '../exchange/exchange.access.js';
import { visibleGuide } from '../guides/guides.access.js';
import { loadSettings } from './assessments.service.js';
import { landName } from './benchmark.service.js';
import { loadModel } from './model.service.js';

/* For the weakest dimensions: projects of the exchange, the platform's guided paths, and peers further ahead that
   agreed to be asked (through the exchange's contact request: contact details only once they accept). */

const TOP = 3;

/** The assessment recommendations start from: the latest completed one, else the draft. */
export async function latestAssessment(db: Database, municipalityId: string) {
  return db
    .selectFrom('maturityAssessments')
    .select(['id', 'modelVersion', 'levels', 'status', 'completedAt'])
    .where('municipalityId', '=', municipalityId)
    .orderBy(sql`status = 'completed'`, 'desc')
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function getRecommendations(deps: Pick<Deps, 'db'>, scope: TenantScope) {
  const [latest, settings] = await Promise.all([
    latestAssessment(deps.db, scope.municipalityId),
    loadSettings(deps.db, scope.municipalityId),
  ]);
  if (!latest) return { assessmentId: null, dimensions: [], contactable: settings.contactable };
  const model = await loadModel(deps.db, latest.modelVersion);
  const weakest = (model?.dimensions ?? [])
    .map((d, i) => ({ key: d.key, name: d.name, level: latest.levels[d.key] ?? null, i }))
    .filter((d): d is typeof d & { level: number } => d.level !== null && d.level < 5)
    .sort((a, b) => a.level - b.level || a.i - b.i)
    .slice(0, TOP);
  const me = await deps.db
    .selectFrom('municipalities')
    .select(['population', 'landCode'])
    .where('id', '=', scope.municipalityId)
    .executeTakeFirstOrThrow();
  const dimensions = [];
  for (const d of weakest) {
    const help = MATURITY_HELP[d.key] ?? { keywords: [], guides: [] };
    const pattern = help.keywords.map((k) => k.replace(/[^\p{L}\p{N} -]/gu, '')).join('|');
    const [lighthouses, peers] = await Promise.all([
      pattern
        ? deps.db
            .selectFrom('publications as p')
            .innerJoin('municipalities as m', 'm.id', 'p.municipalityId')
            .select((eb) => [
              'p.id',
              'p.title',
              'm.name as municipality',
              eb
                .exists(
                  eb
                    .selectFrom('lighthouseMarks as l')
                    .select('l.publicationId')
                    .whereRef('l.publicationId', '=', 'p.id'),
                )
                .as('lighthouse'),
            ])
            .where(visible(scope))
            .where('p.status', '=', 'published')
            .where('p.municipalityId', '<>', scope.municipalityId)
            .where(
              sql<boolean>`(p.title || ' ' || p.problem || ' ' || p.solution || ' ' || p.field_of_action) ~* ${pattern}`,
            )
            .orderBy(sql`EXISTS (SELECT 1 FROM lighthouse_marks l WHERE l.publication_id = p.id)`, 'desc')
            .orderBy('p.title')
            .limit(3)
            .execute()
        : Promise.resolve([]),
      // each contactable municipality's latest completed assessment, further ahead in this dimension
      sql<{ id: string; name: string; population: number; landCode: string; level: number; request: string | null }>`
        SELECT m.id, m.name, m.population, m.land_code, (a.levels->>${d.key})::int AS level,
          (SELECT c.status FROM contact_requests c WHERE c.from_municipality_id = ${scope.municipalityId}
             AND c.to_municipality_id = m.id ORDER BY c.created_at DESC LIMIT 1) AS request
        FROM maturity_settings s
        JOIN municipalities m ON m.id = s.municipality_id
        JOIN LATERAL (
          SELECT levels FROM maturity_assessments x WHERE x.municipality_id = s.municipality_id AND x.status = 'completed'
          ORDER BY x.completed_at DESC LIMIT 1
        ) a ON true
        WHERE s.contactable AND s.municipality_id <> ${scope.municipalityId}
          AND (a.levels->>${d.key})::int > ${d.level}
        ORDER BY (a.levels->>${d.key})::int DESC,
          (m.land_code = ${me.landCode}) DESC, abs(ln(greatest(m.population, 1)) - ln(${Math.max(me.population, 1)})), m.name
        LIMIT 3`.execute(deps.db),
    ]);
    // the method library's guides for the dimension's topics (the network's own first, then articles, checklists)
    const topics = MATURITY_GUIDE_MODULES[d.key] ?? [];
    const library = topics.length
      ? (
          await deps.db
            .selectFrom('guides as g')
            .select(['g.id', 'g.title', 'g.summary'])
            .where(visibleGuide(scope))
            .where(sql<boolean>`g.modules ?| ARRAY[${sql.join([...topics])}]::text[]`)
            .orderBy(sql`g.network_id IS NULL`)
            .orderBy(sql`array_position(ARRAY['article','checklist','template'], g.kind)`)
            .orderBy('g.title')
            .limit(2)
            .execute()
        ).map((g) => ({ title: g.title, summary: g.summary, link: `/hilfen/${g.id}` }))
      : [];
    dimensions.push({
      key: d.key,
      name: d.name,
      level: d.level,
      lighthouses: lighthouses.map((l) => ({
        id: l.id,
        title: l.title,
        municipality: l.municipality,
        lighthouse: Boolean(l.lighthouse),
      })),
      guides: [...help.guides.map((g) => ({ ...g })), ...library],
      peers: peers.rows.map((p) => ({
        municipalityId: p.id,
        municipality: p.name,
        sizeClass: sizeClassOf(p.population),
        land: landName(p.landCode),
        level: Number(p.level),
        request: (p.request as 'open' | 'accepted' | 'declined' | null) ?? null,
      })),
    });
  }
  return { assessmentId: latest.id, dimensions, contactable: settings.contactable };
}
