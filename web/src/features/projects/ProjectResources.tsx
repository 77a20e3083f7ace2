import { commentCreate, linkCreate } from '@dz/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Empty } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { errorMessage } from '../../lib/errors';
import { fmtDate, fmtDateTime, fmtNumber, fmtPercent } from '../../lib/format';
import { personName } from '../../lib/person';
import { validate } from '../../lib/validate';
import { type Notify, useProjectOutcome } from './project-change';
import {
  type LinkInput,
  type Project,
  useAddComment,
  useAddLink,
  useDeleteFile,
  useDeleteLink,
  useUploadFile,
} from './queries';
import { useColleagues } from './shared';

/** The server's upload limit, checked before the upload starts. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A delete button for one link or file, behind a question naming it. */
function RemoveButton({ title, onConfirm }: { title: string; onConfirm: () => unknown }) {
  const { t } = useTranslation();
  return (
    <ConfirmDeleteButton
      label={t('common.delete')}
      ariaLabel={t('projects.files.remove', { title })}
      title={t('projects.files.removeTitle')}
      body={t('projects.removeBody', { title })}
      onConfirm={onConfirm}
    />
  );
}

/** What belongs to the project: links, files and the comments with @mentions. */
export function LinksAndFiles({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const run = useProjectOutcome(p.id, notify);
  const addLinkTo = useAddLink(p.id);
  const deleteLink = useDeleteLink(p.id);
  const deleteFile = useDeleteFile(p.id);
  const uploadFile = useUploadFile(p.id);
  const [link, setLink] = useState<LinkInput>({ title: '', url: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<number | null>(null);
  async function addLink(e: React.FormEvent) {
    e.preventDefault();
    const body = { title: link.title, url: link.url.trim() };
    const errs = validate(linkCreate, body, t);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    if (await run(() => addLinkTo.mutateAsync(body), setErrors)) setLink({ title: '', url: '' });
  }
  async function onFile(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return notify('error', t('errors.too_large'));
    setProgress(0);
    try {
      await uploadFile.mutateAsync({ file, onProgress: setProgress });
      notify('success', t('projects.files.uploaded', { name: file.name }));
    } catch (err) {
      notify('error', errorMessage(err, t, true));
    } finally {
      setProgress(null);
    }
  }
  return (
    <Panel title={t('projects.files.title')} id="h-files">
      {p.links.length + p.files.length === 0 && <Empty>{t('projects.files.empty')}</Empty>}
      <ul className="file-list">
        {p.links.map((l) => (
          <li key={l.id}>
            <a href={l.url} rel="noopener noreferrer" target="_blank">
              {l.title}
              <span className="visually-hidden"> ({t('projects.files.newWindow')})</span>
            </a>{' '}
            <span className="muted">{new URL(l.url).host}</span>{' '}
            {p.can.edit && <RemoveButton title={l.title} onConfirm={() => run(() => deleteLink.mutateAsync(l.id))} />}
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
              <RemoveButton title={f.fileName} onConfirm={() => run(() => deleteFile.mutateAsync(f.id))} />
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
    </Panel>
  );
}

export function Comments({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const run = useProjectOutcome(p.id, notify);
  const addComment = useAddComment(p.id);
  const people = useColleagues();
  const [body, setBody] = useState('');
  const [mention, setMention] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function add(e: React.FormEvent) {
    e.preventDefault();
    const invalid = validate(commentCreate, { body }, t);
    setErrors(invalid);
    if (Object.keys(invalid).length) return;
    if (await run(() => addComment.mutateAsync({ body }), setErrors, t('projects.comments.saved'))) setBody('');
  }
  return (
    <Panel title={t('projects.comments.title')} id="h-comments">
      {p.comments.length === 0 ? (
        <Empty>{t('projects.comments.none')}</Empty>
      ) : (
        <ol className="comments">
          {p.comments.map((c) => (
            <li key={c.id}>
              <p className="muted">
                {personName(c.author, t) ?? '–'} · {fmtDateTime(c.createdAt)}
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
            error={errors.body}
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
    </Panel>
  );
}
