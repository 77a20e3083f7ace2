import { NEED_SOURCES, needUpdate } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { validate } from '../../lib/validate';
import { NeedFields, STATUSES } from './NeedFields';
import { SimilarNeeds } from './NeedsPage';
import { mergeCandidatesQuery, type Need, type NeedUpdate, needQuery, useMergeNeed, useUpdateNeed } from './queries';

function EditNeed({ n, notify }: { n: Need; notify: (kind: 'success' | 'warning' | 'error', text: string) => void }) {
  const { t } = useTranslation();
  const update = useUpdateNeed(n.id);
  const [form, setForm] = useState<Required<Omit<NeedUpdate, 'version'>>>({
    title: n.title,
    description: n.description,
    service: n.service,
    departmentId: n.departmentId,
    urgency: n.urgency,
    source: n.source,
    // the edit form is not shown for a merged need
    status: n.status === 'merged' ? 'open' : n.status,
  });
  const [version, setVersion] = useState(n.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const body = { ...form, version };
    const invalid = validate(needUpdate, body, t);
    if (Object.keys(invalid).length) return setErrors(invalid);
    try {
      const res = await update.mutateAsync(body);
      setVersion(res.version);
      setErrors({});
      notify('success', t('common.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setVersion(Number(err.body.currentVersion));
        notify('warning', t('errors.version_conflict'));
        return;
      }
      setErrors(fieldMessages(err, t));
    }
  }
  return (
    <Panel id="h-edit" title={t('needs.edit')}>
      <ErrorSummary errors={errors} labels={{ title: t('needs.titleLabel'), departmentId: t('needs.department') }} />
      <form onSubmit={save} noValidate>
        <NeedFields form={form} onChange={setForm} errors={errors}>
          <SelectField
            name="source"
            label={t('needs.source')}
            value={form.source}
            onChange={(v) => setForm({ ...form, source: v as typeof form.source })}
            options={NEED_SOURCES.map((s) => ({ value: s, label: t(`needs.sources.${s}`) }))}
          />
          <SelectField
            name="status"
            label={t('needs.statusLabel')}
            value={form.status}
            onChange={(v) => setForm({ ...form, status: v as typeof form.status })}
            options={STATUSES.map((s) => ({ value: s, label: t(`needs.status.${s}`) }))}
          />
        </NeedFields>
        <Button type="submit">{t('common.save')}</Button>
      </form>
    </Panel>
  );
}

function Merge({ n, notify }: { n: Need; notify: (kind: 'success' | 'error', text: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const candidates = useQuery(mergeCandidatesQuery());
  const mergeNeed = useMergeNeed(n.id);
  const [into, setInto] = useState('');
  const [confirm, setConfirm] = useState(false);
  const options = (candidates.data?.items ?? []).filter((x) => x.id !== n.id);
  const target = options.find((x) => x.id === into);
  async function merge() {
    setConfirm(false);
    try {
      const res = await mergeNeed.mutateAsync({ version: n.version, intoId: into });
      notify('success', t('needs.merged', { title: res.title }));
      navigate(`/bedarfe/${res.id}`);
    } catch (err) {
      notify('error', errorMessage(err, t, true));
    }
  }
  return (
    <Panel id="h-merge" title={t('needs.mergeTitle')}>
      <p>{t('needs.mergeIntro')}</p>
      <SimilarNeeds text={`${n.title} ${n.service}`} exclude={n.id} />
      <div className="filters">
        <SelectField
          name="intoId"
          label={t('needs.mergeInto')}
          value={into}
          onChange={setInto}
          options={[{ value: '', label: t('needs.choose') }, ...options.map((o) => ({ value: o.id, label: o.title }))]}
        />
        <Button variant="secondary" isDisabled={!into} onPress={() => setConfirm(true)}>
          {t('needs.merge')}
        </Button>
      </div>
      <ConfirmDialog
        isOpen={confirm}
        title={t('needs.mergeConfirmTitle')}
        body={t('needs.mergeConfirmBody', { title: n.title, into: target?.title ?? '' })}
        confirmLabel={t('needs.merge')}
        onConfirm={() => void merge()}
        onCancel={() => setConfirm(false)}
      />
    </Panel>
  );
}

export function NeedPage() {
  const { t } = useTranslation();
  const { needId = '' } = useParams();
  const session = useSession();
  const q = useQuery(needQuery(needId));
  const [msg, setMsg] = useState<{ kind: 'success' | 'warning' | 'error'; text: string }>();
  if (!q.data)
    return (
      <Page title={t('needs.title')}>
        <Pending query={q} />
      </Page>
    );
  const n = q.data;
  return (
    <Page
      title={n.title}
      crumbs={[{ to: '/bedarfe', label: t('needs.title') }]}
      actions={
        n.status !== 'merged' ? (
          <span className="btn-row">
            {session.can.create_projects && (
              <Link className="btn" to={`/projekte/neu?bedarf=${n.id}&titel=${encodeURIComponent(n.title)}`}>
                {t('needs.startProject')}
              </Link>
            )}
            <Link className="btn secondary" to={`/austausch/partner?bedarf=${n.id}`}>
              {t('exchange.findPartners')}
            </Link>
          </span>
        ) : undefined
      }
    >
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      {n.mergedInto && (
        <Alert kind="info">
          {t('needs.mergedInto')} <Link to={`/bedarfe/${n.mergedInto.id}`}>{n.mergedInto.title}</Link>
        </Alert>
      )}
      <dl className="facts">
        <dt>{t('needs.statusLabel')}</dt>
        <dd>{t(`needs.status.${n.status}`)}</dd>
        <dt>{t('needs.urgency')}</dt>
        <dd>{t(`needs.urgencies.${n.urgency}`)}</dd>
        <dt>{t('needs.source')}</dt>
        <dd>{t(`needs.sources.${n.source}`)}</dd>
        <dt>{t('needs.service')}</dt>
        <dd>{n.service || '–'}</dd>
        <dt>{t('needs.department')}</dt>
        <dd>{n.department ?? '–'}</dd>
        <dt>{t('needs.createdAt')}</dt>
        <dd>{fmtDate(n.createdAt)}</dd>
        {n.workshopAction && (
          <>
            <dt>{t('needs.fromWorkshop')}</dt>
            <dd>
              <Link to={`/workshops/${n.workshopAction.workshopId}`}>{n.workshopAction.workshop}</Link>:{' '}
              {n.workshopAction.what} <code title={n.workshopAction.id}>{n.workshopAction.id.slice(0, 8)}</code>
            </dd>
          </>
        )}
      </dl>
      {n.description && <p className="texts">{n.description}</p>}
      {n.merged.length > 0 && (
        <Panel id="h-merged" title={t('needs.mergedNeeds', { count: n.merged.length })}>
          <ul>
            {n.merged.map((m) => (
              <li key={m.id}>
                <Link to={`/bedarfe/${m.id}`}>{m.title}</Link>
                {m.description && ` – ${m.description}`}
              </li>
            ))}
          </ul>
        </Panel>
      )}
      {n.can.edit && <EditNeed n={n} key={n.version} notify={(kind, text) => setMsg({ kind, text })} />}
      {n.can.merge && <Merge n={n} notify={(kind, text) => setMsg({ kind, text })} />}
      <Panel id="h-history" title={t('needs.history')}>
        <ul>
          {n.history.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: audit entries are ordered and immutable
            <li key={i}>
              {fmtDateTime(h.at)} – {t(`needs.actions.${h.action}`, { defaultValue: h.action })}
              {h.actor ? ` (${h.actor})` : ''}
            </li>
          ))}
        </ul>
      </Panel>
    </Page>
  );
}
