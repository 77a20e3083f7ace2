import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Alert, Pending } from '../../components/Page';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtNumber } from '../../lib/format';
import { FileField } from './FileField';
import {
  type ImportMode,
  SERVICES_CSV_URL,
  type ServiceImportReport,
  type StarterService,
  starterQuery,
  useAddStarters,
  useImportServices,
} from './queries';
import type { Notice } from './ServiceForm';

/**
 * The starter list: common services of a municipality with case numbers estimated for its population; those already
 * in the inventory are shown checked and cannot be chosen again.
 */
export function StarterPicker({ onDone }: { onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const starter = useQuery(starterQuery);
  const add = useAddStarters();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string>();
  if (!starter.data) return <Pending query={starter} />;
  const { items, population } = starter.data;
  const open = items.filter((i) => !i.added);
  const allChosen = open.length > 0 && open.every((i) => chosen.has(i.key));
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    setChosen(next);
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (chosen.size === 0) return setError(t('processes.starter.noneChosen'));
    setError(undefined);
    try {
      const r = await add.mutateAsync([...chosen]);
      onDone({ kind: 'success', text: t('processes.starter.added', { count: r.created }) });
    } catch (err) {
      setError(errorMessage(err, t, true));
    }
  }

  const columns: Column<StarterService>[] = [
    {
      header: t('processes.fields.name'),
      rowHeader: true,
      cell: (s) => (
        <label className="choice">
          <input
            type="checkbox"
            name="keys"
            value={s.key}
            checked={s.added || chosen.has(s.key)}
            disabled={s.added}
            onChange={(e) => toggle(s.key, e.target.checked)}
          />{' '}
          {s.name}
          {s.added && (
            <>
              <br />
              <span className="muted">{t('processes.starter.alreadyAdded')}</span>
            </>
          )}
        </label>
      ),
    },
    { header: t('processes.fields.department'), cell: (s) => s.department },
    { header: t('processes.starter.estimatedCases'), numeric: true, cell: (s) => fmtNumber(s.casesPerYear, 0) },
    { header: t('processes.fields.minutesPerCase'), numeric: true, cell: (s) => fmtNumber(s.minutesPerCase) },
  ];
  return (
    <form onSubmit={submit} noValidate>
      <p>{t('processes.starter.intro', { population: fmtNumber(population, 0) })}</p>
      {error && <Alert kind="error">{error}</Alert>}
      {open.length > 0 && (
        <div className="field">
          <label className="choice">
            <input
              type="checkbox"
              name="all"
              checked={allChosen}
              onChange={(e) => setChosen(new Set(e.target.checked ? open.map((i) => i.key) : []))}
            />{' '}
            {t('processes.starter.selectAll')}
          </label>
        </div>
      )}
      <DataTable
        label={t('processes.starter.tableLabel', { population: fmtNumber(population, 0) })}
        columns={columns}
        rows={items}
        rowKey={(s) => s.key}
        empty={t('processes.starter.empty')}
      />
      <p className="muted">{t('processes.starter.chosen', { count: chosen.size })}</p>
      <Button type="submit" isDisabled={add.isPending || open.length === 0}>
        {t('processes.starter.submit')}
      </Button>
    </form>
  );
}

/** One line of the report: "neu", "wird aktualisiert" or the line's errors ("Feld: Meldung"). */
function Result({ line }: { line: ServiceImportReport['lines'][number] }) {
  const { t } = useTranslation();
  if (line.status !== 'error') return <>{t(`processes.import.statuses.${line.status}`)}</>;
  return (
    <>
      <strong>{t('processes.import.statuses.error')}</strong>
      <ul className="plain">
        {line.errors.map((e) => (
          <li key={`${e.field}-${e.message}`}>
            {e.field}: {e.message}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Import of an inventory file in two steps: "Prüfen" shows what each line would do (nothing stored), "Importieren"
 * writes the good lines and leaves out those with errors.
 */
export function ServiceImport({ onDone }: { onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const run = useImportServices();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ServiceImportReport | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const labels = { file: t('processes.import.file') };

  async function send(mode: ImportMode) {
    if (!file) return setErrors({ file: t('processes.import.noFile') });
    setErrors({});
    try {
      const r = await run.mutateAsync({ file, mode });
      if (mode === 'preview') return setReport(r);
      onDone({
        kind: r.rejected > 0 ? 'warning' : 'success',
        text: t('processes.import.done', { created: r.created, updated: r.updated, rejected: r.rejected }),
      });
    } catch (err) {
      const fields = fieldMessages(err, t);
      setErrors({ file: fields.file ?? errorMessage(err, t, true) });
    }
  }

  const counts = report && {
    created: report.lines.filter((l) => l.status === 'new').length,
    updated: report.lines.filter((l) => l.status === 'update').length,
    rejected: report.lines.filter((l) => l.status === 'error').length,
  };
  const columns: Column<ServiceImportReport['lines'][number]>[] = [
    { header: t('processes.import.line'), numeric: true, cell: (l) => fmtNumber(l.line, 0) },
    { header: t('processes.fields.name'), rowHeader: true, cell: (l) => l.name || '–' },
    { header: t('processes.import.result'), cell: (l) => <Result line={l} /> },
  ];
  return (
    <div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send('preview');
        }}
        noValidate
      >
        <p>{t('processes.import.intro')}</p>
        <p>
          <a href={SERVICES_CSV_URL} download>
            {t('processes.import.template')}
          </a>
        </p>
        <ErrorSummary errors={errors} labels={labels} />
        <FileField
          name="file"
          label={labels.file}
          hint={t('processes.import.fileHint')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          required
          error={errors.file}
          onChange={(f) => {
            setFile(f);
            setReport(null);
            setErrors({});
          }}
        />
        <Button type="submit" variant={report ? 'secondary' : 'primary'} isDisabled={run.isPending}>
          {t('processes.import.check')}
        </Button>
      </form>
      {report && counts && (
        <section aria-labelledby="h-import-report">
          <h3 id="h-import-report">{t('processes.import.reportTitle')}</h3>
          <p role="status">{t('processes.import.summary', counts)}</p>
          <DataTable
            label={t('processes.import.reportTitle')}
            columns={columns}
            rows={report.lines}
            rowKey={(l) => String(l.line)}
            empty={t('processes.import.noLines')}
          />
          {counts.created + counts.updated > 0 ? (
            <Button isDisabled={run.isPending} onPress={() => void send('commit')}>
              {t('processes.import.commit')}
            </Button>
          ) : (
            <p>{t('processes.import.nothingToImport')}</p>
          )}
        </section>
      )}
    </div>
  );
}
