import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS, type NotificationEvent } from '@dz/core/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { errorMessage } from '../../lib/errors';
import { fmtDateTime } from '../../lib/format';
import {
  type NotificationItem,
  notificationsQuery,
  preferencesQuery,
  useMarkRead,
  useSavePreferences,
} from './queries';
import '../../i18n/notifications';
import './notifications.css';

type Notice = { kind: 'success' | 'error'; text: string };

/** Where a notification leads: its page, in its municipality (the app switches there when it is another one). */
function target(n: NotificationItem, active: string | null) {
  if (!n.municipalityId || n.municipalityId === active) return n.path;
  return `${n.path}${n.path.includes('?') ? '&' : '?'}kommune=${n.municipalityId}`;
}

function List({ onNotice }: { onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const q = useQuery(notificationsQuery());
  const mark = useMarkRead();
  const d = q.data;
  if (!d) return <Pending query={q} />;
  const read = async (body: { ids?: string[]; all?: boolean }) => {
    try {
      await mark.mutateAsync(body);
      if (body.all) onNotice({ kind: 'success', text: t('notifications.allRead') });
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err, t) });
    }
  };
  return (
    <Panel title={t('notifications.listTitle')} id="h-notifications-list">
      <p>{t('notifications.unreadCount', { count: d.unread })}</p>
      {d.unread > 0 && (
        <div className="btn-row">
          <Button variant="secondary" isDisabled={mark.isPending} onPress={() => void read({ all: true })}>
            {t('notifications.markAll')}
          </Button>
        </div>
      )}
      {d.items.length === 0 ? (
        <Empty>{t('notifications.empty')}</Empty>
      ) : (
        <ul className="notification-list">
          {d.items.map((n) => (
            <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
              <div>
                {/* the badge is for the eye; the link itself says „ungelesen“ to a screen reader (also in a list of links) */}
                {!n.readAt && (
                  <span className="badge status-open" aria-hidden="true">
                    {t('notifications.new')}
                  </span>
                )}{' '}
                <Link
                  to={target(n, session.activeMunicipalityId)}
                  onClick={() => {
                    if (!n.readAt) void read({ ids: [n.id] });
                  }}
                >
                  {!n.readAt && <span className="visually-hidden">{t('notifications.unreadSr')} </span>}
                  {n.title}
                </Link>
              </div>
              <div className="muted">
                {t(`notifications.events.${n.event}`)} · <time dateTime={n.createdAt}>{fmtDateTime(n.createdAt)}</time>
                {n.municipality && n.municipalityId !== session.activeMunicipalityId && <> · {n.municipality}</>}
              </div>
              {!n.readAt && (
                <Button
                  variant="secondary"
                  small
                  isDisabled={mark.isPending}
                  onPress={() => void read({ ids: [n.id] })}
                >
                  {t('notifications.markRead')}
                  <span className="visually-hidden">: {n.title}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {d.more && <p className="muted">{t('notifications.more')}</p>}
    </Panel>
  );
}

/** The settings per event; what was saved is said right below them, where the person changed it. */
function Preferences() {
  const { t } = useTranslation();
  const [notice, onNotice] = useState<Notice>();
  const q = useQuery(preferencesQuery());
  const save = useSavePreferences();
  const d = q.data;
  return (
    <Panel title={t('notifications.settingsTitle')} id="h-notifications-settings">
      <p>{t('notifications.settingsIntro')}</p>
      {!d ? (
        <Pending query={q} />
      ) : (
        <div className="notification-settings">
          {NOTIFICATION_EVENTS.map((e: NotificationEvent) => (
            <SelectField
              key={e}
              name={`channel-${e}`}
              label={t(`notifications.events.${e}`)}
              value={d.channels[e]}
              options={NOTIFICATION_CHANNELS.map((c) => ({ value: c, label: t(`notifications.channels.${c}`) }))}
              onChange={async (v) => {
                try {
                  await save.mutateAsync({ [e]: v as (typeof NOTIFICATION_CHANNELS)[number] });
                  onNotice({
                    kind: 'success',
                    text: t('notifications.saved', {
                      event: t(`notifications.events.${e}`),
                      channel: t(`notifications.channels.${v}`),
                    }),
                  });
                } catch (err) {
                  onNotice({ kind: 'error', text: errorMessage(err, t) });
                }
              }}
            />
          ))}
        </div>
      )}
      <div role="status">{notice && <Alert kind={notice.kind}>{notice.text}</Alert>}</div>
    </Panel>
  );
}

/** `/benachrichtigungen`: the person's notifications and, per event, whether and when a mail goes out. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<Notice>();
  return (
    <Page title={t('notifications.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p>{t('notifications.intro')}</p>
      <div role="status">{notice && <Alert kind={notice.kind}>{notice.text}</Alert>}</div>
      <List onNotice={setNotice} />
      <Preferences />
    </Page>
  );
}
