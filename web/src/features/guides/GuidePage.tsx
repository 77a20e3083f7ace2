import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { SelectField } from '../../components/Field';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import '../../i18n/guides';
import { errorMessage } from '../../lib/errors';
import { fmtDate, fmtDateTime, fmtNumber, fmtPercent } from '../../lib/format';
import './guides.css';
import {
  type Guide,
  guideFileUrl,
  guideQuery,
  guideVersionQuery,
  guideVersionsQuery,
  useArchiveGuide,
  useRemoveGuideFile,
  useTick,
  useUploadGuideFile,
} from './queries';

type Notify = (kind: 'success' | 'error', text: string) => void;

/** The checklist: one native checkbox per item (keyboard and screen readers as they know it), who ticked when. */
function Checklist({ g, projectId, notify }: { g: Guide; projectId: string | null; notify: Notify }) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const tick = useTick(g.id, projectId);
  const done = g.items.filter((i) => i.ticked).length;
  return (
    <Panel title={t('guides.checklist')} id="h-checklist">
      {!g.ticksFor ? (
        <p className="muted">{t('guides.noMunicipality')}</p>
      ) : (
        <>
          <SelectField
            name="projekt"
            label={t('guides.tickFor')}
            hint={t('guides.tickHint')}
            value={projectId ?? ''}
            onChange={(v) => setParams(v ? { projekt: v } : {}, { replace: true })}
            options={[
              { value: '', label: t('guides.tickForMunicipality', { name: g.ticksFor.municipality }) },
              ...g.projects.map((p) => ({ value: p.id, label: p.title })),
            ]}
          />
          {projectId && g.projects.some((p) => p.id === projectId) && (
            <p>
              <Link to={`/projekte/${encodeURIComponent(projectId)}`}>
                {t('guides.toProject', { title: g.projects.find((p) => p.id === projectId)!.title })}
              </Link>
            </p>
          )}
          {!g.can.tick && <p className="muted">{t('guides.readOnlyTicks')}</p>}
        </>
      )}
      <p id="guide-progress" className="checklist-progress">
        {t('guides.progress', { done, total: g.items.length })}{' '}
        <progress value={done} max={g.items.length} aria-labelledby="guide-progress">
          {fmtPercent(g.items.length ? done / g.items.length : 0, 0)}
        </progress>
      </p>
      <ul className="guide-checklist">
        {g.items.map((item) => (
          <li key={item.key} className={item.ticked ? 'done' : undefined}>
            <label className="choice">
              <input
                type="checkbox"
                name={`item-${item.key}`}
                checked={Boolean(item.ticked)}
                // never disabled while a tick is saved: the focus stays on the box a keyboard user just pressed
                disabled={!g.can.tick || !g.ticksFor}
                onChange={async (e) => {
                  try {
                    await tick.mutateAsync({ itemKey: item.key, done: e.target.checked });
                  } catch (err) {
                    notify('error', errorMessage(err, t, true));
                  }
                }}
              />{' '}
              {item.text}
            </label>
            {item.ticked && (
              <span className="hint">
                {item.ticked.by
                  ? t('guides.tickedBy', { name: item.ticked.by, date: fmtDateTime(item.ticked.at) })
                  : t('guides.tickedBySomeone', { date: fmtDateTime(item.ticked.at) })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}

/** The files of a template: download links; curators add and remove files (each a new version). */
function Files({ g, notify }: { g: Guide; notify: Notify }) {
  const { t } = useTranslation();
  const uploadFile = useUploadGuideFile(g.id);
  const removeFile = useRemoveGuideFile(g.id);
  const [progress, setProgress] = useState<number | null>(null);
  if (g.files.length === 0 && !g.can.edit) return null;
  async function onFile(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > 10 * 1024 * 1024) return notify('error', t('errors.too_large'));
    setProgress(0);
    try {
      await uploadFile.mutateAsync({ file, onProgress: setProgress });
      notify('success', t('guides.uploaded', { name: file.name }));
    } catch (err) {
      notify('error', errorMessage(err, t, true));
    } finally {
      setProgress(null);
    }
  }
  return (
    <Panel title={t('guides.files')} id="h-files">
      {g.files.length === 0 ? (
        <Empty>{t('guides.noFiles')}</Empty>
      ) : (
        <ul className="file-list">
          {g.files.map((f) => (
            <li key={f.id}>
              <a href={guideFileUrl(g.id, f.id)} download={f.fileName}>
                {f.fileName}
                <span className="visually-hidden"> {t('guides.download')}</span>
              </a>{' '}
              <span className="muted">{fmtNumber(Math.max(1, Math.round(f.size / 1024)))} KB</span>{' '}
              {g.can.edit && (
                <ConfirmDeleteButton
                  label={t('common.delete')}
                  ariaLabel={t('guides.removeFile', { name: f.fileName })}
                  title={t('guides.removeFileTitle')}
                  body={t('guides.removeFileBody', { name: f.fileName })}
                  onConfirm={async () => {
                    try {
                      await removeFile.mutateAsync(f.id);
                    } catch (err) {
                      notify('error', errorMessage(err, t, true));
                    }
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {g.can.edit && (
        <div className="field">
          <label htmlFor="guide-file">{t('guides.upload')}</label>
          <span className="hint" id="guide-file-hint">
            {t('guides.uploadHint')}
          </span>
          <input
            id="guide-file"
            type="file"
            accept=".docx,.xlsx,.pdf,.odt,.ods"
            aria-describedby="guide-file-hint"
            onChange={onFile}
          />
          {progress !== null && (
            <progress value={progress} max={1} aria-label={t('guides.progressUpload')}>
              {fmtPercent(progress, 0)}
            </progress>
          )}
        </div>
      )}
    </Panel>
  );
}

/** The versions with their change notes; one earlier version can be read beside the current one. */
function History({ g }: { g: Guide }) {
  const { t } = useTranslation();
  const versions = useQuery(guideVersionsQuery(g.id));
  const [shown, setShown] = useState<number | null>(null);
  const version = useQuery({ ...guideVersionQuery(g.id, shown ?? 0), enabled: shown !== null });
  return (
    <Panel title={t('guides.history')} id="h-history">
      <p className="hint">{t('guides.historyIntro')}</p>
      {!versions.data ? (
        <Pending query={versions} />
      ) : (
        <ol className="guide-versions" reversed>
          {versions.data.items.map((v) => (
            <li key={v.version}>
              <strong>
                {t('guides.version')} {v.version}
              </strong>{' '}
              {v.version === g.version && <span className="badge">{t('guides.current')}</span>} · {fmtDate(v.editedAt)}{' '}
              · {v.editedBy ?? t('guides.platformTeam')}
              <br />
              {v.changeNote}{' '}
              {v.version !== g.version && (
                <Button
                  small
                  variant="secondary"
                  aria-expanded={shown === v.version}
                  onPress={() => setShown(shown === v.version ? null : v.version)}
                >
                  {shown === v.version ? t('guides.hide') : t('guides.show', { version: v.version })}
                </Button>
              )}
              {shown === v.version &&
                (version.data ? (
                  <section
                    className="guide-old"
                    aria-label={t('guides.shownVersion', { version: v.version, title: version.data.title })}
                  >
                    <h3>{t('guides.shownVersion', { version: v.version, title: version.data.title })}</h3>
                    {version.data.summary && <p>{version.data.summary}</p>}
                    {/* biome-ignore lint/security/noDangerouslySetInnerHtml: escaped Markdown output, see lib/markdown.ts */}
                    <div className="guide-body" dangerouslySetInnerHTML={{ __html: version.data.html }} />
                    {version.data.items.length > 0 && (
                      <ul>
                        {version.data.items.map((i) => (
                          <li key={i.key}>{i.text}</li>
                        ))}
                      </ul>
                    )}
                  </section>
                ) : (
                  <Pending query={version} />
                ))}
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}

/** A guide: the article, checklist or template with its files, facts, and the history of versions. */
export function GuidePage() {
  const { t } = useTranslation();
  const { guideId = '' } = useParams();
  const [params] = useSearchParams();
  const projectId = params.get('projekt');
  const q = useQuery(guideQuery(guideId, projectId));
  const archive = useArchiveGuide(guideId);
  const navigate = useNavigate();
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string }>();
  const notify: Notify = (kind, text) => setMsg({ kind, text });
  const crumbs = [{ to: '/hilfen', label: t('guides.title') }];
  if (!q.data)
    return (
      <Page title={t('guides.title')} crumbs={crumbs}>
        <Pending query={q} />
      </Page>
    );
  const g = q.data;
  return (
    <Page
      title={g.title}
      crumbs={crumbs}
      actions={
        g.can.edit ? (
          <div className="btn-row">
            <Link className="btn secondary" to={`/hilfen/${g.id}/bearbeiten`}>
              {t('guides.edit')}
            </Link>
            <ConfirmDeleteButton
              small={false}
              label={t('guides.archive')}
              title={t('guides.archiveTitle')}
              body={t('guides.archiveBody', { title: g.title })}
              onConfirm={async () => {
                try {
                  await archive.mutateAsync();
                  navigate('/hilfen');
                } catch (err) {
                  notify('error', errorMessage(err, t, true));
                }
              }}
            />
          </div>
        ) : undefined
      }
    >
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <dl className="facts">
        <dt>{t('guides.kind')}</dt>
        <dd>{t(`guides.kinds.${g.kind}`)}</dd>
        <dt>{t('guides.curatedBy')}</dt>
        <dd>{g.network ? t('guides.network', { name: g.network }) : t('guides.platform')}</dd>
        <dt>{t('guides.tags')}</dt>
        <dd>
          {g.modules.map((m, i) => (
            <span key={m}>
              {i > 0 && ' · '}
              <Link to={`/hilfen?modul=${m}`}>{t(`guides.modules.${m}`)}</Link>
            </span>
          ))}
        </dd>
        {g.phases.length > 0 && (
          <>
            <dt>{t('guides.phasesLabel')}</dt>
            <dd>{g.phases.map((p) => t(`guides.phases.${p}`)).join(' · ')}</dd>
          </>
        )}
        <dt>{t('guides.version')}</dt>
        <dd>{t('guides.versionOf', { version: g.version, date: fmtDate(g.updatedAt) })}</dd>
      </dl>
      {g.summary && <p className="guide-summary">{g.summary}</p>}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: escaped Markdown output (the newsroom's renderer), see lib/markdown.ts */}
      {g.html && <div className="guide-body" dangerouslySetInnerHTML={{ __html: g.html }} />}
      {g.kind === 'checklist' && <Checklist g={g} projectId={projectId} notify={notify} />}
      <Files g={g} notify={notify} />
      <History g={g} />
    </Page>
  );
}
