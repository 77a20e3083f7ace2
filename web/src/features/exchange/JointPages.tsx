import {
  type exchangeDetail,
  JOINT_COST_KEYS,
  type JointCostKey,
  type jointDetail,
  type jointList,
  jointShares,
} from '@dz/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { MunicipalityResults } from '../../components/MunicipalityResults';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { ApiError, api, upload } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import {
  centsToInput,
  fmtDate,
  fmtDateTime,
  fmtEuro,
  fmtNumber,
  inputToCents,
  numberToInput,
  parseGermanNumber,
} from '../../lib/format';
import { TrafficLight } from '../projects/shared';

type Detail = z.infer<typeof jointDetail>;
type Partner = { municipalityId: string; name: string; population: number; caseVolume: string; customPercent: string };
type Line = { label: string; amount: string };

/** Joint projects of my municipality (also listed in the portfolio). */
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
function AddPartner({ onAdd, exclude }: { onAdd: (p: Partner) => void; exclude: string[] }) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const [q, setQ] = useState('');
  // search while typing (debounced); Enter searches instead of submitting the surrounding form
  useEffect(() => {
    const id = setTimeout(() => setQ(term.trim()), 300);
    return () => clearTimeout(id);
  }, [term]);
  return (
    <div className="panel">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: only intercepts Enter of the search field inside */}
      <div
        className="filters"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
            e.preventDefault();
            setQ(term.trim());
          }
        }}
      >
        <TextField
          name="partnerSearch"
          label={t('joint.findPartner')}
          hint={t('joint.findPartnerHint')}
          value={term}
          onChange={setTerm}
        />
        <Button variant="secondary" onPress={() => setQ(term.trim())}>
          {t('common.search')}
        </Button>
      </div>
      <MunicipalityResults
        search={q}
        action={(m) =>
          exclude.includes(m.id) ? (
            t('joint.alreadyIn')
          ) : (
            <Button
              small
              variant="secondary"
              onPress={() =>
                onAdd({
                  municipalityId: m.id,
                  name: m.name,
                  population: m.population,
                  caseVolume: '0',
                  customPercent: '0',
                })
              }
            >
              {t('joint.add', { name: m.name })}
            </Button>
          )
        }
      />
    </div>
  );
}

