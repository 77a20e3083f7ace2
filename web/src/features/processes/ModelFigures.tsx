import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../components/DataTable';
import { Alert } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { fmtDecimal, fmtEuro, fmtNumber } from '../../lib/format';
import type { ModelAnalysis, ModelDetail } from './queries';

type Task = ModelAnalysis['tasks'][number];

/** Full-time equivalents with two decimals; a small saving is "unter 0,01", not "0". */
export const fteText = (fte: number) => (fte > 0 && fte < 0.01 ? '< 0,01' : fmtDecimal(fte, 2));

/**
 * What the model costs: per case and per year (from the service's volume), for a to-be variant the savings
 * against the as-is model, the problems that stop the calculation and the assumptions it made, and per step
 * how often it runs, how long it takes and what it costs.
 */
export function ModelFigures({ model, analysis }: { model: ModelDetail; analysis: ModelAnalysis }) {
  const { t } = useTranslation();
  const names = new Map(analysis.elementNames.map((x) => [x.id, x.name]));
  const el = (id: string | null) => (id ? names.get(id) || id : '');
  const e = analysis.effort;
  const s = analysis.savings;
  const columns: Column<Task>[] = [
    { header: t('processes.model.step'), rowHeader: true, cell: (x) => x.name || x.id },
    { header: t('processes.model.visits'), numeric: true, cell: (x) => fmtDecimal(x.visits, 2) },
    { header: t('processes.model.minutes'), numeric: true, cell: (x) => fmtNumber(x.minutes) },
    { header: t('processes.model.payGroup'), cell: (x) => x.payGroup ?? '–' },
    { header: t('processes.model.costPerCase'), numeric: true, cell: (x) => fmtEuro(Math.round(x.centsPerCase)) },
    { header: t('processes.model.mediaBreak'), cell: (x) => (x.mediaBreak ? t('common.yes') : t('common.no')) },
  ];
  return (
    <Panel title={t('processes.model.figures')}>
      {analysis.effortErrors.map((p) => (
        <Alert key={`${p.code}-${p.elementId}`} kind="error">
          {t(`processes.effort.errors.${p.code}`, { element: el(p.elementId) })}
        </Alert>
      ))}
      {e && (
        <dl className="facts">
          <dt>{t('processes.model.perCase')}</dt>
          <dd>
            {t('processes.model.minutesValue', { n: fmtNumber(Math.round(e.minutesPerCase * 10) / 10) })} ·{' '}
            {fmtEuro(Math.round(e.centsPerCase))}
          </dd>
          <dt>{t('processes.model.perYear', { n: fmtNumber(model.casesPerYear, 0) })}</dt>
          <dd>
            {t('processes.hours', { n: fmtNumber(e.hoursPerYear) })} · {fmtEuro(e.centsPerYear, true)}
          </dd>
          <dt>{t('processes.fields.mediaBreaks')}</dt>
          <dd>{fmtNumber(e.mediaBreaks, 0)}</dd>
          {s && (
            <>
              <dt>{t(s.hours < 0 ? 'processes.model.extraVsAsIs' : 'processes.model.savingsVsAsIs')}</dt>
              <dd>
                <strong>
                  {t('processes.model.savingsValue', {
                    hours: fmtNumber(Math.abs(s.hours)),
                    fte: fteText(Math.abs(s.fte)),
                    euros: fmtEuro(Math.abs(s.cents), true),
                  })}
                </strong>
                {s.mediaBreaksRemoved > 0 && (
                  <> · {t('processes.models.mediaBreaksRemoved', { count: s.mediaBreaksRemoved })}</>
                )}
                {s.mediaBreaksRemoved < 0 && (
                  <> · {t('processes.model.mediaBreaksAdded', { count: -s.mediaBreaksRemoved })}</>
                )}
              </dd>
            </>
          )}
        </dl>
      )}
      {model.kind === 'to_be' && !s && e && <p className="muted">{t('processes.model.noAsIs')}</p>}
      {analysis.effortWarnings.length > 0 && (
        <details>
          <summary>{t('processes.model.assumptions', { count: analysis.effortWarnings.length })}</summary>
          <ul>
            {analysis.effortWarnings.map((w) => (
              <li key={`${w.code}-${w.elementId}`}>
                {t(`processes.effort.warnings.${w.code}`, { element: el(w.elementId) })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {analysis.tasks.length > 0 && (
        <DataTable
          label={t('processes.model.tasksLabel')}
          columns={columns}
          rows={analysis.tasks}
          rowKey={(x) => x.id}
          empty=""
        />
      )}
    </Panel>
  );
}
