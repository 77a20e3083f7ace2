import type { networkDetail, networkList, surveyList, workshopList } from '@dz/core';
import { PAIN_POINT_TEMPLATE_LEITFRAGE } from '@dz/core/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Empty, Page, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { api } from '../../lib/api';
import { fieldMessages } from '../../lib/errors';
import { fmtDate, todayIso } from '../../lib/format';

function CreateWorkshop({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const nets = useQuery({ queryKey: ['networks'], queryFn: () => api<z.infer<typeof networkList>>('/networks') });
  const surveys = useQuery({ queryKey: ['surveys'], queryFn: () => api<z.infer<typeof surveyList>>('/surveys') });
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
  const members = useQuery({
    queryKey: ['network', networkId],
    queryFn: () => api<z.infer<typeof networkDetail>>(`/networks/${networkId}`),
    enabled: Boolean(networkId),
  });
  const active = members.data?.members.filter((m) => !m.leftOn) ?? [];
  const [excluded, setExcluded] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const ownSurveys = surveys.data?.items.filter((s) => s.canEdit && s.networkId === networkId) ?? [];

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    try {
      const res = await api<{ id: string }>('/workshops', {
        method: 'POST',
        body: {
          ...form,
          networkId,
          surveyId: form.surveyId || null,
          votesPerPerson: Number(form.votesPerPerson),
          municipalityIds: active.map((m) => m.municipalityId).filter((id) => !excluded.includes(id)),
        },
      });
      await qc.invalidateQueries({ queryKey: ['workshops'] });
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
    <section className="panel" aria-labelledby="h-create">
      <h2 id="h-create">{t('workshops.create')}</h2>
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
    </section>
  );
}

export function WorkshopsPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['workshops'], queryFn: () => api<z.infer<typeof workshopList>>('/workshops') });
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
      {q.data.items.length === 0 ? (
        <Empty>{t('workshops.empty')}</Empty>
      ) : (
        <TableWrap label={t('workshops.title')}>
          <table className="data">
            <caption className="visually-hidden">{t('workshops.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workshops.titleLabel')}</th>
                <th scope="col">{t('workshops.heldOn')}</th>
                <th scope="col">{t('workshops.network')}</th>
                <th scope="col">{t('workshops.statusLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.items.map((w) => (
                <tr key={w.id}>
                  <td>
                    <Link to={`/workshops/${w.id}`}>{w.title}</Link>
                  </td>
                  <td>{fmtDate(w.heldOn)}</td>
                  <td>{w.network}</td>
                  <td>{t(`workshops.status.${w.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Page>
  );
}
