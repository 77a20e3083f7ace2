import { LAENDER, LAND_CODES, localText, type Question } from '@dz/core/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BarChart } from '../../components/BarChart';
import { SelectField } from '../../components/Field';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { TableWrap } from '../../components/TableWrap';
import { fmtNumber } from '../../lib/format';
import { resultsQuery, type Survey, type SurveyResults } from './queries';
import { useSurvey } from './SurveyPage';
import { WorkshopFromSurvey } from './SurveyShortcuts';

type Group = SurveyResults['groups'][number];
type Stats = Group['questions'][number];

function useLabels(q: Question) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const value = (v: string) => {
    const o = q.options?.find((x) => x.id === v);
    if (o) return localText(o.label, lang);
    const sl = q.scaleLabels?.[Number(v) - 1];
    return sl ? `${v} – ${localText(sl, lang)}` : v;
  };
  const item = (id: string) => localText(q.items?.find((x) => x.id === id)?.label, lang) || id;
  return { value, item, lang };
}

/** Value rows (options or scale points 1–5) with counts, in the question's own order. */
function distributionRows(q: Question, st: Stats, itemId = '') {
  const counts = new Map(st.distribution.filter((d) => d.itemId === itemId).map((d) => [d.value, d.count]));
  const keys =
    q.type === 'scale' || q.type === 'matrix' ? ['1', '2', '3', '4', '5'] : (q.options ?? []).map((o) => o.id);
  return keys.map((k) => ({ key: k, count: counts.get(k) ?? 0 }));
}

