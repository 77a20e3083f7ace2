import { type FieldError, maturityModelInput } from '@dz/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextArea, TextField } from '../../components/Field';
import { Alert } from '../../components/Page';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldErrorText } from '../../lib/errors';
import { contractErrors } from '../../lib/validate';
import { LEVELS, levelText } from './levels';
import { type MaturityModel, type MaturityModelInput, usePublishModel } from './queries';

type Criterion = MaturityModelInput['dimensions'][number]['criteria'][number] & {
  isNew?: boolean;
  keyEdited?: boolean;
};
type Dimension = { key: string; name: string; criteria: Criterion[] };

const MAX_CRITERIA = 6;
const MIN_CRITERIA = 4;

/** A key from a German name: lower case, umlauts written out, words joined by "_" (2–40 characters). */
export function keyFrom(name: string): string {
  const k = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return k;
}

/** The field name of a path in the body ("dimensions.0.criteria.1.levels.2"). */
const pathOf = (e: FieldError) => e.path.replace(/^body\./, '');

/**
 * The platform administration's editor for a new model version: names and level texts, a criterion added to a
 * dimension (4–6 each), a note on what changes; published with the version it continues (409 when another was
 * published meanwhile). Existing criteria keep their keys, so assessments stay comparable across versions.
 */
