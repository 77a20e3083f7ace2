import { type Criterion, type priorities, rankMoves, rankProjects } from '@dz/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { ApiError, api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { fmtNumber } from '../../lib/format';

type Prio = z.infer<typeof priorities>;

function Weights({
  criteria,
  onChange,
  idPrefix,
}: {
  criteria: Criterion[];
  onChange: (c: Criterion[]) => void;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  return (
    <>
      <div className="weights">
        {criteria.map((c, i) => (
          <div className="field" key={c.key}>
            <label htmlFor={`${idPrefix}-${c.key}`}>
              {c.name} ({t(`projects.scoring.direction.${c.direction}`)})
            </label>
            <div className="weight-input">
              <input
                id={`${idPrefix}-${c.key}`}
                type="range"
                min={0}
                max={100}
                step={5}
                value={c.weight}
                aria-valuetext={t('projects.priorities.weightText', { weight: c.weight })}
                onChange={(e) =>
                  onChange(criteria.map((x, j) => (j === i ? { ...x, weight: Number(e.target.value) } : x)))
                }
              />
              <output htmlFor={`${idPrefix}-${c.key}`}>{c.weight}</output>
            </div>
          </div>
        ))}
      </div>
      <p className="muted">{t('projects.priorities.weightSum', { sum })}</p>
    </>
  );
}

/**
 * Ranked list by weighted score (computed in core), the municipality's criteria, and a what-if panel that
 * changes weights without saving and shows how the ranking moves.
 */
export function PrioritiesPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['priorities'], queryFn: () => api<Prio>('/priorities') });
  const [whatIf, setWhatIf] = useState<Criterion[] | null>(null);
  const [edit, setEdit] = useState<Criterion[] | null>(null);
  const [msg, setMsg] = useState<{ kind: 'success' | 'warning' | 'error'; text: string }>();
  if (!q.data)
    return (
      <Page title={t('projects.priorities.title')}>
        <Pending query={q} />
      </Page>
    );
  const data = q.data;
  const base = rankProjects(data.criteria, data.projects);
  const alt = whatIf ? rankProjects(whatIf, data.projects) : null;
  const moves = alt ? rankMoves(base, alt) : {};
  const shown = alt ?? base;
  async function save() {
    if (!edit) return;
    try {
      const res = await api<Prio>('/priorities/criteria', {
        method: 'PUT',
        body: { version: data.version, criteria: edit },
      });
      qc.setQueryData(['priorities'], res);
      void qc.invalidateQueries({ queryKey: ['projects'] });
      setEdit(null);
      setMsg({ kind: 'success', text: t('common.saved') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        await qc.invalidateQueries({ queryKey: ['priorities'] });
        setMsg({ kind: 'warning', text: t('errors.version_conflict') });
      } else setMsg({ kind: 'error', text: errorMessage(err, t, true) });
    }
  }
  return (
    <Page title={t('projects.priorities.title')} crumbs={[{ to: '/projekte', label: t('projects.title') }]}>
      <p>{t('projects.priorities.intro')}</p>
      <div aria-live="polite">{msg && <Alert kind={msg.kind}>{msg.text}</Alert>}</div>
      <section className="panel" aria-labelledby="h-ranking">
        <h2 id="h-ranking">{alt ? t('projects.priorities.whatIfRanking') : t('projects.priorities.ranking')}</h2>
        {data.projects.length === 0 ? (
          <Empty>{t('projects.priorities.empty')}</Empty>
        ) : (
          <TableWrap label={t('projects.priorities.ranking')}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('projects.priorities.rank')}</th>
                  <th scope="col">{t('projects.fields.title')}</th>
                  <th scope="col">{t('projects.score')}</th>
                  {alt && <th scope="col">{t('projects.priorities.change')}</th>}
                  <th scope="col">{t('projects.priorities.complete')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => {
                  const mv = moves[r.id] ?? 0;
                  return (
                    <tr key={r.id}>
                      <td>{r.rank ?? '–'}</td>
                      <td>
                        <Link to={`/projekte/${r.id}`}>{r.title}</Link>
                      </td>
                      <td>{fmtNumber(r.score, 1)}</td>
                      {alt && (
                        <td>
                          {mv > 0
                            ? `▲ ${t('projects.priorities.up', { count: mv })}`
                            : mv < 0
                              ? `▼ ${t('projects.priorities.down', { count: -mv })}`
                              : t('projects.priorities.same')}
                        </td>
                      )}
                      <td>
                        {r.score === null
                          ? t('projects.priorities.unscored')
                          : r.complete
                            ? t('common.yes')
                            : t('projects.priorities.partial')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      <section className="panel" aria-labelledby="h-whatif">
        <h2 id="h-whatif">{t('projects.priorities.whatIf')}</h2>
        <p>{t('projects.priorities.whatIfIntro')}</p>
        {whatIf ? (
          <>
            <Weights criteria={whatIf} onChange={setWhatIf} idPrefix="wi" />
            <Button variant="secondary" onPress={() => setWhatIf(null)}>
              {t('projects.priorities.whatIfReset')}
            </Button>
          </>
        ) : (
          <Button variant="secondary" onPress={() => setWhatIf(data.criteria.map((c) => ({ ...c })))}>
            {t('projects.priorities.whatIfStart')}
          </Button>
        )}
      </section>
      <section className="panel" aria-labelledby="h-criteria">
        <h2 id="h-criteria">{t('projects.priorities.criteria')}</h2>
        {edit ? (
          <>
            <Weights criteria={edit} onChange={setEdit} idPrefix="cr" />
            <div className="btn-row">
              <Button onPress={() => void save()}>{t('projects.priorities.saveWeights')}</Button>
              <Button variant="secondary" onPress={() => setEdit(null)}>
                {t('common.cancel')}
              </Button>
            </div>
          </>
        ) : (
          <>
            <ul>
              {data.criteria.map((c) => (
                <li key={c.key}>
                  {c.name}: {t('projects.priorities.weightText', { weight: c.weight })} (
                  {t(`projects.scoring.direction.${c.direction}`)})
                </li>
              ))}
            </ul>
            {data.can.configure && (
              <Button variant="secondary" onPress={() => setEdit(data.criteria.map((c) => ({ ...c })))}>
                {t('projects.priorities.editWeights')}
              </Button>
            )}
          </>
        )}
      </section>
    </Page>
  );
}