export function QuestionResult({ q, st, caption }: { q: Question; st: Stats; caption: string }) {
  const { t } = useTranslation();
  const L = useLabels(q);
  if (st.suppressed) return <p className="hint">{t('surveys.questionSuppressed')}</p>;
  if (st.answered === 0) return <p className="hint">{t('surveys.noAnswers')}</p>;
  const summary = (
    <p>
      {t('surveys.answeredCount', { count: st.answered })}
      {st.mean !== null &&
        ` · ${t('surveys.mean')} ${fmtNumber(st.mean, 2)} · ${t('surveys.median')} ${fmtNumber(st.median, 1)}`}
    </p>
  );
  if (q.type === 'text')
    return (
      <>
        {summary}
        <ul className="texts">
          {st.texts.map((x, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: texts carry no id by design (no attribution)
            <li key={i}>{x}</li>
          ))}
        </ul>
      </>
    );
  if (q.type === 'number') return summary;
  if (q.type === 'ranking') {
    return (
      <>
        {summary}
        <div className="chart-pair">
          <BarChart labels={st.borda.map((b) => L.value(b.option))} values={st.borda.map((b) => b.points)} />
          <table className="data">
            <caption>{t('surveys.bordaCaption', { caption })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.option')}</th>
                <th scope="col" className="num">
                  {t('surveys.bordaPoints')}
                </th>
              </tr>
            </thead>
            <tbody>
              {st.borda.map((b) => (
                <tr key={b.option}>
                  <td>{L.value(b.option)}</td>
                  <td className="num">{fmtNumber(b.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }
  if (q.type === 'matrix') {
    return (
      <>
        {summary}
        <div className="chart-pair">
          <BarChart
            labels={st.items.map((i) => L.item(i.itemId))}
            values={st.items.map((i) => Number((i.mean ?? 0).toFixed(2)))}
            max={5}
          />
          <TableWrap label={caption}>
            <table className="data">
              <caption>{t('surveys.matrixCaption', { caption })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('surveys.item')}</th>
                  <th scope="col" className="num">
                    {t('surveys.mean')}
                  </th>
                  <th scope="col" className="num">
                    {t('surveys.median')}
                  </th>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <th key={n} scope="col" className="num">
                      {L.value(String(n))}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {st.items.map((i) => (
                  <tr key={i.itemId}>
                    <th scope="row">{L.item(i.itemId)}</th>
                    <td className="num">{fmtNumber(i.mean, 2)}</td>
                    <td className="num">{fmtNumber(i.median, 1)}</td>
                    {distributionRows(q, st, i.itemId).map((d) => (
                      <td key={d.key} className="num">
                        {d.count}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </div>
      </>
    );
  }
  const rows = distributionRows(q, st);
  return (
    <>
      {summary}
      <div className="chart-pair">
        <BarChart labels={rows.map((r) => L.value(r.key))} values={rows.map((r) => r.count)} />
        <table className="data">
          <caption>{t('surveys.distributionCaption', { caption })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('surveys.option')}</th>
              <th scope="col" className="num">
                {t('surveys.count')}
              </th>
              <th scope="col" className="num">
                {t('surveys.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{L.value(r.key)}</td>
                <td className="num">{r.count}</td>
                <td className="num">{fmtNumber((r.count / st.answered) * 100, 0)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Groups side by side: answered, mean and median per group for one question. */
function Comparison({ q, groups }: { q: Question; groups: Group[] }) {
  const { t } = useTranslation();
  const L = useLabels(q);
  const shown = groups;
  if (!['scale', 'number', 'matrix', 'single', 'multiple'].includes(q.type)) return null;
  const rows = shown.flatMap((g) => {
    const st = g.questions.find((x) => x.questionId === q.id);
    if (!st) return [];
    if (q.type === 'matrix')
      return st.items.map((i) => ({
        key: `${g.key}-${i.itemId}`,
        group: `${g.label} · ${L.item(i.itemId)}`,
        n: i.answered,
        mean: i.mean,
        median: i.median,
        suppressed: st.suppressed,
      }));
    return [
      { key: g.key, group: g.label, n: st.answered, mean: st.mean, median: st.median, suppressed: st.suppressed, st },
    ];
  });
  return (
    <TableWrap label={t('surveys.comparison')}>
      <table className="data">
        <caption>{t('surveys.comparisonCaption', { question: localText(q.text, L.lang) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('surveys.group')}</th>
            <th scope="col" className="num">
              {t('surveys.answered')}
            </th>
            {q.type === 'single' || q.type === 'multiple' ? (
              (q.options ?? []).map((o) => (
                <th key={o.id} scope="col" className="num">
                  {L.value(o.id)}
                </th>
              ))
            ) : (
              <>
                <th scope="col" className="num">
                  {t('surveys.mean')}
                </th>
                <th scope="col" className="num">
                  {t('surveys.median')}
                </th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.group}</th>
              <td className="num">{r.suppressed ? '–' : r.n}</td>
              {q.type === 'single' || q.type === 'multiple' ? (
                distributionRows(q, (r as unknown as { st: Stats }).st).map((d) => (
                  <td key={d.key} className="num">
                    {r.suppressed ? '–' : d.count}
                  </td>
                ))
              ) : (
                <>
                  <td className="num">{fmtNumber(r.mean, 2)}</td>
                  <td className="num">{fmtNumber(r.median, 1)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** What is shown when, in plain words (the rules behind every number on this page). */
function PrivacyNote({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  return (
    <details className="panel">
      <summary>{t('surveys.privacyTitle')}</summary>
      <ul>
        {(['closed', 'threshold', 'groups', 'texts', 'raw'] as const).map((k) => (
          <li key={k}>{t(`surveys.privacy.${k}`, { count: threshold })}</li>
        ))}
      </ul>
    </details>
  );
}

function Results({ s }: { s: Survey }) {
  const { t, i18n } = useTranslation();
  const [groupBy, setGroupBy] = useState('none');
  const [sizeClass, setSizeClass] = useState('');
  const [land, setLand] = useState('');
  const qs = new URLSearchParams({
    groupBy,
    ...(sizeClass ? { sizeClass } : {}),
    ...(land ? { land } : {}),
  }).toString();
  const r = useQuery(resultsQuery(s.id, qs));
  const lang = i18n.language;
  if (s.status !== 'closed')
    return (
      <>
        <Alert kind="info">{t('surveys.resultsAfterClose')}</Alert>
        <PrivacyNote threshold={s.threshold} />
      </>
    );
  return (
    <>
      <PrivacyNote threshold={s.threshold} />
      <form className="filters panel" aria-label={t('surveys.resultFilters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          name="groupBy"
          label={t('surveys.groupBy')}
          value={groupBy}
          onChange={setGroupBy}
          options={['none', 'sizeClass', 'land', 'network'].map((g) => ({
            value: g,
            label: t(`surveys.groupings.${g}`),
          }))}
        />
        <SelectField
          name="sizeClass"
          label={t('surveys.filterSizeClass')}
          value={sizeClass}
          onChange={setSizeClass}
          options={[
            { value: '', label: t('surveys.all') },
            ...[5, 6, 7].map((g) => ({ value: String(g), label: `GK${g}` })),
          ]}
        />
        <SelectField
          name="land"
          label={t('surveys.filterLand')}
          value={land}
          onChange={setLand}
          options={[
            { value: '', label: t('surveys.all') },
            ...LAND_CODES.map((c) => ({ value: c, label: LAENDER[c]?.name ?? c })),
          ]}
        />
      </form>
      <div className="btn-row">
        <a className="btn secondary" href={`/api/v1/surveys/${s.id}/results.csv?${qs}`} download>
          {t('surveys.downloadCsv')}
        </a>
        <a className="btn secondary" href={`/api/v1/surveys/${s.id}/results.xlsx?${qs}`} download>
          {t('surveys.downloadXlsx')}
        </a>
        {s.can.manage && (
          <a className="btn secondary" href={`/api/v1/surveys/${s.id}/raw.csv`} download aria-describedby="raw-hint">
            {t('surveys.downloadRaw')}
          </a>
        )}
      </div>
      {s.can.manage && (
        <p id="raw-hint" className="hint">
          {t('surveys.rawHint')}
        </p>
      )}
      {!r.data ? (
        <Pending query={r} />
      ) : !r.data.released ? (
        <Alert kind="info">{t('surveys.resultsAfterClose')}</Alert>
      ) : r.data.suppressed ? (
        <Alert kind="info">{t('surveys.allSuppressed', { count: r.data.threshold })}</Alert>
      ) : (
        <div aria-live="polite">
          <p>
            {t('surveys.evaluated', { count: r.data.responses, threshold: r.data.threshold })}
            {r.data.hiddenGroups > 0 &&
              ` ${t('surveys.hiddenGroups', { count: r.data.hiddenGroups, threshold: r.data.threshold })}`}
          </p>
          {s.definition.sections.map((sec) => (
            <Panel key={sec.id} id={`r-${sec.id}`} title={localText(sec.title, lang)}>
              {sec.questions.map((q) => {
                const overall = r.data.groups[0]?.questions.find((x) => x.questionId === q.id);
                const caption = localText(q.text, lang);
                return (
                  <article key={q.id} className="result">
                    <h3>{caption}</h3>
                    {overall ? (
                      <QuestionResult q={q} st={overall} caption={caption} />
                    ) : (
                      <Empty>{t('surveys.noAnswers')}</Empty>
                    )}
                    {r.data.groups.length > 1 && <Comparison q={q} groups={r.data.groups.slice(1)} />}
                  </article>
                );
              })}
            </Panel>
          ))}
        </div>
      )}
    </>
  );
}

export function SurveyResultsPage() {
  const { t } = useTranslation();
  const { surveyId = '' } = useParams();
  const s = useSurvey(surveyId);
  const [error, setError] = useState<string>();
  if (!s.data)
    return (
      <Page title={t('surveys.results')}>
        <Pending query={s} />
      </Page>
    );
  return (
    <Page
      title={t('surveys.resultsTitle', { title: s.data.title })}
      crumbs={[
        { to: '/umfragen', label: t('surveys.title') },
        { to: `/umfragen/${surveyId}`, label: s.data.title },
      ]}
      actions={s.data.can.workshop ? <WorkshopFromSurvey surveyId={surveyId} onError={setError} /> : undefined}
    >
      {error && <Alert kind="error">{error}</Alert>}
      <Results s={s.data} />
    </Page>
  );
}
