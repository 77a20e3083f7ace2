import { ADKAR_DIMENSIONS, type AdkarDimension, PULSE_GROUPINGS, type PulseGrouping } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Column, DataTable } from '../../components/DataTable';
import { EChart, isNarrow, PALETTE } from '../../components/EChart';
import { SelectField } from '../../components/Field';
import { Alert, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { fmtNumber } from '../../lib/format';
import { type PulseTrend, pulseTrendQuery } from './queries';

type Round = PulseTrend['rounds'][number];
type Group = Round['groups'][number];

const scoreOf = (g: Group | undefined, d: AdkarDimension) => g?.scores.find((s) => s.dimension === d)?.score ?? null;

/**
 * The trend as lines over the rounds (beside tables with the same numbers): per dimension for all respondents,
 * or — grouped — per shown group for one dimension; a suppressed group leaves a gap.
 */
function TrendChart({ trend, dimension }: { trend: PulseTrend; dimension: AdkarDimension }) {
  const { t } = useTranslation();
  const rounds = trend.rounds;
  const labels = rounds.map((r) => r.label);
  const groups = new Map<string, string>();
  for (const r of rounds) for (const g of r.groups) if (!g.suppressed) groups.set(g.key, g.label);
  const series =
    trend.groupBy === 'none'
      ? ADKAR_DIMENSIONS.map((d) => ({
          name: t(`pulse.dimensions.${d}`),
          data: rounds.map((r) => scoreOf(r.groups[0], d)),
        }))
      : [...groups].map(([key, label]) => ({
          name: key === '*' ? t('pulse.all') : label,
          data: rounds.map((r) =>
            scoreOf(
              r.groups.find((g) => g.key === key && !g.suppressed),
              dimension,
            ),
          ),
        }));
  return (
    <EChart
      height={(w) => (isNarrow(w) ? 300 : 340)}
      option={() => ({
        color: PALETTE,
        legend: { bottom: 0, type: 'scroll' },
        grid: { left: 8, right: 24, top: 16, bottom: 48, containLabel: true },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value', min: 1, max: 5, interval: 1 },
        series: series.map((s) => ({ type: 'line', name: s.name, data: s.data, connectNulls: false, symbolSize: 8 })),
      })}
    />
  );
}

/** One round's table: a row per group, a column per dimension; hidden cells say why. */
function RoundTable({ round }: { round: Round }) {
  const { t } = useTranslation();
  const hidden = (g: Group) => (g.reason === 'differencing' ? t('pulse.hiddenDifferencing') : t('pulse.hiddenTooFew'));
  const columns: Column<Group>[] = [
    { header: t('pulse.group'), cell: (g) => (g.key === '*' ? t('pulse.all') : g.label), rowHeader: true },
    {
      header: t('pulse.responses'),
      numeric: true,
      cell: (g) => (g.suppressed ? <span className="muted">{hidden(g)}</span> : fmtNumber(g.responses)),
    },
    ...ADKAR_DIMENSIONS.map(
      (d): Column<Group> => ({
        header: t(`pulse.dimensions.${d}`),
        numeric: true,
        cell: (g) => (g.suppressed ? '–' : fmtNumber(scoreOf(g, d), 1)),
      }),
    ),
  ];
  return (
    <DataTable
      label={t('pulse.roundTable', { round: round.label })}
      caption={t('pulse.roundTable', { round: round.label })}
      columns={columns}
      rows={round.groups}
      rowKey={(g) => g.key}
      empty={t('pulse.noGroups')}
    />
  );
}

/** `manage`: the suggested actions are the coordination's to-do, not shown to everyone who reads the trend. */
export function PulseTrendPanel({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const [groupBy, setGroupBy] = useState<PulseGrouping>('none');
  const [dimension, setDimension] = useState<AdkarDimension>('awareness');
  const trend = useQuery(pulseTrendQuery(groupBy));
  const d = trend.data;
  const shown = d?.rounds.filter((r) => !r.suppressed) ?? [];
  return (
    <>
      <Panel title={t('pulse.trendTitle')} id="h-pulse-trend">
        <p>{t('pulse.trendIntro')}</p>
        <div className="filters">
          <SelectField
            name="groupBy"
            label={t('pulse.groupBy')}
            value={groupBy}
            onChange={(v) => setGroupBy(v as PulseGrouping)}
            options={PULSE_GROUPINGS.map((g) => ({ value: g, label: t(`pulse.groupings.${g}`) }))}
          />
          {groupBy !== 'none' && (
            <SelectField
              name="dimension"
              label={t('pulse.dimension')}
              value={dimension}
              onChange={(v) => setDimension(v as AdkarDimension)}
              options={ADKAR_DIMENSIONS.map((x) => ({ value: x, label: t(`pulse.dimensions.${x}`) }))}
            />
          )}
        </div>
        {!d ? (
          <Pending query={trend} />
        ) : shown.length === 0 ? (
          <Alert kind="info">{t('pulse.noTrend')}</Alert>
        ) : (
          <>
            <TrendChart trend={{ ...d, rounds: shown }} dimension={dimension} />
            <p className="muted">{t('pulse.scale')}</p>
            {[...shown].reverse().map((r) => (
              <RoundTable key={r.roundId} round={r} />
            ))}
            <p className="muted">{t('pulse.hiddenExplained', { threshold: shown[0]?.threshold ?? 5 })}</p>
          </>
        )}
        {d && d.rounds.length > shown.length && (
          <p className="muted">{t('pulse.roundsHidden', { count: d.rounds.length - shown.length })}</p>
        )}
      </Panel>
      {manage && d && shown.length > 0 && (
        <Panel title={t('pulse.actionsTitle')} id="h-pulse-actions">
          {d.weakest.length === 0 ? (
            <p>{t('pulse.noWeak')}</p>
          ) : (
            <ul className="plain">
              {d.weakest.map((w) => (
                <li key={w.dimension}>
                  <h3>
                    {t(`pulse.dimensions.${w.dimension}`)}: {fmtNumber(w.score, 1)}
                  </h3>
                  <p>{w.action}</p>
                  <p>
                    <Link to={w.path}>{w.link}</Link>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      )}
    </>
  );
}
