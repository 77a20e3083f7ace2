import type { NotificationChannel, NotificationEvent } from '@dz/core';
import type { Generated } from 'kysely';
import type { Timestamp } from './columns.js';

/** One entry of a person's in-app list; `digestState` 'pending' until the weekly digest carried it. */
export interface Notifications {
  id: string;
  userId: string;
  municipalityId: string | null;
  event: NotificationEvent;
  title: string;
  path: string;
  createdAt: Timestamp;
  readAt: Date | null;
  digestState: Generated<'none' | 'pending' | 'sent'>;
}
/** The mail channel a person chose for an event (no row: the default, at once). */
export interface NotificationPreferences {
  userId: string;
  event: NotificationEvent;
  channel: NotificationChannel;
}
/** A week whose digest a person has had. */
export interface NotificationDigests {
  userId: string;
  week: string;
  items: number;
  sentAt: Generated<Timestamp>;
}
