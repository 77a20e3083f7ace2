import { DRAFT_PLACEHOLDER, newsCreate, newsFeedCreate } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextArea, TextField } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDate } from '../../lib/format';
import { validate } from '../../lib/validate';
import { CheckboxGroup, useDepartments } from '../projects/shared';
import { PostArticle } from './NewsPage';
import {
  feedsQuery,
  type NewsFeedCreated,
  type NewsInput,
  type NewsPost,
  newsQuery,
  pendingCommentsQuery,
  useCreateFeed,
  useDecideComment,
  useDecidePost,
  useRevokeFeed,
  useSavePost,
} from './queries';
import './newsroom.css';
import { personName } from '../../lib/person';

const EMPTY: NewsInput = { title: '', body: '', audience: 'all', departmentIds: [], publishOn: null, imageAlt: '' };
const inputOf = (p: NewsPost): NewsInput => ({
  title: p.title,
  body: p.body,
  audience: p.audience,
  departmentIds: p.departmentIds,
  publishOn: p.publishOn,
  imageAlt: p.imageAlt,
});

/** Writes or edits a post: title, Markdown text, audience, publish date, image with its text alternative. */
function PostForm({ post, onDone }: { post?: NewsPost; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const save = useSavePost();
  const departments = useDepartments();
  const [form, setForm] = useState<NewsInput>(post ? inputOf(post) : EMPTY);
  const [image, setImage] = useState<File>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const labels = {
    title: t('news.fields.title'),
    body: t('news.fields.body'),
    departmentIds: t('news.fields.departments'),
    publishOn: t('news.fields.publishOn'),
    imageAlt: t('news.fields.imageAlt'),
    file: t('news.fields.image'),
  };
  const prefix = post?.id ?? 'new';
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const invalid = validate(newsCreate, form, t);
        if (Object.keys(invalid).length) return setErrors(invalid);
        try {
          await save.mutateAsync({ id: post?.id, version: post?.version, body: form, image });
          setErrors({});
          if (!post) setForm(EMPTY);
          onDone(post ? t('news.saved') : t('news.draftCreated'));
        } catch (err) {
          setErrors(fieldMessages(err, t));
        }
      }}
    >
      <ErrorSummary errors={errors} labels={labels} />
      <TextField
        name="title"
        label={labels.title}
        value={form.title}
        onChange={(v) => setForm({ ...form, title: v })}
        error={errors.title}
        required
      />
      <TextArea
        name="body"
        label={labels.body}
        hint={t('news.fields.bodyHint')}
        value={form.body}
        onChange={(v) => setForm({ ...form, body: v })}
        error={errors.body}
        rows={8}
        required
      />
      <fieldset className="field">
        <legend>{t('news.fields.audience')}</legend>
        {(['all', 'departments'] as const).map((a) => (
          <label key={a} className="choice">
            <input
              type="radio"
              name="audience"
              value={a}
              checked={form.audience === a}
              onChange={() => setForm({ ...form, audience: a })}
            />{' '}
            {t(`news.audiences.${a}`)}
          </label>
        ))}
      </fieldset>
      {form.audience === 'departments' && (
        <CheckboxGroup
          name="departmentIds"
          legend={labels.departmentIds}
          options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={form.departmentIds ?? []}
          onChange={(v) => setForm({ ...form, departmentIds: v })}
          error={errors.departmentIds}
        />
      )}
      <TextField
        name="publishOn"
        type="date"
        label={labels.publishOn}
        hint={t('news.fields.publishOnHint')}
        value={form.publishOn ?? ''}
        onChange={(v) => setForm({ ...form, publishOn: v || null })}
        error={errors.publishOn}
      />
      <div className="field">
        <label htmlFor={`${prefix}-image`}>{labels.file}</label>
        <span className="hint" id={`${prefix}-image-hint`}>
          {t('news.fields.imageHint')}
        </span>
        <input
          id={`${prefix}-image`}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          aria-describedby={`${prefix}-image-hint`}
          onChange={(e) => setImage(e.target.files?.[0])}
        />
        {errors.file && <span className="field-error">{errors.file}</span>}
      </div>
      <TextField
        name="imageAlt"
        label={labels.imageAlt}
        hint={t('news.fields.imageAltHint')}
        value={form.imageAlt ?? ''}
        onChange={(v) => setForm({ ...form, imageAlt: v })}
        error={errors.imageAlt}
      />
      <Button type="submit" isDisabled={save.isPending}>
        {post ? t('news.save') : t('news.createDraft')}
      </Button>
    </form>
  );
}

