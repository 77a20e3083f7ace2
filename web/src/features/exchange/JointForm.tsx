import { JOINT_COST_KEYS, type JointCostKey, jointCreate, jointShares, jointUpdate } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert, Page } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { ApiError, fieldKey } from '../../lib/api';
import { fieldErrorText, fieldMessages } from '../../lib/errors';
import { centsToInput, fmtEuro, fmtNumber, inputToCents, numberToInput, parseGermanNumber } from '../../lib/format';
import { contractErrors } from '../../lib/validate';
import { MunicipalityPicker } from '../directory/MunicipalityPicker';
import {
  entryQuery,
  type JointCreate,
  type JointDetail,
  municipalityQuery,
  useCreateJoint,
  useUpdateJoint,
} from './queries';

type Partner = { municipalityId: string; name: string; population: number; caseVolume: string; customPercent: string };
type Line = { label: string; amount: string };

/** Joint projects of my municipality (also listed in the portfolio). */
function AddPartner({ onAdd, exclude }: { onAdd: (p: Partner) => void; exclude: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="panel">
      <MunicipalityPicker
        label={t('joint.findPartner')}
        hint={t('joint.findPartnerHint')}
        exclude={exclude}
        alreadyIn={t('joint.alreadyIn')}
        addLabel={(name) => t('joint.add', { name })}
        onAdd={(m) =>
          onAdd({ municipalityId: m.id, name: m.name, population: m.population, caseVolume: '0', customPercent: '0' })
        }
      />
    </div>
  );
}

/** Create or (lead only) edit a joint project: partners, cost lines, cost-sharing key with a live split. */
export function JointForm({ initial, onSaved }: { initial?: JointDetail; onSaved: (id: string) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const own = session.municipalities.find((m) => m.id === session.activeMunicipalityId);
  const ownData = useQuery(municipalityQuery(session.activeMunicipalityId ?? ''));
  const create = useCreateJoint();
  const update = useUpdateJoint(initial?.id ?? '');
  const [params] = useSearchParams();
  const [title, setTitle] = useState(initial?.title ?? params.get('titel') ?? '');
  const fromEntry = initial ? null : params.get('veroeffentlichung');
  const entry = useQuery({ ...entryQuery(fromEntry ?? ''), enabled: Boolean(fromEntry) });
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
    // rows left empty are dropped; an amount that is no number goes to the contract as NaN
    const filled = lines.flatMap((l, i) => (l.label.trim() === '' && l.amount.trim() === '' ? [] : [i]));
    const body: JointCreate = {
      title,
      description,
      costKey,
      baseShare: Math.min(1, Math.max(0, share)),
      costLines: filled.map((i) => ({ label: lines[i]!.label.trim(), amountCents: cents[i] ?? Number.NaN })),
      partners: partners.map((p, i) => ({
        municipalityId: p.municipalityId,
        caseVolume: Math.round(nums[i]!.caseVolume),
        customPercent: nums[i]!.customPercent,
      })),
      publicationId: initial ? (initial.publication?.id ?? null) : (entry.data?.id ?? null),
    };
    const errs: Record<string, string> = {};
    const issues = initial
      ? contractErrors(jointUpdate, { ...body, version: initial.version })
      : contractErrors(jointCreate, body);
    for (const issue of issues) {
      const line = /^body\.costLines\.(\d+)\.(\w+)/.exec(issue.path);
      if (line) {
        const n = Number(line[1]);
        const notANumber = line[2] === 'amountCents' && Number.isNaN(body.costLines?.[n]?.amountCents);
        errs[`line${filled[n]}`] ??= notANumber ? t('errors.number_invalid') : fieldErrorText(issue, t);
        continue;
      }
      const key = fieldKey(issue.path);
      // "at least two partners" means: add one besides the own municipality
      errs[key] ??=
        key === 'partners' && issue.code === 'too_small' ? t('joint.partnersMissing') : fieldErrorText(issue, t);
    }
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      if (initial) {
        await update.mutateAsync({ ...body, version: initial.version });
        onSaved(initial.id);
      } else onSaved((await create.mutateAsync(body)).id);
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
  return (
    <Page
      title={t('joint.create')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: '/austausch/gemeinsam', label: t('joint.title') },
      ]}
    >
      <p>{t('joint.createIntro')}</p>
      <JointForm onSaved={(id) => navigate(`/austausch/gemeinsam/${id}`)} />
    </Page>
  );
}
