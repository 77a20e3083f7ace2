import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtNumber } from '../../../lib/format';
import { CommitField } from './CommitField';
import {
  type BlockReason,
  type Branch,
  branchSum,
  formatDecimal,
  type ModelerServices,
  moveDownBlock,
  moveStep,
  moveUpBlock,
  parseDecimal,
  removeStep,
  renameElement,
  type Step,
  type StepModel,
  setEffort,
  setLane,
  setProbability,
} from './steps';

/** Runs an edit, announces it and says where the focus goes after the step view re-renders. */
export type Act = (run: () => void, message: string, focus?: string) => void;

/** The CSS selector of a control of a step (`data-action` buttons, `data-field` inputs). */
export const control = (stepId: string, name: string) =>
  `[data-step-id="${CSS.escape(stepId)}"] [data-action="${name}"], [data-step-id="${CSS.escape(stepId)}"] [data-field="${name}"]`;

export function useStepName() {
  const { t } = useTranslation();
  return (s: Step | undefined) => s?.name || t('processModeler.unnamed', { kind: kindLabel(t, s) });
}

export function kindLabel(t: (key: string) => string, s: Step | undefined): string {
  if (!s) return '';
  return t(s.kind === 'gateway' ? `processModeler.gateway.${s.gateway}` : `processModeler.kind.${s.kind}`);
}

const percent = (p: number | null) => (p === null ? '' : formatDecimal(p * 100));

/** Parses a percentage 0–100 for `dz:probability`; the error text when it is not one. */
function parsePercent(text: string): number | null | undefined {
  const v = parseDecimal(text);
  if (v === undefined || (v !== null && v > 100)) return undefined;
  return v === null ? null : Math.round(v * 100) / 10000;
}