/** A draft waiting for the coordination: edit, publish or discard (discarded posts can come back). */
function Draft({ post, onDone }: { post: NewsPost; onDone: (msg: string, kind?: 'error') => void }) {
  const { t } = useTranslation();
  const decide = useDecidePost();
  const [editing, setEditing] = useState(false);
  const act = async (to: 'publish' | 'discard') => {
    // a draft that wrote itself must not reach all staff with its "Ergänzen Sie hier …" sentence (the server checks too)
    if (to === 'publish' && post.body.includes(DRAFT_PLACEHOLDER))
      return onDone(t('news.placeholderLeft', { placeholder: DRAFT_PLACEHOLDER }), 'error');
    try {
      await decide.mutateAsync({ id: post.id, version: post.version, to });
      onDone(t(to === 'publish' ? 'news.published' : 'news.discarded', { title: post.title }));
    } catch (err) {
      onDone(errorMessage(err, t, true), 'error');
    }
  };
  return (
    <PostArticle post={post}>
      {post.source !== 'manual' && <p className="badge">{t('news.autoDraft')}</p>}
      {!editing && (
        <div className="btn-row">
          {post.status !== 'published' && (
            <Button small onPress={() => act('publish')} aria-label={t('news.publishNamed', { title: post.title })}>
              {t('news.publish')}
            </Button>
          )}
          <Button small variant="secondary" onPress={() => setEditing(!editing)} aria-expanded={editing}>
            {t('news.edit')}
          </Button>
          {post.status === 'draft' && (
            <Button
              small
              variant="secondary"
              onPress={() => act('discard')}
              aria-label={t('news.discardNamed', { title: post.title })}
            >
              {t('news.discard')}
            </Button>
          )}
        </div>
      )}
      {editing && (
        <Button small variant="secondary" onPress={() => setEditing(false)}>
          {t('common.cancel')}
        </Button>
      )}
      {editing && (
        <PostForm
          post={post}
          onDone={(m) => {
            setEditing(false);
            onDone(m);
          }}
        />
      )}
    </PostArticle>
  );
}

