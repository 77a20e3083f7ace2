import { type Criterion, criteriaSave, rankMoves, rankProjects } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { type Column, DataTable } from '../../components/DataTable';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { fmtNumber } from '../../lib/format';
import { validate } from '../../lib/validate';
import { type CriteriaInput, prioritiesQuery, useRefreshPriorities, useSaveCriteria } from './queries';

type Ranked = ReturnType<typeof rankProjects>[number];

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
  const q = useQuery(prioritiesQuery);
  const saveCriteria = useSaveCriteria();
  const refresh = useRefreshPriorities();
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
  const move = (mv: number) =>
    mv > 0
      ? `▲ ${t('projects.priorities.up', { count: mv })}`
      : mv < 0
        ? `▼ ${t('projects.priorities.down', { count: -mv })}`
        : t('projects.priorities.same');
  const columns: Column<Ranked>[] = [
    { header: t('projects.priorities.rank'), cell: (r) => r.rank ?? '–' },
    { header: t('projects.fields.title'), cell: (r) => <Link to={`/projekte/${r.id}`}>{r.title}</Link> },
    { header: t('projects.score'), cell: (r) => fmtNumber(r.score, 1) },
    ...(alt ? [{ header: t('projects.priorities.change'), cell: (r: Ranked) => move(moves[r.id] ?? 0) }] : []),
    {
      header: t('projects.priorities.complete'),
      cell: (r) =>
        r.score === null
          ? t('projects.priorities.unscored')
          : r.complete
            ? t('common.yes')
            : t('projects.priorities.partial'),
    },
  ];
  async function save() {
    if (!edit) return;
    const body: CriteriaInput = { version: data.version, criteria: edit };
    const [invalid] = Object.values(validate(criteriaSave, body, t));
    if (invalid) return setMsg({ kind: 'error', text: invalid });
    try {
      await saveCriteria.mutateAsync(body);
      setEdit(null);
      setMsg({ kind: 'success', text: t('common.saved') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        await refresh();
        setMsg({ kind: 'warning', text: t('errors.version_conflict') });
      } else setMsg({ kind: 'error', text: errorMessage(err, t, true) });
    }
  }
  return (
    <Page title={t('projects.priorities.title')} crumbs={[{ to: '/projekte', label: t('projects.title') }]}>
      <p>{t('projects.priorities.intro')}</p>
      <div aria-live="polite">{msg && <Alert kind={msg.kind}>{msg.text}</Alert>}</div>
      <Panel title={alt ? t('projects.priorities.whatIfRanking') : t('projects.priorities.ranking')} id="h-ranking">
        <DataTable
          label={t('projects.priorities.ranking')}
          rows={shown}
          rowKey={(r) => r.id}
          empty={t('projects.priorities.empty')}
          columns={columns}
        />
      </Panel>
      <Panel title={t('projects.priorities.whatIf')} id="h-whatif">
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
      </Panel>
      <Panel title={t('projects.priorities.criteria')} id="h-criteria">
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
      </Panel>
    </Page>
  );
}
