import { postInput } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { TextArea } from '../../components/Field';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDateTime } from '../../lib/format';
import { personName } from '../../lib/person';
import { validate } from '../../lib/validate';
import { EntryView } from './EntryView';
import { RequestDialog } from './PartnersPage';
import { entryQuery, useAddPost, useLighthouse } from './queries';

function PostForm({ id, parentId }: { id: string; parentId: string | null }) {
  const { t } = useTranslation();
  const addPost = useAddPost(id);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string>();
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const post = { body, parentId };
        const invalid = validate(postInput, post, t);
        if (invalid.body) return setError(invalid.body);
        try {
          await addPost.mutateAsync(post);
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
  const q = useQuery(entryQuery(id));
  const lighthouse = useLighthouse(id);
  const [msg, setMsg] = useState<string>();
  const [contact, setContact] = useState(false);
  const session = useSession();
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: '/austausch/projekte', label: t('exchange.title') },
  ];
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
        <Panel title={t('exchange.reuseTitle')}>
          <p>{t('exchange.reuseCount', { count: e.reuse.count })}</p>
          {e.reuse.count > 0 && (
            <DataTable
              label={t('exchange.reuseTitle')}
              caption={t('exchange.reuseBy')}
              columns={[
                { header: t('exchange.reuseGroup'), cell: (r) => r.group },
                { header: t('exchange.reuseNumber'), cell: (r) => r.count },
              ]}
              rows={[
                ...e.reuse.bySizeClass.map((r) => ({
                  key: `gk${r.sizeClass}`,
                  group: `GK ${r.sizeClass}`,
                  count: r.count,
                })),
                ...e.reuse.byLand.map((r) => ({ key: r.landCode, group: r.land, count: r.count })),
              ]}
              rowKey={(r) => r.key}
              empty={t('exchange.reuseCount', { count: 0 })}
            />
          )}
        </Panel>
      )}
      {moderated.length > 0 && (
        <Panel title={t('exchange.lighthouseTitle')}>
          {moderated.map((n) => {
            const on = e.lighthouse.some((l) => l.networkId === n.id);
            return (
              <Button
                key={n.id}
                variant={on ? 'secondary' : 'primary'}
                onPress={async () => {
                  try {
                    await lighthouse.mutateAsync({ networkId: n.id, on: !on });
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
        </Panel>
      )}
      <Panel title={t('exchange.questions')}>
        {e.questions.length === 0 && <Empty>{t('exchange.noQuestions')}</Empty>}
        <ol className="texts">
          {e.questions.map((qq) => (
            <li key={qq.id}>
              <p>
                <strong>
                  {personName(qq.author, t) ?? t('exchange.someone')} ({qq.municipality ?? '–'})
                </strong>{' '}
                <span className="muted">{fmtDateTime(qq.createdAt)}</span>
              </p>
              <p style={{ whiteSpace: 'pre-line' }}>{qq.body}</p>
              {qq.answers.length > 0 && (
                <ul>
                  {qq.answers.map((a) => (
                    <li key={a.id}>
                      <strong>
                        {personName(a.author, t) ?? t('exchange.someone')} ({a.municipality ?? '–'})
                        {a.fromPublisher && ` · ${t('exchange.publisher')}`}
                      </strong>
                      : <span style={{ whiteSpace: 'pre-line' }}>{a.body}</span>
                    </li>
                  ))}
                </ul>
              )}
              {e.can.ask && <PostForm id={id} parentId={qq.id} />}
            </li>
          ))}
        </ol>
        {e.can.ask && <PostForm id={id} parentId={null} />}
      </Panel>
    </Page>
  );
}
