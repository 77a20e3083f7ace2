import type { projectsQuery } from '@dz/core';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { compiledQuery } from '../../db/compiled.js';
import type { DB } from '../../db/schema.js';
import { presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';

/** The project portfolio table (list and export): filters, sort and page in one statement. */

type Query = Omit<z.infer<typeof projectsQuery>, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

/** The portfolio's filters and page as bound values (db/compiled.ts); absent ones filter nothing. */
interface PageValues {
  municipalityId: string;
  overall?: Query['overall'];
  phase?: Query['phase'];
  ownerId?: string;
  departmentId?: string;
  /** ILIKE pattern of the search term. */
  like?: string;
  limit?: number;
  offset?: number;
}

/** Projects of the municipality that pass the table's filters (ids only; details are joined per page). */
function filteredProjects(db: Kysely<DB>, q: PageValues) {
  let base = db
    .selectFrom('projects as p')
    .leftJoin('users as o', 'o.id', 'p.ownerId')
    .where('p.municipalityId', '=', q.municipalityId);
  if (q.overall) {
    const overall = q.overall;
    base = base.where((eb) =>
      eb(
        eb
          .selectFrom('statusReports as r')
          .select('r.overall')
          .whereRef('r.projectId', '=', 'p.id')
          .orderBy('r.reportedOn', 'desc')
          .orderBy('r.createdAt', 'desc')
          .limit(1),
        '=',
        overall,
      ),
    );
  }
  if (q.phase) base = base.where('p.phase', '=', q.phase);
  if (q.ownerId) base = base.where('p.ownerId', '=', q.ownerId);
  if (q.departmentId) {
    const dep = q.departmentId;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('projectDepartments as pd')
          .select('pd.projectId')
          .whereRef('pd.projectId', '=', 'p.id')
          .where('pd.departmentId', '=', dep),
      ),
    );
  }
  if (q.like) {
    const like = q.like;
    base = base.where((eb) => eb.or([eb('p.title', 'ilike', like), eb('p.description', 'ilike', like)]));
  }
  return base;
}

const PHASE_ORDER = sql`array_position(ARRAY['idea','planning','implementation','operation','done','stopped']::text[], p.phase)`;

/** The sorted, filtered page of ids (pageSize undefined: all) with the total and each row's place in the order. */
function projectPage(db: Kysely<DB>, q: PageValues, sort: Query['sort'], dir: Query['dir']) {
  const col = {
    title: sql`lower(p.title)`,
    phase: PHASE_ORDER,
    startsOn: sql`p.starts_on`,
    endsOn: sql`p.ends_on`,
    owner: sql`lower(o.name)`,
    score: sql`p.priority_score`,
    updatedAt: sql`p.updated_at`,
  }[sort];
  const order = sql`${col} ${sql.raw(dir === 'desc' ? 'DESC' : 'ASC')} NULLS LAST`;
  let page = filteredProjects(db, q)
    .select([
      'p.id',
      (eb) => eb.fn.countAll<number>().over().as('total'),
      sql<number>`row_number() OVER (ORDER BY ${order}, p.id)`.as('ord'),
    ])
    .orderBy(order)
    .orderBy('p.id');
  if (q.limit !== undefined && q.offset !== undefined) page = page.limit(q.limit).offset(q.offset);
  return page;
}

/** Table columns of a `projectPage`: owner, latest traffic light, next milestone, departments, link counts. */
function projectColumns(db: Kysely<DB>, municipalityId: string, page: ReturnType<typeof projectPage>) {
  return db
    .selectFrom(page.as('pp'))
    .innerJoin('projects as p', 'p.id', 'pp.id')
    .leftJoin('users as o', 'o.id', 'p.ownerId')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('statusReports as r')
          .select('r.overall')
          .whereRef('r.projectId', '=', 'p.id')
          .orderBy('r.reportedOn', 'desc')
          .orderBy('r.createdAt', 'desc')
          .limit(1)
          .as('lr'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('milestones as m')
          .select(['m.title', 'm.dueOn'])
          .whereRef('m.projectId', '=', 'p.id')
          .where('m.reachedOn', 'is', null)
          .orderBy('m.dueOn')
          .limit(1)
          .as('nm'),
      (join) => join.onTrue(),
    )
    .where('p.municipalityId', '=', municipalityId)
    .orderBy('pp.ord')
    .select([
      'pp.total',
      'p.id',
      'p.title',
      'p.phase',
      'p.ownerId',
      'o.name as ownerName',
      'p.startsOn',
      'p.endsOn',
      'p.priorityScore',
      'p.updatedAt',
      'lr.overall',
      'nm.title as milestoneTitle',
      'nm.dueOn as milestoneDue',
      (eb) =>
        eb
          .selectFrom('projectDepartments as pd')
          .innerJoin('departments as d', 'd.id', 'pd.departmentId')
          .select(sql<string[]>`coalesce(array_agg(d.name ORDER BY d.name), '{}')`.as('names'))
          .whereRef('pd.projectId', '=', 'p.id')
          .as('departments'),
      (eb) =>
        eb
          .selectFrom('projectNeeds as pn')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('pn.projectId', '=', 'p.id')
          .as('needCount'),
      (eb) =>
        eb
          .selectFrom('projectGoals as pg')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('pg.projectId', '=', 'p.id')
          .as('goalCount'),
    ]);
}

/**
 * The sorted, filtered portfolio (pageSize undefined: all rows, for exports) in one statement. Filtering,
 * sorting and paging run on the bare project rows first; the per-row columns are computed for the page only.
 */
/** The statement of `portfolioRows`, compiled once per shape ("sort|dir" and the filters present). */
const portfolioQuery = compiledQuery((db, v: PageValues, shape) => {
  const [sort, dir] = shape.split('|') as [Query['sort'], Query['dir']];
  return projectColumns(db, v.municipalityId, projectPage(db, v, sort, dir));
});

export async function portfolioRows(deps: Deps, scope: TenantScope, q: Query) {
  const rows = await portfolioQuery(deps.db, `${q.sort}|${q.dir}`, {
    municipalityId: scope.municipalityId,
    overall: q.overall || undefined,
    phase: q.phase || undefined,
    ownerId: q.ownerId || undefined,
    departmentId: q.departmentId || undefined,
    like: q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined,
    limit: q.pageSize,
    offset: q.pageSize ? ((q.page ?? 1) - 1) * q.pageSize : undefined,
  });
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      phase: r.phase,
      owner: r.ownerId && r.ownerName ? { id: r.ownerId, name: r.ownerName } : null,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      departments: r.departments ?? [],
      overall: r.overall ?? null,
      needCount: Number(r.needCount ?? 0),
      goalCount: Number(r.goalCount ?? 0),
      score: r.priorityScore,
      nextMilestone: r.milestoneTitle && r.milestoneDue ? { title: r.milestoneTitle, dueOn: r.milestoneDue } : null,
      updatedAt: iso(r.updatedAt),
    })),
  };
}

export async function listProjects(deps: Deps, scope: TenantScope, q: z.infer<typeof projectsQuery>) {
  const { items, total } = await portfolioRows(deps, scope, q);
  return {
    items,
    total,
    page: q.page,
    pageSize: q.pageSize,
    can: presentCan(scope, 'projects'),
  };
}
