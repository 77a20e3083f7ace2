import {
  IMPACT_BANDS,
  impactBand,
  impactBandRange,
  PROBABILITY_BANDS,
  probabilityBand,
  probabilityBandRange,
  RISK_CATEGORIES,
  RISK_STATUSES,
  riskHeat,
  type riskList,
} from '@dz/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert, Empty, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { ApiError, api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { centsToInput, fmtEuro, inputToCents, parseGermanNumber } from '../../lib/format';
import { useColleagues } from '../projects/shared';

type Risks = z.infer<typeof riskList>;
type Risk = Risks['items'][number];

function RiskForm({ projectId, risk, onDone }: { projectId: string; risk?: Risk; onDone: (msg?: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
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
    const errs: Record<string, string> = {};
    if (form.title.trim().length < 3) errs.title = t('finance.risks.errors.title');
    if (p === null || Number.isNaN(p) || p < 0 || p > 100 || !Number.isInteger(p))
      errs.probability = t('finance.risks.errors.probability');
    if ([a, b, c].some((x) => x === null || Number.isNaN(x))) errs.costLikely = t('finance.errors.amounts');
    else if (!((a as number) <= (b as number) && (b as number) <= (c as number)))
      errs.costLikely = t('finance.errors.order');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const body = {
      title: form.title,
      category: form.category,
      probability: p,
      costMin: a,
      costLikely: b,
      costMax: c,
      weeks: Math.round(parseGermanNumber(form.weeks) ?? 0),
      ownerId: form.ownerId || null,
      mitigation: form.mitigation,
      mitigationCents: inputToCents(form.mitigationCents) ?? 0,
      status: form.status,
      ...(risk ? { version: risk.version } : {}),
    };
    try {
      const res = await api<Risks>(`/projects/${projectId}/risks${risk ? `/${risk.id}` : ''}`, {
        method: risk ? 'PATCH' : 'POST',
        body,
      });
      qc.setQueryData(['risks', projectId], res);
      onDone(t('finance.risks.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        await qc.invalidateQueries({ queryKey: ['risks', projectId] });
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
        />
        <TextField
          name="weeks"
          label={t('finance.risks.weeks')}
          inputMode="numeric"
          value={form.weeks}
          onChange={set('weeks')}
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
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['risks', projectId], queryFn: () => api<Risks>(`/projects/${projectId}/risks`) });
  const [editing, setEditing] = useState<Risk | 'new' | null>(null);
  const [remove, setRemove] = useState<Risk | null>(null);
  const [msg, setMsg] = useState('');
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
  return (
    <section className="panel" aria-labelledby="h-risks">
      <h2 id="h-risks">{t('finance.risks.heading')}</h2>
      <div aria-live="polite">{msg && <Alert kind="success">{msg}</Alert>}</div>
      {items.length === 0 ? (
        <Empty>{t('finance.risks.empty')}</Empty>
      ) : (
        <TableWrap label={t('finance.risks.heading')}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('finance.risks.title')}</th>
                <th scope="col">{t('finance.risks.category')}</th>
                <th scope="col">{t('finance.risks.probability')}</th>
                <th scope="col">{t('finance.risks.impact')}</th>
                <th scope="col">{t('finance.risks.exposure')}</th>
                <th scope="col">{t('finance.risks.weeks')}</th>
                <th scope="col">{t('finance.risks.status')}</th>
                {can.edit && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.title}
                    {r.mitigation && (
                      <div className="muted">{t('finance.risks.mitigationShort', { text: r.mitigation })}</div>
                    )}
                  </td>
                  <td>{t(`finance.risks.categories.${r.category}`)}</td>
                  <td>{r.probability} %</td>
                  <td>
                    {fmtEuro(r.costMin, true)} – {fmtEuro(r.costMax, true)}
                    <div className="muted">{t('finance.risks.likelyShort', { v: fmtEuro(r.costLikely, true) })}</div>
                  </td>
                  <td>{fmtEuro(r.exposure, true)}</td>
                  <td>{r.weeks}</td>
                  <td>{t(`finance.risks.statuses.${r.status}`)}</td>
                  {can.edit && (
                    <td className="btn-row">
                      <Button
                        small
                        variant="secondary"
                        aria-label={t('finance.risks.editShort', { title: r.title })}
                        onPress={() => setEditing(r)}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        small
                        variant="danger"
                        aria-label={t('finance.risks.remove', { title: r.title })}
                        onPress={() => setRemove(r)}
                      >
                        {t('common.delete')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
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
              if (m) setMsg(m);
            }}
          />
        ) : (
          <Button onPress={() => setEditing('new')}>{t('finance.risks.add')}</Button>
        ))}
      <ConfirmDialog
        isOpen={remove !== null}
        title={t('finance.risks.removeTitle')}
        body={t('projects.removeBody', { title: remove?.title ?? '' })}
        confirmLabel={t('common.delete')}
        onConfirm={() => {
          if (remove)
            void api<Risks>(`/projects/${projectId}/risks/${remove.id}`, { method: 'DELETE' }).then((res) =>
              qc.setQueryData(['risks', projectId], res),
            );
          setRemove(null);
        }}
        onCancel={() => setRemove(null)}
      />
    </section>
  );
}
