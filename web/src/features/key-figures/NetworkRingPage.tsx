import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { type Column, DataTable } from '../../components/DataTable';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { errorMessage } from '../../lib/errors';
import { fmtNumber } from '../../lib/format';
import { NetworkCriteria } from './NetworkCriteria';
import { NetworkFigures } from './NetworkFigures';
import { networkMaturityQuery, type RingFigure, type RingView, ringQuery, useJoinRing } from './queries';
import { Direction, fmtValue, useYear, YearSelect } from './ui';
import './key-figures.css';
import '../../i18n/maturity';

type Notice = { kind: 'success' | 'error'; text: string };

/** The switch into the open ring: names are shown only among the municipalities that joined it. */
function OpenRing({ ring, onNotice }: { ring: RingView; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const join = useJoinRing(ring.networkId);
  const { count, canJoin } = ring.openRing;
  // the switch follows the click at once; the ring's answer (or an error) settles it
  const [asked, setAsked] = useState<boolean | null>(null);
  const joined = asked ?? ring.openRing.joined;
  return (
    <Panel title={t('ring.openTitle')} id="h-ring-open">
      <p>{t('ring.openExplained')}</p>
      <p>{t('ring.openCount', { count, members: ring.members })}</p>
      {canJoin ? (
        <div className="field">
          <label className="choice">
            <input
              type="checkbox"
              role="switch"
              aria-checked={joined}
              name="open"
              checked={joined}
              disabled={join.isPending}
              aria-describedby="ring-open-hint"
              onChange={async (e) => {
                const open = e.target.checked;
                setAsked(open);
                try {
                  await join.mutateAsync(open);
                  onNotice({ kind: 'success', text: open ? t('ring.joined') : t('ring.left') });
                } catch (err) {
                  onNotice({ kind: 'error', text: errorMessage(err, t) });
                } finally {
                  setAsked(null);
                }
              }}
            />{' '}
            {t('ring.openSwitch')}
          </label>
          <span className="hint" id="ring-open-hint">
            {joined ? t('ring.openHintJoined') : t('ring.openHint')}
          </span>
        </div>
      ) : (
        <p className="muted">{t('ring.openNotMember')}</p>
      )}
    </Panel>
  );
}

/** Each figure's distribution among the members, without names (or "zu wenige Werte"). */
function Distributions({ ring }: { ring: RingView }) {
  const { t } = useTranslation();
  const cell = (pick: 'p10' | 'q1' | 'median' | 'q3' | 'p90') => (f: RingFigure) =>
    f.shown && f.distribution && f.distribution[pick] !== null
      ? fmtValue(f.distribution[pick], f.decimals, f.unit)
      : '–';
  const columns: Column<RingFigure>[] = [
    {
      header: t('keyFigures.figure'),
      rowHeader: true,
      cell: (f) => (
        <>
          {f.name}
          <br />
          <Direction direction={f.direction} />
        </>
      ),
    },
    {
      header: t('ring.withValue'),
      numeric: true,
      cell: (f) =>
        f.shown && f.distribution ? fmtNumber(f.distribution.n) : <span className="muted">{t('ring.tooFew')}</span>,
    },
    { header: t('boxPlot.p10'), numeric: true, cell: cell('p10') },
    { header: t('boxPlot.q1'), numeric: true, cell: cell('q1') },
    { header: t('boxPlot.median'), numeric: true, cell: cell('median') },
    { header: t('boxPlot.q3'), numeric: true, cell: cell('q3') },
    { header: t('boxPlot.p90'), numeric: true, cell: cell('p90') },
  ];
  return (
    <Panel title={t('ring.distributionTitle', { year: ring.year })} id="h-ring-distribution">
      <p>{t('ring.distributionIntro', { threshold: ring.threshold, members: ring.members, year: ring.year })}</p>
      <DataTable
        label={t('ring.distributionTitle', { year: ring.year })}
        columns={columns}
        rows={ring.figures}
        rowKey={(f) => f.id}
        empty={t('ring.noFigures')}
      />
    </Panel>
  );
}

/** The named values of the open ring's members (only for members who joined it themselves). */
function NamedValues({ ring, own }: { ring: RingView; own: string | undefined }) {
  const { t } = useTranslation();
  const figures = ring.figures.filter((f) => f.named.length > 0);
  // the ring names municipalities officially ("Ebersberg, Stadt"), the session by their short name
  const isOwn = (name: string) => own !== undefined && (name === own || name.startsWith(`${own},`));
  return (
    <Panel title={t('ring.namedTitle', { year: ring.year })} id="h-ring-named">
      <p>{t('ring.namedIntro')}</p>
      {figures.length === 0 ? (
        <p className="muted">{t('ring.namedEmpty')}</p>
      ) : (
        figures.map((f) => {
          const rows = [...f.named].sort((a, b) => (f.direction === 'higher' ? b.value - a.value : a.value - b.value));
          return (
            <DataTable
              key={f.id}
              label={f.name}
              caption={f.name}
              columns={[
                {
                  header: t('ring.municipality'),
                  rowHeader: true,
                  cell: (r) =>
                    isOwn(r.municipality) ? t('ring.ownMunicipality', { name: r.municipality }) : r.municipality,
                },
                { header: t('keyFigures.value'), numeric: true, cell: (r) => fmtValue(r.value, f.decimals, f.unit) },
              ]}
              rows={rows}
              rowKey={(r) => r.municipality}
              empty={null}
            />
          );
        })
      )}
    </Panel>
  );
}

/** „Kennzahlenvergleich“ of a network (`/verbuende/:networkId/kennzahlen`): the ring for moderation and members. */
export function NetworkRingPage() {
  const { t } = useTranslation();
  const { networkId = '' } = useParams();
  const session = useSession();
  const own = session.municipalities.find((m) => m.id === session.activeMunicipalityId)?.name;
  const [year, setYear, years] = useYear();
  const ring = useQuery({ ...ringQuery(networkId, year), retry: false });
  const network = useQuery({ ...networkMaturityQuery(networkId), retry: false });
  const [notice, setNotice] = useState<Notice>();
  const r = ring.data;
  const crumbs = [
    { to: '/verbuende', label: t('networks.title') },
    ...(r ? [{ to: `/verbuende/${networkId}`, label: r.network }] : []),
  ];
  return (
    <Page title={r ? t('ring.title', { network: r.network }) : t('ring.titlePlain')} crumbs={crumbs}>
      <p>{t('ring.pageIntro')}</p>
      {own && (
        <p>
          <Link to="/reifegrad/vergleich">{t('ring.toBenchmark')}</Link>
        </p>
      )}
      <div className="filters">
        <YearSelect
          year={year}
          years={years}
          onChange={(y) => {
            setYear(y);
            setNotice(undefined);
          }}
        />
      </div>
      <div aria-live="polite">{notice && <Alert kind={notice.kind}>{notice.text}</Alert>}</div>
      {!r ? (
        <Pending query={ring} />
      ) : (
        <>
          <Distributions ring={r} />
          <OpenRing ring={r} onNotice={setNotice} />
          {r.openRing.joined && <NamedValues ring={r} own={own} />}
        </>
      )}
      {network.data?.can.manage && (
        <>
          <NetworkFigures network={network.data} />
          <NetworkCriteria network={network.data} />
        </>
      )}
    </Page>
  );
}
