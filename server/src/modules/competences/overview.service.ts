import { COMPETENCE_AREAS, COMPETENCE_THRESHOLD, INDEPENDENT_LEVEL, publishableGroups } from '@dz/core';
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { CompetenceAggregates } from '../../db/tables/competences.js';
import { presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import type { TenantScope } from '../../lib/scope.js';
import { loadFramework } from './framework.service.js';

const round1 = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
const round2 = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100);
/** People without a department form a group that is never shown (it counts in the total and the rest). */
const NO_DEPARTMENT = '';

/** Self-assessments of the municipality's current members on its visible competences. */
function assessed(db: Database, municipalityId: string, codes: string[]) {
  return db
    .selectFrom('competenceAssessments as a')
    .innerJoin('competenceProfiles as p', (j) =>
      j.onRef('p.municipalityId', '=', 'a.municipalityId').onRef('p.userId', '=', 'a.userId'),
    )
    .innerJoin('memberships as ms', (j) =>
      j.onRef('ms.municipalityId', '=', 'a.municipalityId').onRef('ms.userId', '=', 'a.userId'),
    )
    .where('a.municipalityId', '=', municipalityId)
    .where('a.code', 'in', codes.length ? codes : ['-']);
}

/** The aggregates of the self-assessments now: head count, per competence, per department, per department × area. */
async function liveAggregates(db: Database, m: string, codes: string[]): Promise<CompetenceAggregates> {
  const area = sql<number>`split_part(a.code, '.', 1)::int`;
  const dept = sql<string>`coalesce(p.department_id::text, '')`;
  const [total, perCompetence, perDepartment, perCell] = await Promise.all([
    assessed(db, m, codes)
      .select((eb) => eb.fn.count<number>(sql`distinct a.user_id`).as('n'))
      .executeTakeFirstOrThrow(),
    assessed(db, m, codes)
      .select([
        'a.code',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.avg<number>('a.level').as('mean'),
        sql<number>`avg(case when a.level < ${INDEPENDENT_LEVEL} then 1.0 else 0.0 end)`.as('shareBelow'),
        (eb) => eb.fn.avg<number>('a.target').as('targetMean'),
      ])
      .groupBy('a.code')
      .execute(),
    assessed(db, m, codes)
      .select([dept.as('department'), (eb) => eb.fn.count<number>(sql`distinct a.user_id`).as('n')])
      .groupBy(dept)
      .execute(),
    assessed(db, m, codes)
      .select([
        dept.as('department'),
        area.as('area'),
        (eb) => eb.fn.count<number>(sql`distinct a.user_id`).as('n'),
        sql<number>`avg(a.level)`.as('mean'),
      ])
      .groupBy([dept, area])
      .execute(),
  ]);
  const num = (v: unknown) => Number(v);
  return {
    total: { n: num(total.n) },
    perCompetence: perCompetence.map((r) => ({
      code: r.code,
      n: num(r.n),
      mean: num(r.mean),
      shareBelow: num(r.shareBelow),
      targetMean: r.targetMean === null ? null : num(r.targetMean),
    })),
    perDepartment: perDepartment.map((r) => ({ department: r.department, n: num(r.n) })),
    perCell: perCell.map((r) => ({ department: r.department, area: num(r.area), n: num(r.n), mean: num(r.mean) })),
  };
}

/**
 * The aggregates as last released. A new release is made only when at least `threshold` people changed their
 * self-assessment since the last one: otherwise comparing the overview before and after one person's save would
 * show that person's levels. Until the first release (fewer than `threshold` assessed) the live figures are
 * returned — and suppressed by the threshold anyway.
 */