function PendingComments({ onDone }: { onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const q = useQuery(pendingCommentsQuery());
  const decide = useDecideComment();
  return (
    <Panel id="h-pending" title={t('news.pendingTitle', { count: q.data?.items.length ?? 0 })}>
      {!q.data && <Pending query={q} />}
      {q.data && !q.data.items.length && <p className="muted">{t('news.noPending')}</p>}
      <ul>
        {q.data?.items.map((c) => (
          <li key={c.id}>
            <strong>{personName(c.author, t) ?? t('news.formerColleague')}</strong> {t('news.on', { post: c.post })}:{' '}
            {c.body}{' '}
            <Button
              small
              onPress={async () => {
                await decide.mutateAsync({ postId: c.postId, id: c.id, status: 'approved' });
                onDone(t('news.commentApproved'));
              }}
            >
              {t('news.approve')}
            </Button>{' '}
            <Button
              small
              variant="secondary"
              onPress={async () => {
                await decide.mutateAsync({ postId: c.postId, id: c.id, status: 'rejected' });
                onDone(t('news.commentRejected'));
              }}
            >
              {t('news.reject')}
            </Button>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

/** Secret addresses for the intranet: shown once when made; revoking one ends it at once. */
function Feeds() {
  const { t } = useTranslation();
  const q = useQuery(feedsQuery());
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string>();
  const [made, setMade] = useState<NewsFeedCreated>();
  return (
    <Panel id="h-feeds" title={t('news.feedsTitle')}>
      <p>{t('news.feedsIntro')}</p>
      {made && (
        <Alert kind="success">
          {t('news.feedMade')}
          <br />
          {t('news.atomUrl')}: <span className="news-feed-url">{made.atomUrl}</span>
          <br />
          {t('news.pageUrl')}: <span className="news-feed-url">{made.pageUrl}</span>
        </Alert>
      )}
      <ul>
        {q.data?.items.map((f) => (
          <li key={f.id}>
            {f.label} ({t('news.feedSince', { date: fmtDate(f.createdAt.slice(0, 10)) })})
            {f.revokedAt ? (
              ` – ${t('news.revoked')}`
            ) : (
              <>
                {' '}
                <ConfirmDeleteButton
                  label={t('news.revoke')}
                  ariaLabel={t('news.revokeNamed', { label: f.label })}
                  title={t('news.revokeTitle', { label: f.label })}
                  body={t('news.revokeBody')}
                  onConfirm={async () => {
                    await revoke.mutateAsync(f.id);
                  }}
                />
              </>
            )}
          </li>
        ))}
      </ul>
      <form
        className="filters"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const invalid = validate(newsFeedCreate, { label }, t);
          if (invalid.label) return setError(invalid.label);
          try {
            setMade(await create.mutateAsync(label));
            setLabel('');
            setError(undefined);
          } catch (err) {
            setError(errorMessage(err, t, true));
          }
        }}
      >
        <TextField
          name="feed-label"
          label={t('news.feedLabel')}
          hint={t('news.feedLabelHint')}
          value={label}
          onChange={setLabel}
          error={error}
        />
        <Button type="submit">{t('news.makeFeed')}</Button>
      </form>
    </Panel>
  );
}

/** The coordination's newsroom: drafts that wrote themselves, a new post, published posts, comments, feeds. */
export function NewsroomPage() {
  const { t } = useTranslation();
  const drafts = useQuery(newsQuery('draft'));
  const published = useQuery(newsQuery('published'));
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string }>();
  const done = (text: string, kind: 'success' | 'error' = 'success') => setNotice({ kind, text });
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: '/neuigkeiten', label: t('news.title') },
  ];
  if (drafts.isError)
    return (
      <Page title={t('news.editorial')} crumbs={crumbs}>
        {!drafts.data && <Pending query={drafts} />}
      </Page>
    );
  return (
    <Page title={t('news.editorial')} crumbs={crumbs}>
      <div aria-live="polite">{notice && <Alert kind={notice.kind}>{notice.text}</Alert>}</div>
      <Panel id="h-drafts" title={t('news.draftsTitle', { count: drafts.data?.items.length ?? 0 })}>
        <p>{t('news.draftsIntro')}</p>
        {!drafts.data && <Pending query={drafts} />}
        {drafts.data && !drafts.data.items.length && <p className="muted">{t('news.noDrafts')}</p>}
      </Panel>
      {drafts.data?.items.map((p) => (
        <Draft key={p.id} post={p} onDone={done} />
      ))}
      <Panel id="h-new" title={t('news.newPost')}>
        <PostForm onDone={done} />
      </Panel>
      <PendingComments onDone={done} />
      <Feeds />
      <Panel id="h-published" title={t('news.publishedTitle', { count: published.data?.items.length ?? 0 })}>
        {published.data && !published.data.items.length && <p className="muted">{t('news.empty')}</p>}
      </Panel>
      {published.data?.items.map((p) => (
        <Draft key={p.id} post={p} onDone={done} />
      ))}
    </Page>
  );
}
