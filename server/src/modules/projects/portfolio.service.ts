import { monthOf, type ProjectPhase } from '@dz/core';
import { sql } from 'kysely';
import type { Deps } from '../../lib/deps.js';
import type { TenantScope } from '../../lib/scope.js';
import { getCapacity } from './capacity.service.js';

type TimelineMilestone = { title: string; dueOn: string; reachedOn: string | null };

/**
 * Projects with their dates and milestones for the timeline, overlapping [from, to] when given. The
 * milestones come as each project keeps them (`milestone_list`, maintained by triggers, migration 0027):
 * no aggregation per project and request.
 */
export async function getTimeline(
  deps: Deps,
  scope: TenantScope,
  q: { from?: string; to?: string; phase?: ProjectPhase },
) {
  let base = deps.db
    .selectFrom('projects as p')
    .select(['p.id', 'p.title', 'p.phase', 'p.startsOn', 'p.endsOn', 'p.milestoneList as milestones'])
    .where('p.municipalityId', '=', scope.municipalityId);
  if (q.phase) base = base.where('p.phase', '=', q.phase);
  const { from, to } = q;
  if (from) base = base.where((eb) => eb.or([eb('p.endsOn', 'is', null), eb('p.endsOn', '>=', from)]));
  if (to) base = base.where((eb) => eb.or([eb('p.startsOn', 'is', null), eb('p.startsOn', '<=', to)]));
  const rows = await base.orderBy(sql`p.starts_on NULLS LAST`).orderBy('p.title').execute();
  return {
    items: rows.map((r) => ({
      ...r,
      milestones: (typeof r.milestones === 'string'
        ? JSON.parse(r.milestones)
        : (r.milestones ?? [])) as TimelineMilestone[],
    })),
  };
}

/** Need → goal → project: every link in both directions, so the UI can show gaps on each side. */
export async function getTraceability(deps: Deps, scope: TenantScope) {
  const mid = scope.municipalityId;
  const [needs, goals, projects, goalNeeds, projectNeeds, projectGoals] = await Promise.all([
    deps.db
      .selectFrom('needs')
      .select(['id', 'title', 'status'])
      .where('municipalityId', '=', mid)
      .where('status', 'not in', ['merged', 'rejected'])
      .orderBy('title')
      .execute(),
    deps.db
      .selectFrom('goals as g')
      .innerJoin('fieldsOfAction as f', 'f.id', 'g.fieldId')
      .select(['g.id', 'g.title', 'f.name as field'])
      .where('f.municipalityId', '=', mid)
      .orderBy('f.position')
      .orderBy('g.position')
      .execute(),
    deps.db
      .selectFrom('projects')
      .select(['id', 'title', 'phase'])
      .where('municipalityId', '=', mid)
      .where('phase', '<>', 'stopped')
      .orderBy('title')
      .execute(),
    deps.db
      .selectFrom('goalNeeds as gn')
      .innerJoin('needs as n', 'n.id', 'gn.needId')
      .select(['gn.goalId', 'gn.needId'])
      .where('n.municipalityId', '=', mid)
      .execute(),
    deps.db
      .selectFrom('projectNeeds as pn')
      .innerJoin('projects as p', 'p.id', 'pn.projectId')
      .select(['pn.projectId', 'pn.needId'])
      .where('p.municipalityId', '=', mid)
      .execute(),
    deps.db
      .selectFrom('projectGoals as pg')
      .innerJoin('projects as p', 'p.id', 'pg.projectId')
      .select(['pg.projectId', 'pg.goalId'])
      .where('p.municipalityId', '=', mid)
      .execute(),
  ]);
  const title = (list: { id: string; title: string }[]) => {
    const m = new Map(list.map((x) => [x.id, x.title]));
    return (ids: string[]) => ids.filter((id) => m.has(id)).map((id) => ({ id, title: m.get(id)! }));
  };
  const needT = title(needs);
  const goalT = title(goals);
  const projT = title(projects);
  const goalsWithProject = new Set(projectGoals.map((l) => l.goalId));
  return {
    needs: needs.map((n) => {
      const nGoals = goalNeeds.filter((l) => l.needId === n.id).map((l) => l.goalId);
      const nProjects = projT(projectNeeds.filter((l) => l.needId === n.id).map((l) => l.projectId));
      return {
        ...n,
        goals: goalT(nGoals),
        projects: nProjects,
        addressed: nProjects.length > 0 || nGoals.some((g) => goalsWithProject.has(g)),
      };
    }),
    goals: goals.map((g) => ({
      ...g,
      needs: needT(goalNeeds.filter((l) => l.goalId === g.id).map((l) => l.needId)),
      projects: projT(projectGoals.filter((l) => l.goalId === g.id).map((l) => l.projectId)),
    })),
    projects: projects.map((p) => {
      const pNeeds = needT(projectNeeds.filter((l) => l.projectId === p.id).map((l) => l.needId));
      const pGoals = goalT(projectGoals.filter((l) => l.projectId === p.id).map((l) => l.goalId));
      return {
        ...p,
        phase: p.phase,
        needs: pNeeds,
        goals: pGoals,
        linked: pNeeds.length + pGoals.length > 0,
      };
    }),
  };
}

