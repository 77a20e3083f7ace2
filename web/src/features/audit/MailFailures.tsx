import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { type Column, DataTable } from '../../components/DataTable';
import { Alert } from '../../components/Page';
import { fmtDateTime } from '../../lib/format';
import { type MailFailureList, mailFailuresQuery, useRetryMail } from './queries';

type MailFailure = MailFailureList['items'][number];

/** Mails of the municipality that could not be delivered after every retry; the admin sends them again. */
export function MailFailures() {
  const { t } = useTranslation();
  const q = useQuery(mailFailuresQuery);
  const retry = useRetryMail();
  if (!q.data?.items.length) return null;
  const columns: Column<MailFailure>[] = [
    { header: t('audit.at'), cell: (m) => fmtDateTime(m.createdAt) },
    { header: t('audit.mailFailures.recipient'), cell: (m) => m.recipient },
    { header: t('audit.mailFailures.subject'), cell: (m) => m.subject },
    {
      header: t('audit.mailFailures.error'),
      cell: (m) => t('audit.mailFailures.attempts', { count: m.attempts, error: m.lastError ?? '–' }),
    },
  ];
  if (q.data.can.retry)
    columns.push({
      header: t('common.actions'),
      cell: (m) => (
        <Button
          variant="secondary"
          isDisabled={retry.isPending}
          onPress={() => retry.mutate(m.id)}
          aria-label={t('audit.mailFailures.retryFor', { recipient: m.recipient })}
        >
          {t('audit.mailFailures.retry')}
        </Button>
      ),
    });
  return (
    <section aria-labelledby="mail-failures">
      <h2 id="mail-failures">{t('audit.mailFailures.title')}</h2>
      <Alert kind="warning">{t('audit.mailFailures.intro', { count: q.data.items.length })}</Alert>
      <DataTable
        label={t('audit.mailFailures.title')}
        rows={q.data.items}
        rowKey={(m) => m.id}
        empty={null}
        columns={columns}
      />
    </section>
  );
}
