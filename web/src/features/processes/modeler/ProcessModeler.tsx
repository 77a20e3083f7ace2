// bpmn-js and its styles are imported only in this folder: the page loads it with React.lazy, so none of it
// reaches the initial bundle
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './modeler.css';
import { DZ_BPMN_EXTENSION } from '@dz/core/domain';
import type BaseViewer from 'bpmn-js/lib/BaseViewer';
import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { type Ref, useCallback, useEffect, useId, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { germanTranslateModule } from './bpmn-translate';
import { LintFindings } from './LintFindings';
import { svgToPng } from './png';
import { StepView } from './StepView';
import { type DiagramElement, type ModelerServices, readSteps, registerStepCommands } from './steps';

export interface LintFinding {
  elementId: string;
  rule: string;
  message: string;
  category: 'error' | 'warn' | 'info';
}

export interface ProcessModelerProps {
  /** The model to show; re-imported when it changes from outside (not when it is the XML this component sent). */
  xml: string;
  /** Accessible name of the model, e.g. "Gewerbeanmeldung – Ist-Prozess". */
  label: string;
  /** Pay groups for the select, e.g. ['EG 5', 'EG 8', 'EG 9b']. */
  payGroups: string[];
  /** bpmnlint findings from the server: listed, and marked on their elements. */
  findings: LintFinding[];
  readOnly?: boolean;
  /** The model after each change, debounced (600 ms after the last `commandStack.changed`). */
  onChange: (xml: string) => void;
  ref?: Ref<ProcessModelerHandle>;
}

export interface ProcessModelerHandle {
  saveXml(): Promise<string>;
  saveSvg(): Promise<string>;
  savePng(): Promise<Blob>;
}

const CHANGE_DELAY_MS = 600;

interface Services extends ModelerServices {
  selection: { select(element: DiagramElement | null): void };
  canvasView: {
    scrollToElement(element: DiagramElement): void;
    addMarker(id: string, marker: string): void;
    removeMarker(id: string, marker: string): void;
    zoom(level: 'fit-viewport', center?: 'auto'): void;
  };
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
}

function servicesOf(viewer: BaseViewer, editable: boolean): Services {
  const get = <T,>(name: string) => viewer.get<T>(name);
  const canvas = get<Services['canvasView'] & Services['canvas']>('canvas');
  const stack = editable
    ? get<ModelerServices['commandStack'] & { undo(): void; redo(): void; canUndo(): boolean; canRedo(): boolean }>(
        'commandStack',
      )
    : null;
  return {
    modeling: editable ? get('modeling') : (null as never),
    elementRegistry: get('elementRegistry'),
    elementFactory: editable ? get('elementFactory') : (null as never),
    bpmnFactory: editable ? get('bpmnFactory') : (null as never),
    commandStack: stack ?? (null as never),
    canvas,
    canvasView: canvas,
    selection: get('selection'),
    undo: () => stack?.undo(),
    redo: () => stack?.redo(),
    canUndo: () => stack?.canUndo() ?? false,
    canRedo: () => stack?.canRedo() ?? false,
  };
}

/** The diagram's SVG and bpmn-js' own controls get names and roles a screen reader can use. */
function labelCanvas(container: HTMLElement, name: string, descriptionId: string) {
  const svg = container.querySelector('svg');
  if (svg) {
    svg.setAttribute('role', 'application');
    svg.setAttribute('aria-label', name);
    svg.setAttribute('aria-describedby', descriptionId);
  }
  // the palette is a mouse tool (drag and drop); the step view is its keyboard equivalent
  container.querySelector('.djs-palette')?.setAttribute('aria-hidden', 'true');
}

/**
 * The BPMN modeller: the diagram (bpmn-js) with our `dz:` attributes, beside it the step view (the same model
 * as lists, usable with keyboard and screen reader, editing through the same bpmn-js commands) and the lint
 * findings. Default export for `React.lazy`.
 */
export default function ProcessModeler({
  xml,
  label,
  payGroups,
  findings,
  readOnly = false,
  onChange,
  ref,
}: ProcessModelerProps) {
  const { t, i18n } = useTranslation();
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const descriptionId = `dz-canvas-desc-${useId().replace(/:/g, '')}`;
  const [viewer, setViewer] = useState<BaseViewer | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const [imports, setImports] = useState(0);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  /** The XML last imported or sent by onChange: the same string coming back as `xml` is not imported again. */
  const lastXml = useRef<string | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const german = i18n.language !== 'en';

  // one bpmn-js instance per mode (read-only: the navigated viewer, no editing), destroyed on unmount
  useEffect(() => {
    const container = canvasRef.current!;
    const options = {
      container,
      moddleExtensions: { dz: DZ_BPMN_EXTENSION },
      additionalModules: german ? [germanTranslateModule] : [],
    };
    const instance: BaseViewer = readOnly ? new NavigatedViewer(options) : new Modeler(options);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const emit = async () => {
      timer = undefined;
      const { xml: saved } = await instance.saveXML({ format: true });
      if (saved === undefined) return;
      lastXml.current = saved;
      onChangeRef.current(saved);
    };
    if (!readOnly) {
      registerStepCommands(instance.get('commandStack'));
      instance.on('commandStack.changed', (e: { trigger?: string }) => {
        setRevision((r) => r + 1);
        if (e.trigger === 'clear') return;
        clearTimeout(timer);
        timer = setTimeout(() => void emit(), CHANGE_DELAY_MS);
      });
    }
    instance.on('selection.changed', (e: { newSelection: DiagramElement[] }) => {
      const first = e.newSelection[0];
      const node = first?.type === 'label' ? first.labelTarget : first;
      setSelectedId(node?.type === 'bpmn:SequenceFlow' ? (node.source?.id ?? null) : (node?.id ?? null));
    });
    lastXml.current = null;
    setViewer(instance);
    return () => {
      // a change still waiting for its debounce is sent before the modeller goes
      if (timer) {
        clearTimeout(timer);
        void emit();
      }
      instance.destroy();
      setViewer(null);
    };
  }, [readOnly, german]);

  // import when the model comes from outside
  useEffect(() => {
    if (!viewer || xml === lastXml.current) return;
    lastXml.current = xml;
    let current = true;
    const load = xml.trim() ? viewer.importXML(xml) : viewer.importXML(EMPTY_DIAGRAM);
    load
      .then(({ warnings }) => {
        if (!current) return;
        // unknown elements and attributes are kept or skipped by bpmn-js; they must not stop the editor
        if (warnings.length) console.warn('BPMN import warnings', warnings);
        setImportError(null);
        viewer.get<Services['canvasView']>('canvas').zoom('fit-viewport', 'auto');
      })
      .catch((err: Error) => {
        if (current) setImportError(err.message);
      })
      .finally(() => {
        if (!current) return;
        setImports((n) => n + 1);
        setRevision((r) => r + 1);
      });
    return () => {
      current = false;
    };
  }, [viewer, xml]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: imports is the signal that the canvas was rebuilt
  useEffect(() => {
    if (canvasRef.current) labelCanvas(canvasRef.current, t('processModeler.canvasLabel', { label }), descriptionId);
  }, [imports, label, t, descriptionId]);

  const services = useMemo(() => (viewer ? servicesOf(viewer, !readOnly) : null), [viewer, readOnly]);

  // the step view re-reads the diagram after every change and import
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is the signal that the diagram changed
  const model = useMemo(
    () => (services ? readSteps(services.elementRegistry.getAll(), t('processModeler.noLane')) : null),
    [services, revision, t],
  );

  // lint markers on the elements, renewed with the findings and after each import (which clears the canvas)
  // biome-ignore lint/correctness/useExhaustiveDependencies: imports is the signal that the canvas was rebuilt
  useEffect(() => {
    if (!services) return;
    const marked: [string, string][] = [];
    for (const f of findings) {
      if (!services.elementRegistry.get(f.elementId)) continue;
      const marker = f.category === 'error' ? 'dz-lint-error' : 'dz-lint-warn';
      services.canvasView.addMarker(f.elementId, marker);
      marked.push([f.elementId, marker]);
    }
    return () => {
      for (const [id, marker] of marked)
        if (services.elementRegistry.get(id)) services.canvasView.removeMarker(id, marker);
    };
  }, [services, findings, imports]);

  /** Selects an element in the diagram and scrolls it into view. */
  const showInDiagram = useCallback(
    (id: string | null) => {
      if (!services) return;
      const e = id ? services.elementRegistry.get(id) : undefined;
      services.selection.select(e ?? null);
      if (e) services.canvasView.scrollToElement(e);
      setSelectedId(e ? id : null);
    },
    [services],
  );

  /** From a finding: the element in the diagram, and the focus on its step in the step view. */
  const goToElement = useCallback(
    (id: string) => {
      if (!services) return;
      const e = services.elementRegistry.get(id);
      const stepId = e?.type === 'bpmn:SequenceFlow' ? (e.source?.id ?? id) : id;
      showInDiagram(id);
      setSelectedId(stepId);
      rootRef.current
        ?.querySelector<HTMLElement>(`[data-step-id="${CSS.escape(stepId)}"] [data-action="select"]`)
        ?.focus();
    },
    [services, showInDiagram],
  );

  useImperativeHandle(
    ref,
    () => ({
      async saveXml() {
        if (!viewer) throw new Error('modeler not ready');
        const { xml: saved } = await viewer.saveXML({ format: true });
        return saved ?? '';
      },
      async saveSvg() {
        if (!viewer) throw new Error('modeler not ready');
        return (await viewer.saveSVG()).svg;
      },
      async savePng() {
        if (!viewer) throw new Error('modeler not ready');
        return svgToPng((await viewer.saveSVG()).svg);
      },
    }),
    [viewer],
  );

  return (
    <div className="dz-modeler" ref={rootRef}>
      {importError && (
        <div className="alert error" role="alert">
          <p>{t('processModeler.importError')}</p>
          <p className="dz-modeler-detail">{t('processModeler.importDetail', { detail: importError })}</p>
        </div>
      )}
      <section className="dz-modeler-diagram" aria-labelledby={`${descriptionId}-h`}>
        <h2 id={`${descriptionId}-h`}>{t('processModeler.diagramTitle')}</h2>
        <p id={descriptionId} className="dz-modeler-hint">
          {t(readOnly ? 'processModeler.canvasHintReadOnly' : 'processModeler.canvasHint')}
        </p>
        <div className={`dz-modeler-canvas${readOnly ? ' read-only' : ''}`} ref={canvasRef} />
      </section>
      <div className="dz-modeler-side">
        {model && services && (
          <StepView
            model={model}
            services={readOnly ? null : services}
            payGroups={payGroups}
            selectedId={selectedId}
            onSelect={showInDiagram}
          />
        )}
        <LintFindings findings={findings} names={model?.byId} onGoTo={goToElement} />
      </div>
    </div>
  );
}

/** A new model: one start event (the step view adds the first step after it). */
const EMPTY_DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="Process_1" isExecutable="false">
    <bpmn:startEvent id="StartEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="152" y="102" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
