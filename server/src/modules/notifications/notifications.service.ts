import {
  DEFAULT_NOTIFICATION_CHANNEL,
  NOTIFICATION_EVENTS,
  type NotificationChannel,
  type NotificationEvent,
  type notificationListQuery,
  type notificationPreferencesInput,
  type notificationReadInput,
} from '@dz/core';
import type { z } from 'zod';
import type { Deps } from '../../lib/deps.js';
import type { Scope } from '../../lib/scope.js';

/**
 * A person's own notifications, newest first — of every municipality they belong to (each names its
 * municipality, the app switches to it on opening). Nobody reads or marks another person's list.
 */
export async function listNotifications(deps: Deps, scope: Scope, q: z.infer<typeof notificationListQuery>) {
  let query = deps.db
    .selectFrom('notifications as n')
    .leftJoin('municipalities as m', 'm.id', 'n.municipalityId')
    .select([
      'n.id',
      'n.event',
      'n.title',
      'n.path',
      'n.municipalityId',
      'm.name as municipality',
      'n.createdAt',
      'n.readAt',
    ])
    .where('n.userId', '=', scope.user.id);
  if (q.unread) query = query.where('n.readAt', 'is', null);
  const rows = await query
    .orderBy('n.createdAt', 'desc')
    .orderBy('n.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  return {
    items: rows.slice(0, q.limit).map((r) => ({
      ...r,
      createdAt: new Date(r.createdAt).toISOString(),
      readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
    })),
    unread: await countUnread(deps, scope),
    more: rows.length > q.limit,
  };
}

export async function countUnread(deps: Deps, scope: Scope): Promise<number> {
  const r = await deps.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('userId', '=', scope.user.id)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks the given ones (only the person's own; others' ids change nothing) or all as read. */
export async function markRead(deps: Deps, scope: Scope, input: z.infer<typeof notificationReadInput>) {
  let q = deps.db
    .updateTable('notifications')
    .set({ readAt: new Date() })
    .where('userId', '=', scope.user.id)
    .where('readAt', 'is', null);
  if (!input.all) q = q.where('id', 'in', input.ids ?? []);
  await q.execute();
  return { unread: await countUnread(deps, scope) };
}

export async function getPreferences(deps: Deps, scope: Scope) {
  const rows = await deps.db
    .selectFrom('notificationPreferences')
    .select(['event', 'channel'])
    .where('userId', '=', scope.user.id)
    .execute();
  const chosen = new Map(rows.map((r) => [r.event, r.channel]));
  return {
    channels: Object.fromEntries(
      NOTIFICATION_EVENTS.map((e) => [e, chosen.get(e) ?? DEFAULT_NOTIFICATION_CHANNEL]),
    ) as Record<NotificationEvent, NotificationChannel>,
  };
}

/** Sets the channel of the named events (the others stay as they are). */
export async function setPreferences(deps: Deps, scope: Scope, input: z.infer<typeof notificationPreferencesInput>) {
  const rows = Object.entries(input.channels).map(([event, channel]) => ({
    userId: scope.user.id,
    event: event as NotificationEvent,
    channel: channel as NotificationChannel,
  }));
  if (rows.length)
    await deps.db
      .insertInto('notificationPreferences')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['userId', 'event']).doUpdateSet((eb) => ({ channel: eb.ref('excluded.channel') })),
      )
      .execute();
  return getPreferences(deps, scope);
}