/**
 * The cockpit's portfolio cards: milestones overdue or due within 30 days, projects whose latest status
 * report is yellow or red, people overbooked in the next three months, needs no project addresses.
 */
export async function getAttention(deps: Deps, scope: TenantScope) {
  const mid = scope.municipalityId;
  const today = new Date().toISOString().slice(0, 10);
  const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const [milestones, atRisk, capacity, trace, basis] = await Promise.all([
    deps.db
      .selectFrom('milestones as m')
      .innerJoin('projects as p', 'p.id', 'm.projectId')
      .select(['p.id as projectId', 'p.title as project', 'm.title', 'm.dueOn'])
      .where('p.municipalityId', '=', mid)
      .where('p.phase', 'not in', ['done', 'stopped'])
      .where('m.reachedOn', 'is', null)
      .where('m.dueOn', '<=', soon)
      .orderBy('m.dueOn')
      .limit(8)
      .execute(),
    deps.db
      .selectFrom('projects as p')
      .innerJoinLateral(
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
      .select(['p.id', 'p.title', 'lr.overall'])
      .where('p.municipalityId', '=', mid)
      .where('p.phase', 'not in', ['done', 'stopped'])
      .where('lr.overall', 'in', ['yellow', 'red'])
      .$narrowType<{ overall: 'yellow' | 'red' }>()
      .orderBy(sql`CASE lr.overall WHEN 'red' THEN 0 ELSE 1 END`)
      .orderBy('p.title')
      .limit(8)
      .execute(),
    getCapacity(deps, scope, { from: monthOf(new Date()), to: monthOf(new Date(), 2) }),
    getTraceability(deps, scope),
    deps.db
      .selectFrom('projects as p')
      .select((eb) => [
        eb.fn.countAll<number>().as('activeProjects'),
        eb.fn
          .count<number>('p.id')
          .filterWhere((w) =>
            w.exists(w.selectFrom('statusReports as r').select('r.id').whereRef('r.projectId', '=', 'p.id')),
          )
          .as('reportedProjects'),
        eb
          .selectFrom('milestones as m')
          .innerJoin('projects as q', 'q.id', 'm.projectId')
          .select((e) => e.fn.countAll<number>().as('c'))
          .where('q.municipalityId', '=', mid)
          .where('q.phase', 'not in', ['done', 'stopped'])
          .where('m.reachedOn', 'is', null)
          .as('openMilestones'),
      ])
      .where('p.municipalityId', '=', mid)
      .where('p.phase', 'not in', ['done', 'stopped'])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    milestones: milestones.map((m) => ({ ...m, overdue: m.dueOn < today })),
    atRisk,
    overloads: capacity.people.flatMap((p) =>
      p.cells
        .filter((c) => c.over)
        .map((c) => ({ name: p.name, month: c.month, over: Math.round((c.planned - c.available) * 10) / 10 })),
    ),
    openNeeds: trace.needs.filter((n) => !n.addressed).length,
    basis: {
      activeProjects: Number(basis.activeProjects),
      reportedProjects: Number(basis.reportedProjects),
      openMilestones: Number(basis.openMilestones ?? 0),
      plannedHours: Math.round(capacity.total.reduce((sum, c) => sum + c.planned, 0) * 10) / 10,
      needs: trace.needs.length,
    },
  };
}
