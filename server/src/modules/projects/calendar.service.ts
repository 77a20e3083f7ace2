import { AppError, addDays, occurrences } from '@dz/core';
import type { NotNull } from 'kysely';
import { writeAudit } from '../../lib/audit.js';
import { authorize } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { type IcalAllDayEvent, icalCalendar } from '../../lib/ical.js';
import { hashSecret, iso, newSecret } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';

const feedUrl = (deps: Deps, token: string) => `${deps.config.publicUrl}/api/v1/calendar/${token}.ics`;

export async function getFeed(deps: Deps, scope: TenantScope) {
  const f = await deps.db
    .selectFrom('calendarFeeds')
    .select('createdAt')
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  return { active: Boolean(f), createdAt: f ? iso(f.createdAt) : null };
}

/** Creates the feed or replaces its secret address (the old address stops working at once). */
export async function createFeed(deps: Deps, scope: TenantScope) {
  authorize(scope, 'projects', 'manage');
  const token = newSecret();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('calendarFeeds').where('municipalityId', '=', scope.municipalityId).execute();
    await trx
      .insertInto('calendarFeeds')
      .values({ municipalityId: scope.municipalityId, tokenHash: hashSecret(token), createdBy: scope.user.id })
      .execute();
    await writeAudit(trx, scope, { action: 'create', entity: 'calendar_feed', municipalityId: scope.municipalityId });
  });
  return { ...(await getFeed(deps, scope)), url: feedUrl(deps, token) };
}

export async function revokeFeed(deps: Deps, scope: TenantScope) {
  authorize(scope, 'projects', 'manage');
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('calendarFeeds').where('municipalityId', '=', scope.municipalityId).execute();
    await writeAudit(trx, scope, { action: 'revoke', entity: 'calendar_feed', municipalityId: scope.municipalityId });
  });
  return getFeed(deps, scope);
}

/**
 * The iCalendar file behind a secret address: milestones and task due dates of running projects, and the
 * planned items of the communication plan (a recurring item once per occurrence for the coming year).
 */
export async function feedIcs(deps: Deps, token: string): Promise<string> {
  const f = await deps.db
    .selectFrom('calendarFeeds as f')
    .innerJoin('municipalities as m', 'm.id', 'f.municipalityId')
    .select(['f.municipalityId', 'm.shortName'])
    .where('f.tokenHash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!f) throw new AppError('not_found');
  const [milestones, tasks, messages] = await Promise.all([
    deps.db
      .selectFrom('milestones as ms')
      .innerJoin('projects as p', 'p.id', 'ms.projectId')
      .select(['ms.id', 'ms.title', 'ms.dueOn', 'ms.reachedOn', 'p.id as projectId', 'p.title as project'])
      .where('p.municipalityId', '=', f.municipalityId)
      .where('p.phase', '<>', 'stopped')
      .execute(),
    deps.db
      .selectFrom('tasks as t')
      .innerJoin('projects as p', 'p.id', 't.projectId')
      .leftJoin('users as u', 'u.id', 't.assigneeId')
      .select([
        't.id',
        't.title',
        't.dueOn',
        't.status',
        'u.name as assignee',
        'p.id as projectId',
        'p.title as project',
      ])
      .where('p.municipalityId', '=', f.municipalityId)
      .where('p.phase', '<>', 'stopped')
      .where('t.dueOn', 'is not', null)
      .where('t.status', '<>', 'done')
      .$narrowType<{ dueOn: NotNull }>()
      .execute(),
    deps.db
      .selectFrom('communicationItems as c')
      .leftJoin('projects as p', 'p.id', 'c.projectId')
      .leftJoin('users as u', 'u.id', 'c.ownerId')
      .select([
        'c.id',
        'c.message',
        'c.dueOn',
        'c.cadence',
        'u.name as owner',
        'p.id as projectId',
        'p.title as project',
      ])
      .where('c.municipalityId', '=', f.municipalityId)
      .where('c.status', '=', 'planned')
      .where((eb) => eb.or([eb('p.id', 'is', null), eb('p.phase', '<>', 'stopped')]))
      .execute(),
  ]);
  const until = addDays(new Date().toISOString().slice(0, 10), 365);
  const events: IcalAllDayEvent[] = [
    ...milestones.map((m) => ({
      uid: `milestone-${m.id}@digitalzirkel`,
      day: m.dueOn,
      summary: `Meilenstein: ${m.title} (${m.project})${m.reachedOn ? ' – erreicht' : ''}`,
      url: `${deps.config.publicUrl}/projekte/${m.projectId}`,
    })),
    ...tasks.map((t) => ({
      uid: `task-${t.id}@digitalzirkel`,
      day: t.dueOn,
      summary: `Fällig: ${t.title} (${t.project})`,
      description: t.assignee ? `Zuständig: ${t.assignee}` : undefined,
      url: `${deps.config.publicUrl}/projekte/${t.projectId}`,
    })),
    ...messages.flatMap((c) =>
      occurrences(c.dueOn, c.cadence, until).map((day, i) => ({
        uid: `communication-${c.id}${i ? `-${day}` : ''}@digitalzirkel`,
        day,
        summary: `Kommunikation: ${c.message}${c.project ? ` (${c.project})` : ''}`,
        description: c.owner ? `Zuständig: ${c.owner}` : undefined,
        url: c.projectId
          ? `${deps.config.publicUrl}/projekte/${c.projectId}`
          : `${deps.config.publicUrl}/kommunikation`,
      })),
    ),
  ];
  return icalCalendar({
    prodId: '-//Digitalzirkel//Projektportfolio//DE',
    name: `Digitalzirkel – ${f.shortName}`,
    events,
    now: new Date(),
  });
}
