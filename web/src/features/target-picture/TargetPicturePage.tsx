import { indicatorValueAdd, targetPictureSave } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BarChart } from '../../components/BarChart';
import { Button } from '../../components/Button';
import { TextArea, TextField } from '../../components/Field';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldErrorText } from '../../lib/errors';
import { fmtDate, fmtNumber, todayIso } from '../../lib/format';
import { contractErrors, validate } from '../../lib/validate';
import {
  type TargetPictureSave,
  type TargetPicture as TP,
  targetPictureQuery,
  useAddIndicatorValue,
  useSaveTargetPicture,
} from './queries';

type Field = TP['fields'][number];
type Goal = Field['goals'][number];
type Indicator = Goal['indicators'][number];
/** Draft items may be new (no id yet). */
type DraftIndicator = Omit<Indicator, 'id' | 'values'> & { id?: string; values?: Indicator['values'] };
type DraftGoal = Omit<Goal, 'id' | 'indicators'> & { id?: string; indicators: DraftIndicator[] };
type DraftField = Omit<Field, 'id' | 'goals'> & { id?: string; goals: DraftGoal[] };

const num = (v: string) =>
  v.trim() === '' || Number.isNaN(Number(v.replace(',', '.'))) ? null : Number(v.replace(',', '.'));

/**
 * The contract's complaints about the whole document, each named by where it sits ("Handlungsfeld 2, Ziel 2.1:
 * …") — the nested fields have no single form field a message could stand under.
 */
function documentErrors(body: TargetPictureSave, t: TFunction): string[] {
  return contractErrors(targetPictureSave, body).map((e) => {
    const [, , fi, , gi, , ii] = e.path.split('.').map(Number);
    const where =
      fi === undefined || Number.isNaN(fi)
        ? t('targetPicture.vision')
        : gi === undefined || Number.isNaN(gi)
          ? `${t('targetPicture.field')} ${fi + 1}`
          : ii === undefined || Number.isNaN(ii)
            ? `${t('targetPicture.goal')} ${fi + 1}.${gi + 1}`
            : `${t('targetPicture.goal')} ${fi + 1}.${gi + 1}, ${t('targetPicture.indicator')} ${ii + 1}`;
    return `${where}: ${fieldErrorText(e, t)}`;
  });
}

