import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Empty } from '../../components/Page';
import { upload } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { fmtDate, fmtDateTime, fmtNumber, fmtPercent } from '../../lib/format';
import { type Notify, type Project, useProjectChange } from './project-change';
import { useColleagues } from './shared';

/** What belongs to the project: links, files and the comments with @mentions. */
export function LinksAndFiles({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const change = useProjectChange(p.id, notify);
  const [link, setLink] = useState({ title: '', url: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [remove, setRemove] = useState<{ path: string; title: string } | null>(null);
  async function addLink(e: React.FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (link.title.trim().length < 2) errs.title = t('projects.files.linkTitleMissing');
    if (!/^https?:\/\/\S+\.\S+/.test(link.url.trim())) errs.url = t('projects.files.urlInvalid');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    if (await change('/links', 'POST', { title: link.title, url: link.url.trim() }, setErrors))
      setLink({ title: '', url: '' });
  }
  async function onFile(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > 10 * 1024 * 1024) return notify('error', t('projects.files.tooLarge'));
    setProgress(0);
    try {
      const res = await upload<Project>(`/projects/${p.id}/files`, file, setProgress);
      qc.setQueryData(['project', p.id], res);
      notify('success', t('projects.files.uploaded', { name: file.name }));
    } catch (err) {
      notify('error', errorMessage(err, t, true));
    } finally {
      setProgress(null);
    }
  }
  return (
    <section className="panel" aria-labelledby="h-files">
      <h2 id="h-files">{t('projects.files.title')}</h2>
      {p.links.length + p.files.length === 0 && <Empty>{t('projects.files.empty')}</Empty>}
      <ul className="file-list">
        {p.links.map((l) => (
          <li key={l.id}>
            <a href={l.url} rel="noopener noreferrer" target="_blank">
              {l.title}
              <span className="visually-hidden"> ({t('projects.files.newWindow')})</span>
            </a>{' '}
            <span className="muted">{new URL(l.url).host}</span>{' '}
            {p.can.edit && (
              <Button
                small
                variant="secondary"
                aria-label={t('projects.files.remove', { title: l.title })}
                onPress={() => setRemove({ path: `/links/${l.id}`, title: l.title })}
              >
                {t('common.delete')}
              </Button>
            )}
          </li>
        ))}
        {p.files.map((f) => (
          <li key={f.id}>
            <a href={`/api/v1/projects/${p.id}/files/${f.id}`} download={f.fileName}>
              {f.fileName}
            </a>{' '}
            <span className="muted">
              {fmtNumber(Math.max(1, Math.round(f.sizeBytes / 1024)))} KB · {f.uploadedBy ?? '–'} ·{' '}
              {fmtDate(f.createdAt)}
            </span>{' '}
            {p.can.edit && (
              <Button
                small
                variant="secondary"
                aria-label={t('projects.files.remove', { title: f.fileName })}
                onPress={() => setRemove({ path: `/files/${f.id}`, title: f.fileName })}
              >
                {t('common.delete')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {p.can.edit && (
        <>
          <form onSubmit={addLink} noValidate className="filters">
            <TextField
              name="linkTitle"
              label={t('projects.files.linkTitle')}
              value={link.title}
              onChange={(v) => setLink({ ...link, title: v })}
              error={errors.title}
            />
            <TextField
              name="linkUrl"
              type="url"
              label={t('projects.files.url')}
              hint={t('projects.files.urlHint')}
              value={link.url}
              onChange={(v) => setLink({ ...link, url: v })}
              error={errors.url}
            />
            <Button type="submit">{t('projects.files.addLink')}</Button>
          </form>
          <div className="field">
            <label htmlFor="project-file">{t('projects.files.upload')}</label>
            <span className="hint" id="project-file-hint">
              {t('projects.files.uploadHint')}
            </span>
            <input id="project-file" type="file" aria-describedby="project-file-hint" onChange={onFile} />
            {progress !== null && (
              <progress value={progress} max={1} aria-label={t('projects.files.progress')}>
                {fmtPercent(progress, 0)}
              </progress>
            )}
          </div>
        </>
      )}
      <ConfirmDialog
        isOpen={remove !== null}
        title={t('projects.files.removeTitle')}
        body={t('projects.removeBody', { title: remove?.title ?? '' })}
        confirmLabel={t('common.delete')}
        onConfirm={() => {
          if (remove) void change(remove.path, 'DELETE', undefined);
          setRemove(null);
        }}
        onCancel={() => setRemove(null)}
      />
    </section>
  );
}

export function Comments({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const change = useProjectChange(p.id, notify);
  const people = useColleagues();
  const [body, setBody] = useState('');
  const [mention, setMention] = useState('');
  const [error, setError] = useState('');
  async function add(e: React.FormEvent) {
    e.preventDefault();
    if (!body.trim()) return setError(t('projects.comments.empty'));
    setError('');
    if (await change('/comments', 'POST', { body }, undefined, t('projects.comments.saved'))) setBody('');
  }
  return (
    <section className="panel" aria-labelledby="h-comments">
      <h2 id="h-comments">{t('projects.comments.title')}</h2>
      {p.comments.length === 0 ? (
        <Empty>{t('projects.comments.none')}</Empty>
      ) : (
        <ol className="comments">
          {p.comments.map((c) => (
            <li key={c.id}>
              <p className="muted">
                {c.author ?? '–'} · {fmtDateTime(c.createdAt)}
              </p>
              <p className="texts">{c.body}</p>
              {c.mentions.length > 0 && (
                <p className="muted">{t('projects.comments.notified', { names: c.mentions.join(', ') })}</p>
              )}
            </li>
          ))}
        </ol>
      )}
      {p.can.comment && (
        <form onSubmit={add} noValidate>
          <TextArea
            name="comment"
            label={t('projects.comments.new')}
            hint={t('projects.comments.hint')}
            value={body}
            onChange={setBody}
            error={error}
          />
          <div className="filters">
            <SelectField
              name="mention"
              label={t('projects.comments.mention')}
              value={mention}
              onChange={setMention}
              options={[
                { value: '', label: t('projects.comments.choosePerson') },
                ...(people.data?.items ?? []).map((x) => ({ value: x.name, label: x.name })),
              ]}
            />
            <Button
              variant="secondary"
              isDisabled={!mention}
              onPress={() => {
                setBody(`${body}${body && !body.endsWith(' ') ? ' ' : ''}@${mention} `);
                setMention('');
              }}
            >
              {t('projects.comments.insertMention')}
            </Button>
          </div>
          <Button type="submit">{t('projects.comments.submit')}</Button>
        </form>
      )}
    </section>
  );
}
