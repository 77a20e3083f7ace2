import {
  notificationList,
  notificationListQuery,
  notificationPreferences,
  notificationPreferencesInput,
  notificationReadInput,
  unreadCount,
} from '@dz/core';
import { modulePlugin } from '../../lib/route.js';
import { scopeOf } from '../../plugins/session.js';
import * as svc from './notifications.service.js';

const tags = ['Benachrichtigungen'];

/** A person's in-app notifications and the mail channel per event (issue 23). */
export const notificationRoutes = modulePlugin({ prefix: '/api/v1/notifications', access: 'user' }, (r, deps) => {
  r.get(
    '',
    { schema: { tags, querystring: notificationListQuery, response: { 200: notificationList } } },
    async (req) => svc.listNotifications(deps, scopeOf(req), req.query),
  );
  r.get('/unread', { schema: { tags, response: { 200: unreadCount } } }, async (req) => ({
    unread: await svc.countUnread(deps, scopeOf(req)),
  }));
  r.post('/read', { schema: { tags, body: notificationReadInput, response: { 200: unreadCount } } }, async (req) =>
    svc.markRead(deps, scopeOf(req), req.body),
  );
  r.get('/preferences', { schema: { tags, response: { 200: notificationPreferences } } }, async (req) =>
    svc.getPreferences(deps, scopeOf(req)),
  );
  r.put(
    '/preferences',
    { schema: { tags, body: notificationPreferencesInput, response: { 200: notificationPreferences } } },
    async (req) => svc.setPreferences(deps, scopeOf(req), req.body),
  );
});
