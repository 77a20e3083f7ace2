import { WORK_ORDER_STATUSES } from '@dz/core/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { type Column, DataTable } from '../../components/DataTable';
import { SelectField } from '../../components/Field';
import { Empty, Page, Pending } from '../../components/Page';
import { fmtDateTime } from '../../lib/format';
import { OrderFacts, OverdueBadge, PriorityText, StatusBadge } from './operation-ui';
import { ordersQuery, studyQuery, type WorkOrderList } from './queries';

type Order = WorkOrderList['items'][number];

/** The shared crumbs of the operation pages: start → shared services → the study. */
export function useStudyCrumbs(id: string) {
  const { t } = useTranslation();
  const study = useQuery(studyQuery(id));
  return {
    study,
    crumbs: [
      { to: '/', label: t('nav.start') },
      { to: '/gemeinsame-dienste', label: t('studies.title') },
      { to: `/gemeinsame-dienste/${id}`, label: study.data?.title ?? '…' },
    ],
  };
}

/**
 * The work order queue of a live service: the team sees every order of the service, a partner its own
 * municipality's (the API decides, the page says which). A table on wide screens, cards on a phone.
 */
export function WorkOrdersPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'open';
  const q = useQuery({ ...ordersQuery(id, status), placeholderData: keepPreviousData });
  const { crumbs } = useStudyCrumbs(id);
  const link = (o: Order) => `/gemeinsame-dienste/${id}/auftraege/${o.id}`;
  const due = (o: Order) => (
    <>
      {fmtDateTime(o.dueAt)}
      {o.overdue && (
        <>
          {' '}
          <OverdueBadge t={t} />
        </>
      )}
    </>
  );
  const columns: Column<Order>[] = [
    { header: t('operation.number'), cell: (o) => o.number, numeric: true },
    { header: t('operation.title'), cell: (o) => <Link to={link(o)}>{o.title}</Link>, rowHeader: true },
    { header: t('operation.type'), cell: (o) => o.type },
    { header: t('operation.municipality'), cell: (o) => o.municipality.name },
    { header: t('operation.priority'), cell: (o) => <PriorityText priority={o.priority} t={t} /> },
    { header: t('operation.status'), cell: (o) => <StatusBadge status={o.status} t={t} /> },
    { header: t('operation.due'), cell: due },
    { header: t('operation.assignee'), cell: (o) => o.assignee ?? t('operation.unassigned') },
  ];
  const data = q.data;
  const options = [
    { value: 'open', label: t('operation.filterOpen') },
    { value: 'all', label: t('operation.filterAll') },
    ...WORK_ORDER_STATUSES.map((s) => ({ value: s, label: t(`operation.statuses.${s}`) })),
  ];
  const empty =
    status === 'all'
      ? data?.can.file
        ? t('operation.ordersEmptyFile')
        : t('operation.ordersEmptyAll')
      : t('operation.ordersEmpty');
  return (
    <Page
      title={t('operation.ordersTitle')}
      crumbs={crumbs}
      actions={
        data?.can.file ? (
          <Link className="btn" to={`/gemeinsame-dienste/${id}/auftraege/neu`}>
            {t('operation.newOrder')}
          </Link>
        ) : undefined
      }
    >
      {!data ? (
        <Pending query={q} />
      ) : (
        <>
          <p>{data.team ? t('operation.queueTeam') : t('operation.queuePartner')}</p>
          <div className="filters">
            <SelectField
              name="status"
              label={t('operation.filterStatus')}
              value={status}
              onChange={(v) => setParams(v === 'open' ? {} : { status: v }, { replace: true })}
              options={options}
            />
          </div>
          <p aria-live="polite">{t('operation.orderCount', { count: data.items.length })}</p>
          {data.items.length === 0 ? (
            <Empty>{empty}</Empty>
          ) : (
            <>
              <div className="op-table">
                <DataTable
                  label={t('operation.orderList')}
                  columns={columns}
                  rows={data.items}
                  rowKey={(o) => o.id}
                  empty={empty}
                />
              </div>
              <ul className="op-cards" aria-label={t('operation.orderList')}>
                {data.items.map((o) => (
                  <li key={o.id}>
                    <h2>
                      <Link to={link(o)}>
                        {t('operation.number')} {o.number}: {o.title}
                      </Link>
                    </h2>
                    <dl>
                      <OrderFacts o={o} t={t} />
                      <dt>{t('operation.type')}</dt>
                      <dd>{o.type}</dd>
                      <dt>{t('operation.municipality')}</dt>
                      <dd>{o.municipality.name}</dd>
                      <dt>{t('operation.assignee')}</dt>
                      <dd>{o.assignee ?? t('operation.unassigned')}</dd>
                    </dl>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Page>
  );
}
