import { retentionSettingsInput } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDateTime, fmtNumber } from '../../lib/format';
import { validate } from '../../lib/validate';
import { type RetentionView, retentionQuery, useSaveRetention } from './queries';
import '../../i18n/privacy';

type Notice = { kind: 'success' | 'error' | 'warning'; text: string };
type LogRow = RetentionView['log'][number];

/** An empty field keeps the data (null); anything else must be a whole number (the contract checks the range). */
const toPeriod = (v: string): number | null => (v.trim() === '' ? null : Number(v.trim()));

function RetentionForm({ view }: { view: RetentionView }) {
  const { t } = useTranslation();
  const save = useSaveRetention();
  const [form, setForm] = useState({
    surveyAnswersMonths: view.surveyAnswersMonths?.toString() ?? '',
    workshopNamesDays: view.workshopNamesDays?.toString() ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>();
  const labels = {
    surveyAnswersMonths: t('privacy.surveyAnswersMonths'),
    workshopNamesDays: t('privacy.workshopNamesDays'),
  };
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setNotice(undefined);
        const wrong: Record<string, string> = {};
        for (const k of ['surveyAnswersMonths', 'workshopNamesDays'] as const) {
          if (form[k].trim() !== '' && !/^\d+$/.test(form[k].trim())) wrong[k] = t('privacy.wholeNumber');
        }
        const body = {
          version: view.version,
          surveyAnswersMonths: toPeriod(form.surveyAnswersMonths),
          workshopNamesDays: toPeriod(form.workshopNamesDays),
        };
        const invalid = { ...validate(retentionSettingsInput, body, t), ...wrong };
        setErrors(invalid);
        if (Object.keys(invalid).length) return;
        try {
          await save.mutateAsync(body);
          setNotice({ kind: 'success', text: t('privacy.retentionSaved') });
        } catch (err) {
          if (err instanceof ApiError && err.code === 'version_conflict')
            return setNotice({ kind: 'warning', text: t('errors.version_conflict') });
          const fields = fieldMessages(err, t);
          if (Object.keys(fields).length) return setErrors(fields);
          setNotice({ kind: 'error', text: errorMessage(err, t) });
        }
      }}
    >
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <ErrorSummary errors={errors} labels={labels} />
      <TextField
        name="surveyAnswersMonths"
        label={labels.surveyAnswersMonths}
        hint={t('privacy.surveyAnswersHint')}
        inputMode="numeric"
        value={form.surveyAnswersMonths}
        onChange={(v) => setForm({ ...form, surveyAnswersMonths: v })}
        error={errors.surveyAnswersMonths}
      />
      <TextField
        name="workshopNamesDays"
        label={labels.workshopNamesDays}
        hint={t('privacy.workshopNamesHint')}
        inputMode="numeric"
        value={form.workshopNamesDays}
        onChange={(v) => setForm({ ...form, workshopNamesDays: v })}
        error={errors.workshopNamesDays}
      />
      <Button type="submit" isDisabled={save.isPending}>
        {t('privacy.saveRetention')}
      </Button>
    </form>
  );
}

/** „Aufbewahrungsfristen“: the municipality's retention periods and the log of what the job deleted. */
export function RetentionPage() {
  const { t } = useTranslation();
  const q = useQuery(retentionQuery());
  const columns: Column<LogRow>[] = [
    { header: t('privacy.logAt'), cell: (r) => fmtDateTime(r.at) },
    { header: t('privacy.logKind'), cell: (r) => t(`privacy.kind_${r.kind}`) },
    { header: t('privacy.logSubject'), cell: (r) => r.subjectTitle, rowHeader: true },
    { header: t('privacy.logRows'), cell: (r) => fmtNumber(r.rows), numeric: true },
  ];
  return (
    <Page title={t('privacy.retentionTitle')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p>{t('privacy.retentionIntro')}</p>
      {!q.data ? (
        <Pending query={q} />
      ) : (
        <>
          <Panel title={t('privacy.retentionTitle')} level={2} id="h-retention">
            {q.data.can.manage ? (
              <RetentionForm view={q.data} />
            ) : (
              <>
                <Alert kind="info">{t('privacy.readOnly')}</Alert>
                <dl>
                  <dt>{t('privacy.surveyAnswersMonths')}</dt>
                  <dd>{q.data.surveyAnswersMonths ?? '–'}</dd>
                  <dt>{t('privacy.workshopNamesDays')}</dt>
                  <dd>{q.data.workshopNamesDays ?? '–'}</dd>
                </dl>
              </>
            )}
          </Panel>
          <Panel title={t('privacy.log')} id="h-retention-log">
            <DataTable
              label={t('privacy.log')}
              columns={columns}
              rows={q.data.log}
              rowKey={(r) => r.id}
              empty={t('privacy.logEmpty')}
            />
          </Panel>
        </>
      )}
    </Page>
  );
}
