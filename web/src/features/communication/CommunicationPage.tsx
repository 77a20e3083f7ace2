import {
  COMMUNICATION_AUDIENCES,
  COMMUNICATION_CADENCES,
  COMMUNICATION_CHANNELS,
  COMMUNICATION_PHASES,
  COMMUNICATION_STATUSES,
  communicationApply,
  communicationCreate,
} from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDate, todayIso } from '../../lib/format';
import { validate } from '../../lib/validate';
import { projectsQuery } from '../projects/queries';
import { useColleagues, useDepartments } from '../projects/shared';
import { ProgressReport } from './ProgressReport';
import {
  type CommunicationApply,
  type CommunicationInput,
  type CommunicationItem,
  communicationQuery,
  useApplyTemplate,
  useDeleteCommunication,
  useSaveCommunication,
} from './queries';

type Notice = { kind: 'success' | 'error' | 'warning'; text: string };

const EMPTY: CommunicationInput = {
  projectId: null,
  audience: 'all_staff',
  departmentId: null,
  message: '',
  channel: 'email',
  dueOn: '',
  cadence: 'once',
  ownerId: null,
  status: 'planned',
};

const inputOf = (i: CommunicationItem): CommunicationInput => ({
  projectId: i.projectId,
  audience: i.audience,
  departmentId: i.departmentId,
  message: i.message,
  channel: i.channel,
  dueOn: i.dueOn,
  cadence: i.cadence,
  ownerId: i.ownerId,
  status: i.status,
});

/** The municipality's projects for pickers (first 500, by the portfolio's order). */
function useProjectOptions() {
  return useQuery(projectsQuery('pageSize=500', 1));
}

