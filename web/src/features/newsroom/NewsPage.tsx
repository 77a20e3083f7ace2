import { newsCommentCreate } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { TextArea } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDate } from '../../lib/format';
import { validate } from '../../lib/validate';
import './newsroom.css';
import { personName } from '../../lib/person';
import { DigestSwitch } from './DigestSwitch';
import { commentsQuery, type NewsPost, newsQuery, useAddComment, useHelpful } from './queries';

/** A post as staff read it: text, image, "helpful" and the comments (moderated). */
export function PostArticle({ post, children }: { post: NewsPost; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <article className="panel news-post" id={post.id} aria-labelledby={`news-${post.id}`}>
      <h2 id={`news-${post.id}`}>{post.title}</h2>
      <p className="muted">
        {post.publishedAt
          ? t('news.publishedOn', { date: fmtDate((post.publishOn ?? post.publishedAt).slice(0, 10)) })
          : t('news.notPublished')}
        {post.audience === 'departments' && ` · ${t('news.forDepartments', { names: post.departments.join(', ') })}`}
      </p>
      {post.hasImage && <img className="news-image" src={`/api/v1/news/${post.id}/image`} alt={post.imageAlt} />}
      {/* rendered on the server by markdown-it with raw HTML off: no markup of the author reaches the page */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: escaped Markdown output, see lib/markdown.ts */}
      <div className="news-body" dangerouslySetInnerHTML={{ __html: post.html }} />
      {post.sourcePath && (
        <p>
          <Link to={post.sourcePath}>{t(`news.sources.${post.source}`)}</Link>
        </p>
      )}
      {children}
    </article>
  );
}

function Comments({ post }: { post: NewsPost }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const q = useQuery({ ...commentsQuery(post.id), enabled: open });
  const add = useAddComment(post.id);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState(false);
  return (
    <div className="news-comments">
      <Button variant="secondary" small onPress={() => setOpen(!open)} aria-expanded={open}>
        {t('news.commentsToggle', { count: post.comments })}
      </Button>
      {open && (
        <>
          {!q.data && <Pending query={q} />}
          {q.data && (
            <ul>
              {q.data.items.map((c) => (
                <li key={c.id}>
                  <strong>{personName(c.author, t) ?? t('news.formerColleague')}</strong>: {c.body}
                  {c.status !== 'approved' && ` (${t(`news.commentStatuses.${c.status}`)})`}
                </li>
              ))}
            </ul>
          )}
          {sent && <Alert kind="success">{t('news.commentSent')}</Alert>}
          <form
            noValidate
            onSubmit={async (e) => {
              e.preventDefault();
              const invalid = validate(newsCommentCreate, { body }, t);
              if (invalid.body) return setError(invalid.body);
              try {
                await add.mutateAsync(body);
                setBody('');
                setError(undefined);
                setSent(true);
              } catch (err) {
                setError(fieldMessages(err, t).body ?? errorMessage(err, t, true));
              }
            }}
          >
            <TextArea
              name={`comment-${post.id}`}
              label={t('news.comment')}
              hint={t('news.commentHint')}
              value={body}
              onChange={setBody}
              error={error}
              rows={3}
            />
            <Button type="submit" small isDisabled={add.isPending}>
              {t('news.sendComment')}
            </Button>
          </form>
        </>
      )}
    </div>
  );
}

function HelpfulButton({ post }: { post: NewsPost }) {
  const { t } = useTranslation();
  const helpful = useHelpful();
  return (
    // pressed: filled, so the own mark is visible and not only its count
    <Button
      variant={post.helpfulByMe ? 'primary' : 'secondary'}
      small
      aria-pressed={post.helpfulByMe}
      onPress={() => helpful.mutate({ id: post.id, helpful: !post.helpfulByMe })}
    >
      {t('news.helpful', { count: post.helpful })}
    </Button>
  );
}

/** The newsroom as every employee sees it: what is published for them, newest first. */
export function NewsPage() {
  const { t } = useTranslation();
  const q = useQuery(newsQuery('published'));
  return (
    <Page title={t('news.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p>{t('news.intro')}</p>
      <DigestSwitch />
      {q.data?.can.edit && (
        <p>
          <Link to="/neuigkeiten/redaktion">{t('news.toEditorial')}</Link>
        </p>
      )}
      {!q.data && <Pending query={q} />}
      {q.data && !q.data.items.length && <p className="muted">{t('news.empty')}</p>}
      {q.data?.items.map((p) => (
        <PostArticle key={p.id} post={p}>
          <div className="btn-row">
            <HelpfulButton post={p} />
          </div>
          <Comments post={p} />
        </PostArticle>
      ))}
    </Page>
  );
}
