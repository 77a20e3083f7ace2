/**
 * Notifications: what the platform tells a person, and how. Every event lands in the person's in-app list;
 * the chosen channel decides about mail — at once, collected in the weekly digest, or not at all.
 * The event keys are the mail templates that report them.
 */
export const NOTIFICATION_EVENTS = [
  'mention',
  'exchange_post',
  'contact_request',
  'contact_answer',
  'joint_invitation',
  'study_invitation',
  'network_invitation',
  'work_order_done',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const NOTIFICATION_CHANNELS = ['immediate', 'digest', 'off'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Without a choice of its own a person gets every event by mail at once (as before notifications existed). */
export const DEFAULT_NOTIFICATION_CHANNEL: NotificationChannel = 'immediate';

export function isNotificationEvent(template: string): template is NotificationEvent {
  return (NOTIFICATION_EVENTS as readonly string[]).includes(template);
}
