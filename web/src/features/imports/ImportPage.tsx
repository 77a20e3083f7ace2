import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { type Column, DataTable } from '../../components/DataTable';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { errorMessage } from '../../lib/errors';
import { fmtDate, fmtDateTime, fmtNumber } from '../../lib/format';
import { importJobQuery, importsQuery, type ImportJob as Job, useStartImport } from './queries';

function Report({ job }: { job: Job }) {
  const { t } = useTranslation();
  const r = job.report;
  if (!r) return null;
  return (
    <Panel title={t('import.report')} id="h-report">
      <p>
        {t(`import.formats.${r.format}`)} · {t('import.referenceDate')}: {fmtDate(r.referenceDate)}
      </p>
      <table className="data">
        <caption className="visually-hidden">{t('import.report')}</caption>
        <tbody>
          {(
            [
              ['total', r.total],
              ['created', r.created],
              ['updated', r.updated],
              ['unchanged', r.unchanged],
              ['rejected', r.rejectedCount],
              ['unincorporated', r.unincorporated],
              ['vanished', r.vanished.length],
              ['administeringBodies', r.administeringBodies],
            ] as const
          ).map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{t(`import.counts.${k}`)}</th>
              <td className="num">{fmtNumber(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.rejected.length > 0 && (
        <>
          <h3>{t('import.rejectedLines')}</h3>
          <ul>
            {r.rejected.slice(0, 50).map((x) => (
              <li key={`${x.line}-${x.reason}`}>
                {t('import.line', { line: x.line })}: {x.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {r.vanished.length > 0 && (
        <>
          <h3>{t('import.vanishedTitle')}</h3>
          <p>{t('import.vanishedHint')}</p>
          <ul>
            {r.vanished.slice(0, 100).map((v) => (
              <li key={v.ags}>
                {v.ags} {v.name}
                {v.likelyMergedInto.length > 0 &&
                  ` – ${t('import.likelyMergedInto')} ${v.likelyMergedInto.map((c) => `${c.name} (${c.ags})`).join(', ')}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {(r.possiblyCut?.length ?? 0) > 0 && (
        <>
          <h3>{t('import.possiblyCutTitle')}</h3>
          <p>{t('import.possiblyCutHint')}</p>
          <ul>
            {r.possiblyCut?.map((v) => (
              <li key={v.ags}>
                {v.ags} {v.name}
              </li>
            ))}
          </ul>
        </>
      )}
      {r.renamed.length > 0 && (
        <>
          <h3>{t('import.renamedTitle', { count: r.renamed.length })}</h3>
          <ul>
            {r.renamed.slice(0, 50).map((v) => (
              <li key={v.ags}>
                {v.ags}: {v.from} → {v.to}
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}

/** Upload of the official directory with upload and processing progress, then the report. */
export function ImportPage() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [uploadProgress, setUploadProgress] = useState<number | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const job = useQuery(importJobQuery(jobId));
  const history = useQuery(importsQuery);
  const startImport = useStartImport();

  async function start(e: React.FormEvent) {
    e.preventDefault();
    // a new import starts clean: the previous one's error and report disappear
    setError(undefined);
    setJobId(null);
    setUploadProgress(null);
    if (!file) return setError(t('import.noFile'));
    setUploadProgress(0);
    try {
      const j = await startImport.mutateAsync({ file, onProgress: setUploadProgress });
      setJobId(j.id);
    } catch (err) {
      setError(errorMessage(err, t));
      setUploadProgress(null);
    }
  }
  const historyColumns: Column<Job>[] = [
    { header: t('import.when'), cell: (h) => fmtDateTime(h.createdAt) },
    { header: t('import.file'), cell: (h) => h.fileName },
    { header: t('import.status'), cell: (h) => t(`import.statuses.${h.status}`) },
    ...(['created', 'updated', 'unchanged'] as const).map((k) => ({
      header: t(`import.counts.${k}`),
      numeric: true,
      cell: (h: Job) => fmtNumber(h.report?.[k] ?? null),
    })),
  ];
  const j = job.data;
  const processing = j ? j.progress : 0;
  return (
    <Page title={t('import.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p>{t('import.intro')}</p>
      <ul>
        <li>{t('import.formatGv')}</li>
        <li>{t('import.formatXlsx')}</li>
      </ul>
      <form onSubmit={start} className="panel" noValidate>
        {error && <Alert kind="error">{error}</Alert>}
        <div className="field">
          <label htmlFor="import-file">
            {t('import.file')} <span className="required">({t('form.required')})</span>
          </label>
          <span className="hint" id="import-file-hint">
            {t('import.fileHint')}
          </span>
          <input
            id="import-file"
            name="file"
            type="file"
            ref={input}
            accept=".txt,.xlsx,text/plain"
            aria-describedby="import-file-hint"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <Button
          type="submit"
          isDisabled={uploadProgress !== null && j?.status !== 'done' && j?.status !== 'failed' && jobId !== null}
        >
          {t('import.start')}
        </Button>
      </form>
      {uploadProgress !== null && (
        <Panel title={t('import.progress')} id="h-progress">
          <label htmlFor="p-upload">{t('import.uploading')}</label>
          <progress id="p-upload" max={1} value={uploadProgress}>
            {Math.round(uploadProgress * 100)} %
          </progress>
          <label htmlFor="p-processing">{t('import.processing')}</label>
          <progress id="p-processing" max={1} value={processing}>
            {Math.round(processing * 100)} %
          </progress>
          <p role="status">
            {j?.status === 'done'
              ? t('import.done')
              : j?.status === 'failed'
                ? `${t('import.failed')}: ${j.error ?? ''}`
                : t('import.percent', { percent: Math.round(processing * 100) })}
          </p>
        </Panel>
      )}
      {j?.status === 'done' && <Report job={j} />}
      <section aria-labelledby="h-history">
        <h2 id="h-history">{t('import.history')}</h2>
        {!history.data ? (
          <Pending query={history} />
        ) : (
          <DataTable
            label={t('import.history')}
            rows={history.data.items}
            rowKey={(h) => h.id}
            empty={t('import.noHistory')}
            columns={historyColumns}
          />
        )}
      </section>
    </Page>
  );
}
