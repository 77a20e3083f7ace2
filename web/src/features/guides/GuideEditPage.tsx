import {
  GUIDE_KINDS,
  GUIDE_MODULES,
  GUIDE_PHASES,
  type GuideKind,
  type GuideModule,
  type GuidePhase,
  guideCreate,
  guideUpdate,
} from '@dz/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import '../../i18n/guides';
import { ApiError } from '../../lib/api';
import { fieldMessages } from '../../lib/errors';
import { validate } from '../../lib/validate';
import './guides.css';
import { type Guide, guideKeys, guideQuery, guidesQuery, useCreateGuide, useUpdateGuide } from './queries';

interface Draft {
  networkId: string;
  kind: GuideKind;
  title: string;
  summary: string;
  body: string;
  items: { key?: string; text: string }[];
  modules: GuideModule[];
  phases: GuidePhase[];
  changeNote: string;
}

const EMPTY: Draft = {
  networkId: '',
  kind: 'article',
  title: '',
  summary: '',
  body: '',
  items: [{ text: '' }],
  modules: [],
  phases: [],
  changeNote: '',
};

const fromGuide = (g: Guide): Draft => ({
  networkId: g.networkId ?? '',
  kind: g.kind,
  title: g.title,
  summary: g.summary,
  body: g.body,
  items: g.items.map((i) => ({ key: i.key, text: i.text })),
  modules: g.modules,
  phases: g.phases,
  changeNote: '',
});

function Checkboxes<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  options: { value: T; label: string }[];
  value: T[];
  onChange: (v: T[]) => void;
  error?: string;
}) {
  return (
    <fieldset className="field checkbox-group" aria-invalid={error ? true : undefined} data-field={name}>
      <legend>{legend}</legend>
      <div className="checkbox-list">
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={value.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))}
            />{' '}
            {o.label}
          </label>
        ))}
      </div>
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}

