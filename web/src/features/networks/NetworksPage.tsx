import type { networkList } from '@dz/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Empty, Page, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { api } from '../../lib/api';
import { fieldMessages } from '../../lib/errors';
import { NetworkFields } from './NetworkFields';
import { NetworkInvitations } from './NetworkInvitations';

export function NetworksPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const session = useSession();
  const q = useQuery({ queryKey: ['networks'], queryFn: () => api<z.infer<typeof networkList>>('/networks') });
  const [form, setForm] = useState({ name: '', type: 'circle', description: '' });
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
    if (form.name.trim().length < 3) return setErrors({ name: t('networks.nameMissing') });
    try {
      const res = await api<{ id: string }>('/networks', { method: 'POST', body: form });
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['networks'] }),
        qc.invalidateQueries({ queryKey: ['session'] }),
      ]);
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
        <section className="panel" aria-labelledby="h-create">
          <h2 id="h-create">{t('networks.create')}</h2>
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
        </section>
      )}
      {q.data.items.length === 0 ? (
        <Empty>{t('networks.empty')}</Empty>
      ) : (
        <TableWrap label={t('networks.title')}>
          <table className="data">
            <caption className="visually-hidden">{t('networks.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('networks.name')}</th>
                <th scope="col">{t('networks.type')}</th>
                <th scope="col" className="num">
                  {t('networks.members')}
                </th>
                <th scope="col">{t('networks.myRole')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.items.map((n) => (
                <tr key={n.id}>
                  <td>
                    <Link to={`/verbuende/${n.id}`}>{n.name}</Link>
                  </td>
                  <td>{t(`networkTypes.${n.type}`)}</td>
                  <td className="num">{n.memberCount}</td>
                  <td>{n.isModerator ? t('networks.moderator') : t('networks.member')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {session.activeMunicipalityId && <NetworkInvitations />}
    </Page>
  );
}
