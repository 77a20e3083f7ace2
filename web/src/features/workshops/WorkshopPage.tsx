import { actionCreate, agendaItemCreate, agendaItemUpdate, workshopUpdate } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { type Column, DataTable } from '../../components/DataTable';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDate } from '../../lib/format';
import { validate } from '../../lib/validate';
import { surveyQuery } from '../surveys/queries';
import { kindAddsToTitle, useWorkshop, type Workshop } from './live';
import { type AgendaItemUpdate, useChangeWorkshop, type WorkshopChange } from './queries';

type Item = Workshop['items'][number];
type Notify = (kind: 'success' | 'error' | 'warning', text: string) => void;

function useSections(surveyId: string | null) {
  const q = useQuery({ ...surveyQuery(surveyId ?? ''), enabled: Boolean(surveyId) });
  return q.data?.definition.sections ?? [];
}

function ItemEditor({ w, item, notify }: { w: Workshop; item: Item; notify: Notify }) {
  const { t } = useTranslation();
  const change = useChangeWorkshop(w.id);
  const sections = useSections(w.surveyId);
  const [form, setForm] = useState({
    kind: item.kind,
    title: item.title,
    description: item.description,
    speaker: item.speaker,
    durationMin: item.durationMin === null ? '' : String(item.durationMin),
    surveySectionId: item.surveySectionId ?? '',
    outcome: item.outcome,
  });
  const [version, setVersion] = useState(item.version);
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const body: AgendaItemUpdate = {
      ...form,
      durationMin: form.durationMin ? Number(form.durationMin) : null,
      surveySectionId: form.surveySectionId || null,
      version,
    };
    const [invalid] = Object.values(validate(agendaItemUpdate, body, t));
    if (invalid) return notify('error', invalid);
    try {
      const res = await change.mutateAsync({ path: `/items/${item.id}`, method: 'PATCH', body });
      setVersion(res.items.find((i) => i.id === item.id)?.version ?? version + 1);
      notify('success', t('common.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setVersion(Number(err.body.currentVersion));
        notify('warning', t('errors.version_conflict'));
      } else notify('error', errorMessage(err, t, true));
    }
  }
  return (
    <form onSubmit={save} noValidate>
      <div className="filters">
        <SelectField
          name={`kind-${item.id}`}
          label={t('workshops.kind')}
          value={form.kind}
          onChange={(v) => setForm({ ...form, kind: v as typeof form.kind })}
          options={['impulse', 'topic', 'other'].map((k) => ({ value: k, label: t(`workshops.kinds.${k}`) }))}
        />
        <TextField
          name={`title-${item.id}`}
          label={t('workshops.itemTitle')}
          value={form.title}
          onChange={(v) => setForm({ ...form, title: v })}
          required
        />
        <TextField
          name={`speaker-${item.id}`}
          label={t('workshops.speaker')}
          value={form.speaker}
          onChange={(v) => setForm({ ...form, speaker: v })}
        />
        <TextField
          name={`duration-${item.id}`}
          type="number"
          inputMode="numeric"
          label={t('workshops.duration')}
          value={form.durationMin}
          onChange={(v) => setForm({ ...form, durationMin: v })}
        />
      </div>
      {sections.length > 0 && (
        <SelectField
          name={`section-${item.id}`}
          label={t('workshops.surveySection')}
          value={form.surveySectionId}
          onChange={(v) => setForm({ ...form, surveySectionId: v })}
          options={[
            { value: '', label: t('workshops.noSection') },
            ...sections.map((s) => ({ value: s.id, label: s.title.de })),
          ]}
        />
      )}
      <TextArea
        name={`description-${item.id}`}
        label={t('workshops.description')}
        rows={2}
        value={form.description}
        onChange={(v) => setForm({ ...form, description: v })}
      />
      <TextArea
        name={`outcome-${item.id}`}
        label={t('workshops.outcome')}
        rows={3}
        value={form.outcome}
        onChange={(v) => setForm({ ...form, outcome: v })}
      />
      <Button type="submit" small>
        {t('common.save')}
      </Button>
    </form>
  );
}

