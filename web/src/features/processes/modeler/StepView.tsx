import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Act, StepItem, useStepName } from './StepItem';
import { addStep, canFollow, defaultAnchor, type ModelerServices, type StepModel } from './steps';

interface Undoable {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
}

/**
 * The step view: the model as lists a screen reader reads in order (lanes as groups, steps in flow order,
 * decisions with their branches), every edit a bpmn-js command — the diagram follows, and it re-reads the
 * diagram after every change. `services` null: read only.
 */
export function StepView({
  model,
  services,
  payGroups,
  selectedId,
  onSelect,
}: {
  model: StepModel;
  services: (ModelerServices & Undoable) | null;
  payGroups: string[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const stepName = useStepName();
  const rootRef = useRef<HTMLElement>(null);
  const baseId = `dz-steps-${useId().replace(/:/g, '')}`;
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const pendingFocus = useRef<string | null>(null);
  const [anchor, setAnchor] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);

  const announce = (text: string) => setAnnouncement((a) => ({ text, n: a.n + 1 }));

  // after an edit the lists re-render from the diagram: the focus goes where the edit said
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the model was re-read
  useEffect(() => {
    const selector = pendingFocus.current;
    if (!selector) return;
    pendingFocus.current = null;
    rootRef.current?.querySelector<HTMLElement>(selector)?.focus();
  }, [model]);

  const act: Act = (run, message, focus) => {
    try {
      run();
      announce(message);
      pendingFocus.current = focus ?? null;
    } catch (err) {
      console.error(err);
      announce(t('processModeler.announce.failed'));
    }
  };

  const anchors = model.steps.filter(canFollow);
  const chosen = anchor && model.byId.has(anchor) ? anchor : defaultAnchor(model);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!services) return;
    const name = newName.trim();
    if (!name) {
      setNameError(t('processModeler.newNameMissing'));
      rootRef.current?.querySelector<HTMLElement>('[data-field="newName"]')?.focus();
      return;
    }
    setNameError(null);
    let created = '';
    act(
      () => {
        created = addStep(services, chosen, name);
      },
      t('processModeler.announce.added', { name, after: stepName(chosen ? model.byId.get(chosen) : undefined) }),
      '[data-field="newName"]',
    );
    if (created) {
      setAnchor(created);
      setNewName('');
    }
  }

  const canUndo = services?.canUndo() ?? false;
  const canRedo = services?.canRedo() ?? false;
  const withLanes = model.lanes.length > 0;

  return (
    <section className="dz-steps" aria-labelledby="dz-steps" ref={rootRef}>
      {/* `dz-steps` is the target of the page's "Zur Schrittansicht" link (keyboard users skip the diagram) */}
      <h2 id="dz-steps" tabIndex={-1}>
        {t('processModeler.stepsTitle')}
      </h2>
      <p className="dz-modeler-hint">
        {t(services ? 'processModeler.stepsIntro' : 'processModeler.stepsIntroReadOnly')}
      </p>
      {services && (
        <div className="btn-row dz-undo">
          <button
            type="button"
            className="btn secondary small"
            aria-disabled={canUndo ? undefined : true}
            onClick={() => canUndo && act(() => services.undo(), t('processModeler.announce.undone'))}
          >
            {t('processModeler.undo')}
          </button>
          <button
            type="button"
            className="btn secondary small"
            aria-disabled={canRedo ? undefined : true}
            onClick={() => canRedo && act(() => services.redo(), t('processModeler.announce.redone'))}
          >
            {t('processModeler.redo')}
          </button>
        </div>
      )}
      {model.steps.length === 0 && <p>{t('processModeler.noSteps')}</p>}
      {model.groups.map((g) => (
        <div key={g.laneId ?? '-'} className="dz-lane">
          {withLanes && (
            <h3 id={`${baseId}-${g.laneId ?? 'none'}`}>
              {g.laneId ? t('processModeler.laneHeading', { name: g.name || g.laneId }) : g.name}
            </h3>
          )}
          {g.steps.length === 0 ? (
            <p className="dz-modeler-hint">{t('processModeler.laneEmpty')}</p>
          ) : (
            <ol className="dz-step-list" aria-labelledby={withLanes ? `${baseId}-${g.laneId ?? 'none'}` : 'dz-steps'}>
              {g.steps.map((s) => (
                <StepItem
                  key={s.id}
                  step={s}
                  model={model}
                  services={services}
                  payGroups={payGroups}
                  selected={s.id === selectedId}
                  onSelect={onSelect}
                  act={act}
                />
              ))}
            </ol>
          )}
        </div>
      ))}
      {services && (
        <form className="dz-add-step" onSubmit={submit} noValidate aria-labelledby={`${baseId}-add`}>
          <h3 id={`${baseId}-add`}>{t('processModeler.addTitle')}</h3>
          <div className="filters">
            {anchors.length > 0 && (
              <div className="field">
                <label htmlFor={`${baseId}-after`}>{t('processModeler.insertAfter')}</label>
                <select
                  id={`${baseId}-after`}
                  data-field="after"
                  value={chosen ?? ''}
                  onChange={(e) => setAnchor(e.target.value)}
                >
                  {anchors.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.order}. {stepName(s)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="field">
              <label htmlFor={`${baseId}-name`}>
                {t('processModeler.newName')} <span className="required">({t('form.required')})</span>
              </label>
              <input
                id={`${baseId}-name`}
                data-field="newName"
                type="text"
                value={newName}
                onChange={(e) => setNewName(e.target.value)}
                aria-invalid={nameError ? true : undefined}
                aria-describedby={nameError ? `${baseId}-name-error` : undefined}
              />
              {nameError && (
                <span className="field-error" id={`${baseId}-name-error`}>
                  {nameError}
                </span>
              )}
            </div>
            <div className="field">
              <button type="submit" className="btn">
                {t('processModeler.add')}
              </button>
            </div>
          </div>
        </form>
      )}
      <div role="status" className="visually-hidden">
        {announcement.text}
        {announcement.n % 2 ? '\u00a0' : ''}
      </div>
    </section>
  );
}
