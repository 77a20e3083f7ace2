import { z } from 'zod';
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS } from '../domain/notifications.js';
import { isoDateTime, uuid } from './common.js';

/* In-app notifications and the mail channel per event (issue 23). */

export const notificationItem = z.object({
  id: uuid,
  event: z.enum(NOTIFICATION_EVENTS),
  title: z.string(),
  /** Path inside the app; `municipalityId` names the municipality it belongs to (switched to on opening). */
  path: z.string(),
  municipalityId: uuid.nullable(),
  municipality: z.string().nullable(),
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable(),
});
export const notificationList = z.object({
  items: z.array(notificationItem),
  unread: z.number().int(),
  /** More older ones exist than the list shows. */
  more: z.boolean(),
});
export const notificationListQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const unreadCount = z.object({ unread: z.number().int() });
export const notificationReadInput = z
  .object({
    /** The ones to mark as read; leave out and set `all` to mark every one. */
    ids: z.array(uuid).max(200).optional(),
    all: z.boolean().optional(),
  })
  .refine((v) => v.all === true || (v.ids?.length ?? 0) > 0, {
    message: 'Bitte wählen Sie mindestens eine Benachrichtigung.',
    path: ['ids'],
  });
export const notificationPreferences = z.object({
  channels: z.record(z.enum(NOTIFICATION_EVENTS), z.enum(NOTIFICATION_CHANNELS)),
});
export const notificationPreferencesInput = z.object({
  channels: z.partialRecord(
    z.enum(NOTIFICATION_EVENTS),
    z.enum(NOTIFICATION_CHANNELS, { message: 'Bitte wählen Sie: sofort, im Wochenüberblick oder gar nicht.' }),
  ),
});
