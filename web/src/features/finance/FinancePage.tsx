import { BUDGET_SIMULATION, projectSimulationInput, type SimulationResult } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BarChart } from '../../components/BarChart';
import { Button } from '../../components/Button';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { LineChart, StackedBars } from '../../components/StackedBars';
import { TableWrap } from '../../components/TableWrap';
import { fmtDate, fmtEuro, fmtEuroThousands, fmtNumber, fmtPercent } from '../../lib/format';
import { CostPlanForm } from './CostPlanForm';
import { DecisionPaper } from './DecisionPaper';
import { type Finance, financeQuery, type Project, projectQuery, type Risks, risksQuery } from './queries';
import { RiskRegister } from './RiskRegister';

/** The date `weeks` after an ISO date (the simulated end date). */
const addWeeks = (iso: string, weeks: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);

const euroK = fmtEuroThousands;

function Overview({ f }: { f: Finance }) {
  const { t } = useTranslation();
  const c = f.computed;
  return (
    <Panel title={t('finance.overview')}>
      <dl className="facts">
        <dt>{t('finance.tco', { years: f.settings.horizonYears })}</dt>
        <dd>{fmtEuro(c.total)}</dd>
        <dt>{t('finance.fundingTotal')}</dt>
        <dd>{fmtEuro(c.fundingTotal)}</dd>
        <dt>{t('finance.netCost')}</dt>
        <dd>
          <strong>{fmtEuro(c.netCost)}</strong>
        </dd>
        {c.fundingPending > 0 && (
          <>
            <dt>{t('finance.fundingPending')}</dt>
            <dd>{fmtEuro(c.fundingPending)}</dd>
          </>
        )}
        <dt>{t('finance.perInhabitant', { n: fmtNumber(f.population), years: f.settings.horizonYears })}</dt>
        <dd>{fmtEuro(c.perInhabitant)}</dd>
        <dt>{t('finance.benefitsTotal')}</dt>
        <dd>{fmtEuro(c.benefitsTotal)}</dd>
        <dt>{t('finance.npv')}</dt>
        <dd>
          {fmtEuro(c.npv)}{' '}
          <span className="muted">
            ({t('finance.discount', { rate: fmtNumber(f.settings.discountRate * 100, 1) })})
          </span>
        </dd>
        <dt>{t('finance.amortisation')}</dt>
        <dd>
          {c.amortisationYear === null
            ? t('finance.noAmortisation')
            : t('finance.yearN', { n: c.amortisationYear + 1 })}
        </dd>
        <dt>{t('finance.points')}</dt>
        <dd>{t('finance.pointsText', { d: c.points.urgency, q: c.points.strategic, e: c.points.external })}</dd>
        {f.budgetAvailableCents !== null && (
          <>
            <dt>{t('finance.budgetAvailable')}</dt>
            <dd>
              {fmtEuro(f.budgetAvailableCents)} {f.budgetLine && `(${f.budgetLine})`}
            </dd>
          </>
        )}
      </dl>
      <Alert kind={c.hint.recommended ? 'success' : 'warning'}>
        <strong>{c.hint.recommended ? t('finance.hint.yes') : t('finance.hint.no')}</strong>{' '}
        {c.hint.reasons.length
          ? c.hint.reasons.map((r) => t(`finance.hint.${r}`, { d: c.points.urgency, q: c.points.strategic })).join(' ')
          : t('finance.hint.none')}
      </Alert>
      <p className="muted">{t('finance.discountSource', { source: f.settings.discountRateSource })}</p>
    </Panel>
  );
}