function Values({ ind, onSaved }: { ind: DraftIndicator; onSaved: (tp: TP) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ measuredOn: todayIso(), value: '' });
  const [error, setError] = useState<string>();
  const addValue = useAddIndicatorValue();
  if (!ind.id || !ind.values) return <p className="hint">{t('targetPicture.saveFirst')}</p>;
  const values = ind.values;
  const id = ind.id;
  return (
    <div className="indicator-values">
      {values.length > 0 && (
        <div className="chart-pair">
          <BarChart labels={values.map((v) => fmtDate(v.measuredOn))} values={values.map((v) => v.value)} />
          <table className="data">
            <caption>{t('targetPicture.valuesCaption', { name: ind.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('targetPicture.measuredOn')}</th>
                <th scope="col" className="num">
                  {t('targetPicture.value')}
                </th>
              </tr>
            </thead>
            <tbody>
              {values.map((v) => (
                <tr key={v.id}>
                  <td>{fmtDate(v.measuredOn)}</td>
                  <td className="num">
                    {fmtNumber(v.value)} {ind.unit}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        className="filters"
        onSubmit={async (e) => {
          e.preventDefault();
          const value = num(form.value);
          // the text box holds text: a value that is no number is a typing slip, not a contract violation
          if (value === null) return setError(t('targetPicture.valueMissing'));
          const body = { measuredOn: form.measuredOn, value };
          const [invalid] = Object.values(validate(indicatorValueAdd, body, t));
          if (invalid) return setError(invalid);
          try {
            onSaved(await addValue.mutateAsync({ indicatorId: id, ...body }));
            setForm({ ...form, value: '' });
            setError(undefined);
          } catch (err) {
            setError(errorMessage(err, t, true));
          }
        }}
        noValidate
      >
        <TextField
          name={`on-${ind.id}`}
          type="date"
          label={t('targetPicture.measuredOn')}
          value={form.measuredOn}
          onChange={(v) => setForm({ ...form, measuredOn: v })}
        />
        <TextField
          name={`value-${ind.id}`}
          inputMode="decimal"
          label={t('targetPicture.value')}
          value={form.value}
          onChange={(v) => setForm({ ...form, value: v })}
          error={error}
        />
        <Button type="submit" variant="secondary">
          {t('targetPicture.addValue')}
        </Button>
      </form>
    </div>
  );
}

function Editor({ tp }: { tp: TP }) {
  const { t } = useTranslation();
  const saveDocument = useSaveTargetPicture();
  const [vision, setVision] = useState(tp.vision);
  const [fields, setFields] = useState<DraftField[]>(tp.fields);
  const [version, setVersion] = useState(tp.version);
  const [msg, setMsg] = useState<{ kind: 'success' | 'error' | 'warning'; text: string }>();
  useEffect(() => setVersion(tp.version), [tp.version]);
  const setField = (fi: number, patch: Partial<DraftField>) =>
    setFields(fields.map((f, i) => (i === fi ? { ...f, ...patch } : f)));
  const setGoal = (fi: number, gi: number, patch: Partial<DraftGoal>) =>
    setField(fi, { goals: (fields[fi] as DraftField).goals.map((g, i) => (i === gi ? { ...g, ...patch } : g)) });
  const setIndicator = (fi: number, gi: number, ii: number, patch: Partial<DraftIndicator>) => {
    const g = (fields[fi] as DraftField).goals[gi] as DraftGoal;
    setGoal(fi, gi, { indicators: g.indicators.map((x, i) => (i === ii ? { ...x, ...patch } : x)) });
  };
  // measured values are saved at once; keep the rest of the draft as typed
  const mergeValues = (saved: TP) => {
    const byId = new Map(
      saved.fields.flatMap((f) => f.goals.flatMap((g) => g.indicators.map((i) => [i.id, i.values] as const))),
    );
    setFields(
      fields.map((f) => ({
        ...f,
        goals: f.goals.map((g) => ({
          ...g,
          indicators: g.indicators.map((i) => (i.id && byId.has(i.id) ? { ...i, values: byId.get(i.id) } : i)),
        })),
      })),
    );
  };
  async function save() {
    const body: TargetPictureSave = {
      version,
      vision,
      fields: fields.map((f) => ({
        ...f,
        goals: f.goals.map((g) => ({ ...g, indicators: g.indicators.map(({ values: _v, ...i }) => i) })),
      })),
    };
    const invalid = documentErrors(body, t);
    if (invalid.length) return setMsg({ kind: 'error', text: `${t('errors.validation_failed')} ${invalid.join(' ')}` });
    try {
      const res = await saveDocument.mutateAsync(body);
      setFields(res.fields);
      setVersion(res.version);
      setMsg({ kind: 'success', text: t('common.saved') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setVersion(Number(err.body.currentVersion));
        setMsg({ kind: 'warning', text: t('errors.version_conflict') });
      } else
        setMsg({
          kind: 'error',
          text: `${errorMessage(err, t, true)} ${err instanceof ApiError ? err.errors.map((e) => e.message).join(' ') : ''}`,
        });
    }
  }
  return (
    <>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <Panel id="h-vision" title={t('targetPicture.vision')}>
        <TextArea
          name="vision"
          label={t('targetPicture.visionLabel')}
          hint={t('targetPicture.visionHint')}
          value={vision}
          onChange={setVision}
          rows={3}
        />
      </Panel>
      {fields.map((f, fi) => (
        <Panel
          key={f.id ?? `new-${fi}`}
          id={`h-field-${fi}`}
          title={
            <>
              {t('targetPicture.field')} {fi + 1}: {f.name}
            </>
          }
        >
          <div className="filters">
            <TextField
              name={`field-${fi}`}
              label={t('targetPicture.fieldName')}
              value={f.name}
              onChange={(v) => setField(fi, { name: v })}
              required
            />
            <TextField
              name={`field-desc-${fi}`}
              label={t('targetPicture.fieldDescription')}
              value={f.description}
              onChange={(v) => setField(fi, { description: v })}
            />
          </div>
          {f.goals.length === 0 && <p className="hint">{t('targetPicture.noGoals')}</p>}
          {f.goals.map((g, gi) => (
            <fieldset key={g.id ?? `new-${gi}`} className="goal">
              <legend>
                {t('targetPicture.goal')} {fi + 1}.{gi + 1}
              </legend>
              <TextField
                name={`goal-${fi}-${gi}`}
                label={t('targetPicture.goalTitle')}
                value={g.title}
                onChange={(v) => setGoal(fi, gi, { title: v })}
                required
              />
              <TextArea
                name={`goal-desc-${fi}-${gi}`}
                label={t('targetPicture.goalDescription')}
                rows={2}
                value={g.description}
                onChange={(v) => setGoal(fi, gi, { description: v })}
              />
              <fieldset className="plain">
                <legend>{t('targetPicture.answersNeeds')}</legend>
                {tp.needs.length === 0 ? (
                  <p className="hint">
                    {t('targetPicture.noNeeds')} <Link to="/bedarfe">{t('nav.needs')}</Link>
                  </p>
                ) : (
                  tp.needs.map((n) => (
                    <label key={n.id} className="choice">
                      <input
                        type="checkbox"
                        checked={g.needIds.includes(n.id)}
                        onChange={(e) =>
                          setGoal(fi, gi, {
                            needIds: e.target.checked ? [...g.needIds, n.id] : g.needIds.filter((x) => x !== n.id),
                          })
                        }
                      />
                      {n.title}
                    </label>
                  ))
                )}
              </fieldset>
              {g.indicators.map((ind, ii) => (
                <div key={ind.id ?? `new-${ii}`} className="indicator">
                  <h3>
                    {t('targetPicture.indicator')}: {ind.name || '…'}
                  </h3>
                  <div className="filters">
                    <TextField
                      name={`ind-${fi}-${gi}-${ii}`}
                      label={t('targetPicture.indicatorName')}
                      value={ind.name}
                      onChange={(v) => setIndicator(fi, gi, ii, { name: v })}
                      required
                    />
                    <TextField
                      name={`unit-${fi}-${gi}-${ii}`}
                      label={t('targetPicture.unit')}
                      value={ind.unit}
                      onChange={(v) => setIndicator(fi, gi, ii, { unit: v })}
                    />
                    <TextField
                      name={`base-${fi}-${gi}-${ii}`}
                      inputMode="decimal"
                      label={t('targetPicture.baseline')}
                      value={ind.baseline === null ? '' : String(ind.baseline)}
                      onChange={(v) => setIndicator(fi, gi, ii, { baseline: num(v) })}
                    />
                    <TextField
                      name={`target-${fi}-${gi}-${ii}`}
                      inputMode="decimal"
                      label={t('targetPicture.target')}
                      value={ind.target === null ? '' : String(ind.target)}
                      onChange={(v) => setIndicator(fi, gi, ii, { target: num(v) })}
                    />
                    <TextField
                      name={`tdate-${fi}-${gi}-${ii}`}
                      type="date"
                      label={t('targetPicture.targetDate')}
                      value={ind.targetDate ?? ''}
                      onChange={(v) => setIndicator(fi, gi, ii, { targetDate: v || null })}
                    />
                  </div>
                  <Values ind={ind} onSaved={mergeValues} />
                  <Button
                    small
                    variant="danger"
                    onPress={() => setGoal(fi, gi, { indicators: g.indicators.filter((_, i) => i !== ii) })}
                  >
                    {t('targetPicture.removeIndicator')}
                  </Button>
                </div>
              ))}
              <div className="btn-row">
                <Button
                  small
                  variant="secondary"
                  onPress={() =>
                    setGoal(fi, gi, {
                      indicators: [
                        ...g.indicators,
                        { name: '', unit: '', baseline: null, target: null, targetDate: null },
                      ],
                    })
                  }
                >
                  {t('targetPicture.addIndicator')}
                </Button>
                <Button
                  small
                  variant="danger"
                  onPress={() => setField(fi, { goals: f.goals.filter((_, i) => i !== gi) })}
                >
                  {t('targetPicture.removeGoal')}
                </Button>
              </div>
            </fieldset>
          ))}
          <div className="btn-row">
            <Button
              variant="secondary"
              onPress={() =>
                setField(fi, { goals: [...f.goals, { title: '', description: '', needIds: [], indicators: [] }] })
              }
            >
              {t('targetPicture.addGoal')}
            </Button>
            {f.goals.length === 0 && (
              <Button variant="danger" onPress={() => setFields(fields.filter((_, i) => i !== fi))}>
                {t('targetPicture.removeField')}
              </Button>
            )}
          </div>
        </Panel>
      ))}
      <Button variant="secondary" onPress={() => setFields([...fields, { name: '', description: '', goals: [] }])}>
        {t('targetPicture.addField')}
      </Button>
      <div className="btn-row sticky-actions">
        <p className="save-state">
          {version === 0 ? t('targetPicture.notSavedYet') : t('targetPicture.versionInfo', { version })}
        </p>
        <Button onPress={() => void save()}>{t('targetPicture.save')}</Button>
      </div>
    </>
  );
}

function ReadOnly({ tp }: { tp: TP }) {
  const { t } = useTranslation();
  if (tp.version === 0) return <Empty>{t('targetPicture.empty')}</Empty>;
  const needTitle = new Map(tp.needs.map((n) => [n.id, n.title]));
  return (
    <>
      {tp.vision && <blockquote className="leitfrage">{tp.vision}</blockquote>}
      {tp.fields.map((f) => (
        <Panel key={f.id} title={f.name}>
          {f.description && <p className="hint">{f.description}</p>}
          {f.goals.length === 0 ? (
            <p className="hint">{t('targetPicture.noGoals')}</p>
          ) : (
            <ul>
              {f.goals.map((g) => (
                <li key={g.id}>
                  <strong>{g.title}</strong>
                  {g.needIds.length > 0 &&
                    ` – ${t('targetPicture.answers')}: ${g.needIds.map((n) => needTitle.get(n) ?? '').join(', ')}`}
                  <ul>
                    {g.indicators.map((i) => (
                      <li key={i.id}>
                        {i.name}: {fmtNumber(i.baseline)} → {fmtNumber(i.target)} {i.unit} ({fmtDate(i.targetDate)})
                        {i.values.length > 0 &&
                          ` · ${t('targetPicture.latest')}: ${fmtNumber(i.values.at(-1)?.value)} ${i.unit}`}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      ))}
    </>
  );
}

export function TargetPicturePage() {
  const { t } = useTranslation();
  const q = useQuery(targetPictureQuery());
  return (
    <Page title={t('targetPicture.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p>{t('targetPicture.intro')}</p>
      <div className="btn-row">
        <a className="btn secondary" href="/api/v1/target-picture.pdf" download>
          {t('targetPicture.pdf')}
        </a>
      </div>
      {!q.data ? <Pending query={q} /> : q.data.can.edit ? <Editor tp={q.data} /> : <ReadOnly tp={q.data} />}
    </Page>
  );
}
