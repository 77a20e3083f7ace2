import {
  IMPACT_BANDS,
  impactBand,
  impactBandRange,
  PROBABILITY_BANDS,
  probabilityBand,
  probabilityBandRange,
  RISK_CATEGORIES,
  RISK_STATUSES,
  riskCreate,
  riskHeat,
  riskUpdate,
} from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { type Column, DataTable } from '../../components/DataTable';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { TableWrap } from '../../components/TableWrap';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { centsToInput, fmtEuro, inputToCents, parseGermanNumber } from '../../lib/format';
import { validate } from '../../lib/validate';
import { useColleagues } from '../projects/shared';
import {
  type Risk,
  type RiskCreate,
  risksQuery,
  useAddRisk,
  useDeleteRisk,
  useRefreshRisks,
  useUpdateRisk,
} from './queries';

const isNumber = (x: number | null): x is number => x !== null && !Number.isNaN(x);

function RiskForm({ projectId, risk, onDone }: { projectId: string; risk?: Risk; onDone: (msg?: string) => void }) {
  const { t } = useTranslation();
  const addRisk = useAddRisk(projectId);
  const updateRisk = useUpdateRisk(projectId);
  const refresh = useRefreshRisks(projectId);
  const people = useColleagues();
  const [form, setForm] = useState({
    title: risk?.title ?? '',
    category: risk?.category ?? 'financial',
    probability: String(risk?.probability ?? ''),
    costMin: centsToInput(risk?.costMin),
    costLikely: centsToInput(risk?.costLikely),
    costMax: centsToInput(risk?.costMax),
    weeks: String(risk?.weeks ?? 0),
    ownerId: risk?.ownerId ?? '',
    mitigation: risk?.mitigation ?? '',
    mitigationCents: centsToInput(risk?.mitigationCents ?? 0),
    status: risk?.status ?? 'open',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const p = parseGermanNumber(form.probability);
    const [a, b, c] = [inputToCents(form.costMin), inputToCents(form.costLikely), inputToCents(form.costMax)];
    const weeks = parseGermanNumber(form.weeks) ?? 0;
    const mitigationCents = inputToCents(form.mitigationCents) ?? 0;
    const body: RiskCreate = {
      title: form.title,
      category: form.category as RiskCreate['category'],
      probability: p ?? Number.NaN,
      costMin: a ?? Number.NaN,
      costLikely: b ?? Number.NaN,
      costMax: c ?? Number.NaN,
      weeks: Math.round(weeks),
      ownerId: form.ownerId || null,
      mitigation: form.mitigation,
      mitigationCents,
      status: form.status as RiskCreate['status'],
    };
    const errs = risk ? validate(riskUpdate, { ...body, version: risk.version }, t) : validate(riskCreate, body, t);
    // what is no (whole) number at all is told as such; ranges and the three-point order come from the contract
    if (!isNumber(p) || !Number.isInteger(p)) errs.probability = t('finance.risks.errors.probability');
    if (![a, b, c].every(isNumber)) {
      delete errs.costMin;
      delete errs.costMax;
      errs.costLikely = t('finance.errors.amounts');
    }
    if (Number.isNaN(weeks)) errs.weeks = t('errors.number_invalid');
    if (Number.isNaN(mitigationCents)) errs.mitigationCents = t('errors.number_invalid');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      if (risk) await updateRisk.mutateAsync({ ...body, id: risk.id, version: risk.version });
      else await addRisk.mutateAsync(body);
      onDone(t('finance.risks.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        await refresh();
        setErrors({ title: t('errors.version_conflict') });
      } else setErrors({ title: errorMessage(err, t, true) });
    }
  }
  return (
    <form onSubmit={save} noValidate className="panel">
      <h3>{risk ? t('finance.risks.edit', { title: risk.title }) : t('finance.risks.add')}</h3>
      <TextField
        name="riskTitle"
        label={t('finance.risks.title')}
        required
        value={form.title}
        onChange={set('title')}
        error={errors.title}
      />
      <div className="form-grid">
        <SelectField
          name="riskCategory"
          label={t('finance.risks.category')}
          value={form.category}
          onChange={set('category')}
          options={RISK_CATEGORIES.map((c) => ({ value: c, label: t(`finance.risks.categories.${c}`) }))}
        />
        <TextField
          name="probability"
          label={t('finance.risks.probability')}
          hint={t('finance.risks.probabilityHint')}
          inputMode="numeric"
          value={form.probability}
          onChange={set('probability')}
          error={errors.probability}
        />
        <TextField
          name="costMin"
          label={t('finance.risks.costMin')}
          inputMode="decimal"
          value={form.costMin}
          onChange={set('costMin')}
          error={errors.costMin}
        />
        <TextField
          name="costLikely"
          label={t('finance.risks.costLikely')}
          inputMode="decimal"
          value={form.costLikely}
          onChange={set('costLikely')}
          error={errors.costLikely}
        />
        <TextField
          name="costMax"
          label={t('finance.risks.costMax')}
          inputMode="decimal"
          value={form.costMax}
          onChange={set('costMax')}
          error={errors.costMax}
        />
        <TextField
          name="weeks"
          label={t('finance.risks.weeks')}
          inputMode="numeric"
          value={form.weeks}
          onChange={set('weeks')}
          error={errors.weeks}
        />
        <SelectField
          name="riskOwner"
          label={t('finance.risks.owner')}
          value={form.ownerId}
          onChange={set('ownerId')}
          options={[
            { value: '', label: '–' },
            ...(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <SelectField
          name="riskStatus"
          label={t('finance.risks.status')}
          value={form.status}
          onChange={set('status')}
          options={RISK_STATUSES.map((s) => ({ value: s, label: t(`finance.risks.statuses.${s}`) }))}
        />
        <TextField
          name="mitigationCents"
          label={t('finance.risks.mitigationCost')}
          inputMode="decimal"
          value={form.mitigationCents}
          onChange={set('mitigationCents')}
          error={errors.mitigationCents}
        />
      </div>
      <TextArea
        name="mitigation"
        label={t('finance.risks.mitigation')}
        value={form.mitigation}
        onChange={set('mitigation')}
      />
      <div className="btn-row">
        <Button type="submit">{t('finance.risks.save')}</Button>
        <Button variant="secondary" onPress={() => onDone()}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Risk register with a probability × impact matrix (counts per cell, readable as a table). */
export function RiskRegister({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const q = useQuery(risksQuery(projectId));
  const deleteRisk = useDeleteRisk(projectId);
  const [editing, setEditing] = useState<Risk | 'new' | null>(null);
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string }>();
  if (!q.data) return <Pending query={q} />;
  const { items, can } = q.data;
  const open = items.filter((r) => r.status === 'open' || r.status === 'mitigating');
  // bands that never overlap (core): a 40 % risk sits in the row "40–59 %" only
  const impacts = Array.from({ length: IMPACT_BANDS }, (_, i) => i);
  const matrix = PROBABILITY_BANDS.map((_, pi) =>
    impacts.map((ii) => open.filter((r) => probabilityBand(r.probability) === pi && impactBand(r.costLikely) === ii)),
  );
  const impactLabel = (i: number) => {
    const { above, upTo } = impactBandRange(i);
    if (above === null) return t('finance.risks.upTo', { v: fmtEuro(upTo, true) });
    if (upTo === null) return t('finance.risks.above', { v: fmtEuro(above, true) });
    return t('finance.risks.between', { from: fmtEuro(above, true), to: fmtEuro(upTo, true) });
  };
  const columns: Column<Risk>[] = [
    {
      header: t('finance.risks.title'),
      cell: (r) => (
        <>
          {r.title}
          {r.mitigation && <div className="muted">{t('finance.risks.mitigationShort', { text: r.mitigation })}</div>}
        </>
      ),
    },
    { header: t('finance.risks.category'), cell: (r) => t(`finance.risks.categories.${r.category}`) },
    { header: t('finance.risks.probability'), cell: (r) => `${r.probability} %` },
    {
      header: t('finance.risks.impact'),
      cell: (r) => (
        <>
          {fmtEuro(r.costMin, true)} – {fmtEuro(r.costMax, true)}
          <div className="muted">{t('finance.risks.likelyShort', { v: fmtEuro(r.costLikely, true) })}</div>
        </>
      ),
    },
    { header: t('finance.risks.exposure'), cell: (r) => fmtEuro(r.exposure, true) },
    { header: t('finance.risks.weeks'), cell: (r) => r.weeks },
    { header: t('finance.risks.status'), cell: (r) => t(`finance.risks.statuses.${r.status}`) },
  ];
  if (can.edit)
    columns.push({
      header: t('common.actions'),
      cell: (r) => (
        <div className="btn-row">
          <Button
            small
            variant="secondary"
            aria-label={t('finance.risks.editShort', { title: r.title })}
            onPress={() => setEditing(r)}
          >
            {t('common.edit')}
          </Button>
          <ConfirmDeleteButton
            label={t('common.delete')}
            ariaLabel={t('finance.risks.remove', { title: r.title })}
            title={t('finance.risks.removeTitle')}
            body={t('projects.removeBody', { title: r.title })}
            onConfirm={async () => {
              try {
                await deleteRisk.mutateAsync(r.id);
              } catch (err) {
                setMsg({ kind: 'error', text: errorMessage(err, t) });
              }
            }}
          />
        </div>
      ),
    });
  return (
    <Panel title={t('finance.risks.heading')}>
      <div aria-live="polite">{msg && <Alert kind={msg.kind}>{msg.text}</Alert>}</div>
      <DataTable
        label={t('finance.risks.heading')}
        columns={columns}
        rows={items}
        rowKey={(r) => r.id}
        empty={t('finance.risks.empty')}
      />
      {open.length > 0 && (
        <TableWrap label={t('finance.risks.matrix')}>
          <table className="data risk-matrix">
            <caption>{t('finance.risks.matrix')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('finance.risks.probabilityImpact')}</th>
                {impacts.map((i) => (
                  <th scope="col" key={i}>
                    {impactLabel(i)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...matrix.entries()].reverse().map(([pi, row]) => (
                <tr key={PROBABILITY_BANDS[pi]}>
                  <th scope="row">{t('finance.risks.probBand', probabilityBandRange(pi))}</th>
                  {row.map((cell, ii) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: one cell per impact band
                    <td key={ii} className={`heat-${riskHeat(pi, ii)}`}>
                      {cell.length ? cell.map((r) => r.title).join(', ') : '–'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {can.edit &&
        (editing ? (
          <RiskForm
            key={editing === 'new' ? 'new' : `${editing.id}${editing.version}`}
            projectId={projectId}
            risk={editing === 'new' ? undefined : editing}
            onDone={(m) => {
              setEditing(null);
              if (m) setMsg({ kind: 'success', text: m });
            }}
          />
        ) : (
          <Button onPress={() => setEditing('new')}>{t('finance.risks.add')}</Button>
        ))}
    </Panel>
  );
}
