import type { auditList } from '@dz/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Empty, Page, Pending } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { TableWrap } from '../../components/TableWrap';
import { api } from '../../lib/api';
import { fmtDateTime } from '../../lib/format';
import { MailFailures } from './MailFailures';

const ENTITIES = [
  '',
  'municipality',
  'department',
  'membership',
  'invitation',
  'network',
  'network_member',
  'network_moderator',
  'network_moderator_invitation',
  'user',
  'directory',
];
const ACTIONS = [
  '',
  'create',
  'update',
  'delete',
  'accept',
  'revoke',
  'join',
  'leave',
  'import',
  'seed',
  'create_defaults',
  'logout_all',
];

function renderValue(v: unknown) {
  if (v === null || v === undefined) return '–';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Audit trail of the municipality: filter by object, action and period; export as CSV. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState({ entity: '', action: '', from: '', to: '' });
  const [applied, setApplied] = useState(filter);
  const [page, setPage] = useState(1);
  const params = new URLSearchParams(Object.entries(applied).filter(([, v]) => v) as [string, string][]);
  const q = useQuery({
    queryKey: ['audit', applied, page],
    queryFn: () => api<z.infer<typeof auditList>>(`/audit?${params}&page=${page}&pageSize=25`),
    placeholderData: keepPreviousData,
  });
  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / q.data.pageSize)) : 1;
  return (
    <Page title={t('audit.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p>{t('audit.intro')}</p>
      <MailFailures />
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setApplied(filter);
        }}
      >
        <SelectField
          name="entity"
          label={t('audit.entity')}
          value={filter.entity}
          onChange={(v) => setFilter({ ...filter, entity: v })}
          options={ENTITIES.map((e) => ({ value: e, label: e ? t(`audit.entities.${e}`) : t('common.all') }))}
        />
        <SelectField
          name="action"
          label={t('audit.action')}
          value={filter.action}
          onChange={(v) => setFilter({ ...filter, action: v })}
          options={ACTIONS.map((a) => ({ value: a, label: a ? t(`audit.actions.${a}`) : t('common.all') }))}
        />
        <TextField
          name="from"
          type="date"
          label={t('audit.from')}
          value={filter.from}
          onChange={(v) => setFilter({ ...filter, from: v })}
        />
        <TextField
          name="to"
          type="date"
          label={t('audit.to')}
          value={filter.to}
          onChange={(v) => setFilter({ ...filter, to: v })}
        />
        <Button type="submit">{t('common.filter')}</Button>
        <a className="btn secondary" href={`/api/v1/audit/export.csv?${params}`} download>
          {t('audit.export')}
        </a>
      </form>
      {!q.data ? (
        <Pending query={q} />
      ) : q.data.items.length === 0 ? (
        <Empty>{t('audit.empty')}</Empty>
      ) : (
        <>
          <TableWrap label={t('audit.title')}>
            <table className="data">
              <caption>{t('audit.count', { count: q.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                  <th scope="col">{t('audit.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {q.data.items.map((e) => (
                  <tr key={e.id}>
                    <td>{fmtDateTime(e.at)}</td>
                    <td>{e.actorName ?? t('audit.system')}</td>
                    <td>{t(`audit.actions.${e.action}`, { defaultValue: e.action })}</td>
                    <td>{t(`audit.entities.${e.entity}`, { defaultValue: e.entity })}</td>
                    <td>
                      {Object.keys(e.changes).length === 0 ? (
                        '–'
                      ) : (
                        <ul style={{ margin: 0, paddingLeft: 16 }}>
                          {Object.entries(e.changes).map(([k, c]) => (
                            <li key={k}>
                              <strong>{k}</strong>: {renderValue(c.before)} → {renderValue(c.after)}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pager page={page} pages={pages} onPage={setPage} />
        </>
      )}
    </Page>
  );
}
