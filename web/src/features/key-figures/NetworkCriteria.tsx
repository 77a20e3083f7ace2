import { type FieldError, networkCriterionInput } from '@dz/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { Alert, Empty } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldErrorText, fieldMessages } from '../../lib/errors';
import { contractErrors, validate } from '../../lib/validate';
import { type NetworkMaturity, useAddNetworkCriterion, useRemoveNetworkCriterion } from './queries';

type Notice = { kind: 'success' | 'error'; text: string };
const LEVELS = [1, 2, 3, 4, 5] as const;

/** A new criterion of the network: its dimension, a name and what each of the five levels means. */
function CriterionForm({ network, onDone }: { network: NetworkMaturity; onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const add = useAddNetworkCriterion(network.networkId);
  const [dimensionKey, setDimension] = useState(network.dimensions[0]?.key ?? '');
  const [name, setName] = useState('');
  const [levels, setLevels] = useState(['', '', '', '', '']);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const labels = { dimensionKey: t('ring.criterion.dimension'), name: t('ring.criterion.name') };
  /** Errors of the five level texts (`levels.0` … `levels.4`) belong to the fields `level1` … `level5`. */
  const withLevels = (messages: Record<string, string>, list: readonly FieldError[]) => {
    const out = { ...messages };
    delete out.levels;
    for (const e of list) {
      const m = /^(?:body\.)?levels\.(\d)/.exec(e.path);
      if (m) out[`level${Number(m[1]) + 1}`] ??= fieldErrorText(e, t);
    }
    return out;
  };
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const body = { dimensionKey, name, levels: levels as [string, string, string, string, string] };
    const invalid = withLevels(validate(networkCriterionInput, body, t), contractErrors(networkCriterionInput, body));
    setErrors(invalid);
    if (Object.keys(invalid).length) return;
    try {
      await add.mutateAsync(body);
      onDone({ kind: 'success', text: t('ring.criterion.added', { name: body.name }) });
    } catch (err) {
      const fields = withLevels(fieldMessages(err, t), err instanceof ApiError ? err.errors : []);
      setErrors(Object.keys(fields).length ? fields : { name: errorMessage(err, t) });
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} labels={labels} />
      <SelectField
        name="dimensionKey"
        label={labels.dimensionKey}
        value={dimensionKey}
        onChange={setDimension}
        error={errors.dimensionKey}
        options={network.dimensions.map((d) => ({ value: d.key, label: d.name }))}
      />
      <TextField name="name" label={labels.name} required value={name} onChange={setName} error={errors.name} />
      <fieldset className="kf-levels">
        <legend>{t('ring.criterion.levels')}</legend>
        <p className="hint">{t('ring.criterion.levelsHint')}</p>
        {LEVELS.map((level, i) => (
          <TextArea
            key={level}
            name={`level${level}`}
            label={t(`ring.levelNames.${level}`)}
            required
            rows={2}
            value={levels[i]!}
            onChange={(v) => setLevels(levels.map((x, j) => (j === i ? v : x)))}
            error={errors[`level${level}`]}
          />
        ))}
      </fieldset>
      <Button type="submit" isDisabled={add.isPending}>
        {t('ring.criterion.add')}
      </Button>
    </form>
  );
}

/** The network's own criteria of the self-assessment (shown to its members beside the model's criteria). */
export function NetworkCriteria({ network }: { network: NetworkMaturity }) {
  const { t } = useTranslation();
  const remove = useRemoveNetworkCriterion(network.networkId);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const dimensions = network.dimensions.filter((d) => network.criteria.some((c) => c.dimensionKey === d.key));
  return (
    <Panel
      title={t('ring.criteriaTitle')}
      id="h-ring-criteria"
      actions={<Button onPress={() => setAdding(true)}>{t('ring.criterion.new')}</Button>}
    >
      <p>{t('ring.criteriaIntro')}</p>
      <div aria-live="polite">{notice && <Alert kind={notice.kind}>{notice.text}</Alert>}</div>
      {network.criteria.length === 0 ? (
        <Empty>{t('ring.criteriaEmpty')}</Empty>
      ) : (
        dimensions.map((d) => (
          <section key={d.key} aria-labelledby={`h-crit-${d.key}`} className="kf-dimension">
            <h3 id={`h-crit-${d.key}`}>{d.name}</h3>
            <ul className="plain">
              {network.criteria
                .filter((c) => c.dimensionKey === d.key)
                .map((c) => (
                  <li key={c.id} className="kf-criterion">
                    <details>
                      <summary>{c.name}</summary>
                      <ol className="kf-level-list">
                        {c.levels.map((text, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: the five levels are fixed by position
                          <li key={i}>
                            <strong>{t(`ring.levelNames.${i + 1}`)}:</strong> {text}
                          </li>
                        ))}
                      </ol>
                    </details>
                    <ConfirmDeleteButton
                      label={t('ring.criterion.remove')}
                      ariaLabel={t('ring.criterion.removeNamed', { name: c.name })}
                      title={t('ring.criterion.removeTitle')}
                      body={t('ring.criterion.removeBody', { name: c.name })}
                      isDisabled={remove.isPending}
                      onConfirm={async () => {
                        try {
                          await remove.mutateAsync(c.id);
                          setNotice({ kind: 'success', text: t('ring.criterion.removed', { name: c.name }) });
                        } catch (err) {
                          setNotice({ kind: 'error', text: errorMessage(err, t) });
                        }
                      }}
                    />
                  </li>
                ))}
            </ul>
          </section>
        ))
      )}
      <FormDialog isOpen={adding} title={t('ring.criterion.newTitle')} onClose={() => setAdding(false)} wider>
        {adding && (
          <CriterionForm
            network={network}
            onDone={(n) => {
              setNotice(n);
              setAdding(false);
            }}
          />
        )}
      </FormDialog>
    </Panel>
  );
}
