import { competenceCreate, competenceUpdate } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { validate } from '../../lib/validate';
import { type Competence, frameworkQuery, sharedQuery, useAddCompetence, useRenameCompetence } from './queries';
import type { Notice } from './TrainingPlanPanel';

/** Rename or hide a competence (a DigComp one keeps its number), or add an own one to an area. */
function CompetenceForm({ competence, onDone }: { competence: Competence | null; onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const framework = useQuery(frameworkQuery);
  const rename = useRenameCompetence();
  const add = useAddCompetence();
  const [name, setName] = useState(competence?.name ?? '');
  const [hidden, setHidden] = useState(competence?.hidden ?? false);
  const [area, setArea] = useState('1');
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const body = competence
      ? { code: competence.code, name, hidden, version: competence.version }
      : { area: Number(area), name };
    const invalid = validate(competence ? competenceUpdate : competenceCreate, body, t);
    setErrors(invalid);
    if (Object.keys(invalid).length) return;
    try {
      if (competence) await rename.mutateAsync(body as Parameters<typeof rename.mutateAsync>[0]);
      else await add.mutateAsync(body as { area: number; name: string });
      onDone({ kind: 'success', text: t('competences.framework.saved') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict')
        return onDone({ kind: 'warning', text: t('errors.version_conflict') });
      const fields = fieldMessages(err, t);
      setErrors(Object.keys(fields).length ? fields : { name: errorMessage(err, t) });
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} labels={{ name: t('competences.framework.name') }} />
      {!competence && (
        <SelectField
          name="area"
          label={t('competences.framework.area')}
          value={area}
          onChange={setArea}
          options={(framework.data?.areas ?? []).map((a) => ({ value: String(a.area), label: `${a.area} ${a.name}` }))}
        />
      )}
      <TextField
        name="name"
        label={t('competences.framework.name')}
        value={name}
        onChange={setName}
        error={errors.name}
        required
      />
      {competence && (
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="hidden" checked={hidden} onChange={(e) => setHidden(e.target.checked)} />{' '}
            {t('competences.framework.hide')}
          </label>
        </div>
      )}
      <Button type="submit" isDisabled={rename.isPending || add.isPending}>
        {t('common.save')}
      </Button>
    </form>
  );
}

/** The municipality's competence framework (DigComp 2.2 by default), kept by the coordination. */
export function FrameworkPanel({ onNotice }: { onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const framework = useQuery(frameworkQuery);
  const [dialog, setDialog] = useState<{ competence: Competence | null } | null>(null);
  const columns: Column<Competence>[] = [
    { header: t('competences.framework.code'), cell: (c) => c.code },
    { header: t('competences.framework.name'), rowHeader: true, cell: (c) => c.name },
    {
      header: t('competences.framework.origin'),
      cell: (c) => (c.builtin ? 'DigComp 2.2' : t('competences.framework.own')),
    },
    {
      header: t('competences.framework.shown'),
      cell: (c) => (c.hidden ? t('competences.framework.hidden') : t('common.yes')),
    },
    {
      header: t('common.actions'),
      cell: (c) => (
        <Button
          small
          variant="secondary"
          aria-label={t('competences.framework.editItem', { name: c.name })}
          onPress={() => setDialog({ competence: c })}
        >
          {t('common.edit')}
        </Button>
      ),
    },
  ];
  return (
    <Panel
      title={t('competences.framework.title')}
      id="h-framework"
      actions={<Button onPress={() => setDialog({ competence: null })}>{t('competences.framework.add')}</Button>}
    >
      {!framework.data ? (
        <Pending query={framework} />
      ) : (
        <DataTable
          label={t('competences.framework.title')}
          columns={columns}
          rows={framework.data.items}
          rowKey={(c) => c.code}
          empty={t('competences.framework.empty')}
        />
      )}
      <FormDialog
        isOpen={dialog !== null}
        title={dialog?.competence ? t('competences.framework.editTitle') : t('competences.framework.addTitle')}
        onClose={() => setDialog(null)}
      >
        {dialog && (
          <CompetenceForm
            key={dialog.competence?.code ?? 'new'}
            competence={dialog.competence}
            onDone={(n) => {
              onNotice(n);
              setDialog(null);
            }}
          />
        )}
      </FormDialog>
    </Panel>
  );
}

/** The self-assessments people chose to share with the coordination (only those). */
export function SharedPanel() {
  const { t } = useTranslation();
  const shared = useQuery(sharedQuery);
  return (
    <Panel title={t('competences.shared.title')} id="h-shared">
      <p>{t('competences.shared.intro')}</p>
      {!shared.data ? (
        <Pending query={shared} />
      ) : (
        <DataTable
          label={t('competences.shared.title')}
          columns={[
            { header: t('competences.shared.person'), rowHeader: true, cell: (p) => p.name },
            { header: t('competences.overview.department'), cell: (p) => p.department ?? '–' },
            {
              header: t('competences.shared.levels'),
              cell: (p) =>
                p.levels.map((l) => `${l.code}: ${l.level}${l.target ? ` → ${l.target}` : ''}`).join(', ') || '–',
            },
          ]}
          rows={shared.data.people}
          rowKey={(p) => p.userId}
          empty={t('competences.shared.empty')}
        />
      )}
    </Panel>
  );
}
