import { digestWeek } from '@dz/core';
import type { Database } from '../db/database.js';
import type { MailOutbox } from '../mail/outbox.js';
import { appLink, MAILS } from '../mail/templates.js';

/**
 * The weekly overview of notifications: per person, everything they chose to get "im Wochenüberblick" that no
 * overview carried yet, in one mail with the first run of the week. Nobody gets two in one week (the row in
 * notification_digests is written in the transaction that queues the mail and marks the items as sent).
 */
export async function sendNotificationDigests(
  deps: { db: Database; outbox: MailOutbox; publicUrl: string },
  now = new Date(),
) {
  const week = digestWeek(now);
  const rows = await deps.db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.userId')
    .select(['n.id', 'n.userId', 'n.title', 'n.path', 'n.municipalityId', 'u.email', 'u.name'])
    .where('n.digestState', '=', 'pending')
    .where('n.createdAt', '<=', now)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('notificationDigests as d')
            .select('d.userId')
            .whereRef('d.userId', '=', 'n.userId')
            .where('d.week', '=', week),
        ),
      ),
    )
    .orderBy('n.userId')
    .orderBy('n.createdAt', 'desc')
    .execute();
  const people = new Map<string, typeof rows>();
  for (const r of rows) people.set(r.userId, [...(people.get(r.userId) ?? []), r]);
  let sent = 0;
  for (const items of people.values()) {
    const p = items[0]!;
    await deps.db.transaction().execute(async (trx) => {
      const r = await trx
        .insertInto('notificationDigests')
        .values({ userId: p.userId, week, items: items.length })
        .onConflict((oc) => oc.doNothing())
        .returning('userId')
        .executeTakeFirst();
      // another instance sent it a moment ago
      if (!r) return;
      await trx
        .updateTable('notifications')
        .set({ digestState: 'sent' })
        .where(
          'id',
          'in',
          items.map((x) => x.id),
        )
        .execute();
      await deps.outbox.queue(
        trx,
        p.email,
        MAILS.notificationDigest({
          name: p.name,
          items: items.map((x) => ({ title: x.title, url: appLink(deps.publicUrl, x.path, x.municipalityId) })),
          settingsUrl: appLink(deps.publicUrl, '/benachrichtigungen', null),
        }),
      );
      sent++;
    });
  }
  return { sent };
}