async function releasedAggregates(db: Database, m: string, codes: string[], threshold: number) {
  const release = await db
    .selectFrom('competenceReleases')
    .select(['releasedAt', 'aggregates'])
    .where('municipalityId', '=', m)
    .executeTakeFirst();
  if (release) {
    // people (still members) whose levels changed since the release; a re-save without changes does not count
    const changed = await db
      .selectFrom('competenceProfiles as p')
      .innerJoin('memberships as ms', (j) =>
        j.onRef('ms.municipalityId', '=', 'p.municipalityId').onRef('ms.userId', '=', 'p.userId'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('p.municipalityId', '=', m)
      .where('p.levelsChangedAt', '>', release.releasedAt)
      .executeTakeFirstOrThrow();
    if (Number(changed.n) < threshold) return release.aggregates;
  }
  const live = await liveAggregates(db, m, codes);
  if (live.total.n >= threshold) {
    const row = { municipalityId: m, releasedAt: new Date(), aggregates: JSON.stringify(live) };
    await db
      .insertInto('competenceReleases')
      .values(row)
      .onConflict((oc) =>
        oc.column('municipalityId').doUpdateSet({ releasedAt: row.releasedAt, aggregates: row.aggregates }),
      )
      .execute();
  }
  return live;
}

/**
 * The anonymous overview: per competence the mean level and the share below level 3, the department × area
 * heatmap and the weakest competences with trainings addressing them. Every figure is computed in SQL and
 * shown only for groups of at least the threshold, and no set of shown department figures leaves a rest
 * (the total minus them) of fewer than the threshold (`publishableGroups`): otherwise a small department's
 * values could be computed as the difference.
 */
export async function getOverview(deps: Deps, scope: TenantScope) {
  const m = scope.municipalityId;
  const threshold = COMPETENCE_THRESHOLD;
  const framework = (await loadFramework(deps.db, m)).filter((c) => !c.hidden);
  const codes = framework.map((c) => c.code);

  const [{ total, perCompetence, perDepartment, perCell }, departments, trainings] = await Promise.all([
    releasedAggregates(deps.db, m, codes, threshold),
    deps.db.selectFrom('departments').select(['id', 'name']).where('municipalityId', '=', m).orderBy('name').execute(),
    deps.db
      .selectFrom('trainings')
      .select(['id', 'title', 'provider', 'competences'])
      .where('municipalityId', '=', m)
      .orderBy('title')
      .execute(),
  ]);

  const n = Number(total.n);
  const shownTotal = n >= threshold;
  const byCode = new Map(perCompetence.map((r) => [r.code, r]));
  const competences = framework.map((c) => {
    const r = byCode.get(c.code);
    const show = shownTotal && r !== undefined && Number(r.n) >= threshold;
    return {
      code: c.code,
      area: c.area,
      name: c.name,
      mean: show ? round1(r?.mean) : null,
      shareBelow: show ? round2(r?.shareBelow) : null,
      targetMean: show ? round1(r?.targetMean) : null,
    };
  });

  // rows: a department is listed when its head count may be shown; cells: per area, the same rule
  const rowUnit = publishableGroups(
    perDepartment.map((r) => ({ key: r.department, n: Number(r.n) })),
    threshold,
    [NO_DEPARTMENT],
  );
  const cellUnits = new Map(
    COMPETENCE_AREAS.map((a) => [
      a,
      publishableGroups(
        perCell.filter((c) => Number(c.area) === a).map((c) => ({ key: c.department, n: Number(c.n) })),
        threshold,
        [NO_DEPARTMENT],
      ),
    ]),
  );
  const cellMean = new Map(perCell.map((c) => [`${c.department}|${Number(c.area)}`, c.mean]));
  const headCount = new Map(perDepartment.map((r) => [r.department, Number(r.n)]));
  const rows = departments
    .filter((d) => rowUnit.groups.has(d.id))
    .map((d) => ({
      departmentId: d.id,
      department: d.name,
      people: headCount.get(d.id) ?? 0,
      cells: COMPETENCE_AREAS.map((a) => ({
        area: a,
        mean: cellUnits.get(a)?.groups.has(d.id) ? round1(cellMean.get(`${d.id}|${a}`)) : null,
      })),
    }));
  const withheld = perDepartment.filter(
    (r) => r.department !== NO_DEPARTMENT && !rowUnit.groups.has(r.department),
  ).length;

  const weakest = competences
    .filter((c): c is typeof c & { mean: number } => c.mean !== null)
    .sort((a, b) => a.mean - b.mean || a.code.localeCompare(b.code))
    .slice(0, 3)
    .map((c) => ({
      code: c.code,
      name: c.name,
      mean: c.mean,
      trainings: trainings
        .filter((t) => t.competences.includes(c.code))
        .map(({ id, title, provider }) => ({ id, title, provider })),
    }));

  return {
    threshold,
    assessed: shownTotal ? n : null,
    competences,
    heatmap: { rows, withheld },
    weakest,
    can: presentCan(scope, 'competences'),
  };
}
