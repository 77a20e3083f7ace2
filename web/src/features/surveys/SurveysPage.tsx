import type { networkList, surveyList } from '@dz/core';
import { DEFAULT_THRESHOLD, PAIN_POINT_TEMPLATE_TITLE } from '@dz/core/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { api } from '../../lib/api';
import { fieldMessages } from '../../lib/errors';
import { periodText } from '../../lib/format';
import { ReachWarning } from './SurveyShortcuts';

type Item = z.infer<typeof surveyList>['items'][number];

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`surveys.status.${status}`)}</span>;
}

function CreateSurvey({ canInternal, onCancel }: { canInternal: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const nets = useQuery({ queryKey: ['networks'], queryFn: () => api<z.infer<typeof networkList>>('/networks') });
  const moderated = nets.data?.items.filter((n) => n.isModerator) ?? [];
  const [form, setForm] = useState({
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
    if (form.title.trim().length < 3) return setErrors({ title: t('surveys.titleMissing') });
    if (form.source === 'import' && !file) return setErrors({ file: t('surveys.importMissing') });
    try {
      const res = await api<{ id: string }>('/surveys', {
        method: 'POST',
        body: {
          networkId: internal ? null : owner,
          title: form.title,
          mode: internal ? 'person' : form.mode,
          source: form.source,
          ...(form.source === 'import' ? { definition: file } : {}),
        },
      });
      await qc.invalidateQueries({ queryKey: ['surveys'] });
      navigate(`/umfragen/${res.id}/bearbeiten`);
    } catch (err) {
      const fe = fieldMessages(err, t);
      setErrors(fe.definition ? { file: t('surveys.importInvalid') } : fe);
    }
  }
  if (!nets.data) return <Pending query={nets} />;
  return (
    <section className="panel" aria-labelledby="h-create">
      <h2 id="h-create">{t('surveys.create')}</h2>
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
          onChange={(v) => setForm({ ...form, source: v })}
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
            onChange={(v) => setForm({ ...form, mode: v })}
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
    </section>
  );
}

function SurveyTable({ items, caption }: { items: Item[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <TableWrap label={caption}>
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('surveys.titleLabel')}</th>
            <th scope="col">{t('surveys.owner')}</th>
            <th scope="col">{t('surveys.statusLabel')}</th>
            <th scope="col">{t('surveys.period')}</th>
            <th scope="col">{t('surveys.myResponse')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id}>
              <td>
                <Link to={`/umfragen/${s.id}`}>{s.title}</Link>
              </td>
              <td>{s.owner}</td>
              <td>
                <StatusBadge status={s.status} />
                {s.canEdit && s.status !== 'draft' && (
                  <span className="hint">
                    {' '}
                    {t('surveys.submittedOf', { submitted: s.submitted, total: s.targets })}
                  </span>
                )}
              </td>
              <td>{periodText(t, s.opensOn, s.closesOn)}</td>
              <td>
                {s.myResponse ? (
                  s.status === 'open' ? (
                    <Link to={`/umfragen/${s.id}/antworten`}>{t(`surveys.response.${s.myResponse}`)}</Link>
                  ) : (
                    t(`surveys.response.${s.myResponse}`)
                  )
                ) : (
                  '–'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function SurveysPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['surveys'], queryFn: () => api<z.infer<typeof surveyList>>('/surveys') });
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
