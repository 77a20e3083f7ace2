import type { exchangeDetail } from '@dz/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { TextArea } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { api } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDateTime } from '../../lib/format';
import { EntryView } from './EntryView';
import { RequestDialog } from './PartnersPage';

type Detail = z.infer<typeof exchangeDetail>;

function PostForm({ id, parentId, onDone }: { id: string; parentId: string | null; onDone: (d: Detail) => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string>();
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (body.trim().length < 3) return setError(t('exchange.postTooShort'));
        try {
          onDone(await api<Detail>(`/exchange/${id}/posts`, { method: 'POST', body: { body, parentId } }));
          setBody('');
          setError(undefined);
        } catch (err) {
          setError(fieldMessages(err, t).body ?? errorMessage(err, t));
        }
      }}
    >
      <TextArea
        name={parentId ? `answer-${parentId}` : 'question'}
        label={parentId ? t('exchange.answer') : t('exchange.question')}
        hint={parentId ? undefined : t('exchange.questionHint')}
        value={body}
        onChange={setBody}
        error={error}
        rows={3}
      />
      <Button type="submit" small={Boolean(parentId)}>
        {parentId ? t('exchange.sendAnswer') : t('exchange.ask')}
      </Button>
    </form>
  );
}

/** One published project: details, documents, questions and answers, reuse and lighthouse marks. */
export function EntryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['exchange-entry', id], queryFn: () => api<Detail>(`/exchange/${id}`) });
  const [msg, setMsg] = useState<string>();
  const [contact, setContact] = useState(false);
  const session = useSession();
  const set = (d: Detail) => qc.setQueryData(['exchange-entry', id], d);
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: '/austausch/projekte', label: t('exchange.title') },
  ];
  if (q.error)
    return (
      <Page title={t('exchange.entry')} crumbs={crumbs}>
        <Pending query={q} />
      </Page>
    );
  if (!q.data)
    return (
      <Page title={t('exchange.entry')} crumbs={crumbs}>
        <Pending query={q} />
      </Page>
    );
  const e = q.data;
  const moderated = e.can.lighthouseNetworks;
  return (
    <Page
      title={e.title}
      crumbs={crumbs}
      actions={
        e.can.adopt ? (
          <span className="btn-row">
            <Link className="btn" to={`/austausch/projekte/${id}/uebernehmen`}>
              {t('exchange.adopt')}
            </Link>
            {session.can.manage_exchange && (
              <>
                <Button variant="secondary" onPress={() => setContact(true)}>
                  {t('exchange.requestContact')}
                </Button>
                <Link
                  className="btn secondary"
                  to={`/austausch/gemeinsam/neu?veroeffentlichung=${id}&titel=${encodeURIComponent(e.title)}`}
                >
                  {t('exchange.proposeJoint')}
                </Link>
              </>
            )}
          </span>
        ) : undefined
      }
    >
      {msg && <Alert kind="success">{msg}</Alert>}
      <RequestDialog
        to={contact ? { id: e.municipality.id, name: e.municipality.name } : null}
        about={e.title}
        onClose={(sent) => {
          setContact(false);
          if (sent) setMsg(t('exchange.requestSent'));
        }}
      />
      {e.adoptedAs.length > 0 && (
        <Alert kind="info">
          {t('exchange.adoptedAs')}{' '}
          {e.adoptedAs.map((a) => (
            <Link key={a.projectId} to={`/projekte/${a.projectId}`}>
              {a.title}
            </Link>
          ))}
        </Alert>
      )}
      <EntryView e={e} titled={false} documentHref={(f) => `/api/v1/exchange/${id}/documents/${f}`} />
      {e.reuse && (
        <section className="panel" aria-labelledby="h-reuse">
          <h2 id="h-reuse">{t('exchange.reuseTitle')}</h2>
          <p>{t('exchange.reuseCount', { count: e.reuse.count })}</p>
          {e.reuse.count > 0 && (
            <TableWrap label={t('exchange.reuseTitle')}>
              <table className="data">
                <caption>{t('exchange.reuseBy')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('exchange.reuseGroup')}</th>
                    <th scope="col">{t('exchange.reuseNumber')}</th>
                  </tr>
                </thead>
                <tbody>
                  {e.reuse.bySizeClass.map((r) => (
                    <tr key={`gk${r.sizeClass}`}>
                      <td>GK {r.sizeClass}</td>
                      <td>{r.count}</td>
                    </tr>
                  ))}
                  {e.reuse.byLand.map((r) => (
                    <tr key={r.landCode}>
                      <td>{r.land}</td>
                      <td>{r.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </section>
      )}
      {moderated.length > 0 && (
        <section className="panel" aria-labelledby="h-lighthouse">
          <h2 id="h-lighthouse">{t('exchange.lighthouseTitle')}</h2>
          {moderated.map((n) => {
            const on = e.lighthouse.some((l) => l.networkId === n.id);
            return (
              <Button
                key={n.id}
                variant={on ? 'secondary' : 'primary'}
                onPress={async () => {
                  try {
                    set(await api<Detail>(`/exchange/${id}/lighthouse/${n.id}`, { method: on ? 'DELETE' : 'PUT' }));
                    setMsg(on ? t('exchange.lighthouseRemoved') : t('exchange.lighthouseSet'));
                  } catch (err) {
                    setMsg(errorMessage(err, t, true));
                  }
                }}
              >
                {on
                  ? t('exchange.unmarkLighthouse', { network: n.name })
                  : t('exchange.markLighthouse', { network: n.name })}
              </Button>
            );
          })}
        </section>
      )}
      <section className="panel" aria-labelledby="h-questions">
        <h2 id="h-questions">{t('exchange.questions')}</h2>
        {e.questions.length === 0 && <p className="muted">{t('exchange.noQuestions')}</p>}
        <ol className="texts">
          {e.questions.map((qq) => (
            <li key={qq.id}>
              <p>
                <strong>
                  {qq.author ?? t('exchange.someone')} ({qq.municipality ?? '–'})
                </strong>{' '}
                <span className="muted">{fmtDateTime(qq.createdAt)}</span>
              </p>
              <p style={{ whiteSpace: 'pre-line' }}>{qq.body}</p>
              {qq.answers.length > 0 && (
                <ul>
                  {qq.answers.map((a) => (
                    <li key={a.id}>
                      <strong>
                        {a.author ?? t('exchange.someone')} ({a.municipality ?? '–'})
                        {a.fromPublisher && ` · ${t('exchange.publisher')}`}
                      </strong>
                      : <span style={{ whiteSpace: 'pre-line' }}>{a.body}</span>
                    </li>
                  ))}
                </ul>
              )}
              {e.can.ask && <PostForm id={id} parentId={qq.id} onDone={set} />}
            </li>
          ))}
        </ol>
        {e.can.ask && <PostForm id={id} parentId={null} onDone={set} />}
      </section>
    </Page>
  );
}
