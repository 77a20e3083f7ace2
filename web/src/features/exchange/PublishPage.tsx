import { publicationInput } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { centsToInput, inputToCents, numberToInput, parseGermanNumber } from '../../lib/format';
import { validate } from '../../lib/validate';
import { CheckboxGroup } from '../projects/shared';
import { EntryView } from './EntryView';
import {
  type Entry,
  type PublicationInput,
  publicationQuery,
  usePublicationPreview,
  usePublish,
  useRefreshPublication,
  useWithdrawPublication,
} from './queries';

/** The form holds every field of the contract (the figures as typed text apart). */
type Form = Required<Omit<PublicationInput, 'version'>>;

function toBody(f: Form, tco: string, effort: string, months: string, version: number): PublicationInput {
  return {
    ...f,
    version,
    tcoCents: tco.trim() === '' ? null : inputToCents(tco),
    effortHours: parseGermanNumber(effort),
    durationMonths: parseGermanNumber(months),
  };
}

/** Publishing a project: the form, a preview of exactly what becomes visible, publish and withdraw. */
export function PublishPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useQuery(publicationQuery(id));
  const makePreview = usePublicationPreview(id);
  const publishNow = usePublish(id);
  const withdrawNow = useWithdrawPublication(id);
  const refresh = useRefreshPublication(id);
  const [form, setForm] = useState<Form>();
  const [tco, setTco] = useState('');
  const [effort, setEffort] = useState('');
  const [months, setMonths] = useState('');
  const [preview, setPreview] = useState<Entry>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ kind: 'success' | 'error' | 'warning'; text: string }>();
  useEffect(() => {
    if (!q.data) return;
    setForm(q.data.input);
    setTco(centsToInput(q.data.input.tcoCents));
    setEffort(numberToInput(q.data.input.effortHours));
    setMonths(q.data.input.durationMonths === null ? '' : String(q.data.input.durationMonths));
  }, [q.data]);
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: '/projekte', label: t('nav.portfolio') },
    { to: `/projekte/${id}`, label: q.data?.projectTitle ?? t('projects.title') },
  ];
  if (!q.data || !form)
    return (
      <Page title={t('exchange.publishTitle')} crumbs={crumbs}>
        <Pending query={q} />
      </Page>
    );
  const s = q.data;
  const set = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    setPreview(undefined);
  };
  /** The body to send, or null when the form has errors (shown). */
  function checked(): PublicationInput | null {
    const body = toBody(form!, tco, effort, months, s.version);
    const errs = validate(publicationInput, body, t);
    // what is no number at all is told as such; ranges and required texts come from the contract
    if (Number.isNaN(body.tcoCents)) errs.tcoCents = t('errors.number_invalid');
    if (Number.isNaN(body.effortHours)) errs.effortHours = t('errors.number_invalid');
    const m = body.durationMonths;
    if (m != null && (Number.isNaN(m) || !Number.isInteger(m))) errs.durationMonths = t('errors.number_invalid');
    setErrors(errs);
    return Object.keys(errs).length === 0 ? body : null;
  }
  async function showPreview() {
    const body = checked();
    if (!body) return;
    try {
      setPreview(await makePreview.mutateAsync(body));
    } catch (err) {
      setErrors(fieldMessages(err, t));
    }
  }
  async function publish() {
    const body = checked();
    if (!body) return;
    try {
      await publishNow.mutateAsync(body);
      setMsg({ kind: 'success', text: t('exchange.published') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setMsg({ kind: 'warning', text: t('errors.version_conflict') });
        await refresh();
      } else setErrors(fieldMessages(err, t));
    }
  }
  async function withdraw() {
    try {
      await withdrawNow.mutateAsync(s.version);
      setMsg({ kind: 'success', text: t('exchange.withdrawn') });
    } catch (err) {
      setMsg({ kind: 'error', text: errorMessage(err, t) });
    }
  }
  const labels = {
    title: t('exchange.pubTitle'),
    contactRole: t('exchange.contactRole'),
    networkIds: t('exchange.networks'),
    tcoCents: t('exchange.tco'),
    effortHours: t('exchange.effort'),
    durationMonths: t('exchange.duration'),
    documentIds: t('exchange.documents'),
  };
  return (
    <Page title={t('exchange.publishTitle')} crumbs={crumbs}>
      <p>
        {t(`exchange.status.${s.status}`)}
        {s.status === 'published' && s.publicationId && (
          <>
            {' '}
            <Link to={`/austausch/projekte/${s.publicationId}`}>{t('exchange.openEntry')}</Link>
            {' · '}
            {t('exchange.reusedTimes', { count: s.reuseCount })}
          </>
        )}
      </p>
      {s.origin && (
        <Alert kind="info">
          {t('exchange.originIs')} <Link to={`/austausch/projekte/${s.origin.publicationId}`}>{s.origin.title}</Link> (
          {s.origin.municipality})
        </Alert>
      )}
      <p className="hint">{t('exchange.publishIntro')}</p>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      {!s.can.publish ? (
        <Alert kind="info">{t('exchange.noPublishRight')}</Alert>
      ) : (
        <form
          className="panel"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void showPreview();
          }}
        >
          <ErrorSummary errors={errors} labels={labels} />
          <SelectField
            name="visibility"
            label={t('exchange.visibility')}
            value={form.visibility}
            onChange={(v) => set({ visibility: v as Form['visibility'] })}
            options={[
              { value: 'all', label: t('exchange.toAll') },
              { value: 'networks', label: t('exchange.toNetworks') },
            ]}
          />
          {form.visibility === 'networks' && (
            <CheckboxGroup
              legend={labels.networkIds}
              name="networkIds"
              options={s.networks.map((n) => ({ value: n.id, label: n.name }))}
              value={form.networkIds}
              onChange={(v) => set({ networkIds: v })}
              error={errors.networkIds}
            />
          )}
          <TextField
            name="title"
            label={labels.title}
            value={form.title}
            onChange={(v) => set({ title: v })}
            error={errors.title}
            required
          />
          <TextArea
            name="problem"
            label={t('exchange.problem')}
            hint={t('exchange.problemHint')}
            value={form.problem}
            onChange={(v) => set({ problem: v })}
          />
          <TextArea
            name="solution"
            label={t('exchange.solution')}
            value={form.solution}
            onChange={(v) => set({ solution: v })}
          />
          <TextArea
            name="results"
            label={t('exchange.results')}
            value={form.results}
            onChange={(v) => set({ results: v })}
          />
          <TextArea
            name="lessons"
            label={t('exchange.lessons')}
            value={form.lessons}
            onChange={(v) => set({ lessons: v })}
          />
          <SelectField
            name="fieldOfAction"
            label={t('exchange.field')}
            value={form.fieldOfAction}
            onChange={(v) => set({ fieldOfAction: v })}
            options={[
              { value: '', label: t('exchange.noField') },
              ...s.fieldsOfAction.map((f) => ({ value: f, label: f })),
            ]}
          />
          <SelectField
            name="stage"
            label={t('exchange.stageLabel')}
            value={form.stage}
            onChange={(v) => set({ stage: v as Form['stage'] })}
            options={(['planned', 'running', 'completed'] as const).map((v) => ({
              value: v,
              label: t(`exchange.stages.${v}`),
            }))}
          />
          <div className="form-grid">
            <TextField
              name="tco"
              label={labels.tcoCents}
              hint={t('exchange.tcoHint')}
              inputMode="decimal"
              value={tco}
              onChange={(v) => {
                setTco(v);
                setPreview(undefined);
              }}
              error={errors.tcoCents}
            />
            <TextField
              name="effort"
              label={labels.effortHours}
              hint={t('exchange.effortHint')}
              inputMode="decimal"
              value={effort}
              onChange={(v) => {
                setEffort(v);
                setPreview(undefined);
              }}
              error={errors.effortHours}
            />
            <TextField
              name="months"
              label={labels.durationMonths}
              hint={t('exchange.durationHint')}
              inputMode="numeric"
              value={months}
              onChange={(v) => {
                setMonths(v);
                setPreview(undefined);
              }}
              error={errors.durationMonths}
            />
          </div>
          <TextArea
            name="products"
            label={t('exchange.products')}
            hint={t('exchange.productsHint')}
            value={form.products}
            onChange={(v) => set({ products: v })}
            rows={2}
          />
          <TextField
            name="contactRole"
            label={labels.contactRole}
            hint={t('exchange.contactRoleHint')}
            value={form.contactRole}
            onChange={(v) => set({ contactRole: v })}
            error={errors.contactRole}
            required
          />
          <CheckboxGroup
            legend={labels.documentIds}
            hint={t('exchange.documentsHint')}
            name="documentIds"
            options={s.files.map((f) => ({ value: f.id, label: f.name }))}
            value={form.documentIds}
            onChange={(v) => set({ documentIds: v })}
            error={errors.documentIds}
          />
          <CheckboxGroup
            legend={t('exchange.shareTemplate')}
            hint={t('exchange.shareTemplateHint')}
            name="share"
            options={(['shareMilestones', 'shareTasks', 'shareCosts', 'shareRisks'] as const).map((k) => ({
              value: k,
              label: t(`exchange.${k}`),
            }))}
            value={(['shareMilestones', 'shareTasks', 'shareCosts', 'shareRisks'] as const).filter((k) => form[k])}
            onChange={(v) =>
              set({
                shareMilestones: v.includes('shareMilestones'),
                shareTasks: v.includes('shareTasks'),
                shareCosts: v.includes('shareCosts'),
                shareRisks: v.includes('shareRisks'),
              })
            }
          />
          {s.processModels.length > 0 ? (
            <CheckboxGroup
              legend={t('exchange.processModels')}
              hint={t('exchange.processModelsHint')}
              name="processModelIds"
              options={s.processModels.map((m) => ({
                value: m.id,
                label: t('exchange.processModelOption', {
                  service: m.service,
                  name: m.name,
                  kind: t(`processes.models.kinds.${m.kind}`),
                }),
              }))}
              value={form.processModelIds}
              onChange={(v) => set({ processModelIds: v })}
              error={errors.processModelIds}
            />
          ) : null}
          <div className="btn-row">
            <Button type="submit">{t('exchange.previewButton')}</Button>
            {s.status === 'published' && (
              <ConfirmDeleteButton
                small={false}
                label={t('exchange.withdraw')}
                title={t('exchange.withdrawTitle')}
                body={t('exchange.withdrawBody')}
                onConfirm={withdraw}
              />
            )}
          </div>
        </form>
      )}
      {preview && (
        <section aria-labelledby="h-preview">
          <h2 id="h-preview">{t('exchange.previewTitle')}</h2>
          <Alert kind="info">{t('exchange.previewHint')}</Alert>
          <EntryView e={preview} />
          <div className="btn-row">
            <Button onPress={() => void publish()}>
              {s.status === 'published' ? t('exchange.update') : t('exchange.publish')}
            </Button>
          </div>
        </section>
      )}
    </Page>
  );
}