function Lifecycle({ f }: { f: Finance }) {
  const { t } = useTranslation();
  const years = f.computed.years;
  const labels = years.map((y) => t('finance.yearN', { n: y.year + 1 }));
  return (
    <Panel title={t('finance.lifecycle')}>
      <StackedBars
        labels={labels}
        format={euroK}
        series={Object.entries(f.computed.byCategoryYear).map(([k, values]) => ({
          name: k === 'staff' ? t('finance.staff') : t(`finance.categories.${k}`),
          values,
        }))}
      />
      <TableWrap label={t('finance.lifecycle')}>
        <table className="data numbers">
          <caption>{t('finance.lifecycleTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('finance.year')}</th>
              <th scope="col">{t('finance.kinds.one_time')}</th>
              <th scope="col">{t('finance.kinds.recurring')}</th>
              <th scope="col">{t('finance.staff')}</th>
              <th scope="col">{t('finance.costTotal')}</th>
              <th scope="col">{t('finance.funding')}</th>
              <th scope="col">{t('finance.benefits')}</th>
              <th scope="col">{t('finance.net')}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y, i) => (
              <tr key={y.year}>
                <th scope="row">{labels[i]}</th>
                <td>{fmtEuro(y.oneTime, true)}</td>
                <td>{fmtEuro(y.recurring, true)}</td>
                <td>{fmtEuro(y.staff, true)}</td>
                <td>{fmtEuro(y.cost, true)}</td>
                <td>{fmtEuro(y.funding, true)}</td>
                <td>{fmtEuro(y.benefits, true)}</td>
                <td>{fmtEuro(y.net, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <TableWrap label={t('finance.byCategory')}>
        <table className="data numbers">
          <caption>{t('finance.byCategory')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('finance.category')}</th>
              {labels.map((l) => (
                <th scope="col" key={l}>
                  {l}
                </th>
              ))}
              <th scope="col">{t('finance.sum')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(f.computed.byCategoryYear).map(([k, values]) => (
              <tr key={k}>
                <th scope="row">{k === 'staff' ? t('finance.staff') : t(`finance.categories.${k}`)}</th>
                {values.map((v, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one cell per year of the horizon
                  <td key={i}>{fmtEuro(v, true)}</td>
                ))}
                <td>{fmtEuro(f.computed.byCategory[k] ?? 0, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Panel>
  );
}

/** Monte Carlo in a web worker: the page stays responsive while 100,000 iterations run. */
function Simulation({ f, risks, project }: { f: Finance; risks: Risks['items']; project: Project }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<SimulationResult | null>(null);
  const [running, setRunning] = useState(false);
  function run() {
    setRunning(true);
    const worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<SimulationResult>) => {
      setResult(e.data);
      setRunning(false);
      worker.terminate();
    };
    worker.postMessage({
      ...projectSimulationInput(f, f.settings.rates, f.settings.horizonYears, risks, project),
      ...BUDGET_SIMULATION,
    });
  }
  return (
    <Panel title={t('finance.simulation.title')}>
      <p>{t('finance.simulation.intro')}</p>
      <Button onPress={run} isDisabled={running}>
        {running ? t('finance.simulation.running') : t('finance.simulation.run')}
      </Button>
      <div aria-live="polite">
        {result && (
          <>
            <Alert kind="info">
              {t('finance.simulation.recommendation', {
                p80: fmtEuro(result.p80, true),
                planned: fmtEuro(f.computed.total, true),
              })}
              {result.expectedBase !== f.computed.total && (
                <> {t('finance.simulation.meanDiffers', { mean: fmtEuro(result.expectedBase, true) })}</>
              )}
            </Alert>
            <dl className="facts">
              <dt>P50</dt>
              <dd>{fmtEuro(result.p50, true)}</dd>
              <dt>P80</dt>
              <dd>
                <strong>{fmtEuro(result.p80, true)}</strong>
              </dd>
              <dt>P95</dt>
              <dd>{fmtEuro(result.p95, true)}</dd>
              <dt>{t('finance.simulation.weeks')}</dt>
              <dd>
                {t('finance.simulation.weeksText', {
                  p50: result.weeks.p50,
                  p80: result.weeks.p80,
                  p95: result.weeks.p95,
                })}
              </dd>
              {project.startsOn && (
                <>
                  <dt>{t('finance.simulation.end')}</dt>
                  <dd>
                    {t('finance.simulation.endText', {
                      p50: fmtDate(addWeeks(project.startsOn, result.weeks.p50)),
                      p80: fmtDate(addWeeks(project.startsOn, result.weeks.p80)),
                      p95: fmtDate(addWeeks(project.startsOn, result.weeks.p95)),
                    })}
                  </dd>
                </>
              )}
            </dl>
          </>
        )}
      </div>
      {result && (
        <div className="chart-pair">
          <div>
            <h3>{t('finance.simulation.histogram')}</h3>
            <BarChart
              labels={result.histogram.map((b) => `${euroK(b.from)} – ${euroK(b.to)}`)}
              values={result.histogram.map((b) => b.count)}
            />
          </div>
          <div>
            <h3>{t('finance.simulation.sCurve')}</h3>
            <LineChart
              points={result.sCurve.map((p) => [p.cost, p.probability])}
              formatX={euroK}
              formatY={(v) => fmtPercent(v, 0)}
            />
            <TableWrap label={t('finance.simulation.sCurve')}>
              <table className="data numbers">
                <caption>{t('finance.simulation.sCurveTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('finance.simulation.budget')}</th>
                    <th scope="col">{t('finance.simulation.probability')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.sCurve
                    .filter((_, i) => i % 4 === 0)
                    .map((p) => (
                      <tr key={p.cost}>
                        <td>{fmtEuro(p.cost, true)}</td>
                        <td>{fmtPercent(p.probability, 0)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </TableWrap>
          </div>
        </div>
      )}
    </Panel>
  );
}

function Alternatives({ f }: { f: Finance }) {
  const { t } = useTranslation();
  const a = f.computed.alternatives;
  const rows: [string, number | null][] = [
    [t('finance.alt.alone'), a.alone],
    [t('finance.alt.withPartners'), a.withPartners],
    [t('finance.alt.sharedService'), a.sharedService],
    [t('finance.alt.doNothing'), a.doNothing],
  ];
  const shown = rows.filter(([, v]) => v !== null) as [string, number][];
  return (
    <Panel id="h-alt" title={t('finance.alt.title', { years: f.settings.horizonYears })}>
      <BarChart
        labels={shown.map(([l]) => l)}
        values={shown.map(([, v]) => v)}
        format={(v) => fmtEuro(v, true)}
        axisFormat={fmtEuroThousands}
      />
      <TableWrap label={t('finance.alt.title', { years: f.settings.horizonYears })}>
        <table className="data numbers">
          <caption>{t('finance.alt.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('finance.alt.option')}</th>
              <th scope="col">{t('finance.alt.ownCost')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([l, v]) => (
              <tr key={l}>
                <th scope="row">{l}</th>
                <td>{v === null ? t('finance.alt.notEntered') : fmtEuro(v, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {a.partnerShares.length > 1 && (
        <>
          <h3>{t('finance.alt.shares')}</h3>
          <ul className="plain">
            {a.partnerShares.map((p) => (
              <li key={p.name}>
                {p.name}: {fmtEuro(p.cents)}
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}

/** Costs and risks of a project: overview, lifecycle, cost plan, risk register, simulation, alternatives. */
export function FinancePage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const project = useQuery(projectQuery(projectId));
  const f = useQuery(financeQuery(projectId));
  const risks = useQuery(risksQuery(projectId));
  const title = project.data ? t('finance.pageTitle', { title: project.data.title }) : t('finance.title');
  if (!f.data || !project.data)
    return (
      <Page title={title}>
        <Pending queries={[f, project]} />
      </Page>
    );
  return (
    <Page
      title={title}
      crumbs={[
        { to: '/projekte', label: t('projects.title') },
        { to: `/projekte/${projectId}`, label: project.data.title },
      ]}
    >
      <Overview f={f.data} />
      <Lifecycle f={f.data} />
      {f.data.can.edit ? (
        <CostPlanForm f={f.data} projectId={projectId} />
      ) : (
        <p className="muted">{t('finance.readOnly')}</p>
      )}
      <RiskRegister projectId={projectId} />
      {risks.data && <Simulation f={f.data} risks={risks.data.items} project={project.data} />}
      <Alternatives f={f.data} />
      <DecisionPaper projectId={projectId} canEdit={Boolean(f.data.can.edit)} />
      <p>
        <Link to="/finanzen/einstellungen">{t('finance.settingsLink')}</Link>
      </p>
    </Page>
  );
}
