import { IDEA_STATUSES, ideaStatusChange, ideaSubmit } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { personName } from '../../lib/person';
import { validate } from '../../lib/validate';
import {
  type IdeaStatusChange,
  type IdeaSubmit,
  ideaQuery,
  ideasQuery,
  useChangeIdeaStatus,
  useIdeaToNeed,
  useRefreshIdea,
  useSubmitIdea,
  useSupportIdea,
} from './queries';

function SupportButton({ idea }: { idea: { id: string; title: string; supportedByMe: boolean } }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const support = useSupportIdea();
  return (
    <>
      <Button
        small
        variant={idea.supportedByMe ? 'primary' : 'secondary'}
        aria-pressed={idea.supportedByMe}
        aria-label={`${t('ideas.support')}: ${idea.title}`}
        onPress={async () => {
          try {
            await support.mutateAsync({ id: idea.id, support: !idea.supportedByMe });
            setError(undefined);
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
  const [params, setParams] = useSearchParams();
  const mine = params.get('meine') === '1';
  const list = useQuery(ideasQuery(mine));
  const [form, setForm] = useState<IdeaSubmit>({ title: '', description: '', creditConsent: false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<string>();
  const submitIdea = useSubmitIdea();
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const invalid = validate(ideaSubmit, form, t);
    if (Object.keys(invalid).length) return setErrors(invalid);
    try {
      await submitIdea.mutateAsync(form);
      setForm({ title: '', description: '', creditConsent: false });
      setErrors({});
      setMsg(t('ideas.submitted'));
    } catch (err) {
      setErrors(fieldMessages(err, t));
    }
  }
  return (
    <Page title={t('ideas.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p>{t('ideas.intro')}</p>
      {list.data?.can.submit && (
        <Panel title={t('ideas.submitTitle')}>
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
              value={form.description ?? ''}
              onChange={(v) => setForm({ ...form, description: v })}
            />
            <label className="choice">
              <input
                type="checkbox"
                name="creditConsent"
                checked={form.creditConsent ?? false}
                onChange={(e) => setForm({ ...form, creditConsent: e.target.checked })}
              />{' '}
              {t('ideas.creditConsent')}
            </label>
            <Button type="submit">{t('ideas.submit')}</Button>
          </form>
        </Panel>
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
              {!i.mine && list.data.can.submit && <SupportButton idea={i} />}
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
  const q = useQuery(ideaQuery(ideaId));
  const [form, setForm] = useState<Omit<IdeaStatusChange, 'version'>>({ status: 'in_review', reason: '' });
  const changeStatus = useChangeIdeaStatus(ideaId);
  const toNeed = useIdeaToNeed(ideaId);
  const refresh = useRefreshIdea(ideaId);
  const [msg, setMsg] = useState<{ kind: 'success' | 'error' | 'warning'; text: string }>();
  if (!q.data)
    return (
      <Page title={t('ideas.title')}>
        <Pending query={q} />
      </Page>
    );
  const i = q.data;
  async function run(change: () => Promise<unknown>, ok: string) {
    try {
      await change();
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
            <dd>{personName(i.submittedBy, t)}</dd>
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
      {i.can.support && <SupportButton idea={i} />}
      <Panel title={t('ideas.whatBecame')}>
        <ol>
          {i.events.map((e, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: events are ordered and immutable
            <li key={n}>
              {fmtDateTime(e.at)} – <strong>{t(`ideas.status.${e.status}`)}</strong>: {e.reason}
            </li>
          ))}
        </ol>
      </Panel>
      {i.can.manage && (
        <Panel title={t('ideas.decide')}>
          {i.can.toNeed && (
            <Button onPress={() => void run(() => toNeed.mutateAsync(i.version), t('ideas.becameNeed'))}>
              {t('ideas.toNeed')}
            </Button>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const body = { version: i.version, ...form };
              const [invalid] = Object.values(validate(ideaStatusChange, body, t));
              if (invalid) return setMsg({ kind: 'error', text: invalid });
              void run(() => changeStatus.mutateAsync(body), t('ideas.statusChanged'));
            }}
            noValidate
          >
            <SelectField
              name="status"
              label={t('ideas.statusLabel')}
              value={form.status}
              onChange={(v) => setForm({ ...form, status: v as IdeaStatusChange['status'] })}
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
        </Panel>
      )}
    </Page>
  );
}
