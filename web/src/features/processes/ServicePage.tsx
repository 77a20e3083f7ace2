import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { type Column, DataTable } from '../../components/DataTable';
import { FormDialog } from '../../components/FormDialog';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { errorMessage } from '../../lib/errors';
import { fmtEuro, fmtNumber } from '../../lib/format';
import { fteText } from './ModelFigures';
import { ModelImportForm } from './ModelImport';
import { ozgLevelLabel } from './ozg';
import {
  type ProcessModelSummary,
  type ServiceDetail,
  serviceQuery,
  useCreateModel,
  useDeleteService,
} from './queries';
import { type Notice, ServiceForm } from './ServiceForm';

/** The service's facts as a description list. */
function Facts({ s }: { s: ServiceDetail }) {
  const { t } = useTranslation();
  const none = t('processes.form.noInformation');
  const facts: [string, ReactNode][] = [
    [t('processes.fields.subjectArea'), s.subjectArea ?? none],
    [t('processes.fields.lifeSituation'), s.lifeSituation ?? none],
    [t('processes.fields.leikaKey'), s.leikaKey ?? none],
    [t('processes.fields.department'), s.department ?? none],
    [t('processes.fields.casesPerYear'), fmtNumber(s.casesPerYear, 0)],
    [t('processes.fields.minutesPerCase'), fmtNumber(s.minutesPerCase)],
    [
      t('processes.fields.hoursPerYear'),
      <>
        {t('processes.hours', { n: fmtNumber(s.hoursPerYear, 0) })}{' '}
        <span className="muted">({t(s.fromModel ? 'processes.fromModelLong' : 'processes.fromFigures')})</span>
      </>,
    ],
    [t('processes.fields.ozgLevel'), ozgLevelLabel(t, s.ozgLevel)],
    [t('processes.fields.ozgTarget'), ozgLevelLabel(t, s.ozgTarget)],
    [t('processes.fields.onlineChannel'), s.onlineChannel ?? none],
    [t('processes.fields.mediaBreaks'), fmtNumber(s.mediaBreaks, 0)],
  ];
  return (
    <dl className="facts">
      {facts.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** A to-be model's savings per year: hours, full-time equivalents, euros and media breaks removed. */
function Savings({ m }: { m: ProcessModelSummary }) {
  const { t } = useTranslation();
  if (m.kind !== 'to_be') return <span className="muted">{t('processes.models.baseline')}</span>;
  const s = m.savings;
  if (!s) return <>–</>;
  return (
    <>
      {t('processes.hours', { n: fmtNumber(s.hours, 0) })}
      <br />
      {t('processes.models.fte', { n: fteText(s.fte) })}
      <br />
      {fmtEuro(s.cents, true)}
      {s.mediaBreaksRemoved !== 0 && (
        <>
          <br />
          {t('processes.models.mediaBreaksRemoved', { count: s.mediaBreaksRemoved })}
        </>
      )}
    </>
  );
}

function ModelsTable({ s }: { s: ServiceDetail }) {
  const { t } = useTranslation();
  const open = <span className="muted">{t('processes.models.notComputable')}</span>;
  const columns: Column<ProcessModelSummary>[] = [
    { header: t('processes.models.kind'), cell: (m) => t(`processes.models.kinds.${m.kind}`) },
    {
      header: t('processes.models.name'),
      rowHeader: true,
      cell: (m) => <Link to={`/prozesse/modelle/${m.id}`}>{m.name}</Link>,
    },
    {
      header: t('processes.fields.minutesPerCase'),
      numeric: true,
      cell: (m) => (m.effort ? fmtNumber(m.effort.minutesPerCase) : open),
    },
    {
      header: t('processes.fields.hoursPerYear'),
      numeric: true,
      cell: (m) => (m.effort ? fmtNumber(m.effort.hoursPerYear, 0) : '–'),
    },
    {
      header: t('processes.models.costPerYear'),
      numeric: true,
      cell: (m) => (m.effort ? fmtEuro(m.effort.centsPerYear, true) : '–'),
    },
    { header: t('processes.fields.savings'), numeric: true, cell: (m) => <Savings m={m} /> },
    {
      header: t('processes.models.project'),
      cell: (m) => (m.projectId ? <Link to={`/projekte/${m.projectId}`}>{m.project}</Link> : '–'),
    },
  ];
  return (
    <DataTable
      label={t('processes.models.tableLabel', { service: s.name })}
      columns={columns}
      rows={s.modelList}
      rowKey={(m) => m.id}
      empty={t('processes.models.empty')}
    />
  );
}

/** "Soll-Variante n": the next number not taken by the service's to-be models. */
function nextToBeName(s: ServiceDetail, name: (n: number) => string) {
  const taken = new Set(s.modelList.map((m) => m.name));
  let n = s.modelList.filter((m) => m.kind === 'to_be').length + 1;
  while (taken.has(name(n))) n++;
  return name(n);
}

/** The models panel: the table and, for those who model, the ways to a new model. */
function Models({ s, onNotice }: { s: ServiceDetail; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateModel();
  const [importing, setImporting] = useState(false);
  const asIs = s.modelList.find((m) => m.kind === 'as_is');
  const toBeName = nextToBeName(s, (n) => t('processes.models.toBeName', { n }));
  async function start() {
    try {
      const m = await create.mutateAsync(
        asIs
          ? { serviceId: s.id, kind: 'to_be', name: toBeName, copyOf: asIs.id }
          : { serviceId: s.id, kind: 'as_is', name: t('processes.models.asIsName'), copyOf: null },
      );
      navigate(`/prozesse/modelle/${m.id}`);
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err, t, true) });
    }
  }
  return (
    <Panel title={t('processes.models.title')} id="h-models">
      <p>{t(asIs ? 'processes.models.introToBe' : 'processes.models.introAsIs')}</p>
      {s.can.model && (
        <div className="btn-row">
          <Button onPress={() => void start()} isDisabled={create.isPending}>
            {asIs ? t('processes.models.addToBe') : t('processes.models.addAsIs')}
          </Button>
          <Button variant="secondary" onPress={() => setImporting(true)}>
            {t('processes.modelImport.open')}
          </Button>
        </div>
      )}
      <ModelsTable s={s} />
      <FormDialog isOpen={importing} title={t('processes.modelImport.title')} onClose={() => setImporting(false)}>
        {importing && <ModelImportForm serviceId={s.id} hasAsIs={Boolean(asIs)} toBeName={toBeName} />}
      </FormDialog>
    </Panel>
  );
}

/** One service of the inventory: its facts, its process models (as-is and to-be) and what can be done with them. */
export function ServicePage() {
  const { t } = useTranslation();
  const { serviceId = '' } = useParams();
  const navigate = useNavigate();
  const service = useQuery(serviceQuery(serviceId));
  const remove = useDeleteService();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const s = service.data;
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: '/prozesse', label: t('nav.processes') },
  ];
  if (!s)
    return (
      <Page title={t('processes.serviceTitle')} crumbs={crumbs}>
        <Pending query={service} />
      </Page>
    );
  return (
    <Page
      title={s.name}
      crumbs={crumbs}
      actions={
        s.can.edit && (
          <Button variant="secondary" onPress={() => setEditing(true)}>
            {t('processes.editService')}
          </Button>
        )
      }
    >
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <Panel title={t('processes.factsTitle')} id="h-facts">
        <Facts s={s} />
      </Panel>
      <Models s={s} onNotice={setNotice} />
      {s.can.edit && (
        <Panel title={t('processes.deleteTitle')} id="h-danger">
          <p>{t('processes.deleteHint')}</p>
          <ConfirmDeleteButton
            small={false}
            label={t('processes.deleteService')}
            title={t('processes.deleteTitle')}
            body={
              s.modelList.length
                ? t('processes.deleteConfirm', { name: s.name, count: s.modelList.length })
                : t('processes.deleteConfirmNoModels', { name: s.name })
            }
            onConfirm={async () => {
              try {
                await remove.mutateAsync(s.id);
                navigate('/prozesse');
              } catch (err) {
                setNotice({ kind: 'error', text: errorMessage(err, t) });
              }
            }}
          />
        </Panel>
      )}
      <FormDialog isOpen={editing} title={t('processes.editService')} onClose={() => setEditing(false)}>
        {editing && (
          <ServiceForm
            key={s.version}
            service={s}
            onDone={(n) => {
              setNotice(n);
              setEditing(false);
            }}
          />
        )}
      </FormDialog>
    </Page>
  );
}
