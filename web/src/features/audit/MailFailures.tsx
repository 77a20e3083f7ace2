import type { mailFailureList } from '@dz/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { Alert } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { api } from '../../lib/api';
import { fmtDateTime } from '../../lib/format';

type List = z.infer<typeof mailFailureList>;

/** Mails of the municipality that could not be delivered after every retry; the admin sends them again. */
export function MailFailures() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['audit', 'mail-failures'], queryFn: () => api<List>('/audit/mail-failures') });
  const retry = useMutation({
    mutationFn: (id: string) => api<List>(`/audit/mail-failures/${id}/retry`, { method: 'POST' }),
    onSuccess: (data) => qc.setQueryData(['audit', 'mail-failures'], data),
  });
  if (!q.data?.items.length) return null;
  return (
    <section aria-labelledby="mail-failures">
      <h2 id="mail-failures">{t('audit.mailFailures.title')}</h2>
      <Alert kind="warning">{t('audit.mailFailures.intro', { count: q.data.items.length })}</Alert>
      <TableWrap label={t('audit.mailFailures.title')}>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.mailFailures.recipient')}</th>
              <th scope="col">{t('audit.mailFailures.subject')}</th>
              <th scope="col">{t('audit.mailFailures.error')}</th>
              {q.data.can.retry && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((m) => (
              <tr key={m.id}>
                <td>{fmtDateTime(m.createdAt)}</td>
                <td>{m.recipient}</td>
                <td>{m.subject}</td>
                <td>{t('audit.mailFailures.attempts', { count: m.attempts, error: m.lastError ?? '–' })}</td>
                {q.data.can.retry && (
                  <td>
                    <Button
                      variant="secondary"
                      isDisabled={retry.isPending}
                      onPress={() => retry.mutate(m.id)}
                      aria-label={t('audit.mailFailures.retryFor', { recipient: m.recipient })}
                    >
                      {t('audit.mailFailures.retry')}
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
