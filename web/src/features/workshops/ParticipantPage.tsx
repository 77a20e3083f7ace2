import { ideaCreate, joinWorkshop } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Alert, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { validate } from '../../lib/validate';
import { AuthFrame } from '../auth/AuthFrame';
import { useEventStream } from './live';
import { type JoinWorkshop, liveStateQuery, useJoinWorkshop, useParticipantAction, useRefreshLive } from './queries';

const STORAGE_KEY = 'dz-participant';

function stored(): { token: string; workshopId: string } | null {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    return null;
  }
}

function Join({ onJoined }: { onJoined: () => void }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const join = useJoinWorkshop();
  const [form, setForm] = useState<Required<JoinWorkshop>>({
    code: params.get('code') ?? '',
    name: '',
    organisation: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<string>();
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const local = validate(joinWorkshop, form, t);
    // the contract knows the code's format; the words for it are the page's
    if (local.code) local.code = t('live.codeInvalid');
    if (Object.keys(local).length) return setErrors(local);
    try {
      const r = await join.mutateAsync(form);
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(r));
      onJoined();
    } catch (err) {
      if (err instanceof ApiError && err.errors.some((x) => x.code === 'unknown_code'))
        setErrors({ code: t('live.unknownCode') });
      else if (err instanceof ApiError && err.status === 400) setErrors(fieldMessages(err, t));
      else setMsg(errorMessage(err, t));
    }
  }
  return (
    <AuthFrame title={t('live.joinTitle')}>
      <p>{t('live.joinIntro')}</p>
      {msg && <Alert kind="error">{msg}</Alert>}
      <ErrorSummary errors={errors} labels={{ code: t('live.code'), name: t('live.name') }} />
      <form onSubmit={submit} noValidate>
        <TextField
          name="code"
          label={t('live.code')}
          hint={t('live.codeHint')}
          value={form.code}
          onChange={(v) => setForm({ ...form, code: v.toUpperCase() })}
          error={errors.code}
          autoComplete="off"
          required
        />
        <TextField
          name="name"
          label={t('live.name')}
          value={form.name}
          onChange={(v) => setForm({ ...form, name: v })}
          error={errors.name}
          autoComplete="name"
          required
        />
        <TextField
          name="organisation"
          label={t('live.organisation')}
          value={form.organisation}
          onChange={(v) => setForm({ ...form, organisation: v })}
          autoComplete="organization"
        />
        <Button type="submit">{t('live.join')}</Button>
      </form>
    </AuthFrame>
  );
}

function Live({ token, onLeave }: { token: string; onLeave: () => void }) {
  const { t } = useTranslation();
  const q = useQuery(liveStateQuery(token));
  const participate = useParticipantAction(token);
  useEventStream(`/api/v1/live/events?token=${encodeURIComponent(token)}`, useRefreshLive(token));
  const [idea, setIdea] = useState('');
  const [msg, setMsg] = useState<{ kind: 'error' | 'success'; text: string }>();
  const [shownItem, setShownItem] = useState<string | null>(null);
  useEffect(() => {
    if (q.error instanceof ApiError && q.error.status === 401) onLeave();
  }, [q.error, onLeave]);
  if (!q.data) return <Pending query={q} />;
  const s = q.data;
  const itemId = shownItem ?? s.currentItemId ?? s.items.find((i) => i.kind === 'topic')?.id ?? null;
  const item = s.items.find((i) => i.id === itemId);
  async function act(what: Parameters<typeof participate.mutateAsync>[0], ok?: string) {
    try {
      await participate.mutateAsync(what);
      if (ok) setMsg({ kind: 'success', text: ok });
      return true;
    } catch (err) {
      setMsg({ kind: 'error', text: errorMessage(err, t) });
      return false;
    }
  }
  return (
    <AuthFrame title={s.title} wide>
      {s.leitfrage && <p className="slide-leitfrage">{s.leitfrage}</p>}
      <p className="hint">
        {t('live.you', { name: s.me.name })} · {t(`workshops.status.${s.status}`)}
      </p>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <div className="field">
        <label htmlFor="topic-select">{t('live.topic')}</label>
        <select id="topic-select" value={itemId ?? ''} onChange={(e) => setShownItem(e.target.value || null)}>
          {s.items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
              {i.id === s.currentItemId ? ` (${t('live.now')})` : ''}
            </option>
          ))}
        </select>
      </div>
      {item && (
        <Panel id="h-topic" title={item.title}>
          {s.status === 'live' ? (
            <p aria-live="polite">{t('live.votesLeft', { count: item.votesLeft, total: s.votesPerPerson })}</p>
          ) : (
            <p className="hint">{t('live.votingClosed')}</p>
          )}
          {item.ideas.length === 0 ? (
            <p className="hint">{t('workshops.noIdeas')}</p>
          ) : (
            <ul className="vote-list">
              {item.ideas.map((i) => (
                <li key={i.id}>
                  <span className="idea-text">{i.text}</span>
                  <span className="idea-votes">
                    {t('workshops.dots', { count: i.votes })}
                    {i.mine > 0 && ` · ${t('live.mine', { count: i.mine })}`}
                  </span>
                  {s.status === 'live' && (
                    <span className="btn-row">
                      <Button
                        small
                        isDisabled={item.votesLeft === 0}
                        onPress={() => void act({ path: '/live/votes', method: 'POST', body: { ideaId: i.id } })}
                        aria-label={t('live.voteFor', { text: i.text })}
                      >
                        {t('live.vote')}
                      </Button>
                      {i.mine > 0 && (
                        <Button
                          small
                          variant="secondary"
                          onPress={() => void act({ path: `/live/votes/${i.id}`, method: 'DELETE' })}
                          aria-label={t('live.unvoteFor', { text: i.text })}
                        >
                          {t('live.unvote')}
                        </Button>
                      )}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {s.status !== 'done' && (
            <form
              className="filters"
              onSubmit={async (e) => {
                e.preventDefault();
                const body = { itemId: item.id, text: idea };
                const [invalid] = Object.values(validate(ideaCreate, body, t));
                if (invalid) return setMsg({ kind: 'error', text: invalid });
                if (await act({ path: '/live/ideas', method: 'POST', body }, t('live.ideaAdded'))) setIdea('');
              }}
            >
              <TextField name="idea" label={t('workshops.addIdeaLabel')} value={idea} onChange={setIdea} />
              <Button type="submit" variant="secondary">
                {t('workshops.addIdea')}
              </Button>
            </form>
          )}
        </Panel>
      )}
    </AuthFrame>
  );
}

/** Participants' own device: join with the code (or QR), then follow the topic, add ideas and vote. */
export function ParticipantPage() {
  const [session, setSession] = useState(stored);
  const leave = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(null);
  }, []);
  if (!session) return <Join onJoined={() => setSession(stored())} />;
  return <Live token={session.token} onLeave={leave} />;
}
