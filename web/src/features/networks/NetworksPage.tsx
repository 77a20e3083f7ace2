import { networkCreate } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { fieldMessages } from '../../lib/errors';
import { validate } from '../../lib/validate';
import { NetworkFields, type NetworkForm } from './NetworkFields';
import { NetworkInvitations } from './NetworkInvitations';
import { networksQuery, useCreateNetwork } from './queries';

export function NetworksPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const q = useQuery(networksQuery());
  const createNetwork = useCreateNetwork();
  const [form, setForm] = useState<NetworkForm>({ name: '', type: 'circle', description: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [showCreate, setShowCreate] = useState(false);
  if (!q.data)
    return (
      <Page title={t('networks.title')}>
        <Pending query={q} />
      </Page>
    );

  async function create(e: React.FormEvent) {
    e.preventDefault();
    const invalid = validate(networkCreate, form, t);
    if (Object.keys(invalid).length) return setErrors(invalid);
    try {
      const res = await createNetwork.mutateAsync(form);
      navigate(`/verbuende/${res.id}`);
    } catch (err) {
      setErrors(fieldMessages(err, t));
    }
  }

  return (
    <Page
      title={t('networks.title')}
      crumbs={[{ to: '/', label: t('nav.start') }]}
      actions={
        q.data.can.create && !showCreate ? (
          <Button onPress={() => setShowCreate(true)}>{t('networks.create')}</Button>
        ) : undefined
      }
    >
      <p>{t('networks.intro')}</p>
      {showCreate && (
        <Panel id="h-create" title={t('networks.create')}>
          <ErrorSummary
            errors={errors}
            labels={{ name: t('networks.name'), type: t('networks.type'), description: t('networks.description') }}
          />
          <form onSubmit={create} noValidate>
            <NetworkFields form={form} onChange={setForm} errors={errors} />
            <div className="btn-row">
              <Button type="submit">{t('networks.createSubmit')}</Button>
              <Button variant="secondary" onPress={() => setShowCreate(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        </Panel>
      )}
      <DataTable
        label={t('networks.title')}
        rows={q.data.items}
        rowKey={(n) => n.id}
        empty={t('networks.empty')}
        columns={[
          { header: t('networks.name'), cell: (n) => <Link to={`/verbuende/${n.id}`}>{n.name}</Link> },
          { header: t('networks.type'), cell: (n) => t(`networkTypes.${n.type}`) },
          { header: t('networks.members'), cell: (n) => n.memberCount, numeric: true },
          {
            header: t('networks.myRole'),
            cell: (n) => (n.isModerator ? t('networks.moderator') : t('networks.member')),
          },
        ]}
      />
      {session.activeMunicipalityId && <NetworkInvitations />}
    </Page>
  );
}
