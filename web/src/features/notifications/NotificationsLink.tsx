import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { unreadQuery } from './queries';

/** The header's link to the notifications, with the unread count (read out with the link's name). */
export function NotificationsLink() {
  const { t } = useTranslation();
  const unread = useQuery(unreadQuery()).data?.unread ?? 0;
  return (
    <NavLink to="/benachrichtigungen" className="notifications-link">
      {t('shell.notifications')}
      {unread > 0 && (
        <span className="badge unread-count">
          {unread > 99 ? '99+' : unread}
          <span className="visually-hidden"> {t('shell.unread')}</span>
        </span>
      )}
    </NavLink>
  );
}
