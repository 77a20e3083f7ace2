import { workshopCreate } from '@dz/core';
import { PAIN_POINT_TEMPLATE_LEITFRAGE } from '@dz/core/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { fieldMessages } from '../../lib/errors';
import { fmtDate, todayIso } from '../../lib/format';
import { validate } from '../../lib/validate';
import { networkQuery, networksQuery } from '../networks/queries';
import { surveysQuery } from '../surveys/queries';
import { useCreateWorkshop, workshopsQuery } from './queries';

function CreateWorkshop({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const nets = useQuery(networksQuery());
  const surveys = useQuery(surveysQuery());
  const createWorkshop = useCreateWorkshop();
  const moderated = nets.data?.items.filter((n) => n.isModerator) ?? [];
  const [form, setForm] = useState({
    networkId: '',
    surveyId: '',
    title: t('workshops.defaultTitle'),
    heldOn: todayIso(),
    place: '',
    videoUrl: '',
    leitfrage: PAIN_POINT_TEMPLATE_LEITFRAGE,
    votesPerPerson: '3',
  });
  const networkId = form.networkId || moderated[0]?.id || '';
  const members = useQuery({ ...networkQuery(networkId), enabled: Boolean(networkId) });
  const active = members.data?.members.filter((m) => !m.leftOn) ?? [];
  const [excluded, setExcluded] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const ownSurveys = surveys.data?.items.filter((s) => s.canEdit && s.networkId === networkId) ?? [];

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const body = {
      ...form,
      networkId,
      surveyId: form.surveyId || null,
      votesPerPerson: Number(form.votesPerPerson),
      municipalityIds: active.map((m) => m.municipalityId).filter((id) => !excluded.includes(id)),
    };
    const invalid = validate(workshopCreate, body, t);
    if (Object.keys(invalid).length) return setErrors(invalid);
    try {
      const res = await createWorkshop.mutateAsync(body);
      navigate(`/workshops/${res.id}`);
    } catch (err) {
      setErrors(fieldMessages(err, t));
    }
  }
  if (!nets.data) return <Pending query={nets} />;
  const labels = {
    title: t('workshops.titleLabel'),
    heldOn: t('workshops.heldOn'),
    videoUrl: t('workshops.videoUrl'),
    votesPerPerson: t('workshops.votesPerPerson'),
    leitfrage: t('workshops.leitfrage'),
  };
  return (
    <Panel id="h-create" title={t('workshops.create')}>
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate>
        <SelectField
          name="networkId"
          label={t('workshops.network')}
          value={networkId}
          onChange={(v) => setForm({ ...form, networkId: v, surveyId: '' })}
          options={moderated.map((n) => ({ value: n.id, label: n.name }))}
        />
        <TextField
          name="title"
          label={labels.title}
          value={form.title}
          onChange={(v) => setForm({ ...form, title: v })}
          error={errors.title}
          required
        />
        <div className="filters">
          <TextField
            name="heldOn"
            type="date"
            label={labels.heldOn}
            value={form.heldOn}
            onChange={(v) => setForm({ ...form, heldOn: v })}
            error={errors.heldOn}
            required
          />
          <TextField
            name="place"
            label={t('workshops.place')}
            value={form.place}
            onChange={(v) => setForm({ ...form, place: v })}
          />
          <TextField
            name="videoUrl"
            type="url"
            label={labels.videoUrl}
            hint={t('workshops.videoUrlHint')}
            value={form.videoUrl}
            onChange={(v) => setForm({ ...form, videoUrl: v })}
            error={errors.videoUrl}
          />
        </div>
        <TextArea
          name="leitfrage"
          label={labels.leitfrage}
          rows={2}
          value={form.leitfrage}
          onChange={(v) => setForm({ ...form, leitfrage: v })}
          error={errors.leitfrage}
        />
        <SelectField
          name="surveyId"
          label={t('workshops.survey')}
          hint={t('workshops.surveyHint')}
          value={form.surveyId}
          onChange={(v) => setForm({ ...form, surveyId: v })}
          options={[
            { value: '', label: t('workshops.noSurvey') },
            ...ownSurveys.map((s) => ({ value: s.id, label: s.title })),
          ]}
        />
        <TextField
          name="votesPerPerson"
          type="number"
          inputMode="numeric"
          label={labels.votesPerPerson}
          hint={t('workshops.votesHint')}
          value={form.votesPerPerson}
          onChange={(v) => setForm({ ...form, votesPerPerson: v })}
          error={errors.votesPerPerson}
        />
        {active.length > 0 && (
          <fieldset>
            <legend>{t('workshops.municipalities')}</legend>
            {active.map((m) => (
              <label key={m.municipalityId} className="choice">
                <input
                  type="checkbox"
                  name="municipalityIds"
                  checked={!excluded.includes(m.municipalityId)}
                  onChange={(e) =>
                    setExcluded(
                      e.target.checked
                        ? excluded.filter((x) => x !== m.municipalityId)
                        : [...excluded, m.municipalityId],
                    )
                  }
                />
                {m.name} (GK{m.sizeClass})
              </label>
            ))}
          </fieldset>
        )}
        <div className="btn-row">
          <Button type="submit">{t('workshops.createSubmit')}</Button>
          <Button variant="secondary" onPress={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}

export function WorkshopsPage() {
  const { t } = useTranslation();
  const q = useQuery(workshopsQuery());
  const [create, setCreate] = useState(false);
  if (!q.data)
    return (
      <Page title={t('workshops.title')}>
        <Pending query={q} />
      </Page>
    );
  return (
    <Page
      title={t('workshops.title')}
      crumbs={[{ to: '/', label: t('nav.start') }]}
      actions={
        q.data.can.create && !create ? (
          <Button onPress={() => setCreate(true)}>{t('workshops.create')}</Button>
        ) : undefined
      }
    >
      <p>{t('workshops.intro')}</p>
      {create && <CreateWorkshop onCancel={() => setCreate(false)} />}
      <DataTable
        label={t('workshops.title')}
        rows={q.data.items}
        rowKey={(w) => w.id}
        empty={t('workshops.empty')}
        columns={[
          { header: t('workshops.titleLabel'), cell: (w) => <Link to={`/workshops/${w.id}`}>{w.title}</Link> },
          { header: t('workshops.heldOn'), cell: (w) => fmtDate(w.heldOn) },
          { header: t('workshops.network'), cell: (w) => w.network },
          { header: t('workshops.statusLabel'), cell: (w) => t(`workshops.status.${w.status}`) },
        ]}
      />
    </Page>
  );
}
