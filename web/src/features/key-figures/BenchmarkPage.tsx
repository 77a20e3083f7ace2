import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { type Column, DataTable } from '../../components/DataTable';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { BenchmarkFigureSection } from './BenchmarkFigure';
import { groupLabel } from './peer-groups';
import { type Benchmark, type BenchmarkFigure, benchmarkQuery } from './queries';
import { fmtValue, useYear, YearSelect } from './ui';
import './key-figures.css';
import '../../i18n/maturity';

/** All figures at a glance: the own value and its quarter in the narrowest group that is shown. */
function Overview({ data, municipality }: { data: Benchmark; municipality: string }) {
  const { t } = useTranslation();
  const position = (f: BenchmarkFigure) => {
    const g = f.groups.find((x) => x.shown && x.quarter !== null);
    if (!f.own) return <span className="muted">{t('keyFigures.noOwnShort')}</span>;
    if (!g) return <span className="muted">{t('keyFigures.noPosition')}</span>;
    return t('keyFigures.positionShort', {
      quarter: t(`keyFigures.quartersShort.${g.quarter}`),
      group: groupLabel(t, g, data),
    });
  };
  // two columns, so that the position stays readable on a phone: the value, and the quarter below it
  const columns: Column<BenchmarkFigure>[] = [
    {
      header: t('keyFigures.figure'),
      rowHeader: true,
      cell: (f) => <a href={`#h-bm-${f.id}`}>{f.name}</a>,
    },
    {
      header: t('keyFigures.valueAndPosition', { name: municipality, year: data.year }),
      cell: (f) => (
        <>
          {f.own && <strong>{fmtValue(f.own.value, f.decimals, f.unit)}</strong>}
          {f.own && <br />}
          {position(f)}
        </>
      ),
    },
  ];
  return (
    <Panel title={t('keyFigures.overviewTitle')} id="h-bm-overview">
      <DataTable
        label={t('keyFigures.overviewTitle')}
        columns={columns}
        rows={data.figures}
        rowKey={(f) => f.id}
        empty={t('keyFigures.empty')}
      />
    </Panel>
  );
}

/**
 * When the shown year holds only some of the own values but an earlier one holds more (early in a year, last year's
 * figures are the complete ones): says so and offers that year.
 */
function MoreInAnotherYear({ data, onYear }: { data: Benchmark; onYear: (year: number) => void }) {
  const { t } = useTranslation();
  const counts = new Map<number, number>();
  for (const f of data.figures)
    for (const p of f.trend) if (p.own !== null) counts.set(p.year, (counts.get(p.year) ?? 0) + 1);
  const here = counts.get(data.year) ?? 0;
  const best = [...counts].filter(([y]) => y < data.year).sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  if (here === 0 || !best || best[1] <= here) return null;
  return (
    <Alert kind="info">
      {t('keyFigures.fewOwnValues', { year: data.year, count: here, total: data.figures.length, other: best[0] })}{' '}
      <Button variant="secondary" small onPress={() => onYear(best[0])}>
        {t('keyFigures.showYear', { year: best[0] })}
      </Button>
    </Alert>
  );
}

/** „Vergleich“ (`/reifegrad/vergleich`): the own key figures against anonymous peer groups, with box plots and trend. */
export function BenchmarkPage() {
  const { t } = useTranslation();
  const session = useSession();
  const municipality =
    session.municipalities.find((m) => m.id === session.activeMunicipalityId)?.name ?? t('keyFigures.ownMunicipality');
  const [year, setYear, years] = useYear();
  const q = useQuery(benchmarkQuery(year));
  const d = q.data;
  return (
    <Page
      title={t('keyFigures.benchmarkTitle')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: '/reifegrad', label: t('keyFigures.maturity') },
      ]}
    >
      <p>{t('keyFigures.benchmarkIntro', { name: municipality })}</p>
      <p>
        <Link to={year === years[0] ? '/reifegrad/kennzahlen' : `/reifegrad/kennzahlen?jahr=${year}`}>
          {t('keyFigures.toKeyFigures')}
        </Link>
      </p>
      <div className="filters">
        <YearSelect year={year} years={years} onChange={setYear} />
      </div>
      {!d ? (
        <Pending query={q} />
      ) : (
        <>
          <Alert kind="info">
            <strong>{t('keyFigures.anonymityTitle')}</strong> {t('keyFigures.anonymity', { threshold: d.threshold })}
          </Alert>
          <p className="muted">
            {t('keyFigures.peerContext', {
              sizeClass: d.sizeClass,
              land: d.land,
              band: t(`sizeClasses.${d.sizeClass}`),
            })}
          </p>
          {d.figures.length > 0 && d.figures.every((f) => !f.own) && (
            <Alert kind="info">
              {t('keyFigures.noOwnValues', { name: municipality, year: d.year })}{' '}
              <Link to={d.year === years[0] ? '/reifegrad/kennzahlen' : `/reifegrad/kennzahlen?jahr=${d.year}`}>
                {t('keyFigures.enterValues')}
              </Link>
              {d.year > years.at(-1)! && (
                <>
                  {' '}
                  <Button variant="secondary" small onPress={() => setYear(d.year - 1)}>
                    {t('keyFigures.showYear', { year: d.year - 1 })}
                  </Button>
                </>
              )}
            </Alert>
          )}
          <MoreInAnotherYear data={d} onYear={setYear} />
          <Overview data={d} municipality={municipality} />
          {d.figures.map((f) => (
            <BenchmarkFigureSection
              key={f.id}
              figure={f}
              year={d.year}
              context={d}
              threshold={d.threshold}
              municipality={municipality}
            />
          ))}
        </>
      )}
    </Page>
  );
}
