import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { type Column, DataTable } from '../../components/DataTable';
import { SelectField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { fmtEuro, fmtNumber } from '../../lib/format';
import { ServiceImport, StarterPicker } from './AddServices';
import { OzgLegend, OzgStep } from './ozg';
import { SERVICES_CSV_URL, type ServiceItem, type ServiceList, type ServiceSort, servicesQuery } from './queries';
import { type Notice, ServiceForm } from './ServiceForm';

/** The sort orders by their words in the address (bookmarkable); the first is the default. */
const SORTS: Record<string, ServiceSort> = { einsparung: 'savings', aufwand: 'effort', name: 'name' };
type Dialog = 'add' | 'starter' | 'import' | null;

function KeyFigures({ totals }: { totals: ServiceList['totals'] }) {
  const { t } = useTranslation();
  const figures = [
    ['services', fmtNumber(totals.services, 0), t('processes.figures.servicesNote')],
    ['notOnline', fmtNumber(totals.notOnline, 0), t('processes.figures.notOnlineNote')],
    ['hours', t('processes.hours', { n: fmtNumber(totals.hoursPerYear, 0) }), t('processes.figures.hoursNote')],
    [
      'savings',
      t('processes.hours', { n: fmtNumber(totals.savingsHours, 0) }),
      t('processes.figures.savingsNote', { euros: fmtEuro(totals.savingsCents, true) }),
    ],
  ] as const;
  return (
    <section aria-labelledby="h-process-figures">
      <h2 id="h-process-figures">{t('processes.figures.title')}</h2>
      <div className="card-grid">
        {figures.map(([key, value, note]) => (
          <section key={key} className="card" aria-labelledby={`c-process-${key}`}>
            <h3 id={`c-process-${key}`}>{t(`processes.figures.${key}`)}</h3>
            <p className="figure">{value}</p>
            <p>{note}</p>
          </section>
        ))}
      </div>
    </section>
  );
}

function PortfolioTable({ list, notOnline }: { list: ServiceList; notOnline: boolean }) {
  const { t } = useTranslation();
  const columns: Column<ServiceItem>[] = [
    {
      header: t('processes.fields.name'),
      rowHeader: true,
      cell: (s) => (
        <>
          <Link to={`/prozesse/leistungen/${s.id}`}>{s.name}</Link>
          {s.subjectArea && (
            <>
              <br />
              <span className="muted">{s.subjectArea}</span>
            </>
          )}
        </>
      ),
    },
    { header: t('processes.fields.department'), cell: (s) => s.department ?? '–' },
    { header: t('processes.fields.casesPerYear'), numeric: true, cell: (s) => fmtNumber(s.casesPerYear, 0) },
    { header: t('processes.fields.minutesPerCase'), numeric: true, cell: (s) => fmtNumber(s.minutesPerCase) },
    {
      header: t('processes.fields.hoursPerYear'),
      numeric: true,
      cell: (s) => (
        <>
          {fmtNumber(s.hoursPerYear, 0)}
          {s.fromModel && (
            <>
              <br />
              <span className="muted">{t('processes.fromModel')}</span>
            </>
          )}
        </>
      ),
    },
    { header: t('processes.fields.ozgStep'), cell: (s) => <OzgStep level={s.ozgLevel} target={s.ozgTarget} /> },
    {
      header: t('processes.fields.savings'),
      numeric: true,
      cell: (s) =>
        s.savingsHours ? (
          <>
            {t('processes.hours', { n: fmtNumber(s.savingsHours, 0) })}
            <br />
            {fmtEuro(s.savingsCents, true)}
          </>
        ) : (
          '–'
        ),
    },
  ];
  const empty = notOnline ? (
    t('processes.emptyNotOnline')
  ) : (
    <>
      <p>{t('processes.empty')}</p>
      <ul>
        <li>{t('processes.emptyStarter')}</li>
        <li>{t('processes.emptyImport')}</li>
      </ul>
    </>
  );
  return (
    <DataTable
      label={t('processes.tableLabel')}
      columns={columns}
      rows={list.items}
      rowKey={(s) => s.id}
      empty={empty}
    />
  );
}

/** "Prozesse und Leistungen": the service inventory with effort, OZG maturity and the savings of the to-be models. */
export function ServicesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const sortWord = params.get('sortierung') ?? 'einsparung';
  const sort = SORTS[sortWord] ?? 'savings';
  const notOnline = params.get('nichtOnline') === '1';
  const list = useQuery(servicesQuery(sort, notOnline));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<Notice>();
  const done = (n: Notice) => {
    setNotice(n);
    setDialog(null);
  };
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  const can = list.data?.can.edit ?? false;
  const dialogTitle = dialog ? t(`processes.dialogs.${dialog}`) : '';
  return (
    <Page
      title={t('processes.title')}
      crumbs={[{ to: '/', label: t('nav.start') }]}
      actions={
        can && (
          <div className="btn-row">
            <Button onPress={() => setDialog('add')}>{t('processes.addService')}</Button>
            <Button variant="secondary" onPress={() => setDialog('starter')}>
              {t('processes.starter.open')}
            </Button>
            <Button variant="secondary" onPress={() => setDialog('import')}>
              {t('processes.import.open')}
            </Button>
          </div>
        )
      }
    >
      <p>{t('processes.intro')}</p>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      {!list.data ? (
        <Pending query={list} />
      ) : (
        <>
          <KeyFigures totals={list.data.totals} />
          <Panel
            title={t('processes.portfolioTitle')}
            actions={
              list.data.totals.services > 0 && (
                <a className="btn secondary small" href={SERVICES_CSV_URL} download>
                  {t('processes.exportCsv')}
                </a>
              )
            }
          >
            <div className="filters">
              <SelectField
                name="sort"
                label={t('processes.sort.label')}
                value={SORTS[sortWord] ? sortWord : 'einsparung'}
                onChange={(v) => setParam('sortierung', v === 'einsparung' ? null : v)}
                options={Object.keys(SORTS).map((k) => ({ value: k, label: t(`processes.sort.${k}`) }))}
              />
              <div className="field">
                <label className="choice">
                  <input
                    type="checkbox"
                    name="notOnline"
                    checked={notOnline}
                    onChange={(e) => setParam('nichtOnline', e.target.checked ? '1' : null)}
                  />{' '}
                  {t('processes.notOnlineOnly')}
                </label>
              </div>
            </div>
            <PortfolioTable list={list.data} notOnline={notOnline} />
            <OzgLegend />
          </Panel>
        </>
      )}
      <FormDialog
        isOpen={dialog !== null}
        title={dialogTitle}
        onClose={() => setDialog(null)}
        wider={dialog === 'starter' || dialog === 'import'}
      >
        {dialog === 'add' && <ServiceForm onDone={done} />}
        {dialog === 'starter' && <StarterPicker onDone={done} />}
        {dialog === 'import' && <ServiceImport onDone={done} />}
      </FormDialog>
    </Page>
  );
}
