import { surveyCreate } from '@dz/core';
import { DEFAULT_THRESHOLD, PAIN_POINT_TEMPLATE_TITLE } from '@dz/core/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { fieldMessages } from '../../lib/errors';
import { periodText } from '../../lib/format';
import { validate } from '../../lib/validate';
import { networksQuery } from '../networks/queries';
import { type SurveyItem as Item, type SurveyCreate, surveysQuery, useCreateSurvey } from './queries';
import { ReachWarning } from './SurveyShortcuts';

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`surveys.status.${status}`)}</span>;
}

function CreateSurvey({ canInternal, onCancel }: { canInternal: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const nets = useQuery(networksQuery());
  const createSurvey = useCreateSurvey();
  const moderated = nets.data?.items.filter((n) => n.isModerator) ?? [];
  // `owner` picks the network (or 'internal'); the rest is the contract's input
  const [form, setForm] = useState<{ owner: string } & Required<Pick<SurveyCreate, 'title' | 'source' | 'mode'>>>({
    owner: '',
    title: PAIN_POINT_TEMPLATE_TITLE.de,
    source: 'template',
    mode: 'municipality',
  });
  const [file, setFile] = useState<unknown>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const owner = form.owner || moderated[0]?.id || (canInternal ? 'internal' : '');
  const internal = owner === 'internal';

  async function readFile(f: File | undefined) {
    if (!f) return setFile(null);
    try {
      const json = JSON.parse(await f.text());
      setFile(json.definition ?? json);
      setErrors({});
    } catch {
      setErrors({ file: t('surveys.importInvalid') });
    }
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const body = {
      networkId: internal ? null : owner,
      title: form.title,
      mode: internal ? ('person' as const) : form.mode,
      source: form.source,
      ...(form.source === 'import' ? { definition: file as SurveyCreate['definition'] } : {}),
    };
    const invalid = validate(surveyCreate, body, t);
    const { definition: badFile, ...rest } = invalid;
    if (form.source === 'import' && !file) rest.file = t('surveys.importMissing');
    else if (badFile) rest.file = t('surveys.importInvalid');
    if (Object.keys(rest).length) return setErrors(rest);
    try {
      const res = await createSurvey.mutateAsync(body);
      navigate(`/umfragen/${res.id}/bearbeiten`);
    } catch (err) {
      const fe = fieldMessages(err, t);
      setErrors(fe.definition ? { file: t('surveys.importInvalid') } : fe);
    }
  }
  if (!nets.data) return <Pending query={nets} />;
  return (
    <Panel id="h-create" title={t('surveys.create')}>
      <ErrorSummary
        errors={errors}
        labels={{ title: t('surveys.titleLabel'), file: t('surveys.importFile'), mode: t('surveys.mode') }}
      />
      <form onSubmit={submit} noValidate>
        <SelectField
          name="owner"
          label={t('surveys.owner')}
          value={owner}
          onChange={(v) => setForm({ ...form, owner: v })}
          options={[
            ...moderated.map((n) => ({ value: n.id, label: t('surveys.ownerNetwork', { name: n.name }) })),
            ...(canInternal ? [{ value: 'internal', label: t('surveys.ownerInternal') }] : []),
          ]}
        />
        <TextField
          name="title"
          label={t('surveys.titleLabel')}
          value={form.title}
          onChange={(v) => setForm({ ...form, title: v })}
          error={errors.title}
          required
        />
        <SelectField
          name="source"
          label={t('surveys.source')}
          value={form.source}
          onChange={(v) => setForm({ ...form, source: v as typeof form.source })}
          options={[
            { value: 'template', label: t('surveys.sourceTemplate') },
            { value: 'empty', label: t('surveys.sourceEmpty') },
            { value: 'import', label: t('surveys.sourceImport') },
          ]}
        />
        {form.source === 'import' && (
          <div className="field">
            <label htmlFor="import-file">{t('surveys.importFile')}</label>
            <input
              id="import-file"
              name="file"
              type="file"
              accept="application/json,.json"
              onChange={(e) => void readFile(e.target.files?.[0])}
            />
            {errors.file && <span className="field-error">{errors.file}</span>}
          </div>
        )}
        {internal ? (
          <p className="hint">{t('surveys.internalHint')}</p>
        ) : (
          <SelectField
            name="mode"
            label={t('surveys.mode')}
            hint={t('surveys.modeHint')}
            value={form.mode}
            onChange={(v) => setForm({ ...form, mode: v as typeof form.mode })}
            options={[
              { value: 'municipality', label: t('surveys.modeMunicipality') },
              { value: 'person', label: t('surveys.modePerson') },
            ]}
          />
        )}
        {/* a municipality survey reaches the network's members: too few for the preset threshold shows here already */}
        {!internal && form.mode === 'municipality' && (
          <ReachWarning
            invitees={moderated.find((n) => n.id === owner)?.memberCount ?? 0}
            threshold={DEFAULT_THRESHOLD}
            mode="municipality"
          />
        )}
        <div className="btn-row">
          <Button type="submit">{t('surveys.createSubmit')}</Button>
          <Button variant="secondary" onPress={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}

function SurveyTable({ items, caption }: { items: Item[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <DataTable
      label={caption}
      caption={caption}
      rows={items}
      rowKey={(s) => s.id}
      empty={null}
      columns={[
        { header: t('surveys.titleLabel'), cell: (s) => <Link to={`/umfragen/${s.id}`}>{s.title}</Link> },
        { header: t('surveys.owner'), cell: (s) => s.owner },
        {
          header: t('surveys.statusLabel'),
          cell: (s) => (
            <>
              <StatusBadge status={s.status} />
              {s.canEdit && s.status !== 'draft' && (
                <span className="hint"> {t('surveys.submittedOf', { submitted: s.submitted, total: s.targets })}</span>
              )}
            </>
          ),
        },
        { header: t('surveys.period'), cell: (s) => periodText(t, s.opensOn, s.closesOn) },
        {
          header: t('surveys.myResponse'),
          cell: (s) =>
            s.myResponse ? (
              s.status === 'open' ? (
                <Link to={`/umfragen/${s.id}/antworten`}>{t(`surveys.response.${s.myResponse}`)}</Link>
              ) : (
                t(`surveys.response.${s.myResponse}`)
              )
            ) : (
              '–'
            ),
        },
      ]}
    />
  );
}

export function SurveysPage() {
  const { t } = useTranslation();
  const q = useQuery(surveysQuery());
  const [create, setCreate] = useState(false);
  if (!q.data)
    return (
      <Page title={t('surveys.title')}>
        <Pending query={q} />
      </Page>
    );
  const canCreate = q.data.can.createInternal || q.data.can.createNetwork;
  const toAnswer = q.data.items.filter((s) => s.myResponse !== null && s.status === 'open');
  const managed = q.data.items.filter((s) => s.canEdit);
  const others = q.data.items.filter((s) => !s.canEdit && !toAnswer.includes(s));
  return (
    <Page
      title={t('surveys.title')}
      crumbs={[{ to: '/', label: t('nav.start') }]}
      actions={
        canCreate && !create ? <Button onPress={() => setCreate(true)}>{t('surveys.create')}</Button> : undefined
      }
    >
      <p>{t('surveys.intro')}</p>
      {create && <CreateSurvey canInternal={q.data.can.createInternal ?? false} onCancel={() => setCreate(false)} />}
      {q.data.items.length === 0 && <Empty>{t('surveys.empty')}</Empty>}
      {toAnswer.length > 0 && (
        <>
          <Alert kind="info">{t('surveys.toAnswerHint', { count: toAnswer.length })}</Alert>
          <SurveyTable items={toAnswer} caption={t('surveys.toAnswer')} />
        </>
      )}
      {managed.length > 0 && <SurveyTable items={managed} caption={t('surveys.managed')} />}
      {others.length > 0 && <SurveyTable items={others} caption={t('surveys.others')} />}
    </Page>
  );
}
