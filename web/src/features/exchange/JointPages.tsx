import type { jointList } from '@dz/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { api, upload } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDate, fmtDateTime, fmtEuro, fmtNumber } from '../../lib/format';
import { TrafficLight } from '../projects/shared';

import { type Detail, JointForm } from './JointForm';

export function JointList({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['joint'], queryFn: () => api<z.infer<typeof jointList>>('/joint-projects') });
  if (!q.data) return <Pending query={q} />;
  if (q.data.items.length === 0) return <Empty>{t('joint.empty')}</Empty>;
  return (
    <TableWrap label={t('joint.title')}>
      <table className="data">
        <caption>{compact ? t('joint.inPortfolio') : t('joint.count', { count: q.data.items.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('joint.name')}</th>
            <th scope="col">{t('joint.lead')}</th>
            <th scope="col">{t('joint.partners')}</th>
            <th scope="col">{t('joint.key')}</th>
            <th scope="col">{t('joint.total')}</th>
            <th scope="col">{t('joint.myShare')}</th>
            <th scope="col">{t('joint.myStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {q.data.items.map((j) => (
            <tr key={j.id}>
              <td>
                <Link to={`/austausch/gemeinsam/${j.id}`}>{j.title}</Link>
              </td>
              <td>{j.lead}</td>
              <td>{j.partners}</td>
              <td>{t(`joint.keys.${j.costKey}`)}</td>
              <td>{fmtEuro(j.totalCents)}</td>
              <td>{fmtEuro(j.myShareCents)}</td>
              <td>{t(`joint.statuses.${j.myStatus}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function JointListPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Page
      title={t('joint.title')}
      crumbs={[{ to: '/', label: t('nav.start') }]}
      actions={
        session.can.manage_exchange ? (
          <Link className="btn" to="/austausch/gemeinsam/neu">
            {t('joint.create')}
          </Link>
        ) : undefined
      }
    >
      <p>{t('joint.intro')}</p>
      <JointList />
    </Page>
  );
}

/** Finds municipalities in the directory by name, to add them as partners. */
function EntryForm({ id, onDone }: { id: string; onDone: (d: Detail) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'decision' | 'status' | 'note'>('decision');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [light, setLight] = useState('green');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <form
      noValidate
      className="panel"
      onSubmit={async (e) => {
        e.preventDefault();
        if (title.trim().length < 3) return setErrors({ title: t('joint.titleMissing') });
        try {
          onDone(
            await api<Detail>(`/joint-projects/${id}/entries`, {
              method: 'POST',
              body: { kind, title, body, light: kind === 'status' ? light : null, private: kind === 'note' },
            }),
          );
          setTitle('');
          setBody('');
          setErrors({});
        } catch (err) {
          setErrors(fieldMessages(err, t));
        }
      }}
    >
      <h3>{t('joint.newEntry')}</h3>
      <SelectField
        name="kind"
        label={t('joint.entryKind')}
        hint={kind === 'note' ? t('joint.noteHint') : undefined}
        value={kind}
        onChange={(v) => setKind(v as typeof kind)}
        options={(['decision', 'status', 'note'] as const).map((k) => ({ value: k, label: t(`joint.kinds.${k}`) }))}
      />
      <TextField
        name="entryTitle"
        label={t('joint.entryTitle')}
        value={title}
        onChange={setTitle}
        error={errors.title}
        required
      />
      <TextArea name="entryBody" label={t('joint.entryBody')} value={body} onChange={setBody} rows={3} />
      {kind === 'status' && (
        <SelectField
          name="light"
          label={t('joint.light')}
          value={light}
          onChange={setLight}
          options={(['green', 'yellow', 'red'] as const).map((l) => ({ value: l, label: t(`projects.lights.${l}`) }))}
        />
      )}
      <Button type="submit">{t('joint.addEntry')}</Button>
    </form>
  );
}

export function JointPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['joint', id], queryFn: () => api<Detail>(`/joint-projects/${id}`) });
  const [editing, setEditing] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string }>();
  const [progress, setProgress] = useState<number | null>(null);
  const set = (d: Detail) => qc.setQueryData(['joint', id], d);
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: '/austausch/gemeinsam', label: t('joint.title') },
  ];
  if (q.error)
    return (
      <Page title={t('joint.title')} crumbs={crumbs}>
        <Pending query={q} />
      </Page>
    );
  if (!q.data)
    return (
      <Page title={t('joint.title')} crumbs={crumbs}>
        <Pending query={q} />
      </Page>
    );
  const d = q.data;
  return (
    <Page
      title={d.title}
      crumbs={crumbs}
      actions={
        d.can.edit && !editing ? (
          <Button variant="secondary" onPress={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        ) : undefined
      }
    >
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <p>
        {t('joint.leadIs', { name: d.lead.name })} · {t(`joint.keys.${d.costKey}`)}
        {d.publication && (
          <>
            {' · '}
            <Link to={`/austausch/projekte/${d.publication.id}`}>{d.publication.title}</Link>
          </>
        )}
      </p>
      {d.description && <p style={{ whiteSpace: 'pre-line' }}>{d.description}</p>}
      {d.can.answer && (
        <Alert kind="info">
          {t('joint.invited')}{' '}
          <span className="btn-row" style={{ display: 'inline-flex' }}>
            <Button
              small
              onPress={async () => {
                await api(`/joint-projects/${id}/answer`, { method: 'POST', body: { accept: true } });
                await q.refetch();
                await qc.invalidateQueries({ queryKey: ['joint'] });
                setMsg({ kind: 'success', text: t('joint.acceptedMsg') });
              }}
            >
              {t('joint.acceptInvite')}
            </Button>
            <Button
              small
              variant="secondary"
              onPress={async () => {
                await api(`/joint-projects/${id}/answer`, { method: 'POST', body: { accept: false } });
                await qc.invalidateQueries({ queryKey: ['joint'] });
                navigate('/austausch/gemeinsam');
              }}
            >
              {t('joint.declineInvite')}
            </Button>
          </span>
        </Alert>
      )}
      {editing ? (
        <JointForm
          initial={d}
          onSaved={async () => {
            setEditing(false);
            await q.refetch();
            setMsg({ kind: 'success', text: t('common.saved') });
          }}
        />
      ) : (
        <section aria-labelledby="h-shares">
          <h2 id="h-shares">{t('joint.sharesTitle')}</h2>
          {d.shares.agreedAt && <p>{t('joint.sharesAgreed', { date: fmtDate(d.shares.agreedAt.slice(0, 10)) })}</p>}
          {d.shares.pending && d.shares.agreedAt && (
            <Alert kind="warning">
              {t('joint.sharesPending', {
                date: fmtDate((d.shares.proposedAt ?? '').slice(0, 10)),
                total: fmtEuro(d.shares.proposedTotalCents ?? 0),
              })}
            </Alert>
          )}
          {d.shares.outdated && d.shares.agreedAt && !d.shares.pending && (
            <Alert kind="info">{t('joint.sharesOutdated')}</Alert>
          )}
          {(d.can.proposeShares || d.can.acceptShares) && (
            <div className="btn-row">
              {d.can.proposeShares && (
                <Button
                  variant="secondary"
                  onPress={async () => {
                    try {
                      set(
                        await api<Detail>(`/joint-projects/${id}/shares/propose`, {
                          method: 'POST',
                          body: { version: d.version },
                        }),
                      );
                      setMsg({ kind: 'success', text: t('joint.proposedMsg') });
                    } catch (err) {
                      setMsg({ kind: 'error', text: errorMessage(err, t) });
                      await q.refetch();
                    }
                  }}
                >
                  {t('joint.proposeShares')}
                </Button>
              )}
              {d.can.acceptShares && (
                <Button
                  onPress={async () => {
                    try {
                      set(
                        await api<Detail>(`/joint-projects/${id}/shares/accept`, {
                          method: 'POST',
                          body: { version: d.version },
                        }),
                      );
                      setMsg({ kind: 'success', text: t('joint.sharesAcceptedMsg') });
                    } catch (err) {
                      setMsg({ kind: 'error', text: errorMessage(err, t) });
                      await q.refetch();
                    }
                  }}
                >
                  {t('joint.acceptShares')}
                </Button>
              )}
            </div>
          )}
          <TableWrap label={t('joint.sharesTitle')}>
            <table className="data numbers">
              <caption>{t('joint.splitPreview', { total: fmtEuro(d.totalCents) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('joint.municipality')}</th>
                  <th scope="col">{t('joint.myStatus')}</th>
                  <th scope="col">{t('joint.population')}</th>
                  {d.costKey === 'case_volume' && <th scope="col">{t('joint.cases')}</th>}
                  {d.costKey === 'custom' && <th scope="col">{t('joint.percent')}</th>}
                  <th scope="col">{t('joint.sharePercent')}</th>
                  <th scope="col">{t('joint.share')}</th>
                  {d.shares.pending && d.shares.agreedAt && <th scope="col">{t('joint.proposedShare')}</th>}
                  {d.shares.pending && <th scope="col">{t('joint.agreedColumn')}</th>}
                  <th scope="col">{t('joint.statement')}</th>
                </tr>
              </thead>
              <tbody>
                {d.partners
                  .filter((p) => p.status !== 'declined')
                  .map((p) => (
                    <tr key={p.municipalityId}>
                      <th scope="row">
                        {p.name}
                        {p.role === 'lead' && ` (${t('joint.leadShort')})`}
                      </th>
                      <td>{t(`joint.statuses.${p.status}`)}</td>
                      <td>{fmtNumber(p.population)}</td>
                      {d.costKey === 'case_volume' && <td>{fmtNumber(p.caseVolume)}</td>}
                      {d.costKey === 'custom' && <td>{fmtNumber(p.customPercent)} %</td>}
                      <td>{fmtNumber(p.sharePercent)} %</td>
                      <td>{fmtEuro(p.shareCents)}</td>
                      {d.shares.pending && d.shares.agreedAt && <td>{fmtEuro(p.proposedShareCents ?? 0)}</td>}
                      {d.shares.pending && <td>{p.sharesAccepted ? t('common.yes') : t('common.no')}</td>}
                      <td>
                        <a
                          href={`/api/v1/joint-projects/${id}/statement?format=pdf&municipalityId=${p.municipalityId}`}
                        >
                          PDF<span className="visually-hidden"> {t('joint.statementOf', { name: p.name })}</span>
                        </a>{' '}
                        ·{' '}
                        <a
                          href={`/api/v1/joint-projects/${id}/statement?format=xlsx&municipalityId=${p.municipalityId}`}
                        >
                          XLSX<span className="visually-hidden"> {t('joint.statementOf', { name: p.name })}</span>
                        </a>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableWrap>
          {d.costLines.length > 0 && (
            <ul>
              {d.costLines.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: template rows have no ids and never reorder
                <li key={`${l.label}-${i}`}>
                  {l.label}: {fmtEuro(l.amountCents)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="h-entries">
        <h2 id="h-entries">{t('joint.entriesTitle')}</h2>
        <p className="hint">{t('joint.entriesHint')}</p>
        {d.can.write && (
          <>
            <EntryForm id={id} onDone={set} />
            <div className="panel">
              <label htmlFor="joint-upload">{t('joint.upload')}</label>{' '}
              <input
                id="joint-upload"
                type="file"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  try {
                    setProgress(0);
                    set(await upload<Detail>(`/joint-projects/${id}/documents`, file, setProgress));
                    setMsg({ kind: 'success', text: t('joint.uploaded') });
                  } catch (err) {
                    setMsg({ kind: 'error', text: errorMessage(err, t, true) });
                  } finally {
                    setProgress(null);
                    e.target.value = '';
                  }
                }}
              />
              {progress !== null && <progress max={1} value={progress} aria-label={t('joint.uploading')} />}
            </div>
          </>
        )}
        {d.entries.length === 0 ? (
          <Empty>{t('joint.noEntries')}</Empty>
        ) : (
          <ul className="texts">
            {d.entries.map((e) => (
              <li key={e.id} className="card">
                <p className="kicker">
                  {t(`joint.kinds.${e.kind}`)}
                  {e.private && ` · ${t('joint.private')}`} · {e.municipality}
                  {e.author && ` · ${e.author}`} · {fmtDateTime(e.createdAt)}
                </p>
                <p>
                  {e.light && <TrafficLight value={e.light} />}{' '}
                  {e.kind === 'document' ? (
                    <a href={`/api/v1/joint-projects/${id}/entries/${e.id}/file`}>{e.title}</a>
                  ) : (
                    <strong>{e.title}</strong>
                  )}
                </p>
                {e.body && <p style={{ whiteSpace: 'pre-line' }}>{e.body}</p>}
                {e.mine && (
                  <Button
                    small
                    variant="secondary"
                    onPress={async () =>
                      set(await api<Detail>(`/joint-projects/${id}/entries/${e.id}`, { method: 'DELETE' }))
                    }
                  >
                    {t('common.delete')}
                    <span className="visually-hidden"> {e.title}</span>
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