function Branches({ step, services, act }: { step: Step; services: ModelerServices | null; act: Act }) {
  const { t } = useTranslation();
  const stepName = useStepName();
  const sum = branchSum(step);
  const hintId = `dz-sum-${useId().replace(/:/g, '')}`;
  const branchName = (b: Branch) => b.name || b.targetName || b.targetId;
  if (!step.branches.length) return null;
  return (
    <fieldset className="dz-branches">
      <legend className="dz-branches-title">{t('processModeler.branchesOf', { name: stepName(step) })}</legend>
      <ul>
        {step.branches.map((b) => {
          const label = t('processModeler.branchLabel', {
            branch: branchName(b),
            target: b.targetName || b.targetId,
          });
          return (
            <li key={b.flowId} data-flow-id={b.flowId}>
              {services ? (
                <CommitField
                  label={t('processModeler.branchProbability', { branch: label })}
                  field={`p-${b.flowId}`}
                  inputMode="decimal"
                  className="dz-narrow"
                  value={percent(b.probability)}
                  onCommit={(text) => {
                    const p = parsePercent(text);
                    if (p === undefined) return t('processModeler.percentInvalid');
                    if (p === b.probability) return null;
                    act(
                      () => setProbability(services, b.flowId, p),
                      t('processModeler.announce.probability', { branch: branchName(b), value: text || '–' }),
                    );
                    return null;
                  }}
                />
              ) : (
                <span>
                  {label}: {b.probability === null ? t('processModeler.notSet') : `${fmtNumber(b.probability * 100)} %`}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {sum && !sum.complete && (
        <p className="dz-branch-hint" id={hintId}>
          <span aria-hidden="true">▲ </span>
          {t('processModeler.sumHint', { sum: fmtNumber(sum.sum) })}
        </p>
      )}
    </fieldset>
  );
}

function Editor({
  step,
  model,
  services,
  payGroups,
  act,
  id,
}: {
  step: Step;
  model: StepModel;
  services: ModelerServices;
  payGroups: string[];
  act: Act;
  id: string;
}) {
  const { t } = useTranslation();
  const stepName = useStepName();
  const name = stepName(step);
  const fieldId = useId().replace(/:/g, '');
  const groups = step.payGroup && !payGroups.includes(step.payGroup) ? [step.payGroup, ...payGroups] : payGroups;
  const isActivity = step.kind === 'task';
  return (
    <fieldset id={id} className="dz-step-editor">
      <legend className="visually-hidden">{t('processModeler.editStep', { name })}</legend>
      <CommitField
        label={t('processModeler.name')}
        field="name"
        value={step.name}
        onCommit={(text) => {
          act(
            () => renameElement(services, step.id, text),
            t('processModeler.announce.renamed', { name: text.trim() || name }),
            control(step.id, 'name'),
          );
          return null;
        }}
      />
      {isActivity && (
        <CommitField
          label={t('processModeler.minutes')}
          hint={t('processModeler.minutesHint')}
          field="minutes"
          inputMode="decimal"
          className="dz-narrow"
          value={formatDecimal(step.minutes)}
          onCommit={(text) => {
            const v = parseDecimal(text);
            if (v === undefined) return t('processModeler.minutesInvalid');
            if (v === step.minutes) return null;
            act(
              () => setEffort(services, step.id, { minutes: v }),
              v === null
                ? t('processModeler.announce.minutesCleared', { name })
                : t('processModeler.announce.minutes', { name, value: fmtNumber(v) }),
            );
            return null;
          }}
        />
      )}
      {step.kind === 'boundary' && (
        <CommitField
          label={t('processModeler.boundaryProbability')}
          field="probability"
          inputMode="decimal"
          className="dz-narrow"
          value={percent(step.probability)}
          onCommit={(text) => {
            const p = parsePercent(text);
            if (p === undefined) return t('processModeler.percentInvalid');
            if (p === step.probability) return null;
            act(
              () => setProbability(services, step.id, p),
              t('processModeler.announce.probability', { branch: name, value: text || '–' }),
            );
            return null;
          }}
        />
      )}
      {isActivity && (
        <div className="field">
          <label htmlFor={`pg-${fieldId}`}>{t('processModeler.payGroup')}</label>
          <select
            id={`pg-${fieldId}`}
            data-field="payGroup"
            value={step.payGroup ?? ''}
            onChange={(e) => {
              const v = e.target.value || null;
              act(
                () => setEffort(services, step.id, { payGroup: v }),
                t('processModeler.announce.payGroup', { name, value: v ?? t('processModeler.none') }),
              );
            }}
          >
            <option value="">{t('processModeler.none')}</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </div>
      )}
      {isActivity && (
        <div className="field">
          <label className="choice">
            <input
              type="checkbox"
              data-field="mediaBreak"
              checked={step.mediaBreak}
              onChange={(e) => {
                const on = e.target.checked;
                act(
                  () => setEffort(services, step.id, { mediaBreak: on }),
                  t(on ? 'processModeler.announce.mediaBreakOn' : 'processModeler.announce.mediaBreakOff', { name }),
                );
              }}
            />{' '}
            {t('processModeler.mediaBreak')}
          </label>
        </div>
      )}
      {model.lanes.length > 0 && (
        <div className="field">
          <label htmlFor={`lane-${fieldId}`}>{t('processModeler.lane')}</label>
          <select
            id={`lane-${fieldId}`}
            data-field="lane"
            value={step.laneId ?? ''}
            onChange={(e) => {
              const lane = model.lanes.find((l) => l.id === e.target.value);
              if (!lane) return;
              act(
                () => setLane(services, step.id, lane.id),
                t('processModeler.announce.lane', { name, lane: lane.name || lane.id }),
                control(step.id, 'lane'),
              );
            }}
          >
            {step.laneId === null && <option value="">{model.groups.at(-1)?.name}</option>}
            {model.lanes.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name || l.id}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}

/** One step of the step view: its name (selects it in the diagram), facts, moves, decisions and editor. */
export function StepItem({
  step,
  model,
  services,
  payGroups,
  selected,
  onSelect,
  act,
}: {
  step: Step;
  model: StepModel;
  services: ModelerServices | null;
  payGroups: string[];
  selected: boolean;
  onSelect: (id: string | null) => void;
  act: Act;
}) {
  const { t } = useTranslation();
  const stepName = useStepName();
  const name = stepName(step);
  const editorId = `dz-edit-${useId().replace(/:/g, '')}`;
  const reasonId = `${editorId}-reason`;
  const up: BlockReason = services && step.kind === 'task' ? moveUpBlock(model, step.id) : null;
  const down: BlockReason = services && step.kind === 'task' ? moveDownBlock(model, step.id) : null;
  const reasons = [...new Set([up, down].filter((r): r is NonNullable<BlockReason> => r !== null))];
  const facts = [
    step.minutes !== null ? t('processModeler.factMinutes', { value: fmtNumber(step.minutes) }) : '',
    step.payGroup ?? '',
    step.mediaBreak ? t('processModeler.factMediaBreak') : '',
    step.kind === 'boundary' && step.probability !== null
      ? t('processModeler.factBoundary', { value: fmtNumber(step.probability * 100) })
      : '',
    step.kind !== 'gateway' && step.successors.length
      ? t('processModeler.factNext', {
          names: step.successors.map((id) => stepName(model.byId.get(id))).join(', '),
        })
      : '',
  ].filter(Boolean);
  const next = (id: string) => {
    const i = model.steps.findIndex((s) => s.id === id);
    const after = model.steps.slice(i + 1).find((s) => s.id !== id) ?? model.steps[i - 1];
    return after ? control(after.id, 'select') : '[data-field="newName"]';
  };
  const move = (direction: 'up' | 'down', blocked: BlockReason) => {
    if (!services || blocked) return;
    act(
      () => moveStep(services, step.id, direction),
      t(direction === 'up' ? 'processModeler.announce.movedUp' : 'processModeler.announce.movedDown', { name }),
      control(step.id, direction),
    );
  };
  return (
    <li data-step-id={step.id} className={`dz-step ${step.kind}${selected ? ' selected' : ''}`}>
      <button
        type="button"
        data-action="select"
        className="dz-step-select"
        aria-expanded={services ? selected : undefined}
        aria-controls={services && selected ? editorId : undefined}
        aria-pressed={services ? undefined : selected}
        onClick={() => onSelect(selected ? null : step.id)}
      >
        <span className="dz-step-no">{step.order}.</span> <span className="dz-step-name">{name}</span>{' '}
        <span className="dz-step-kind">({kindLabel(t, step)})</span>
      </button>
      {facts.length > 0 && <p className="dz-step-facts">{facts.join(' · ')}</p>}
      {step.kind === 'gateway' && <Branches step={step} services={services} act={act} />}
      {services && (
        <div className="dz-step-actions">
          {step.kind === 'task' && (
            <>
              <button
                type="button"
                className="btn secondary small"
                data-action="up"
                aria-disabled={up ? true : undefined}
                aria-describedby={up ? reasonId : undefined}
                aria-label={t('processModeler.moveUp', { name })}
                onClick={() => move('up', up)}
              >
                {t('processModeler.moveUpShort')}
              </button>
              <button
                type="button"
                className="btn secondary small"
                data-action="down"
                aria-disabled={down ? true : undefined}
                aria-describedby={down ? reasonId : undefined}
                aria-label={t('processModeler.moveDown', { name })}
                onClick={() => move('down', down)}
              >
                {t('processModeler.moveDownShort')}
              </button>
            </>
          )}
          <button
            type="button"
            className="btn secondary small dz-remove"
            data-action="remove"
            aria-label={t('processModeler.remove', { name })}
            onClick={() =>
              act(() => removeStep(services, step.id), t('processModeler.announce.removed', { name }), next(step.id))
            }
          >
            {t('processModeler.removeShort')}
          </button>
          {reasons.length > 0 && (
            <span className="dz-step-reason" id={reasonId}>
              {reasons.map((r) => t(`processModeler.reason.${r}`)).join(' ')}
            </span>
          )}
        </div>
      )}
      {services && selected && (
        <Editor step={step} model={model} services={services} payGroups={payGroups} act={act} id={editorId} />
      )}
    </li>
  );
}