export function ModelEditor({ model, onDone }: { model: MaturityModel; onDone: (published?: string) => void }) {
  const { t } = useTranslation();
  const publish = usePublishModel();
  const [dims, setDims] = useState<Dimension[]>(() =>
    model.dimensions.map((d) => ({
      key: d.key,
      name: d.name,
      criteria: d.criteria.map((c) => ({
        key: c.key,
        name: c.name,
        levels: [...c.levels] as Criterion['levels'],
        ...(c.prefill ? { prefill: c.prefill } : {}),
      })),
    })),
  );
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);

  const setDim = (i: number, d: Partial<Dimension>) => setDims(dims.map((x, j) => (j === i ? { ...x, ...d } : x)));
  const setCrit = (i: number, k: number, c: Partial<Criterion>) =>
    setDim(i, { criteria: dims[i]!.criteria.map((x, j) => (j === k ? { ...x, ...c } : x)) });

  function messages(list: FieldError[]) {
    const out: Record<string, string> = {};
    for (const e of list) {
      const p = pathOf(e);
      out[p] ??=
        p.endsWith('.key') && e.code === 'invalid_format' ? t('maturity.model.keyInvalid') : fieldErrorText(e, t);
    }
    return out;
  }

  function body(): MaturityModelInput {
    return {
      basedOn: model.version,
      note,
      dimensions: dims.map((d) => ({
        key: d.key,
        name: d.name,
        criteria: d.criteria.map(({ isNew: _n, keyEdited: _k, ...c }) => c),
      })),
    };
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const b = body();
    const invalid = messages(contractErrors(maturityModelInput, b));
    // keys name criteria across versions: each once in the model
    const seen = new Set<string>();
    dims.forEach((d, i) => {
      d.criteria.forEach((c, k) => {
        if (seen.has(c.key)) invalid[`dimensions.${i}.criteria.${k}.key`] ??= t('maturity.model.keyTaken');
        seen.add(c.key);
      });
    });
    setErrors(invalid);
    if (Object.keys(invalid).length) return;
    try {
      const m = await publish.mutateAsync(b);
      onDone(m.version);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) return setConflict(true);
      const f = err instanceof ApiError ? messages(err.errors) : {};
      setErrors(Object.keys(f).length ? f : { note: errorMessage(err, t) });
    }
  }

  // the summary names where each error is: "Zielbild Digitalisierung – Stufe 2 · Wiederholbar"
  const summaryLabels: Record<string, string> = {};
  for (const key of Object.keys(errors)) {
    const m = /^dimensions\.(\d+)\.(?:criteria\.(\d+)\.)?(\w+)(?:\.(\d+))?$/.exec(key);
    if (!m) continue;
    const d = dims[Number(m[1])];
    const c = m[2] === undefined ? undefined : d?.criteria[Number(m[2])];
    const where = c ? c.name || t('maturity.model.newCriterion') : (d?.name ?? '');
    const field =
      m[3] === 'levels'
        ? levelText(t, Number(m[4]) + 1)
        : m[3] === 'key'
          ? t('maturity.model.criterionKey')
          : c
            ? t('maturity.model.criterionName')
            : t('maturity.model.dimensionName');
    summaryLabels[key] = `${where} – ${field}`;
  }

  const openCriterion = (i: number, k: number) =>
    Object.keys(errors).some((p) => p.startsWith(`dimensions.${i}.criteria.${k}.`)) || undefined;

  return (
    <form noValidate onSubmit={submit} className="model-editor">
      <p>{t('maturity.model.editIntro', { version: model.version })}</p>
      <ErrorSummary errors={errors} labels={summaryLabels} />
      {conflict && (
        <Alert kind="warning">
          {t('maturity.model.conflict')}{' '}
          <Button small variant="secondary" onPress={() => onDone()}>
            {t('maturity.model.loadCurrent')}
          </Button>
        </Alert>
      )}
      {dims.map((d, i) => (
        <fieldset key={d.key} className="model-dimension">
          <legend>{d.name || d.key}</legend>
          <TextField
            name={`dimensions.${i}.name`}
            label={t('maturity.model.dimensionName')}
            value={d.name}
            onChange={(v) => setDim(i, { name: v })}
            error={errors[`dimensions.${i}.name`]}
            required
          />
          {d.criteria.map((c, k) => (
            <details
              key={c.isNew ? `new-${k}` : c.key}
              className="model-criterion"
              open={c.isNew || openCriterion(i, k)}
            >
              <summary>
                {c.name || t('maturity.model.newCriterion')}
                {c.isNew && <span className="badge">{t('maturity.model.new')}</span>}
              </summary>
              <TextField
                name={`dimensions.${i}.criteria.${k}.name`}
                label={t('maturity.model.criterionName')}
                value={c.name}
                onChange={(v) => setCrit(i, k, c.isNew && !c.keyEdited ? { name: v, key: keyFrom(v) } : { name: v })}
                error={errors[`dimensions.${i}.criteria.${k}.name`]}
                required
              />
              {c.isNew && (
                <TextField
                  name={`dimensions.${i}.criteria.${k}.key`}
                  label={t('maturity.model.criterionKey')}
                  hint={t('maturity.model.criterionKeyHint')}
                  value={c.key}
                  onChange={(v) => setCrit(i, k, { key: v, keyEdited: true })}
                  error={errors[`dimensions.${i}.criteria.${k}.key`]}
                  required
                />
              )}
              {LEVELS.map((l) => (
                <TextArea
                  key={l}
                  name={`dimensions.${i}.criteria.${k}.levels.${l - 1}`}
                  label={levelText(t, l)}
                  rows={2}
                  value={c.levels[l - 1] ?? ''}
                  onChange={(v) =>
                    setCrit(i, k, { levels: c.levels.map((x, j) => (j === l - 1 ? v : x)) as Criterion['levels'] })
                  }
                  error={errors[`dimensions.${i}.criteria.${k}.levels.${l - 1}`]}
                />
              ))}
              {c.isNew && (
                <Button
                  small
                  variant="danger"
                  onPress={() => setDim(i, { criteria: d.criteria.filter((_, j) => j !== k) })}
                >
                  {t('maturity.model.removeCriterion')}
                </Button>
              )}
            </details>
          ))}
          {errors[`dimensions.${i}.criteria`] && <p className="field-error">{errors[`dimensions.${i}.criteria`]}</p>}
          <div className="btn-row">
            <Button
              small
              variant="secondary"
              isDisabled={d.criteria.length >= MAX_CRITERIA}
              aria-label={t('maturity.model.addCriterionTo', { name: d.name })}
              onPress={() =>
                setDim(i, {
                  criteria: [...d.criteria, { key: '', name: '', levels: ['', '', '', '', ''], isNew: true }],
                })
              }
            >
              {t('maturity.model.addCriterion')}
            </Button>
            <span className="m-note">
              {t('maturity.model.criteriaCount', { count: d.criteria.length, min: MIN_CRITERIA, max: MAX_CRITERIA })}
            </span>
          </div>
        </fieldset>
      ))}
      <TextArea
        name="note"
        label={t('maturity.model.noteLabel')}
        hint={t('maturity.model.noteHint')}
        rows={3}
        value={note}
        onChange={setNote}
        error={errors.note}
        required
      />
      <div className="btn-row">
        <Button type="submit" isDisabled={publish.isPending}>
          {t('maturity.model.publish')}
        </Button>
        <Button variant="secondary" onPress={() => onDone()}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
