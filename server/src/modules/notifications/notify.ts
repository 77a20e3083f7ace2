import { DEFAULT_NOTIFICATION_CHANNEL, type NotificationEvent } from '@dz/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import type { MailOutbox } from '../../mail/outbox.js';
import type { Composed } from '../../mail/templates.js';

type Db = Database | Transaction<DB>;

/** Whom a notification is for. */
export interface Recipient {
  userId: string;
  email: string;
}

/**
 * Tells a person about an event: it lands in their in-app list, and the mail goes out as they chose for this
 * event — at once (queued with `db`, the transaction of the change where there is one), with the weekly digest,
 * or not at all. `path` is where the event can be seen in the app, `municipalityId` the municipality it belongs to.
 */
export async function notify(
  deps: { outbox: MailOutbox },
  db: Db,
  to: Recipient,
  mail: Composed & { template: NotificationEvent },
  at: { path: string; municipalityId: string | null },
): Promise<void> {
  const pref = await db
    .selectFrom('notificationPreferences')
    .select('channel')
    .where('userId', '=', to.userId)
    .where('event', '=', mail.template)
    .executeTakeFirst();
  const channel = pref?.channel ?? DEFAULT_NOTIFICATION_CHANNEL;
  await db
    .insertInto('notifications')
    .values({
      id: newId(),
      userId: to.userId,
      municipalityId: at.municipalityId,
      event: mail.template,
      title: mail.subject,
      path: at.path,
      digestState: channel === 'digest' ? 'pending' : 'none',
    })
    .execute();
  if (channel === 'immediate') await deps.outbox.queue(db, to.email, mail, at.municipalityId);
}
