import type { ideaDetail, ideaList } from '@dz/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { ApiError, api } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDate, fmtDateTime } from '../../lib/format';

type Idea = z.infer<typeof ideaDetail>;
const IDEA_STATUSES = ['new', 'in_review', 'accepted', 'rejected', 'implemented'] as const;

function SupportButton({
  idea,
  onChange,
}: {
  idea: { id: string; title: string; supportedByMe: boolean };
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  return (
    <>
      <Button
        small
        variant={idea.supportedByMe ? 'primary' : 'secondary'}
        aria-pressed={idea.supportedByMe}
        aria-label={`${t('ideas.support')}: ${idea.title}`}
        onPress={async () => {
          try {
            await api(`/ideas/${idea.id}/support`, { method: idea.supportedByMe ? 'DELETE' : 'POST' });
            onChange();
          } catch (err) {
            setError(errorMessage(err, t));
          }
        }}
      >
        {t('ideas.support')}
      </Button>
      {error && <span className="field-error">{error}</span>}
    </>
  );
}

export function IdeasPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const mine = params.get('meine') === '1';
  const list = useQuery({
    queryKey: ['ideas', mine],
    queryFn: () => api<z.infer<typeof ideaList>>(`/ideas${mine ? '?mine=true' : ''}`),
  });
  const [form, setForm] = useState({ title: '', description: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<string>();
  const refresh = () => qc.invalidateQueries({ queryKey: ['ideas'] });
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (form.title.trim().length < 3) return setErrors({ title: t('ideas.titleMissing') });
    try {
      await api('/ideas', { method: 'POST', body: form });
      setForm({ title: '', description: '' });
      setErrors({});
      setMsg(t('ideas.submitted'));
      await refresh();
    } catch (err) {
      setErrors(fieldMessages(err, t));
    }
  }
  return (
    <Page title={t('ideas.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p>{t('ideas.intro')}</p>
      {list.data?.can.submit && (
        <section className="panel" aria-labelledby="h-idea-new">
          <h2 id="h-idea-new">{t('ideas.submitTitle')}</h2>
          {msg && <Alert kind="success">{msg}</Alert>}
          <ErrorSummary errors={errors} labels={{ title: t('ideas.titleLabel') }} />
          <form onSubmit={submit} noValidate>
            <TextField
              name="title"
              label={t('ideas.titleLabel')}
              value={form.title}
              onChange={(v) => setForm({ ...form, title: v })}
              error={errors.title}
              required
            />
            <TextArea
              name="description"
              label={t('ideas.description')}
              value={form.description}
              onChange={(v) => setForm({ ...form, description: v })}
            />
            <Button type="submit">{t('ideas.submit')}</Button>
          </form>
        </section>
      )}
      <fieldset className="btn-row plain">
        <legend className="visually-hidden">{t('ideas.view')}</legend>
        <Button variant={mine ? 'secondary' : 'primary'} aria-pressed={!mine} onPress={() => setParams({})}>
          {t('ideas.all')}
        </Button>
        <Button variant={mine ? 'primary' : 'secondary'} aria-pressed={mine} onPress={() => setParams({ meine: '1' })}>
          {t('ideas.mine')}
        </Button>
      </fieldset>
      {!list.data ? (
        <Pending query={list} />
      ) : list.data.items.length === 0 ? (
        <Empty>{mine ? t('ideas.emptyMine') : t('ideas.empty')}</Empty>
      ) : (
        <ul className="idea-cards">
          {list.data.items.map((i) => (
            <li key={i.id} className="panel">
              <h2>
                <Link to={`/ideen/${i.id}`}>{i.title}</Link>
              </h2>
              <p className="hint">
                {fmtDate(i.createdAt)} · {t(`ideas.status.${i.status}`)} · {t('ideas.supports', { count: i.supports })}
              </p>
              {i.mine && i.lastReason && (
                <p>
                  <strong>{t('ideas.outcome')}:</strong> {i.lastReason}
                </p>
              )}
              {!i.mine && list.data.can.submit && <SupportButton idea={i} onChange={() => void refresh()} />}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

export function IdeaPage() {
  const { t } = useTranslation();
  const { ideaId = '' } = useParams();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['idea', ideaId], queryFn: () => api<Idea>(`/ideas/${ideaId}`) });
  const [form, setForm] = useState({ status: 'in_review', reason: '' });
  const [msg, setMsg] = useState<{ kind: 'success' | 'error' | 'warning'; text: string }>();
  if (!q.data)
    return (
      <Page title={t('ideas.title')}>
        <Pending query={q} />
      </Page>
    );
  const i = q.data;
  const refresh = () =>
    Promise.all([qc.invalidateQueries({ queryKey: ['idea', ideaId] }), qc.invalidateQueries({ queryKey: ['ideas'] })]);
  async function run(path: string, body: unknown, ok: string) {
    try {
      qc.setQueryData(['idea', ideaId], await api<Idea>(`/ideas/${ideaId}${path}`, { method: 'POST', body }));
      await qc.invalidateQueries({ queryKey: ['ideas'] });
      setMsg({ kind: 'success', text: ok });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        await refresh();
        setMsg({ kind: 'warning', text: t('errors.version_conflict') });
      } else setMsg({ kind: 'error', text: errorMessage(err, t, true) });
    }
  }
  return (
    <Page title={i.title} crumbs={[{ to: '/ideen', label: t('ideas.title') }]}>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <dl className="facts">
        <dt>{t('ideas.statusLabel')}</dt>
        <dd>{t(`ideas.status.${i.status}`)}</dd>
        <dt>{t('ideas.supportsLabel')}</dt>
        <dd>{t('ideas.supports', { count: i.supports })}</dd>
        {i.submittedBy && (
          <>
            <dt>{t('ideas.submittedBy')}</dt>
            <dd>{i.submittedBy}</dd>
          </>
        )}
        {i.needId && (
          <>
            <dt>{t('ideas.need')}</dt>
            <dd>
              <Link to={`/bedarfe/${i.needId}`}>{t('ideas.toTheNeed')}</Link>
            </dd>
          </>
        )}
      </dl>
      {i.description && <p className="texts">{i.description}</p>}
      {i.can.support && <SupportButton idea={i} onChange={() => void refresh()} />}
      <section className="panel" aria-labelledby="h-what">
        <h2 id="h-what">{t('ideas.whatBecame')}</h2>
        <ol>
          {i.events.map((e, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: events are ordered and immutable
            <li key={n}>
              {fmtDateTime(e.at)} – <strong>{t(`ideas.status.${e.status}`)}</strong>: {e.reason}
            </li>
          ))}
        </ol>
      </section>
      {i.can.manage && (
        <section className="panel" aria-labelledby="h-decide">
          <h2 id="h-decide">{t('ideas.decide')}</h2>
          {i.can.toNeed && (
            <Button onPress={() => void run('/need', { version: i.version }, t('ideas.becameNeed'))}>
              {t('ideas.toNeed')}
            </Button>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (form.reason.trim().length < 3) return setMsg({ kind: 'error', text: t('ideas.reasonMissing') });
              void run('/status', { version: i.version, ...form }, t('ideas.statusChanged'));
            }}
            noValidate
          >
            <SelectField
              name="status"
              label={t('ideas.statusLabel')}
              value={form.status}
              onChange={(v) => setForm({ ...form, status: v })}
              options={IDEA_STATUSES.map((s) => ({ value: s, label: t(`ideas.status.${s}`) }))}
            />
            <TextArea
              name="reason"
              label={t('ideas.reason')}
              hint={t('ideas.reasonHint')}
              value={form.reason}
              onChange={(v) => setForm({ ...form, reason: v })}
              required
            />
            <Button type="submit" variant="secondary">
              {t('ideas.changeStatus')}
            </Button>
          </form>
        </section>
      )}
    </Page>
  );
}
