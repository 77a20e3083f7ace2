import { decisionPaperInput } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextArea, TextField } from '../../components/Field';
import { Alert, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { fieldKey } from '../../lib/api';
import { errorMessage, fieldErrorText, fieldMessages } from '../../lib/errors';
import { fmtDate, fmtDateTime, fmtEuro, fmtNumber } from '../../lib/format';
import { personName } from '../../lib/person';
import { contractErrors } from '../../lib/validate';
import { type Draft, type Paper, type PaperInput, papersQuery, useCreatePaper, useFetchDraft } from './queries';
import { type Row, RowsEditor } from './RowsEditor';

/** The download link of a generated version's PDF. */
export function PaperPdfLink({ projectId, id, versionNo }: { projectId: string; id: string; versionNo: number }) {
  const { t } = useTranslation();
  return (
    <a href={`/api/v1/projects/${projectId}/decision-papers/${id}/pdf`} download>
      {t('finance.paper.pdf', { n: versionNo })}
    </a>
  );
}

/** A generated version: its id and number (for the PDF link) and the message to show. */
export interface PaperMade {
  id: string;
  versionNo: number;
  message: string;
}

/**
 * The paper's form, prefilled from the project: what the council decides comes first (subject, resolution, the
 * figures), the formalities of the paper after it.
 */
export function PaperForm({
  draft,
  projectId,
  onDone,
}: {
  draft: Draft;
  projectId: string;
  onDone: (made: PaperMade) => void;
}) {
  const { t } = useTranslation();
  const createPaper = useCreatePaper(projectId);
  const [form, setForm] = useState({
    reference: draft.reference,
    paperDate: draft.paperDate,
    public: draft.public,
    leadDepartment: draft.leadDepartment,
    caseOfficer: draft.caseOfficer,
    subject: draft.subject,
    resolution: draft.resolution,
    reasoning: draft.reasoning,
    risksText: draft.risksText,
    alternativesText: draft.alternativesText,
    attachments: draft.attachments.join('\n'),
  });
  const [consultation, setConsultation] = useState<Row[]>(
    draft.consultation.map((c) => ({ body: c.body, date: c.date ?? '', role: c.role })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const f = draft.figures;
  const year = (offset: number) =>
    f.firstYear ? String(f.firstYear + offset) : t('finance.paper.planYear', { n: offset + 1 });
  const span = (from: number, to: number) =>
    f.firstYear
      ? `${f.firstYear + from}–${f.firstYear + to}`
      : t('finance.paper.planYears', { from: from + 1, to: to + 1 });
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    // bodies left empty are dropped; the contract checks the rest as the server will
    const used = consultation.flatMap((c, i) => (String(c.body).trim() ? [i] : []));
    const body: PaperInput = {
      ...form,
      attachments: form.attachments
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean),
      consultation: used.map((i) => {
        const c = consultation[i]!;
        return { body: String(c.body), date: c.date ? String(c.date) : null, role: c.role as 'preliminary' };
      }),
    };
    const errs: Record<string, string> = {};
    const rows: Record<number, string> = {};
    for (const issue of contractErrors(decisionPaperInput, body)) {
      const row = /^body\.consultation\.(\d+)\./.exec(issue.path)?.[1];
      if (row !== undefined) rows[used[Number(row)]!] ??= fieldErrorText(issue, t);
      else errs[fieldKey(issue.path)] ??= fieldErrorText(issue, t);
    }
    setErrors(errs);
    setRowErrors(rows);
    if (Object.keys(errs).length || Object.keys(rows).length) return;
    setBusy(true);
    try {
      const res = await createPaper.mutateAsync(body);
      onDone({ ...res, message: t('finance.paper.created', { n: res.versionNo }) });
    } catch (err) {
      setErrors({
        ...fieldMessages(err, t),
        ...(fieldMessages(err, t).reference ? {} : { form: errorMessage(err, t, true) }),
      });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary
        errors={errors}
        labels={{
          reference: t('finance.paper.reference'),
          subject: t('finance.paper.subject'),
          resolution: t('finance.paper.resolution'),
        }}
      />
      {draft.basedOnVersion !== null && (
        <Alert kind="info">
          {t('finance.paper.newVersion', { reference: draft.reference, n: draft.basedOnVersion })}
        </Alert>
      )}
      <TextField
        name="subject"
        label={t('finance.paper.subject')}
        required
        value={form.subject}
        onChange={set('subject')}
        error={errors.subject}
      />
      <TextArea
        name="resolution"
        label={t('finance.paper.resolution')}
        rows={4}
        value={form.resolution}
        onChange={set('resolution')}
        error={errors.resolution}
      />
      <TextArea
        name="reasoning"
        label={t('finance.paper.reasoning')}
        rows={6}
        value={form.reasoning}
        onChange={set('reasoning')}
      />
      <section aria-labelledby="h-figures" className="figures-preview">
        <h3 id="h-figures">{t('finance.paper.figures')}</h3>
        <dl className="facts">
          <dt>{t('finance.paper.oneTime')}</dt>
          <dd>{fmtEuro(f.oneTime)}</dd>
          {f.runningFrom !== null && (
            <>
              <dt>{t('finance.paper.recurring', { span: span(f.runningFrom, f.runningTo ?? f.runningFrom) })}</dt>
              <dd>{fmtEuro(f.recurringPerYear)}</dd>
            </>
          )}
          <dt>{t('finance.paper.followOn', { years: f.horizonYears })}</dt>
          <dd>{fmtEuro(f.followOn)}</dd>
          <dt>{t('finance.fundingTotal')}</dt>
          <dd>{fmtEuro(f.funding)}</dd>
          <dt>{t('finance.netCost')}</dt>
          <dd>{fmtEuro(f.netCost)}</dd>
          {f.fundingPending > 0 && (
            <>
              <dt>{t('finance.fundingPending')}</dt>
              <dd>{fmtEuro(f.fundingPending)}</dd>
            </>
          )}
          <dt>{t('finance.paper.p80')}</dt>
          <dd>
            <strong>{fmtEuro(f.p80)}</strong>
          </dd>
          <dt>{t('finance.paper.perInhabitant', { span: span(0, f.horizonYears - 1) })}</dt>
          <dd>{fmtEuro(f.perInhabitant)}</dd>
          <dt>{t('finance.paper.coverage', { year: year(f.coverageYear) })}</dt>
          <dd>{fmtEuro(f.coverage)}</dd>
          <dt>
            {t('finance.paper.npv', {
              rate: fmtNumber((f.discountRate ?? 0) * 100, 2),
              source: f.discountRateSource,
            })}
          </dt>
          <dd>{fmtEuro(f.npv)}</dd>
          <dt>{t('finance.paper.npvStaff')}</dt>
          <dd>{fmtEuro(f.npvStaffTime)}</dd>
        </dl>
        <p className="hint">{t('finance.paper.figuresHint')}</p>
      </section>
      <TextArea
        name="risksText"
        label={t('finance.paper.risks')}
        rows={4}
        value={form.risksText}
        onChange={set('risksText')}
      />
      <TextArea
        name="alternativesText"
        label={t('finance.paper.alternatives')}
        rows={4}
        value={form.alternativesText}
        onChange={set('alternativesText')}
      />
      <h3>{t('finance.paper.formalities')}</h3>
      <div className="form-grid">
        <TextField
          name="reference"
          label={t('finance.paper.reference')}
          required
          readOnly={draft.basedOnVersion !== null}
          value={form.reference}
          onChange={set('reference')}
          error={errors.reference}
        />
        <TextField
          name="paperDate"
          type="date"
          label={t('finance.paper.date')}
          value={form.paperDate}
          onChange={set('paperDate')}
          error={errors.paperDate}
        />
        <TextField
          name="leadDepartment"
          label={t('finance.paper.lead')}
          value={form.leadDepartment}
          onChange={set('leadDepartment')}
        />
        <TextField
          name="caseOfficer"
          label={t('finance.paper.officer')}
          value={form.caseOfficer}
          onChange={set('caseOfficer')}
        />
      </div>
      <label className="choice">
        <input type="checkbox" checked={form.public} onChange={(e) => setForm({ ...form, public: e.target.checked })} />{' '}
        {t('finance.paper.public')}
      </label>
      <h3>{t('finance.paper.consultation')}</h3>
      <RowsEditor
        caption={t('finance.paper.consultation')}
        addLabel={t('finance.paper.addBody')}
        rows={consultation}
        onChange={setConsultation}
        errors={rowErrors}
        blank={() => ({ body: '', date: '', role: 'preliminary' })}
        columns={[
          { key: 'body', label: t('finance.paper.body') },
          { key: 'date', label: t('finance.paper.meeting'), type: 'date' },
          {
            key: 'role',
            label: t('finance.paper.role'),
            type: 'select',
            options: ['preliminary', 'decision', 'information'].map((r) => ({
              value: r,
              label: t(`finance.paper.roles.${r}`),
            })),
          },
        ]}
      />
      <TextArea
        name="attachments"
        label={t('finance.paper.attachments')}
        hint={t('finance.paper.attachmentsHint')}
        rows={3}
        value={form.attachments}
        onChange={set('attachments')}
      />
      {errors.form && <Alert kind="error">{errors.form}</Alert>}
      <Button type="submit" isDisabled={busy}>
        {busy ? t('finance.paper.generating') : t('finance.paper.generate')}
      </Button>
    </form>
  );
}

/** Council decision paper: prepared from the project, edited, generated as numbered PDF versions and OParl. */
export function DecisionPaper({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const list = useQuery(papersQuery(projectId));
  const fetchDraft = useFetchDraft(projectId);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [msg, setMsg] = useState('');
  const [error, setError] = useState('');
  async function prepare() {
    setMsg('');
    try {
      setDraft(await fetchDraft());
    } catch (err) {
      setError(errorMessage(err, t));
    }
  }
  return (
    <Panel title={t('finance.paper.title')}>
      <p>{t('finance.paper.intro')}</p>
      <div aria-live="polite">
        {msg && <Alert kind="success">{msg}</Alert>}
        {error && <Alert kind="error">{error}</Alert>}
      </div>
      {!list.data ? (
        <Pending query={list} />
      ) : (
        <DataTable<Paper>
          label={t('finance.paper.versions')}
          caption={t('finance.paper.versions')}
          rows={list.data.items}
          rowKey={(p) => p.id}
          empty={t('finance.paper.none')}
          columns={[
            { header: t('finance.paper.version'), cell: (p) => p.versionNo },
            { header: t('finance.paper.reference'), cell: (p) => p.reference },
            { header: t('finance.paper.date'), cell: (p) => fmtDate(p.paperDate) },
            { header: t('finance.paper.p80'), cell: (p) => fmtEuro(p.figures.p80, true) },
            {
              header: t('finance.paper.createdBy'),
              cell: (p) => (
                <>
                  {personName(p.author, t) ?? '–'}
                  <div className="muted">{fmtDateTime(p.createdAt)}</div>
                </>
              ),
            },
            {
              header: t('finance.paper.documents'),
              cell: (p) => (
                <>
                  <PaperPdfLink projectId={projectId} id={p.id} versionNo={p.versionNo} />
                  <br />
                  <a
                    href={`/api/v1/projects/${projectId}/decision-papers/${p.id}/oparl`}
                    target="_blank"
                    rel="noopener"
                  >
                    {t('finance.paper.oparl', { n: p.versionNo })}
                    <span className="visually-hidden"> ({t('projects.files.newWindow')})</span>
                  </a>
                </>
              ),
            },
          ]}
        />
      )}
      {canEdit &&
        (draft ? (
          <PaperForm
            draft={draft}
            projectId={projectId}
            onDone={(m) => {
              setDraft(null);
              setMsg(m.message);
            }}
          />
        ) : (
          <Button onPress={() => void prepare()}>{t('finance.paper.prepare')}</Button>
        ))}
    </Panel>
  );
}
