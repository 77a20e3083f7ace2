import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { TextField } from '../../components/Field';
import { Alert, Loading, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { ModelFigures } from './ModelFigures';
import type { ProcessModelerHandle } from './modeler/ProcessModeler';
import {
  type ModelAnalysis,
  type ModelDetail,
  modelBpmnUrl,
  modelQuery,
  useCheckModel,
  useCreateModel,
  useCreateProjectFromModel,
  useDeleteModel,
  useSaveModel,
} from './queries';
import type { Notice } from './ServiceForm';

// bpmn-js is big: it loads only on this route
const ProcessModeler = lazy(() => import('./modeler/ProcessModeler'));

/** Offers a file the browser made (SVG, PNG) as a download. */
function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One process model: the BPMN editor with its step view, the figures, saving, exports and the way to a project. */
export function ModelPage() {
  const { t } = useTranslation();
  const { modelId = '' } = useParams();
  const model = useQuery(modelQuery(modelId));
  if (!model.data)
    return (
      <Page
        title={t('processes.model.title')}
        crumbs={[
          { to: '/', label: t('nav.start') },
          { to: '/prozesse', label: t('nav.processes') },
        ]}
      >
        <Pending query={model} />
      </Page>
    );
  return <ModelEditor key={model.data.id} model={model.data} />;
}

function ModelEditor({ model }: { model: ModelDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveModel();
  const check = useCheckModel();
  const remove = useDeleteModel();
  const duplicate = useCreateModel();
  const makeProject = useCreateProjectFromModel();
  const modeler = useRef<ProcessModelerHandle>(null);
  const [version, setVersion] = useState(model.version);
  const [name, setName] = useState(model.name);
  const [xml, setXml] = useState(model.xml);
  const [analysis, setAnalysis] = useState<ModelAnalysis>(model.analysis);
  const [dirty, setDirty] = useState(false);
  // the XML last saved: a late change event of the editor with the same XML is no change
  const savedXml = useRef(model.xml);
  const [notice, setNotice] = useState<Notice>();
  const [conflict, setConflict] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const can = model.can;
  const editable = can.model;
  const kindLabel = t(`processes.models.kinds.${model.kind}`);

  // unsaved changes are not lost without a question: closing the tab, or following a link of the app (the
  // check runs in the capture phase, before the router's own click handling)
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    const leave = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a[href]');
      if (!a || a.getAttribute('href')?.startsWith('#') || a.hasAttribute('download')) return;
      if (!window.confirm(t('processes.model.leaveUnsaved'))) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', warn);
    document.addEventListener('click', leave, true);
    return () => {
      window.removeEventListener('beforeunload', warn);
      document.removeEventListener('click', leave, true);
    };
  }, [dirty, t]);

  // the figures of the latest change only: an answer to an older check that arrives late is dropped
  const checks = useRef(0);
  async function changed(next: string) {
    setXml(next);
    if (next === savedXml.current) return;
    setDirty(true);
    const mine = ++checks.current;
    try {
      const result = await check.mutateAsync({ id: model.id, xml: next });
      if (mine === checks.current) setAnalysis(result);
    } catch {
      // the figures stay as they were; saving reports the problem at the field
    }
  }

  async function saveNow() {
    setErrors({});
    try {
      const current = (await modeler.current?.saveXml()) ?? xml;
      const saved = await save.mutateAsync({ id: model.id, body: { version, name, xml: current } });
      savedXml.current = saved.xml;
      setVersion(saved.version);
      // the editor keeps its diagram (and its undo history): the saved XML is what it holds already
      setAnalysis(saved.analysis);
      setDirty(false);
      setNotice({ kind: 'success', text: t('processes.model.saved') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setConflict(true);
        return setNotice({ kind: 'warning', text: t('processes.model.conflict') });
      }
      const fields = fieldMessages(err, t);
      setErrors(fields);
      setNotice({ kind: 'error', text: Object.values(fields)[0] ?? errorMessage(err, t) });
    }
  }

  async function exportImage(kind: 'svg' | 'png') {
    const h = modeler.current;
    if (!h) return;
    const base = `${model.service}-${name}`.replace(/[^\wäöüÄÖÜß-]+/g, '-');
    if (kind === 'svg') download(`${base}.svg`, new Blob([await h.saveSvg()], { type: 'image/svg+xml' }));
    else download(`${base}.png`, await h.savePng());
  }

  async function toBe() {
    try {
      const m = await duplicate.mutateAsync({
        serviceId: model.serviceId,
        kind: 'to_be',
        name: t('processes.model.toBeCopyName', { name }),
        copyOf: model.id,
      });
      navigate(`/prozesse/modelle/${m.id}`);
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err, t, true) });
    }
  }

  async function project() {
    try {
      const r = await makeProject.mutateAsync({ id: model.id });
      navigate(`/projekte/${r.projectId}`);
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err, t, true) });
    }
  }

  return (
    <Page
      title={`${model.service}: ${name}`}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: '/prozesse', label: t('nav.processes') },
        { to: `/prozesse/leistungen/${model.serviceId}`, label: model.service },
      ]}
      actions={
        editable && (
          <div className="btn-row">
            <Button onPress={() => void saveNow()} isDisabled={save.isPending}>
              {t('processes.model.save')}
            </Button>
            {model.kind === 'as_is' && (
              <Button variant="secondary" onPress={() => void toBe()} isDisabled={duplicate.isPending || dirty}>
                {t('processes.model.duplicateToBe')}
              </Button>
            )}
          </div>
        )
      }
    >
      <p>
        {kindLabel} · {t('processes.model.cases', { n: model.casesPerYear })}
        {dirty && <strong className="dirty"> · {t('processes.model.unsaved')}</strong>}
      </p>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      {conflict && (
        <div className="btn-row">
          {/* the own, unsaved version as a file: nothing is lost when the page is reloaded */}
          <Button
            variant="secondary"
            onPress={async () => {
              const mine = (await modeler.current?.saveXml()) ?? xml;
              download(`${model.service}-${name}-eigene-Fassung.bpmn`, new Blob([mine], { type: 'application/xml' }));
            }}
          >
            {t('processes.model.keepMine')}
          </Button>
          <Button variant="secondary" onPress={() => window.location.reload()}>
            {t('processes.model.reload')}
          </Button>
        </div>
      )}
      {editable && (
        <TextField
          name="name"
          label={t('processes.models.name')}
          value={name}
          onChange={(v) => {
            setName(v);
            setDirty(true);
          }}
          error={errors.name}
          required
        />
      )}
      <p>
        {/* the heading has tabindex -1: following the link moves the focus there */}
        <a href="#dz-steps">{t('processes.model.toSteps')}</a>
      </p>
      <ModelFigures model={model} analysis={analysis} />
      {/* the editor brings its own headings: Diagramm, Schrittansicht, Prüfhinweise */}
      <div className="panel">
        {errors.xml && <Alert kind="error">{errors.xml}</Alert>}
        <Suspense fallback={<Loading />}>
          <ProcessModeler
            ref={modeler}
            xml={xml}
            label={`${model.service} – ${name} (${kindLabel})`}
            payGroups={model.payGroups}
            findings={analysis.findings}
            readOnly={!editable}
            onChange={(next) => void changed(next)}
          />
        </Suspense>
      </div>
      <Panel title={t('processes.model.exports')}>
        <p>{t('processes.model.exportsIntro')}</p>
        {dirty && <p className="muted">{t('processes.model.exportSavedOnly')}</p>}
        <div className="btn-row">
          <a className="btn secondary" href={modelBpmnUrl(model.id)} download>
            {t('processes.model.exportBpmn')}
          </a>
          <Button variant="secondary" onPress={() => void exportImage('svg')}>
            {t('processes.model.exportSvg')}
          </Button>
          <Button variant="secondary" onPress={() => void exportImage('png')}>
            {t('processes.model.exportPng')}
          </Button>
        </div>
      </Panel>
      {model.kind === 'to_be' && (
        <Panel title={t('processes.model.projectTitle')}>
          {model.projectId ? (
            <p>
              {t('processes.model.projectLinked')} <Link to={`/projekte/${model.projectId}`}>{model.project}</Link>
            </p>
          ) : (
            <>
              <p>{t('processes.model.projectIntro')}</p>
              {can.createProject && (
                <Button onPress={() => void project()} isDisabled={makeProject.isPending || dirty || !analysis.savings}>
                  {t('processes.model.makeProject')}
                </Button>
              )}
              {dirty ? (
                <p className="muted">{t('processes.model.saveFirst')}</p>
              ) : (
                !analysis.savings && <p className="muted">{t('processes.model.projectNeedsAsIs')}</p>
              )}
            </>
          )}
        </Panel>
      )}
      {editable && (
        <p>
          <ConfirmDeleteButton
            label={t('processes.model.delete')}
            title={t('processes.model.deleteTitle')}
            body={t('processes.model.deleteConfirm', { name })}
            onConfirm={async () => {
              try {
                await remove.mutateAsync(model.id);
                navigate(`/prozesse/leistungen/${model.serviceId}`);
              } catch (err) {
                setNotice({ kind: 'error', text: errorMessage(err, t) });
              }
            }}
          />
        </p>
      )}
    </Page>
  );
}
