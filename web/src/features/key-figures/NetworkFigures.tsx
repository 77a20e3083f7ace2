import { KEY_FIGURE_DIRECTIONS, type KeyFigureDirection, keyFigureInput } from '@dz/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { Alert } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { numberToInput, parseGermanNumber } from '../../lib/format';
import { validate } from '../../lib/validate';
import {
  type KeyFigure,
  type NetworkMaturity,
  useArchiveNetworkFigure,
  useCreateNetworkFigure,
  useUpdateNetworkFigure,
} from './queries';
import { Direction } from './ui';

type Notice = { kind: 'success' | 'error' | 'warning'; text: string };
type Form = {
  name: string;
  definition: string;
  unit: string;
  direction: KeyFigureDirection;
  source: string;
  decimals: string;
  min: string;
  max: string;
};

const EMPTY: Form = {
  name: '',
  definition: '',
  unit: '',
  direction: 'higher',
  source: '',
  decimals: '1',
  min: '0',
  max: '',
};

const formOf = (f: KeyFigure): Form => ({
  name: f.name,
  definition: f.definition,
  unit: f.unit,
  direction: f.direction,
  source: f.source,
  decimals: String(f.decimals),
  min: numberToInput(f.min, 3),
  max: numberToInput(f.max, 3),
});

/** The server checks an update's figure under `figure.…`: its field errors belong to the same fields as a new one's. */
function unwrapFigure(err: unknown): unknown {
  if (!(err instanceof ApiError)) return err;
  const errors = err.errors.map((e) => ({ ...e, path: e.path.replace(/^(body\.)?figure\./, '') }));
  return new ApiError(err.status, err.code, errors, err.body);
}

