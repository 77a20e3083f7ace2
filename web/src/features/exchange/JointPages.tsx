import { jointEntryInput } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { type Column, DataTable } from '../../components/DataTable';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDate, fmtDateTime, fmtEuro, fmtNumber } from '../../lib/format';
import { personName } from '../../lib/person';
import { validate } from '../../lib/validate';
import { TrafficLight } from '../projects/shared';
import { JointForm } from './JointForm';
import {
  type JointDetail,
  type JointEntryInput,
  type JointList as Joints,
  jointQuery,
  jointsQuery,
  useAddJointEntry,
  useAnswerJoint,
  useDeleteJointEntry,
  useJointShares,
  useUploadJointDocument,
} from './queries';

export function JointList({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const q = useQuery(jointsQuery());
  if (!q.data) return <Pending query={q} />;
  const columns: Column<Joints['items'][number]>[] = [
    { header: t('joint.name'), cell: (j) => <Link to={`/austausch/gemeinsam/${j.id}`}>{j.title}</Link> },
    { header: t('joint.lead'), cell: (j) => j.lead },
    { header: t('joint.partners'), cell: (j) => j.partners },
    { header: t('joint.key'), cell: (j) => t(`joint.keys.${j.costKey}`) },
    { header: t('joint.total'), cell: (j) => fmtEuro(j.totalCents) },
    { header: t('joint.myShare'), cell: (j) => fmtEuro(j.myShareCents) },
    { header: t('joint.myStatus'), cell: (j) => t(`joint.statuses.${j.myStatus}`) },
  ];
  return (
    <DataTable
      label={t('joint.title')}
      caption={compact ? t('joint.inPortfolio') : t('joint.count', { count: q.data.items.length })}
      columns={columns}
      rows={q.data.items}
      rowKey={(j) => j.id}
      empty={t('joint.empty')}
    />
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

/** A new decision, status report or private note in a joint project's journal. */
function EntryForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const addEntry = useAddJointEntry(id);
  const [kind, setKind] = useState<JointEntryInput['kind']>('decision');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [light, setLight] = useState<NonNullable<JointEntryInput['light']>>('green');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <form
      noValidate
      className="panel"
      onSubmit={async (e) => {
        e.preventDefault();
        const entry = { kind, title, body, light: kind === 'status' ? light : null, private: kind === 'note' };
        const invalid = validate(jointEntryInput, entry, t);
        if (Object.keys(invalid).length) return setErrors(invalid);
        try {
          await addEntry.mutateAsync(entry);
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
      <TextArea
        name="entryBody"
        label={t('joint.entryBody')}
        value={body}
        onChange={setBody}
        error={errors.body}
        rows={3}
      />
      {kind === 'status' && (
        <SelectField
          name="light"
          label={t('joint.light')}
          value={light}
          onChange={(v) => setLight(v as typeof light)}
          options={(['green', 'yellow', 'red'] as const).map((l) => ({ value: l, label: t(`projects.lights.${l}`) }))}
        />
      )}
      <Button type="submit">{t('joint.addEntry')}</Button>
    </form>
  );
}

type Partner = JointDetail['partners'][number];

/** Who pays what: the split per municipality (agreed or proposed), with each one's cost statement. */
function SharesTable({ d }: { d: JointDetail }) {
  const { t } = useTranslation();
  const pendingChange = d.shares.pending && d.shares.agreedAt;
  const statement = (p: Partner, format: 'pdf' | 'xlsx') => (
    <a href={`/api/v1/joint-projects/${d.id}/statement?format=${format}&municipalityId=${p.municipalityId}`}>
      {format.toUpperCase()}
      <span className="visually-hidden"> {t('joint.statementOf', { name: p.name })}</span>
    </a>
  );
  const columns: Column<Partner>[] = [
    {
      header: t('joint.municipality'),
      rowHeader: true,
      cell: (p) => `${p.name}${p.role === 'lead' ? ` (${t('joint.leadShort')})` : ''}`,
    },
    { header: t('joint.myStatus'), cell: (p) => t(`joint.statuses.${p.status}`) },
    { header: t('joint.population'), cell: (p) => fmtNumber(p.population) },
    ...(d.costKey === 'case_volume'
      ? [{ header: t('joint.cases'), cell: (p: Partner) => fmtNumber(p.caseVolume) }]
      : []),
    ...(d.costKey === 'custom'
      ? [{ header: t('joint.percent'), cell: (p: Partner) => `${fmtNumber(p.customPercent)} %` }]
      : []),
    { header: t('joint.sharePercent'), cell: (p) => `${fmtNumber(p.sharePercent)} %` },
    { header: t('joint.share'), cell: (p) => fmtEuro(p.shareCents) },
    ...(pendingChange
      ? [{ header: t('joint.proposedShare'), cell: (p: Partner) => fmtEuro(p.proposedShareCents ?? 0) }]
      : []),
    ...(d.shares.pending
      ? [
          {
            header: t('joint.agreedColumn'),
            cell: (p: Partner) => (p.sharesAccepted ? t('common.yes') : t('common.no')),
          },
        ]
      : []),
    {
      header: t('joint.statement'),
      cell: (p) => (
        <>
          {statement(p, 'pdf')} · {statement(p, 'xlsx')}
        </>
      ),
    },
  ];
  return (
    <DataTable
      label={t('joint.sharesTitle')}
      caption={t('joint.splitPreview', { total: fmtEuro(d.totalCents) })}
      className="data numbers"
      columns={columns}
      rows={d.partners.filter((p) => p.status !== 'declined')}
      rowKey={(p) => p.municipalityId}
      empty={t('joint.partnersMissing')}
    />
  );
}

export function JointPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useQuery(jointQuery(id));
  const answer = useAnswerJoint(id);
  const shares = useJointShares(id);
  const deleteEntry = useDeleteJointEntry(id);
  const uploadDocument = useUploadJointDocument(id);
  const [editing, setEditing] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string }>();
  const [progress, setProgress] = useState<number | null>(null);
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: '/austausch/gemeinsam', label: t('joint.title') },
  ];
  if (!q.data)
    return (
      <Page title={t('joint.title')} crumbs={crumbs}>
        <Pending query={q} />
      </Page>
    );
  const d = q.data;
  /** Runs a change and reports it; a refusal is shown and the project fetched again. */
  async function run(change: () => Promise<unknown>, ok?: string) {
    try {
      await change();
      if (ok) setMsg({ kind: 'success', text: ok });
    } catch (err) {
      setMsg({ kind: 'error', text: errorMessage(err, t, true) });
      await q.refetch();
    }
  }
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
            <Button small onPress={() => void run(() => answer.mutateAsync(true), t('joint.acceptedMsg'))}>
              {t('joint.acceptInvite')}
            </Button>
            <Button
              small
              variant="secondary"
              onPress={() =>
                void run(async () => {
                  await answer.mutateAsync(false);
                  navigate('/austausch/gemeinsam');
                })
              }
            >
              {t('joint.declineInvite')}
            </Button>
          </span>
        </Alert>
      )}
      {editing ? (
        <JointForm
          initial={d}
          onSaved={() => {
            setEditing(false);
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
                  onPress={() =>
                    void run(
                      () => shares.mutateAsync({ action: 'propose', version: d.version }),
                      t('joint.proposedMsg'),
                    )
                  }
                >
                  {t('joint.proposeShares')}
                </Button>
              )}
              {d.can.acceptShares && (
                <Button
                  onPress={() =>
                    void run(
                      () => shares.mutateAsync({ action: 'accept', version: d.version }),
                      t('joint.sharesAcceptedMsg'),
                    )
                  }
                >
                  {t('joint.acceptShares')}
                </Button>
              )}
            </div>
          )}
          <SharesTable d={d} />
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
            <EntryForm id={id} />
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
                    await uploadDocument.mutateAsync({ file, onProgress: setProgress });
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
                  {e.author && ` · ${personName(e.author, t)}`} · {fmtDateTime(e.createdAt)}
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
                  <Button small variant="secondary" onPress={() => void run(() => deleteEntry.mutateAsync(e.id))}>
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
