import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BoxPlot } from '../../components/BoxPlot';
import { type Column, DataTable } from '../../components/DataTable';
import { EChart, isNarrow, PALETTE } from '../../components/EChart';
import { Panel } from '../../components/Panel';
import { type Context, groupLabel, hiddenReason, quarterSentence } from './peer-groups';
import type { BenchmarkFigure as Figure } from './queries';
import { Direction, fmtTick, fmtValue, OriginBadge } from './ui';

type TrendYear = Figure['trend'][number];
const OWN_COLOUR = '#D55E00';

/** The own value and the medians of the shown groups over the years, as lines beside a table with the numbers. */
function Trend({ figure, context, ownName }: { figure: Figure; context: Context; ownName: string }) {
  const { t } = useTranslation();
  const fmt = (v: number | null | undefined) => fmtValue(v, figure.decimals, figure.unit);
  const keys = [...new Set(figure.trend.flatMap((y) => y.medians.map((m) => m.key)))];
  const name = (key: string) => {
    const g = figure.groups.find((x) => x.key === key);
    return t('keyFigures.medianOf', { group: g ? groupLabel(t, g, context) : key });
  };
  const median = (y: TrendYear, key: string) => y.medians.find((m) => m.key === key)?.median ?? null;
  const columns: Column<TrendYear>[] = [
    { header: t('keyFigures.year'), cell: (y) => String(y.year), rowHeader: true },
    { header: ownName, cell: (y) => fmt(y.own), numeric: true },
    ...keys.map((k): Column<TrendYear> => ({ header: name(k), cell: (y) => fmt(median(y, k)), numeric: true })),
  ];
  const hasData = figure.trend.some((y) => y.own !== null || y.medians.length > 0);
  if (!hasData) return <p className="muted">{t('keyFigures.noTrend')}</p>;
  const first = figure.trend[0]?.year;
  const last = figure.trend.at(-1)?.year;
  return (
    <details className="kf-trend">
      <summary>{t('keyFigures.trendToggle', { from: first, to: last })}</summary>
      <EChart
        height={(w) => (isNarrow(w) ? 300 : 320)}
        option={(_, width) => ({
          color: [OWN_COLOUR, ...PALETTE.filter((c) => c !== OWN_COLOUR)],
          legend: { bottom: 0, type: isNarrow(width) ? 'scroll' : 'plain' },
          grid: { left: 8, right: 24, top: 16, bottom: 48, containLabel: true },
          xAxis: { type: 'category', data: figure.trend.map((y) => String(y.year)) },
          yAxis: {
            type: 'value',
            scale: true,
            splitNumber: isNarrow(width) ? 3 : 5,
            axisLabel: { formatter: (v: number) => fmtTick(v, figure.decimals, figure.unit), hideOverlap: true },
          },
          series: [
            {
              type: 'line',
              name: ownName,
              data: figure.trend.map((y) => y.own),
              symbol: 'diamond',
              symbolSize: 12,
              lineStyle: { width: 3 },
              connectNulls: false,
            },
            ...keys.map((k) => ({
              type: 'line',
              name: name(k),
              data: figure.trend.map((y) => median(y, k)),
              symbolSize: 7,
              lineStyle: { type: 'dashed' },
              connectNulls: false,
            })),
          ],
        })}
      />
      <DataTable
        label={t('keyFigures.trendTable', { name: figure.name })}
        caption={t('keyFigures.trendCaption')}
        columns={columns}
        rows={figure.trend}
        rowKey={(y) => String(y.year)}
        empty={null}
      />
    </details>
  );
}

/** One figure of the benchmark: the own value, its quarter in words, the box plots, hidden groups and the trend. */
export function BenchmarkFigureSection({
  figure,
  year,
  context,
  threshold,
  municipality,
}: {
  figure: Figure;
  year: number;
  context: Context;
  threshold: number;
  municipality: string;
}) {
  const { t } = useTranslation();
  const fmt = (v: number | null | undefined) => fmtValue(v, figure.decimals, figure.unit);
  const shown = figure.groups.filter((g) => g.shown && g.distribution);
  const hidden = figure.groups.filter((g) => !g.shown);
  const sentences = figure.groups.map((g) => quarterSentence(t, municipality, g, context)).filter(Boolean);
  return (
    <Panel title={figure.name} id={`h-bm-${figure.id}`} className="benchmark-figure">
      <p className="kf-facts">
        <Direction direction={figure.direction} />{' '}
        {figure.network && <span className="badge">{t('keyFigures.ofNetwork', { network: figure.network })}</span>}
      </p>
      {figure.own ? (
        <p className="kf-current">
          {t('keyFigures.ownValue', { name: municipality, year })}: <strong>{fmt(figure.own.value)}</strong>{' '}
          <OriginBadge origin={figure.own.origin} />
        </p>
      ) : (
        <p className="kf-current">
          {t('keyFigures.noOwnValue', { name: municipality, year })}{' '}
          <Link to="/reifegrad/kennzahlen">{t('keyFigures.enterValue')}</Link>
        </p>
      )}
      {sentences.length > 0 && (
        <ul className="kf-quarters">
          {sentences.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
      {shown.length > 0 ? (
        <BoxPlot
          label={t('keyFigures.boxPlotLabel', { name: figure.name, year })}
          groups={shown.map((g) => ({ key: g.key, label: groupLabel(t, g, context), ...g.distribution! }))}
          own={
            figure.own ? { value: figure.own.value, label: t('keyFigures.ownMarker', { name: municipality }) } : null
          }
          format={fmt}
          axisFormat={(v) => fmtTick(v, figure.decimals, figure.unit)}
        />
      ) : (
        <p>{t('keyFigures.noGroupShown', { year })}</p>
      )}
      {hidden.length > 0 && (
        <>
          <h3 className="kf-hidden-title">{t('keyFigures.hiddenTitle')}</h3>
          <ul className="kf-hidden">
            {hidden.map((g) => (
              <li key={g.key}>
                <strong>{groupLabel(t, g, context)}:</strong> {hiddenReason(t, g, threshold)}
              </li>
            ))}
          </ul>
        </>
      )}
      <Trend figure={figure} context={context} ownName={municipality} />
    </Panel>
  );
}