/** Add or edit one item of the plan; a stale version keeps the input and says so. */
function ItemForm({
  item,
  presetProjectId,
  onDone,
}: {
  item: CommunicationItem | null;
  presetProjectId: string;
  onDone: (notice: Notice) => void;
}) {
  const { t } = useTranslation();
  const projects = useProjectOptions();
  const people = useColleagues();
  const departments = useDepartments();
  const save = useSaveCommunication();
  const [form, setForm] = useState<CommunicationInput>(
    item ? inputOf(item) : { ...EMPTY, projectId: presetProjectId || null, dueOn: todayIso() },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<CommunicationInput>) => setForm({ ...form, ...patch });
  const labels = {
    message: t('communication.fields.message'),
    dueOn: t('communication.fields.dueOn'),
    departmentId: t('communication.fields.department'),
    ownerId: t('communication.fields.owner'),
    projectId: t('communication.fields.project'),
  };
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const invalid = validate(communicationCreate, form, t);
    if (form.audience === 'department' && !form.departmentId) invalid.departmentId = t('errors.department_required');
    setErrors(invalid);
    if (Object.keys(invalid).length) return;
    try {
      await save.mutateAsync({ id: item?.id, version: item?.version, body: form });
      onDone({ kind: 'success', text: t('communication.saved') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict')
        return onDone({ kind: 'warning', text: t('errors.version_conflict') });
      const fields = fieldMessages(err, t);
      setErrors(Object.keys(fields).length ? fields : { message: errorMessage(err, t) });
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} labels={labels} />
      <SelectField
        name="projectId"
        label={labels.projectId}
        value={form.projectId ?? ''}
        onChange={(v) => set({ projectId: v || null })}
        error={errors.projectId}
        options={[
          { value: '', label: t('communication.noProject') },
          ...(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.title })),
        ]}
      />
      <div className="filters">
        <SelectField
          name="audience"
          label={t('communication.fields.audience')}
          value={form.audience}
          onChange={(v) => set({ audience: v as CommunicationInput['audience'] })}
          options={COMMUNICATION_AUDIENCES.map((a) => ({ value: a, label: t(`communication.audiences.${a}`) }))}
        />
        {form.audience === 'department' && (
          <SelectField
            name="departmentId"
            label={labels.departmentId}
            value={form.departmentId ?? ''}
            onChange={(v) => set({ departmentId: v || null })}
            error={errors.departmentId}
            required
            options={[
              { value: '', label: t('communication.chooseDepartment') },
              ...(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
            ]}
          />
        )}
        <SelectField
          name="channel"
          label={t('communication.fields.channel')}
          value={form.channel}
          onChange={(v) => set({ channel: v as CommunicationInput['channel'] })}
          options={COMMUNICATION_CHANNELS.map((c) => ({ value: c, label: t(`communication.channels.${c}`) }))}
        />
      </div>
      <TextArea
        name="message"
        label={labels.message}
        value={form.message}
        onChange={(v) => set({ message: v })}
        error={errors.message}
        required
      />
      <div className="filters">
        <TextField
          name="dueOn"
          type="date"
          label={labels.dueOn}
          hint={t('communication.dueHint')}
          value={form.dueOn}
          onChange={(v) => set({ dueOn: v })}
          error={errors.dueOn}
          required
        />
        <SelectField
          name="cadence"
          label={t('communication.fields.cadence')}
          value={form.cadence ?? 'once'}
          onChange={(v) => set({ cadence: v as CommunicationInput['cadence'] })}
          options={COMMUNICATION_CADENCES.map((c) => ({ value: c, label: t(`communication.cadences.${c}`) }))}
        />
        <SelectField
          name="ownerId"
          label={labels.ownerId}
          value={form.ownerId ?? ''}
          onChange={(v) => set({ ownerId: v || null })}
          error={errors.ownerId}
          options={[
            { value: '', label: t('communication.noOwner') },
            ...(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <SelectField
          name="status"
          label={t('communication.fields.status')}
          value={form.status ?? 'planned'}
          onChange={(v) => set({ status: v as CommunicationInput['status'] })}
          options={COMMUNICATION_STATUSES.map((s) => ({ value: s, label: t(`communication.statuses.${s}`) }))}
        />
      </div>
      <Button type="submit" isDisabled={save.isPending}>
        {t('common.save')}
      </Button>
    </form>
  );
}

/** Adds a phase's template items to a project, due relative to an anchor date. */
function ApplyTemplate({ presetProjectId, onDone }: { presetProjectId: string; onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const projects = useProjectOptions();
  const apply = useApplyTemplate();
  const [form, setForm] = useState<CommunicationApply>({
    projectId: presetProjectId,
    phase: 'kickoff',
    anchorDate: todayIso(),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const labels = {
    projectId: t('communication.fields.project'),
    phase: t('communication.template.phase'),
    anchorDate: t('communication.template.anchor'),
  };
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const invalid = validate(communicationApply, form, t);
    if (!form.projectId) invalid.projectId = t('communication.template.projectRequired');
    setErrors(invalid);
    if (Object.keys(invalid).length) return;
    try {
      const r = await apply.mutateAsync(form);
      onDone({ kind: 'success', text: t('communication.template.applied', { count: r.created }) });
    } catch (err) {
      const fields = fieldMessages(err, t);
      setErrors(Object.keys(fields).length ? fields : { projectId: errorMessage(err, t) });
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      <p>{t('communication.template.intro')}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <SelectField
        name="projectId"
        label={labels.projectId}
        value={form.projectId}
        onChange={(v) => setForm({ ...form, projectId: v })}
        error={errors.projectId}
        required
        options={[
          { value: '', label: t('communication.chooseProject') },
          ...(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.title })),
        ]}
      />
      <SelectField
        name="phase"
        label={labels.phase}
        value={form.phase}
        onChange={(v) => setForm({ ...form, phase: v as CommunicationApply['phase'] })}
        options={COMMUNICATION_PHASES.map((p) => ({ value: p, label: t(`communication.phases.${p}`) }))}
      />
      <TextField
        name="anchorDate"
        type="date"
        label={labels.anchorDate}
        hint={t('communication.template.anchorHint')}
        value={form.anchorDate}
        onChange={(v) => setForm({ ...form, anchorDate: v })}
        error={errors.anchorDate}
        required
      />
      <Button type="submit" isDisabled={apply.isPending}>
        {t('communication.template.apply')}
      </Button>
    </form>
  );
}

/** The table of the plan; with `editable` each row can be edited and deleted. */
function PlanTable({
  items,
  editable,
  showProject,
  onEdit,
  onNotice,
}: {
  items: CommunicationItem[];
  editable: boolean;
  showProject: boolean;
  onEdit?: (i: CommunicationItem) => void;
  onNotice: (n: Notice) => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteCommunication();
  const columns: Column<CommunicationItem>[] = [
    {
      header: t('communication.fields.dueOn'),
      cell: (i) => (
        <>
          {fmtDate(i.dueOn)}
          {i.cadence !== 'once' && <span className="muted"> ({t(`communication.cadences.${i.cadence}`)})</span>}
        </>
      ),
    },
    {
      header: t('communication.fields.audience'),
      cell: (i) =>
        i.audience === 'department' && i.department ? i.department : t(`communication.audiences.${i.audience}`),
    },
    { header: t('communication.fields.message'), cell: (i) => i.message, rowHeader: true },
    { header: t('communication.fields.channel'), cell: (i) => t(`communication.channels.${i.channel}`) },
    { header: t('communication.fields.owner'), cell: (i) => i.owner ?? '–' },
    { header: t('communication.fields.status'), cell: (i) => t(`communication.statuses.${i.status}`) },
  ];
  if (showProject)
    columns.push({
      header: t('communication.fields.project'),
      cell: (i) => (i.projectId ? <Link to={`/projekte/${i.projectId}`}>{i.project}</Link> : '–'),
    });
  if (editable)
    columns.push({
      header: t('common.actions'),
      cell: (i) => (
        <div className="btn-row">
          <Button
            small
            variant="secondary"
            aria-label={t('communication.editItem', { message: i.message })}
            onPress={() => onEdit?.(i)}
          >
            {t('common.edit')}
          </Button>
          <ConfirmDeleteButton
            label={t('common.delete')}
            ariaLabel={t('communication.deleteItem', { message: i.message })}
            title={t('communication.deleteTitle')}
            body={t('communication.deleteConfirm', { message: i.message })}
            onConfirm={async () => {
              try {
                await remove.mutateAsync(i.id);
                onNotice({ kind: 'success', text: t('communication.deleted') });
              } catch (err) {
                onNotice({ kind: 'error', text: errorMessage(err, t) });
              }
            }}
          />
        </div>
      ),
    });
  return (
    <DataTable
      label={t('communication.tableLabel')}
      columns={columns}
      rows={items}
      rowKey={(i) => i.id}
      empty={t('communication.empty')}
    />
  );
}

export function CommunicationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const projectId = params.get('projekt') ?? '';
  const list = useQuery(communicationQuery(projectId));
  const projects = useProjectOptions();
  const [dialog, setDialog] = useState<{ item: CommunicationItem | null } | 'template' | null>(null);
  const [notice, setNotice] = useState<Notice>();
  const done = (n: Notice) => {
    setNotice(n);
    setDialog(null);
  };
  const can = list.data?.can.edit ?? false;
  return (
    <Page
      title={t('communication.title')}
      crumbs={[{ to: '/', label: t('nav.start') }]}
      actions={
        can && (
          <div className="btn-row">
            <Button onPress={() => setDialog({ item: null })}>{t('communication.add')}</Button>
            <Button variant="secondary" onPress={() => setDialog('template')}>
              {t('communication.template.open')}
            </Button>
          </div>
        )
      }
    >
      <p>{t('communication.intro')}</p>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <div className="filters">
        <SelectField
          name="filterProject"
          label={t('communication.filterProject')}
          value={projectId}
          onChange={(v) => setParams(v ? { projekt: v } : {})}
          options={[
            { value: '', label: t('communication.allProjects') },
            ...(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.title })),
          ]}
        />
      </div>
      {!list.data ? (
        <Pending query={list} />
      ) : (
        <Panel title={t('communication.planTitle')}>
          <PlanTable
            items={list.data.items}
            editable={can}
            showProject
            onEdit={(item) => setDialog({ item })}
            onNotice={setNotice}
          />
        </Panel>
      )}
      <FormDialog
        isOpen={dialog !== null && dialog !== 'template'}
        title={
          dialog && dialog !== 'template' && dialog.item ? t('communication.editTitle') : t('communication.addTitle')
        }
        onClose={() => setDialog(null)}
      >
        {dialog && dialog !== 'template' && (
          <ItemForm key={dialog.item?.id ?? 'new'} item={dialog.item} presetProjectId={projectId} onDone={done} />
        )}
      </FormDialog>
      {!projectId && <ProgressReport />}
      <FormDialog
        isOpen={dialog === 'template'}
        title={t('communication.template.title')}
        onClose={() => setDialog(null)}
      >
        {dialog === 'template' && <ApplyTemplate presetProjectId={projectId} onDone={done} />}
      </FormDialog>
    </Page>
  );
}

/** The project page's part of the plan: its items as dated tasks, with a link to the whole plan. */
export function ProjectCommunication({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const list = useQuery(communicationQuery(projectId));
  const [notice, setNotice] = useState<Notice>();
  const [applying, setApplying] = useState(false);
  return (
    <Panel title={t('communication.projectTitle')} id="h-communication">
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      {list.data?.can.edit && (
        <p>
          <Button variant="secondary" small onPress={() => setApplying(true)}>
            {t('communication.template.open')}
          </Button>
        </p>
      )}
      <FormDialog isOpen={applying} title={t('communication.template.title')} onClose={() => setApplying(false)}>
        {applying && (
          <ApplyTemplate
            presetProjectId={projectId}
            onDone={(n) => {
              setNotice(n);
              setApplying(false);
            }}
          />
        )}
      </FormDialog>
      {!list.data ? (
        <Pending query={list} />
      ) : (
        <PlanTable items={list.data.items} editable={false} showProject={false} onNotice={setNotice} />
      )}
      <p>
        <Link to={`/kommunikation?projekt=${projectId}`}>{t('communication.projectLink')}</Link>
      </p>
    </Panel>
  );
}