function Agenda({ w, notify }: { w: Workshop; notify: Notify }) {
  const { t } = useTranslation();
  const change = useChangeWorkshop(w.id);
  const [title, setTitle] = useState('');
  const [toDelete, setToDelete] = useState<Item | null>(null);
  const mod = w.can.manage;
  async function run(what: WorkshopChange, msg?: string) {
    try {
      await change.mutateAsync(what);
      if (msg) notify('success', msg);
    } catch (err) {
      notify('error', errorMessage(err, t, true));
    }
  }
  return (
    <Panel id="h-agenda" title={t('workshops.agenda')}>
      <ol className="agenda">
        {w.items.map((it, i) => (
          <li key={it.id}>
            <h3>
              {it.title}
              {kindAddsToTitle(it.title, t(`workshops.kinds.${it.kind}`)) && (
                <span className="hint"> ({t(`workshops.kinds.${it.kind}`)})</span>
              )}
            </h3>
            {it.outcome && (
              <p>
                <strong>{t('workshops.outcome')}:</strong> {it.outcome}
              </p>
            )}
            {it.ideas.length > 0 && (
              <ul className="ideas">
                {it.ideas.map((idea) => (
                  <li key={idea.id}>
                    {idea.text} — {t('workshops.dots', { count: idea.votes })}
                    {mod && (
                      <Button
                        small
                        variant="secondary"
                        onPress={() => void run({ path: `/ideas/${idea.id}`, method: 'DELETE' })}
                        aria-label={t('workshops.removeIdea', { text: idea.text })}
                      >
                        {t('common.delete')}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {mod && (
              <details>
                <summary>{t('workshops.editItem', { title: it.title })}</summary>
                <ItemEditor w={w} item={it} notify={notify} key={it.version} />
                <div className="btn-row">
                  <Button
                    small
                    variant="secondary"
                    isDisabled={i === 0}
                    onPress={() =>
                      void run({ path: `/items/${it.id}/move`, method: 'POST', body: { direction: 'up' } })
                    }
                  >
                    {t('surveys.moveUpShort')}
                  </Button>
                  <Button
                    small
                    variant="secondary"
                    isDisabled={i === w.items.length - 1}
                    onPress={() =>
                      void run({ path: `/items/${it.id}/move`, method: 'POST', body: { direction: 'down' } })
                    }
                  >
                    {t('surveys.moveDownShort')}
                  </Button>
                  <Button small variant="danger" onPress={() => setToDelete(it)}>
                    {t('workshops.deleteItem')}
                  </Button>
                </div>
              </details>
            )}
          </li>
        ))}
      </ol>
      {mod && (
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            const body = { kind: 'topic' as const, title };
            // an empty title adds nothing (as before); other problems are said
            if (!title.trim()) return;
            const [invalid] = Object.values(validate(agendaItemCreate, body, t));
            if (invalid) return notify('error', invalid);
            void run({ path: '/items', method: 'POST', body }, t('workshops.itemAdded')).then(() => setTitle(''));
          }}
        >
          <TextField name="newItem" label={t('workshops.newItem')} value={title} onChange={setTitle} />
          <Button type="submit" variant="secondary">
            {t('workshops.addItem')}
          </Button>
        </form>
      )}
      <ConfirmDialog
        isOpen={toDelete !== null}
        title={t('workshops.deleteItemTitle')}
        body={t('workshops.deleteItemBody', { title: toDelete?.title ?? '' })}
        confirmLabel={t('workshops.deleteItem')}
        onConfirm={() => {
          if (toDelete) void run({ path: `/items/${toDelete.id}`, method: 'DELETE' });
          setToDelete(null);
        }}
        onCancel={() => setToDelete(null)}
      />
    </Panel>
  );
}

export function ActionsSection({ w, notify }: { w: Workshop; notify: Notify }) {
  const { t } = useTranslation();
  const change = useChangeWorkshop(w.id);
  const [form, setForm] = useState({ what: '', who: '', dueOn: '', itemId: w.currentItemId ?? '' });
  const mod = w.can.manage;
  async function run(what: WorkshopChange) {
    try {
      await change.mutateAsync(what);
      return true;
    } catch (err) {
      notify('error', errorMessage(err, t, true));
      return false;
    }
  }
  const titleOf = (id: string | null) => w.items.find((i) => i.id === id)?.title ?? '–';
  const session = useSession();
  const canTakeOver = Boolean(session.activeMunicipalityId && session.can.create_needs);
  const actionColumns: Column<Workshop['actions'][number]>[] = [
    { header: t('workshops.what'), cell: (a) => a.what },
    { header: t('workshops.who'), cell: (a) => a.who || '–' },
    { header: t('workshops.dueOn'), cell: (a) => fmtDate(a.dueOn) },
    { header: t('workshops.topic'), cell: (a) => titleOf(a.itemId) },
    {
      header: t('workshops.statusLabel'),
      cell: (a) =>
        mod ? (
          <label className="choice">
            <input
              type="checkbox"
              checked={a.status === 'done'}
              onChange={(e) =>
                void run({
                  path: `/actions/${a.id}`,
                  method: 'PATCH',
                  body: { ...a, status: e.target.checked ? 'done' : 'open' },
                })
              }
            />
            {t('workshops.done')}
          </label>
        ) : (
          t(`workshops.actionStatus.${a.status}`)
        ),
    },
    { header: t('workshops.actionId'), cell: (a) => <code title={a.id}>{a.id.slice(0, 8)}</code> },
  ];
  if (canTakeOver)
    actionColumns.push({
      header: t('common.actions'),
      cell: (a) => (
        <Link
          to={`/bedarfe?aktion=${a.id}&text=${encodeURIComponent(a.what)}`}
          aria-label={`${t('needs.takeOver')}: ${a.what}`}
        >
          {t('needs.takeOver')}
        </Link>
      ),
    });
  return (
    <Panel id="h-actions" title={t('workshops.actions')}>
      <DataTable
        label={t('workshops.actions')}
        rows={w.actions}
        rowKey={(a) => a.id}
        empty={t('workshops.noActions')}
        columns={actionColumns}
      />
      {mod && (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const body = { ...form, itemId: form.itemId || null, dueOn: form.dueOn || null };
            const [invalid] = Object.values(validate(actionCreate, body, t));
            if (invalid) return notify('error', invalid);
            const ok = await run({ path: '/actions', method: 'POST', body });
            if (ok) {
              setForm({ ...form, what: '', who: '', dueOn: '' });
              notify('success', t('workshops.actionAdded'));
            }
          }}
          noValidate
        >
          <h3>{t('workshops.addAction')}</h3>
          <TextField
            name="what"
            label={t('workshops.what')}
            value={form.what}
            onChange={(v) => setForm({ ...form, what: v })}
            required
          />
          <div className="filters">
            <TextField
              name="who"
              label={t('workshops.who')}
              value={form.who}
              onChange={(v) => setForm({ ...form, who: v })}
            />
            <TextField
              name="dueOn"
              type="date"
              label={t('workshops.dueOn')}
              value={form.dueOn}
              onChange={(v) => setForm({ ...form, dueOn: v })}
            />
            <SelectField
              name="itemId"
              label={t('workshops.topic')}
              value={form.itemId}
              onChange={(v) => setForm({ ...form, itemId: v })}
              options={[{ value: '', label: '–' }, ...w.items.map((i) => ({ value: i.id, label: i.title }))]}
            />
          </div>
          <Button type="submit" variant="secondary">
            {t('workshops.addAction')}
          </Button>
        </form>
      )}
    </Panel>
  );
}

function EditDetails({ w, notify }: { w: Workshop; notify: Notify }) {
  const { t } = useTranslation();
  const change = useChangeWorkshop(w.id);
  const [form, setForm] = useState({
    title: w.title,
    heldOn: w.heldOn,
    place: w.place,
    videoUrl: w.videoUrl,
    leitfrage: w.leitfrage,
    votesPerPerson: String(w.votesPerPerson),
  });
  const [version, setVersion] = useState(w.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const body = {
      ...form,
      votesPerPerson: Number(form.votesPerPerson),
      municipalityIds: w.municipalities.map((m) => m.id),
      version,
    };
    const invalid = validate(workshopUpdate, body, t);
    if (Object.keys(invalid).length) {
      setErrors(invalid);
      return notify('error', Object.values(invalid)[0] as string);
    }
    try {
      const res = await change.mutateAsync({ path: '', method: 'PATCH', body });
      setVersion(res.version);
      setErrors({});
      notify('success', t('common.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setVersion(Number(err.body.currentVersion));
        notify('warning', t('errors.version_conflict'));
        return;
      }
      setErrors(fieldMessages(err, t));
      notify('error', errorMessage(err, t, true));
    }
  }
  return (
    <details className="panel">
      <summary>{t('workshops.editDetails')}</summary>
      <form onSubmit={save} noValidate>
        <TextField
          name="title"
          label={t('workshops.titleLabel')}
          value={form.title}
          onChange={(v) => setForm({ ...form, title: v })}
          error={errors.title}
          required
        />
        <div className="filters">
          <TextField
            name="heldOn"
            type="date"
            label={t('workshops.heldOn')}
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
            label={t('workshops.videoUrl')}
            hint={t('workshops.videoUrlHint')}
            value={form.videoUrl}
            onChange={(v) => setForm({ ...form, videoUrl: v })}
            error={errors.videoUrl}
          />
          <TextField
            name="votesPerPerson"
            type="number"
            inputMode="numeric"
            label={t('workshops.votesPerPerson')}
            value={form.votesPerPerson}
            onChange={(v) => setForm({ ...form, votesPerPerson: v })}
            error={errors.votesPerPerson}
          />
        </div>
        <TextArea
          name="leitfrage"
          label={t('workshops.leitfrage')}
          rows={2}
          value={form.leitfrage}
          onChange={(v) => setForm({ ...form, leitfrage: v })}
        />
        <Button type="submit">{t('common.save')}</Button>
      </form>
    </details>
  );
}

export function JoinInfo({ w }: { w: Workshop }) {
  const { t } = useTranslation();
  if (!w.joinCode) return null;
  return (
    <div className="join-info">
      <img
        src={`/api/v1/workshops/${w.id}/qr.svg`}
        alt={t('workshops.qrAlt', { code: w.joinCode })}
        width={160}
        height={160}
      />
      <p>
        {t('workshops.joinAt', { url: `${window.location.origin}/mitmachen` })}
        <br />
        <span className="join-code">{w.joinCode}</span>
      </p>
    </div>
  );
}

export function WorkshopPage() {
  const { t } = useTranslation();
  const { workshopId = '' } = useParams();
  const q = useWorkshop(workshopId);
  const [msg, setMsg] = useState<{ kind: 'success' | 'error' | 'warning'; text: string }>();
  const notify: Notify = (kind, text) => setMsg({ kind, text });
  if (!q.data)
    return (
      <Page title={t('workshops.title')}>
        <Pending query={q} />
      </Page>
    );
  const w = q.data;
  return (
    <Page
      title={w.title}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: '/workshops', label: t('workshops.title') },
      ]}
    >
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <dl className="facts">
        <dt>{t('workshops.heldOn')}</dt>
        <dd>{fmtDate(w.heldOn)}</dd>
        <dt>{t('workshops.place')}</dt>
        <dd>
          {w.place || '–'}
          {w.videoUrl && (
            <>
              {' · '}
              <a href={w.videoUrl} rel="noopener noreferrer" target="_blank">
                {t('workshops.videoLink')}
              </a>
            </>
          )}
        </dd>
        <dt>{t('workshops.network')}</dt>
        <dd>{w.network}</dd>
        <dt>{t('workshops.survey')}</dt>
        <dd>{w.surveyId ? <Link to={`/umfragen/${w.surveyId}`}>{w.surveyTitle}</Link> : '–'}</dd>
        <dt>{t('workshops.statusLabel')}</dt>
        <dd>{t(`workshops.status.${w.status}`)}</dd>
        <dt>{t('workshops.participantsLabel')}</dt>
        <dd>{t('workshops.participantCount', { count: w.participants })}</dd>
      </dl>
      {w.leitfrage && (
        <blockquote className="leitfrage">
          <strong>{t('workshops.leitfrage')}:</strong> {w.leitfrage}
        </blockquote>
      )}
      <div className="btn-row">
        {w.can.present && (
          <Link className="btn" to={`/workshops/${w.id}/praesentation`}>
            {t('workshops.present')}
          </Link>
        )}
        <a className="btn secondary" href={`/api/v1/workshops/${w.id}/report.pdf`} download>
          {t('workshops.reportPdf')}
        </a>
        <a className="btn secondary" href={`/api/v1/workshops/${w.id}/report.md`} download>
          {t('workshops.reportMd')}
        </a>
      </div>
      {w.can.manage && <JoinInfo w={w} />}
      {w.can.manage && <EditDetails w={w} notify={notify} key={w.version} />}
      <Panel id="h-munis" title={t('workshops.municipalities')}>
        {w.municipalities.length === 0 ? (
          <Empty>{t('workshops.noMunicipalities')}</Empty>
        ) : (
          <ul>
            {w.municipalities.map((m) => (
              <li key={m.id}>
                {m.name} (GK{m.sizeClass}, {m.land})
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Agenda w={w} notify={notify} />
      <ActionsSection w={w} notify={notify} />
    </Page>
  );
}
