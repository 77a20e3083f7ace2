import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { type Column, DataTable } from '../../components/DataTable';
import { SelectField, TextField } from '../../components/Field';
import { Page, Pending } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { fmtDateTime } from '../../lib/format';
import { MailFailures } from './MailFailures';
import { type AuditEntry, type AuditFilter, auditParams, auditQueryOptions } from './queries';
import '../../i18n/audit';

/** The codes with a label (every code the server writes has one: server/src/lib/audit-labels.test.ts), by label. */
function labelled(t: TFunction, group: 'actions' | 'entities') {
  const labels = t(`audit.${group}`, { returnObjects: true }) as Record<string, string>;
  return Object.entries(labels)
    .sort(([, a], [, b]) => a.localeCompare(b, 'de'))
    .map(([value, label]) => ({ value, label }));
}

function renderValue(v: unknown) {
  if (v === null || v === undefined) return '–';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function Changes({ entry }: { entry: AuditEntry }) {
  if (Object.keys(entry.changes).length === 0) return '–';
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }}>
      {Object.entries(entry.changes).map(([k, c]) => (
        <li key={k}>
          <strong>{k}</strong>: {renderValue(c.before)} → {renderValue(c.after)}
        </li>
      ))}
    </ul>
  );
}

/** Audit trail of the municipality: filter by object, action and period; export as CSV. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({ entity: '', action: '', from: '', to: '' });
  const [applied, setApplied] = useState(filter);
  const [page, setPage] = useState(1);
  const params = auditParams(applied);
  const q = useQuery(auditQueryOptions(applied, page));
  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / q.data.pageSize)) : 1;
  const columns: Column<AuditEntry>[] = [
    { header: t('audit.at'), cell: (e) => fmtDateTime(e.at) },
    { header: t('audit.actor'), cell: (e) => e.actorName ?? t('audit.system') },
    { header: t('audit.action'), cell: (e) => t(`audit.actions.${e.action}`, { defaultValue: e.action }) },
    {
      header: t('audit.entity'),
      cell: (e) => {
        const entity = t(`audit.entities.${e.entity}`, { defaultValue: e.entity });
        return e.subjectName ? `${entity}: ${e.subjectName}` : entity;
      },
    },
    { header: t('audit.changes'), cell: (e) => <Changes entry={e} /> },
  ];
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
          options={[{ value: '', label: t('common.all') }, ...labelled(t, 'entities')]}
        />
        <SelectField
          name="action"
          label={t('audit.action')}
          value={filter.action}
          onChange={(v) => setFilter({ ...filter, action: v })}
          options={[{ value: '', label: t('common.all') }, ...labelled(t, 'actions')]}
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
      ) : (
        <>
          <DataTable
            label={t('audit.title')}
            caption={t('audit.count', { count: q.data.total })}
            rows={q.data.items}
            rowKey={(e) => e.id}
            empty={t('audit.empty')}
            columns={columns}
          />
          {q.data.items.length > 0 && <Pager page={page} pages={pages} onPage={setPage} />}
        </>
      )}
    </Page>
  );
}
