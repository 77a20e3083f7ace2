import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { type Column, DataTable } from '../../components/DataTable';
import { SelectField } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { StackedBars } from '../../components/StackedBars';
import { fmtDate, fmtDecimal, fmtEuro, fmtNumber } from '../../lib/format';
import { fmtMonth, opErrorMessage } from './operation-ui';
import { type ServiceStatement, statementExportUrl, statementQuery, useCloseMonth } from './queries';
import { useStudyCrumbs } from './WorkOrdersPage';

type Line = ServiceStatement['lines'][number];

/** Orders done per month and municipality: stacked bars, and the same numbers in a table. */
function Volumes({ s }: { s: ServiceStatement }) {
  const { t } = useTranslation();
  if (s.volumes.length === 0) return <p>{t('operation.noVolumes')}</p>;
  const months = [...new Set(s.volumes.map((v) => v.month))].sort();
  const names = [...new Set(s.volumes.map((v) => v.municipality))].sort((a, b) => a.localeCompare(b, 'de'));
  const of = (m: string, n: string) => s.volumes.find((v) => v.month === m && v.municipality === n);
  type Row = (typeof s.volumes)[number];
  const columns: Column<Row>[] = [
    { header: t('operation.month'), cell: (v) => fmtMonth(v.month) },
    { header: t('operation.municipality'), cell: (v) => v.municipality, rowHeader: true },
    { header: t('operation.orders'), cell: (v) => fmtNumber(v.orders), numeric: true },
    { header: t('operation.hours'), cell: (v) => fmtDecimal(v.hours, 1), numeric: true },
  ];
  return (
    <>
      <StackedBars
        labels={months.map(fmtMonth)}
        series={names.map((n) => ({ name: n, values: months.map((m) => of(m, n)?.orders ?? 0) }))}
        format={(v) => fmtNumber(v)}
      />
      <DataTable
        label={t('operation.volumesTable')}
        caption={t('operation.volumesTable')}
        columns={columns}
        rows={[...s.volumes].sort(
          (a, b) => a.month.localeCompare(b.month) || a.municipality.localeCompare(b.municipality),
        )}
        rowKey={(v) => `${v.month}-${v.municipality}`}
        empty={t('operation.noVolumes')}
      />
    </>
  );
}

/** The lead closes the month: a question first, naming what freezing means. */
function CloseMonth({ id, month, allowed }: { id: string; month: string; allowed: boolean }) {
  const { t, i18n } = useTranslation();
  const close = useCloseMonth(id);
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState('');
  const m = fmtMonth(month);
  return (
    <div className="op-close">
      {allowed && (
        <Button variant="secondary" onPress={() => setAsking(true)} isDisabled={close.isPending}>
          {t('operation.closeMonth')}
        </Button>
      )}
      <ConfirmDialog
        isOpen={asking}
        title={t('operation.closeTitle', { month: m })}
        body={t('operation.closeBody', { month: m })}
        confirmLabel={t('operation.closeMonth')}
        onCancel={() => setAsking(false)}
        onConfirm={async () => {
          setAsking(false);
          setDone('');
          try {
            await close.mutateAsync(month);
            setDone(t('operation.closed', { month: m }));
          } catch {
            /* shown below */
          }
        }}
      />
      <div aria-live="polite">
        {close.error && <Alert kind="error">{opErrorMessage(close.error, t, i18n.language)}</Alert>}
        {done && <Alert kind="success">{done}</Alert>}
      </div>
    </div>
  );
}

/** The monthly statement of a live service: per municipality its base share, use and corrections. */
export function StatementsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const month = params.get('monat') ?? '';
  const q = useQuery({ ...statementQuery(id, month), placeholderData: keepPreviousData });
  const { crumbs } = useStudyCrumbs(id);
  const s = q.data;
  const columns: Column<Line>[] = [
    { header: t('operation.municipality'), cell: (l) => l.name, rowHeader: true },
    { header: t('operation.orders'), cell: (l) => fmtNumber(l.orders), numeric: true },
    { header: t('operation.hours'), cell: (l) => fmtDecimal(l.hours, 2), numeric: true },
    { header: t('operation.base'), cell: (l) => fmtEuro(l.baseCents), numeric: true },
    { header: t('operation.usage'), cell: (l) => fmtEuro(l.usageCents), numeric: true },
    { header: t('operation.correction'), cell: (l) => fmtEuro(l.correctionCents), numeric: true },
    { header: t('operation.amount'), cell: (l) => <strong>{fmtEuro(l.totalCents)}</strong>, numeric: true },
  ];
  const corrections = s?.lines.flatMap((l) => l.corrections.map((c) => ({ ...c, name: l.name }))) ?? [];
  return (
    <Page title={t('operation.statementsTitle')} crumbs={crumbs}>
      {!s ? (
        <Pending query={q} />
      ) : (
        <>
          <div className="filters">
            <SelectField
              name="month"
              label={t('operation.month')}
              value={s.month}
              onChange={(v) => setParams({ monat: v }, { replace: true })}
              options={s.months.map((m) => ({
                value: m.month,
                label: m.closed ? t('operation.monthClosed', { month: fmtMonth(m.month) }) : fmtMonth(m.month),
              }))}
            />
          </div>
          {s.closed ? (
            <Alert kind="info">{t('operation.closedAt', { date: fmtDate(s.closedAt) })}</Alert>
          ) : (
            <Alert kind="warning">{t('operation.provisional')}</Alert>
          )}
          <DataTable
            label={t('operation.lines')}
            caption={t('operation.linesCaption', { month: fmtMonth(s.month) })}
            columns={columns}
            rows={s.lines}
            rowKey={(l) => l.municipalityId}
            empty={t('operation.noLines')}
            footer={
              s.lines.length > 1 ? (
                <tr>
                  <th scope="row" colSpan={6}>
                    {t('operation.sum')}
                  </th>
                  <td className="num">
                    <strong>{fmtEuro(s.totalCents)}</strong>
                  </td>
                </tr>
              ) : undefined
            }
          />
          {corrections.length > 0 && (
            <ul>
              {corrections.map((c) => (
                <li key={`${c.name}-${c.month}`}>
                  {t('operation.correctionLine', { month: fmtMonth(c.month), name: c.name, amount: fmtEuro(c.cents) })}
                </li>
              ))}
            </ul>
          )}
          <p className="op-actions">
            <span>{t('operation.download')}</span>
            <a href={statementExportUrl(id, s.month, 'pdf')} download>
              {t('operation.downloadPdf')}
            </a>
            <a href={statementExportUrl(id, s.month, 'xlsx')} download>
              {t('operation.downloadXlsx')}
            </a>
            <a href={statementExportUrl(id, s.month, 'csv')} download>
              {t('operation.downloadCsv')}
            </a>
          </p>
          {/* stays mounted once the month is closed: its confirmation is announced */}
          <CloseMonth key={s.month} id={id} month={s.month} allowed={s.can.close && !s.closed} />
          <Panel title={t('operation.volumes')}>
            <Volumes s={s} />
          </Panel>
        </>
      )}
    </Page>
  );
}
