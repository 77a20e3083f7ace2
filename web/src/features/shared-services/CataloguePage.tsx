import { CASE_UNITS, serviceTypeInput } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { type Column, DataTable } from '../../components/DataTable';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { fieldMessages } from '../../lib/errors';
import { validate } from '../../lib/validate';
import { CheckboxGroup } from '../projects/shared';
import { catalogueQuery, type ServiceCatalogue, type ServiceTypeInput, useSaveServiceType } from './queries';

type Item = ServiceCatalogue['items'][number];
const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * The service catalogue: the platform's default types and the types of my networks; a network's moderators add
 * their own (tasks one per line), change and remove them. Studies keep a copy of the type they started with.
 */
export function CataloguePage() {
  const { t } = useTranslation();
  const session = useSession();
  const q = useQuery(catalogueQuery());
  const save = useSaveServiceType();
  const [editing, setEditing] = useState<string | null>(null);
  const empty = { networkId: '', name: '', tasks: '', costDrivers: '', units: ['cases'] as string[] };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState('');
  const networks = q.data?.networks ?? [];
  const networkId = form.networkId || networks[0]?.id || '';
  const columns: Column<Item>[] = [
    {
      header: t('catalogue.name'),
      cell: (i) => (
        <>
          {i.name}
          <br />
          <span className="muted">{i.network?.name ?? t('catalogue.default')}</span>
        </>
      ),
    },
    { header: t('catalogue.tasks'), cell: (i) => i.tasks.join(', ') },
    { header: t('catalogue.units'), cell: (i) => i.units.map((u) => t(`studies.units.${u}`)).join(', ') },
    {
      header: t('catalogue.actions'),
      cell: (i) =>
        i.editable ? (
          <span className="actions">
            <Button
              small
              variant="secondary"
              aria-label={t('catalogue.editNamed', { name: i.name })}
              onPress={() => {
                setEditing(i.key);
                setErrors({});
                setForm({
                  networkId: i.network?.id ?? '',
                  name: i.name,
                  tasks: i.tasks.join('\n'),
                  costDrivers: i.costDrivers.join('\n'),
                  units: [...i.units],
                });
              }}
            >
              {t('catalogue.edit')}
            </Button>{' '}
            <ConfirmDeleteButton
              label={t('catalogue.remove')}
              ariaLabel={t('catalogue.removeNamed', { name: i.name })}
              title={t('catalogue.removeTitle', { name: i.name })}
              body={t('catalogue.removeBody')}
              onConfirm={async () => {
                await save.mutateAsync({ id: i.key, body: null });
                setSaved(t('catalogue.removed', { name: i.name }));
              }}
            />
          </span>
        ) : (
          '–'
        ),
    },
  ];
  return (
    <Page
      title={t('catalogue.title')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        // a moderator without a municipality comes here from the network's page
        session.activeMunicipalityId
          ? { to: '/gemeinsame-dienste', label: t('studies.title') }
          : { to: '/verbuende', label: t('nav.networks') },
      ]}
    >
      <p>{t('catalogue.intro')}</p>
      <p aria-live="polite" className="status">
        {saved}
      </p>
      {!q.data ? (
        <Pending query={q} />
      ) : (
        <DataTable
          label={t('catalogue.title')}
          caption={t('catalogue.count', { count: q.data.items.length })}
          columns={columns}
          rows={q.data.items}
          rowKey={(i) => i.key}
          empty={t('catalogue.empty')}
        />
      )}
      {networks.length > 0 && (
        <Panel title={editing ? t('catalogue.editTitle') : t('catalogue.addTitle')} level={2}>
          <form
            noValidate
            onSubmit={async (e) => {
              e.preventDefault();
              const body: ServiceTypeInput = {
                networkId,
                name: form.name,
                tasks: lines(form.tasks),
                costDrivers: lines(form.costDrivers),
                units: form.units as ServiceTypeInput['units'],
              };
              const invalid = validate(serviceTypeInput, body, t);
              if (Object.keys(invalid).length) return setErrors(invalid);
              try {
                await save.mutateAsync({ id: editing ?? undefined, body });
                setSaved(t('catalogue.saved', { name: body.name }));
                setErrors({});
                setEditing(null);
                setForm(empty);
              } catch (err) {
                setErrors(fieldMessages(err, t));
              }
            }}
          >
            <SelectField
              name="networkId"
              label={t('catalogue.network')}
              value={networkId}
              onChange={(v) => setForm((f) => ({ ...f, networkId: v }))}
              options={networks.map((n) => ({ value: n.id, label: n.name }))}
              error={errors.networkId}
            />
            <TextField
              name="name"
              label={t('catalogue.name')}
              value={form.name}
              onChange={(v) => setForm((f) => ({ ...f, name: v }))}
              error={errors.name}
              required
            />
            <TextArea
              name="tasks"
              label={t('catalogue.tasks')}
              hint={t('catalogue.tasksHint')}
              value={form.tasks}
              onChange={(v) => setForm((f) => ({ ...f, tasks: v }))}
              error={errors.tasks}
              required
            />
            <TextArea
              name="costDrivers"
              label={t('catalogue.costDrivers')}
              hint={t('catalogue.tasksHint')}
              value={form.costDrivers}
              onChange={(v) => setForm((f) => ({ ...f, costDrivers: v }))}
              error={errors.costDrivers}
            />
            <CheckboxGroup
              name="units"
              legend={t('catalogue.units')}
              options={CASE_UNITS.map((u) => ({ value: u, label: t(`studies.units.${u}`) }))}
              value={form.units}
              onChange={(units) => setForm((f) => ({ ...f, units }))}
              error={errors.units}
            />
            <Button type="submit" isDisabled={save.isPending}>
              {editing ? t('catalogue.save') : t('catalogue.add')}
            </Button>{' '}
            {editing && (
              <Button
                variant="secondary"
                onPress={() => {
                  setEditing(null);
                  setForm(empty);
                  setErrors({});
                }}
              >
                {t('catalogue.cancel')}
              </Button>
            )}
          </form>
        </Panel>
      )}
    </Page>
  );
}