/** The curators' form: platform administration and network moderation write guides; every save needs a change note. */
function Editor({
  guide,
  curates,
  platform,
  onConflict,
}: {
  guide?: Guide;
  curates: { id: string; name: string }[];
  platform: boolean;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [d, setD] = useState<Draft>(() =>
    guide ? fromGuide(guide) : { ...EMPTY, networkId: platform ? '' : (curates[0]?.id ?? '') },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateGuide();
  const update = useUpdateGuide(guide?.id ?? '');
  const checklist = d.kind === 'checklist';
  const items = checklist ? d.items.filter((i) => i.text.trim() !== '') : [];
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const content = {
      title: d.title,
      summary: d.summary,
      body: d.body,
      items,
      modules: d.modules,
      phases: d.phases,
    };
    try {
      let saved: Guide;
      if (guide) {
        const body = { ...content, version: guide.version, changeNote: d.changeNote };
        const invalid = validate(guideUpdate, body, t);
        if (Object.keys(invalid).length) return setErrors(invalid);
        saved = await update.mutateAsync(body);
      } else {
        const body = {
          ...content,
          networkId: d.networkId || null,
          kind: d.kind,
          ...(d.changeNote.trim() ? { changeNote: d.changeNote } : {}),
        };
        const invalid = validate(guideCreate, body, t);
        if (Object.keys(invalid).length) return setErrors(invalid);
        saved = await create.mutateAsync(body);
      }
      navigate(`/hilfen/${saved.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict' && guide) {
        onConflict();
        await qc.invalidateQueries({ queryKey: guideKeys.detail(guide.id) });
        return;
      }
      setErrors(fieldMessages(err, t));
    }
  }
  const scopeOptions = [
    ...(platform ? [{ value: '', label: t('guides.editor.scopePlatform') }] : []),
    ...curates.map((n) => ({ value: n.id, label: t('guides.editor.scopeNetwork', { name: n.name }) })),
  ];
  return (
    <form onSubmit={submit} noValidate className="guide-editor">
      <ErrorSummary
        errors={errors}
        labels={{
          modules: t('guides.editor.moduleLegend'),
          phases: t('guides.editor.phaseLegend'),
          items: t('guides.editor.items'),
        }}
      />
      {!guide && (
        <>
          <SelectField
            name="networkId"
            label={t('guides.editor.scope')}
            value={d.networkId}
            onChange={(v) => setD({ ...d, networkId: v })}
            options={scopeOptions}
            error={errors.networkId}
          />
          <SelectField
            name="kind"
            label={t('guides.editor.kind')}
            value={d.kind}
            onChange={(v) => setD({ ...d, kind: v as GuideKind })}
            options={GUIDE_KINDS.map((k) => ({ value: k, label: t(`guides.kinds.${k}`) }))}
          />
        </>
      )}
      <TextField
        name="title"
        label={t('guides.editor.titleLabel')}
        value={d.title}
        onChange={(v) => setD({ ...d, title: v })}
        error={errors.title}
        required
      />
      <TextArea
        name="summary"
        label={t('guides.editor.summary')}
        hint={t('guides.editor.summaryHint')}
        rows={2}
        value={d.summary}
        onChange={(v) => setD({ ...d, summary: v })}
        error={errors.summary}
      />
      <TextArea
        name="body"
        label={t('guides.editor.body')}
        hint={t('guides.editor.bodyHint')}
        rows={14}
        value={d.body}
        onChange={(v) => setD({ ...d, body: v })}
        error={errors.body}
      />
      {checklist && (
        <fieldset className="field" data-field="items">
          <legend>{t('guides.editor.items')}</legend>
          <ol className="guide-item-editor">
            {d.items.map((item, i) => (
              <li key={item.key ?? `new-${i}`}>
                <TextField
                  name={`items.${i}.text`}
                  label={t('guides.editor.item', { n: i + 1 })}
                  value={item.text}
                  onChange={(v) => setD({ ...d, items: d.items.map((x, j) => (j === i ? { ...x, text: v } : x)) })}
                />
                <Button
                  variant="secondary"
                  small
                  aria-label={t('guides.editor.removeItem', { n: i + 1 })}
                  isDisabled={d.items.length === 1}
                  onPress={() => setD({ ...d, items: d.items.filter((_, j) => j !== i) })}
                >
                  {t('common.delete')}
                </Button>
              </li>
            ))}
          </ol>
          <Button variant="secondary" onPress={() => setD({ ...d, items: [...d.items, { text: '' }] })}>
            {t('guides.editor.addItem')}
          </Button>
          {errors.items && <span className="field-error">{errors.items}</span>}
        </fieldset>
      )}
      <Checkboxes
        legend={t('guides.editor.moduleLegend')}
        name="modules"
        options={GUIDE_MODULES.map((m) => ({ value: m, label: t(`guides.modules.${m}`) }))}
        value={d.modules}
        onChange={(modules) => setD({ ...d, modules })}
        error={errors.modules}
      />
      <Checkboxes
        legend={t('guides.editor.phaseLegend')}
        name="phases"
        options={GUIDE_PHASES.map((p) => ({ value: p, label: t(`guides.phases.${p}`) }))}
        value={d.phases}
        onChange={(phases) => setD({ ...d, phases })}
        error={errors.phases}
      />
      <TextField
        name="changeNote"
        label={t('guides.editor.changeNote')}
        hint={t('guides.editor.changeNoteHint')}
        value={d.changeNote}
        onChange={(v) => setD({ ...d, changeNote: v })}
        error={errors.changeNote}
        required={Boolean(guide)}
      />
      {!guide && d.kind === 'template' && <p className="hint">{t('guides.editor.filesLater')}</p>}
      <div className="btn-row">
        <Button type="submit" isDisabled={create.isPending || update.isPending}>
          {guide ? t('guides.editor.save') : t('guides.editor.create')}
        </Button>
        <Link className="btn secondary" to={guide ? `/hilfen/${guide.id}` : '/hilfen'}>
          {t('guides.editor.cancel')}
        </Link>
      </div>
    </form>
  );
}

/** `/hilfen/neu` and `/hilfen/:guideId/bearbeiten`. */
export function GuideEditPage() {
  const { t } = useTranslation();
  const { guideId } = useParams();
  const list = useQuery(guidesQuery({}));
  const guide = useQuery({ ...guideQuery(guideId ?? ''), enabled: Boolean(guideId) });
  const title = guideId ? t('guides.editor.editTitle') : t('guides.editor.newTitle');
  const crumbs = [
    { to: '/hilfen', label: t('guides.title') },
    ...(guide.data ? [{ to: `/hilfen/${guide.data.id}`, label: guide.data.title }] : []),
  ];
  const ready = list.data && (!guideId || guide.data);
  const [conflict, setConflict] = useState(false);
  return (
    <Page title={title} crumbs={crumbs}>
      {conflict && <Alert kind="warning">{t('guides.editor.conflict')}</Alert>}
      {!ready ? (
        <Pending queries={guideId ? [list, guide] : [list]} />
      ) : (
        <Panel title={guide.data?.title ?? title}>
          <Editor
            // a new version from the server (after a conflict) starts the form again from it
            key={guide.data ? `${guide.data.id}-${guide.data.version}` : 'new'}
            guide={guide.data}
            curates={list.data.curates}
            platform={list.data.platform}
            onConflict={() => setConflict(true)}
          />
        </Panel>
      )}
    </Page>
  );
}