/** Create or (lead only) edit a joint project: partners, cost lines, cost-sharing key with a live split. */
function JointForm({ initial, onSaved }: { initial?: Detail; onSaved: (id: string) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const own = session.municipalities.find((m) => m.id === session.activeMunicipalityId);
  const ownData = useQuery({
    queryKey: ['municipality', session.activeMunicipalityId],
    queryFn: () => api<{ population: number }>(`/municipalities/${session.activeMunicipalityId}`),
  });
  const [params] = useSearchParams();
  const [title, setTitle] = useState(initial?.title ?? params.get('titel') ?? '');
  const fromEntry = initial ? null : params.get('veroeffentlichung');
  const entry = useQuery({
    queryKey: ['exchange-entry', fromEntry],
    queryFn: () => api<z.infer<typeof exchangeDetail>>(`/exchange/${fromEntry}`),
    enabled: Boolean(fromEntry),
  });
  // the entry's municipality joins as the first partner
  useEffect(() => {
    const m = entry.data?.municipality;
    if (!m) return;
    setPartners((ps) =>
      ps.some((p) => p.municipalityId === m.id)
        ? ps
        : [
            ...ps,
            { municipalityId: m.id, name: m.name, population: m.population, caseVolume: '0', customPercent: '0' },
          ],
    );
  }, [entry.data]);
  const [description, setDescription] = useState(initial?.description ?? '');
  const [costKey, setCostKey] = useState<JointCostKey>(initial?.costKey ?? 'population');
  const [baseShare, setBaseShare] = useState(numberToInput((initial?.baseShare ?? 0.3) * 100));
  const [lines, setLines] = useState<Line[]>(
    initial?.costLines.map((l) => ({ label: l.label, amount: centsToInput(l.amountCents) })) ?? [
      { label: '', amount: '' },
    ],
  );
  const [partners, setPartners] = useState<Partner[]>(
    initial?.partners
      .filter((p) => p.status !== 'declined')
      .map((p) => ({
        municipalityId: p.municipalityId,
        name: p.name,
        population: p.population,
        caseVolume: String(p.caseVolume),
        customPercent: numberToInput(p.customPercent),
      })) ?? [
      {
        municipalityId: session.activeMunicipalityId ?? '',
        name: own?.name ?? '',
        population: 0,
        caseVolume: '0',
        customPercent: '0',
      },
    ],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<string>();
  const cents = lines.map((l) => inputToCents(l.amount));
  const total = cents.reduce<number>((s, c) => s + (c && !Number.isNaN(c) ? c : 0), 0);
  const nums = partners.map((p) => ({
    population: p.population || (p.municipalityId === own?.id ? (ownData.data?.population ?? 0) : 0),
    caseVolume: Number(parseGermanNumber(p.caseVolume) ?? 0) || 0,
    customPercent: Number(parseGermanNumber(p.customPercent) ?? 0) || 0,
  }));
  const share = Number(parseGermanNumber(baseShare) ?? 0) / 100;
  const preview = jointShares(total, costKey, nums, Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0.3);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (title.trim().length < 3) errs.title = t('joint.titleMissing');
    if (partners.length < 2) errs.partners = t('joint.partnersMissing');
    lines.forEach((l, i) => {
      if (l.label.trim() === '' && l.amount.trim() === '') return;
      if (l.label.trim().length < 2) errs[`line${i}`] = t('joint.lineLabelMissing');
      else if (cents[i] === null || Number.isNaN(cents[i] as number)) errs[`line${i}`] = t('errors.number_invalid');
    });
    if (costKey === 'custom' && Math.abs(nums.reduce((s, p) => s + p.customPercent, 0) - 100) > 0.001)
      errs.partners = t('errors.percent_sum');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const body = {
      title,
      description,
      costKey,
      baseShare: Math.min(1, Math.max(0, share)),
      costLines: lines
        .map((l, i) => ({ label: l.label.trim(), amountCents: cents[i] ?? 0 }))
        .filter((l) => l.label !== ''),
      partners: partners.map((p, i) => ({
        municipalityId: p.municipalityId,
        caseVolume: Math.round(nums[i]!.caseVolume),
        customPercent: nums[i]!.customPercent,
      })),
      publicationId: initial ? (initial.publication?.id ?? null) : (entry.data?.id ?? null),
      ...(initial ? { version: initial.version } : {}),
    };
    try {
      if (initial) {
        await api(`/joint-projects/${initial.id}`, { method: 'PUT', body });
        onSaved(initial.id);
      } else onSaved((await api<{ id: string }>('/joint-projects', { method: 'POST', body })).id);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') setMsg(t('errors.version_conflict'));
      else setErrors(fieldMessages(err, t));
    }
  }
  const labels = { title: t('joint.name'), partners: t('joint.partners') };
  return (
    <form className="panel" noValidate onSubmit={submit}>
      {msg && <Alert kind="warning">{msg}</Alert>}
      <ErrorSummary errors={errors} labels={labels} />
      <TextField name="title" label={labels.title} value={title} onChange={setTitle} error={errors.title} required />
      {entry.data && (
        <p>
          {t('joint.basedOn')} <Link to={`/austausch/projekte/${entry.data.id}`}>{entry.data.title}</Link> (
          {entry.data.municipality.name})
        </p>
      )}
      <TextArea name="description" label={t('joint.description')} value={description} onChange={setDescription} />
      <h2>{t('joint.costs')}</h2>
      {lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before saving
        <div className="form-grid" key={i}>
          <TextField
            name={`line${i}`}
            label={t('joint.lineLabel', { n: i + 1 })}
            value={l.label}
            onChange={(v) => setLines(lines.map((x, k) => (k === i ? { ...x, label: v } : x)))}
            error={errors[`line${i}`]}
          />
          <TextField
            name={`amount${i}`}
            label={t('joint.lineAmount', { n: i + 1 })}
            inputMode="decimal"
            value={l.amount}
            onChange={(v) => setLines(lines.map((x, k) => (k === i ? { ...x, amount: v } : x)))}
          />
        </div>
      ))}
      <Button variant="secondary" small onPress={() => setLines([...lines, { label: '', amount: '' }])}>
        {t('joint.addLine')}
      </Button>
      <h2>{t('joint.keyTitle')}</h2>
      <SelectField
        name="costKey"
        label={t('joint.key')}
        value={costKey}
        onChange={(v) => setCostKey(v as JointCostKey)}
        options={JOINT_COST_KEYS.map((k) => ({ value: k, label: t(`joint.keys.${k}`) }))}
      />
      {costKey === 'base_variable' && (
        <TextField
          name="baseShare"
          label={t('joint.baseShare')}
          hint={t('joint.baseShareHint')}
          inputMode="decimal"
          value={baseShare}
          onChange={setBaseShare}
        />
      )}
      <TableWrap label={t('joint.partners')}>
        <table className="data numbers">
          <caption>{t('joint.splitPreview', { total: fmtEuro(total) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('joint.municipality')}</th>
              <th scope="col">{t('joint.population')}</th>
              {costKey === 'case_volume' && <th scope="col">{t('joint.cases')}</th>}
              {costKey === 'custom' && <th scope="col">{t('joint.percent')}</th>}
              <th scope="col">{t('joint.share')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {partners.map((p, i) => (
              <tr key={p.municipalityId}>
                <th scope="row">{p.name}</th>
                <td>{fmtNumber(nums[i]?.population)}</td>
                {costKey === 'case_volume' && (
                  <td>
                    <input
                      aria-label={t('joint.casesOf', { name: p.name })}
                      inputMode="numeric"
                      size={8}
                      value={p.caseVolume}
                      onChange={(e) =>
                        setPartners(partners.map((x, k) => (k === i ? { ...x, caseVolume: e.target.value } : x)))
                      }
                    />
                  </td>
                )}
                {costKey === 'custom' && (
                  <td>
                    <input
                      aria-label={t('joint.percentOf', { name: p.name })}
                      inputMode="decimal"
                      size={6}
                      value={p.customPercent}
                      onChange={(e) =>
                        setPartners(partners.map((x, k) => (k === i ? { ...x, customPercent: e.target.value } : x)))
                      }
                    />
                  </td>
                )}
                <td>{fmtEuro(preview[i] ?? 0)}</td>
                <td>
                  {p.municipalityId !== session.activeMunicipalityId && (
                    <Button small variant="secondary" onPress={() => setPartners(partners.filter((_, k) => k !== i))}>
                      {t('joint.remove')}
                      <span className="visually-hidden"> {p.name}</span>
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {errors.partners && <p className="field-error">{errors.partners}</p>}
      <AddPartner exclude={partners.map((p) => p.municipalityId)} onAdd={(p) => setPartners([...partners, p])} />
      <div className="btn-row">
        <Button type="submit">{initial ? t('common.save') : t('joint.createSubmit')}</Button>
      </div>
    </form>
  );
}

export function JointNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  return (
    <Page
      title={t('joint.create')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: '/austausch/gemeinsam', label: t('joint.title') },
      ]}
    >
      <p>{t('joint.createIntro')}</p>
      <JointForm
        onSaved={async (id) => {
          await qc.invalidateQueries({ queryKey: ['joint'] });
          navigate(`/austausch/gemeinsam/${id}`);
        }}
      />
    </Page>
  );
}

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