/** Create or edit a network's own key figure: name, definition, unit, direction, source, decimals, range. */
function FigureForm({
  networkId,
  figure,
  live,
  onDone,
}: {
  networkId: string;
  /** The figure as it was when the dialog opened (null: a new one). */
  figure: KeyFigure | null;
  /** The same figure as the cache has it now (fetched again after a 409). */
  live: KeyFigure | undefined;
  onDone: (n: Notice) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateNetworkFigure(networkId);
  const update = useUpdateNetworkFigure(networkId);
  const [form, setForm] = useState<Form>(figure ? formOf(figure) : EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  const [version, setVersion] = useState(figure?.version ?? 0);
  // after a 409 the next save overwrites the other change, as the warning says
  const basedOn = conflict ? (live?.version ?? version) : version;
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const labels = {
    name: t('ring.fields.name'),
    definition: t('ring.fields.definition'),
    unit: t('ring.fields.unit'),
    source: t('ring.fields.source'),
    decimals: t('ring.fields.decimals'),
    min: t('ring.fields.min'),
    max: t('ring.fields.max'),
  };
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const min = parseGermanNumber(form.min);
    const max = parseGermanNumber(form.max);
    const numbers: Record<string, string> = {};
    if (Number.isNaN(min)) numbers.min = t('errors.number_invalid');
    if (Number.isNaN(max)) numbers.max = t('errors.number_invalid');
    const body = {
      name: form.name,
      definition: form.definition,
      unit: form.unit,
      direction: form.direction,
      source: form.source,
      decimals: Number(form.decimals),
      min: min ?? 0,
      max,
    };
    const invalid = { ...validate(keyFigureInput, body, t), ...numbers };
    setErrors(invalid);
    if (Object.keys(invalid).length) return;
    try {
      if (figure) {
        const answer = await update.mutateAsync({ figureId: figure.id, version: basedOn, figure: body });
        setVersion(answer.figures.find((f) => f.id === figure.id)?.version ?? basedOn + 1);
        setConflict(false);
        onDone({ kind: 'success', text: t('ring.figureSaved', { name: body.name }) });
      } else {
        await create.mutateAsync(body);
        onDone({ kind: 'success', text: t('ring.figureCreated', { name: body.name }) });
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setConflict(true);
        return;
      }
      const fields = fieldMessages(unwrapFigure(err), t);
      setErrors(Object.keys(fields).length ? fields : { name: errorMessage(err, t) });
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      {conflict && <Alert kind="warning">{t('ring.figureConflict')}</Alert>}
      <ErrorSummary errors={errors} labels={labels} />
      <TextField
        name="name"
        label={labels.name}
        required
        value={form.name}
        onChange={(v) => set({ name: v })}
        error={errors.name}
      />
      <TextArea
        name="definition"
        label={labels.definition}
        hint={t('ring.fields.definitionHint')}
        required
        rows={3}
        value={form.definition}
        onChange={(v) => set({ definition: v })}
        error={errors.definition}
      />
      <div className="form-grid">
        <TextField
          name="unit"
          label={labels.unit}
          hint={t('ring.fields.unitHint')}
          required
          value={form.unit}
          onChange={(v) => set({ unit: v })}
          error={errors.unit}
        />
        <SelectField
          name="direction"
          label={t('ring.fields.direction')}
          value={form.direction}
          onChange={(v) => set({ direction: v as KeyFigureDirection })}
          options={KEY_FIGURE_DIRECTIONS.map((d) => ({ value: d, label: t(`keyFigures.directions.${d}`) }))}
        />
        <SelectField
          name="decimals"
          label={labels.decimals}
          value={form.decimals}
          onChange={(v) => set({ decimals: v })}
          error={errors.decimals}
          options={[0, 1, 2, 3].map((n) => ({ value: String(n), label: String(n) }))}
        />
        <TextField
          name="min"
          label={labels.min}
          inputMode="decimal"
          value={form.min}
          onChange={(v) => set({ min: v })}
          error={errors.min}
        />
        <TextField
          name="max"
          label={labels.max}
          hint={t('ring.fields.maxHint')}
          inputMode="decimal"
          value={form.max}
          onChange={(v) => set({ max: v })}
          error={errors.max}
        />
      </div>
      <TextField
        name="source"
        label={labels.source}
        hint={t('ring.fields.sourceHint')}
        required
        value={form.source}
        onChange={(v) => set({ source: v })}
        error={errors.source}
      />
      <Button type="submit" isDisabled={create.isPending || update.isPending}>
        {figure ? t('ring.saveFigure') : t('ring.createFigure')}
      </Button>
    </form>
  );
}

/** The network's own key figures, kept by its moderation (members enter values for them like for the defaults). */
export function NetworkFigures({ network }: { network: NetworkMaturity }) {
  const { t } = useTranslation();
  const archive = useArchiveNetworkFigure(network.networkId);
  const [dialog, setDialog] = useState<{ figure: KeyFigure | null } | null>(null);
  const [notice, setNotice] = useState<Notice>();
  const columns: Column<KeyFigure>[] = [
    {
      header: t('ring.fields.name'),
      rowHeader: true,
      cell: (f) => (
        <>
          {f.name}
          <br />
          <span className="muted">{f.definition}</span>
        </>
      ),
    },
    { header: t('ring.fields.unit'), cell: (f) => f.unit },
    { header: t('ring.fields.direction'), cell: (f) => <Direction direction={f.direction} /> },
    {
      header: t('common.actions'),
      cell: (f) => (
        <div className="btn-row">
          <Button
            variant="secondary"
            small
            aria-label={t('ring.editNamed', { name: f.name })}
            onPress={() => setDialog({ figure: f })}
          >
            {t('common.edit')}
          </Button>
          <ConfirmDeleteButton
            label={t('ring.archive')}
            ariaLabel={t('ring.archiveNamed', { name: f.name })}
            title={t('ring.archiveTitle')}
            body={t('ring.archiveBody', { name: f.name })}
            isDisabled={archive.isPending}
            onConfirm={async () => {
              try {
                await archive.mutateAsync(f.id);
                setNotice({ kind: 'success', text: t('ring.archived', { name: f.name }) });
              } catch (err) {
                setNotice({ kind: 'error', text: errorMessage(err, t) });
              }
            }}
          />
        </div>
      ),
    },
  ];
  return (
    <Panel
      title={t('ring.figuresTitle')}
      id="h-ring-figures"
      actions={<Button onPress={() => setDialog({ figure: null })}>{t('ring.newFigure')}</Button>}
    >
      <p>{t('ring.figuresIntro')}</p>
      <div aria-live="polite">{notice && <Alert kind={notice.kind}>{notice.text}</Alert>}</div>
      <DataTable
        label={t('ring.figuresTitle')}
        columns={columns}
        rows={network.figures}
        rowKey={(f) => f.id}
        empty={t('ring.figuresEmpty')}
      />
      <FormDialog
        isOpen={dialog !== null}
        title={dialog?.figure ? t('ring.editFigureTitle') : t('ring.newFigureTitle')}
        onClose={() => setDialog(null)}
      >
        {dialog && (
          <FigureForm
            key={dialog.figure?.id ?? 'new'}
            networkId={network.networkId}
            figure={dialog.figure}
            live={network.figures.find((f) => f.id === dialog.figure?.id)}
            onDone={(n) => {
              setNotice(n);
              setDialog(null);
            }}
          />
        )}
      </FormDialog>
    </Panel>
  );
}
