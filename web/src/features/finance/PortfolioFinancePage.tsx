import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { StackedBars } from '../../components/StackedBars';
import { TableWrap } from '../../components/TableWrap';
import { fmtDate, fmtEuro, fmtEuroThousands } from '../../lib/format';
import { type PortfolioFinance as Data, portfolioFinanceQuery } from './queries';

function Pivot({
  data,
  by,
  caption,
  label,
}: {
  data: Data;
  by: 'category' | 'budgetLine';
  caption: string;
  label: (k: string) => string;
}) {
  const { t } = useTranslation();
  const years = [...new Set(data.rows.map((r) => r.year))].sort();
  const keys = [...new Set(data.rows.map((r) => r[by]))].sort();
  const cell = (k: string, y: number) =>
    data.rows.filter((r) => r[by] === k && r.year === y).reduce((s, r) => s + r.cents, 0);
  return (
    <TableWrap label={caption}>
      <table className="data numbers">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{by === 'category' ? t('finance.category') : t('finance.budgetLine')}</th>
            {years.map((y) => (
              <th scope="col" key={y}>
                {y}
              </th>
            ))}
            <th scope="col">{t('finance.sum')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k}>
              <th scope="row">{label(k)}</th>
              {years.map((y) => (
                <td key={y}>{fmtEuro(cell(k, y), true)}</td>
              ))}
              <td>
                {fmtEuro(
                  years.reduce((s, y) => s + cell(k, y), 0),
                  true,
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Multi-year budget across all running projects, risk exposure and funding deadlines; XLSX export. */
export function PortfolioFinancePage() {
  const { t } = useTranslation();
  const q = useQuery(portfolioFinanceQuery());
  const cat = (k: string) => (k === 'staff' ? t('finance.staff') : t(`finance.categories.${k}`));
  if (!q.data)
    return (
      <Page title={t('finance.portfolio.title')}>
        <Pending query={q} />
      </Page>
    );
  const d = q.data;
  const years = [...new Set(d.rows.map((r) => r.year))].sort();
  const categories = [...new Set(d.rows.map((r) => r.category))].sort();
  return (
    <Page title={t('finance.portfolio.title')} crumbs={[{ to: '/projekte', label: t('projects.title') }]}>
      <p>{t('finance.portfolio.intro', { years: d.horizonYears })}</p>
      <div className="card-grid">
        <section className="card" aria-labelledby="c-exposure">
          <h2 id="c-exposure">{t('finance.portfolio.exposure')}</h2>
          <p className="figure">{fmtEuro(d.exposure.cents, true)}</p>
          <p>{t('finance.portfolio.exposureText', { count: d.exposure.risks })}</p>
        </section>
        <section className="card" aria-labelledby="c-deadlines">
          <h2 id="c-deadlines">{t('finance.portfolio.deadlines')}</h2>
          {d.deadlines.length === 0 ? (
            <Empty>{t('finance.portfolio.noDeadlines')}</Empty>
          ) : (
            <ul className="plain">
              {d.deadlines.map((x) => (
                <li key={`${x.projectId}${x.programme}`}>
                  {fmtDate(x.deadline)}: {x.programme} (
                  <Link to={`/projekte/${x.projectId}/finanzen`}>{x.project}</Link>,{' '}
                  {t(`finance.fundingStatus.${x.status}`)})
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <p>
        <a className="btn secondary" href="/api/v1/finance/portfolio.xlsx" download>
          {t('finance.portfolio.xlsx')}
        </a>
      </p>
      {d.rows.length === 0 ? (
        <Empty>{t('finance.portfolio.empty')}</Empty>
      ) : (
        <Panel title={t('finance.portfolio.byYear')}>
          <StackedBars
            labels={years.map(String)}
            format={fmtEuroThousands}
            series={categories.map((c) => ({
              name: cat(c),
              values: years.map((y) =>
                d.rows.filter((r) => r.category === c && r.year === y).reduce((s, r) => s + r.cents, 0),
              ),
            }))}
          />
          <Pivot data={d} by="category" caption={t('finance.portfolio.byCategory')} label={cat} />
          <Pivot
            data={d}
            by="budgetLine"
            caption={t('finance.portfolio.byBudgetLine')}
            label={(k) => k || t('finance.portfolio.noBudgetLine')}
          />
        </Panel>
      )}
    </Page>
  );
}
