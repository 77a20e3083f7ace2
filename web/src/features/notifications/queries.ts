import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

/** Query keys of the person's notifications: everything under `notifications`, one invalidation refreshes all. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unread: ['notifications', 'unread'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

export type NotificationList = z.infer<typeof C.notificationList>;
export type NotificationItem = NotificationList['items'][number];
export type NotificationPreferences = z.infer<typeof C.notificationPreferences>;
export type NotificationChannels = NotificationPreferences['channels'];

/** The newest notifications (read and unread) with the unread count. */
export const notificationsQuery = () =>
  queryOptions({ queryKey: notificationKeys.list, queryFn: () => api<NotificationList>('/notifications?limit=100') });

/** The unread count for the header; asked again every minute and when the window gets focus. */
export const unreadQuery = () =>
  queryOptions({
    queryKey: notificationKeys.unread,
    queryFn: () => api<{ unread: number }>('/notifications/unread'),
    refetchInterval: 60_000,
  });

export const preferencesQuery = () =>
  queryOptions({
    queryKey: notificationKeys.preferences,
    queryFn: () => api<NotificationPreferences>('/notifications/preferences'),
  });

/** Marks some (`ids`) or all as read. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids?: string[]; all?: boolean }) =>
      api<{ unread: number }>('/notifications/read', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (channels: Partial<NotificationChannels>) =>
      api<NotificationPreferences>('/notifications/preferences', { method: 'PUT', body: { channels } }),
    onSuccess: (data) => qc.setQueryData(notificationKeys.preferences, data),
  });
}
