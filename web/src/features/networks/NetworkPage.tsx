import type { networkDetail } from '@dz/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { ApiError, api } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDate, fmtNumber, todayIso } from '../../lib/format';
import { MunicipalityResults } from '../directory/MunicipalityResults';
import { SizeClassBadge } from '../municipality/SizeClassBadge';
import { NetworkFields } from './NetworkFields';

type Network = z.infer<typeof networkDetail>;
type Member = Network['members'][number];

function AddMember({ network, onDone }: { network: Network; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const [search, setSearch] = useState('');
  const [joinedOn, setJoinedOn] = useState(todayIso());
  const [error, setError] = useState<string>();
  const active = new Set(
    network.members.filter((m) => !m.leftOn && m.status !== 'declined').map((m) => m.municipalityId),
  );
  async function add(id: string, name: string) {
    try {
      await api(`/networks/${network.id}/members`, { method: 'POST', body: { municipalityId: id, joinedOn } });
      onDone(t('networks.added', { name }));
    } catch (err) {
      setError(errorMessage(err, t, true));
    }
  }
  return (
    <section className="panel" aria-labelledby="h-add">
      <h2 id="h-add">{t('networks.addMember')}</h2>
      {error && <Alert kind="error">{error}</Alert>}
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(term.trim());
        }}
      >
        <TextField
          name="q"
          label={t('networks.searchMunicipality')}
          hint={t('networks.searchHint')}
          value={term}
          onChange={setTerm}
        />
        <TextField
          name="joinedOn"
          type="date"
          label={t('networks.joinedOn')}
          value={joinedOn}
          onChange={setJoinedOn}
          required
        />
        <Button type="submit">{t('common.search')}</Button>
      </form>
      <MunicipalityResults
        search={search}
        action={(m) =>
          active.has(m.id) ? (
            t('networks.alreadyMember')
          ) : (
            <Button
              small
              onPress={() => void add(m.id, m.shortName)}
              aria-label={t('networks.addNamed', { name: m.name })}
            >
              {t('networks.addShort')}
            </Button>
          )
        }
      />
    </section>
  );
}

function EditNetwork({ n, onDone }: { n: Network; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name: n.name, type: n.type as string, description: n.description });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  const [version, setVersion] = useState(n.version);
  async function save(e: React.FormEvent) {
    e.preventDefault();
    try {
      await api(`/networks/${n.id}`, { method: 'PATCH', body: { ...form, version } });
      setConflict(false);
      onDone(t('common.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setConflict(true);
        setVersion(Number(err.body.currentVersion));
        return;
      }
      setErrors(fieldMessages(err, t));
    }
  }
  return (
    <details className="panel">
      <summary>{t('networks.edit')}</summary>
      {conflict && <Alert kind="warning">{t('errors.version_conflict_keep')}</Alert>}
      <ErrorSummary errors={errors} labels={{ name: t('networks.name'), description: t('networks.description') }} />
      <form onSubmit={save} noValidate>
        <NetworkFields form={form} onChange={setForm} errors={errors} />
        <Button type="submit">{t('common.save')}</Button>
      </form>
    </details>
  );
}

export function NetworkPage() {
  const { t } = useTranslation();
  const { networkId } = useParams();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['network', networkId],
    queryFn: () => api<Network>(`/networks/${networkId}`),
    retry: false,
  });
  const [notice, setNotice] = useState<string>();
  const [leaving, setLeaving] = useState<Member | null>(null);
  const [leftOn, setLeftOn] = useState(todayIso());
  const [modEmail, setModEmail] = useState('');
  const [modErrors, setModErrors] = useState<Record<string, string>>({});
  const [showFormer, setShowFormer] = useState(false);
  const crumbs = [{ to: '/verbuende', label: t('networks.title') }];
  if (q.isError)
    return (
      <Page title={t('networks.notFound')} crumbs={crumbs}>
        <Pending query={q} />
      </Page>
    );
  if (!q.data)
    return (
      <Page title={t('networks.title')}>
        <Pending query={q} />
      </Page>
    );
  const n = q.data;
  const done = async (msg: string) => {
    setNotice(msg);
    await Promise.all([
      qc.invalidateQueries({ queryKey: ['network', networkId] }),
      qc.invalidateQueries({ queryKey: ['networks'] }),
    ]);
  };
  const activeMembers = n.members.filter((m) => !m.leftOn && m.status === 'accepted');
  // open invitations, and for moderators the declined ones
  const invited = n.members.filter((m) => m.status !== 'accepted' && !m.leftOn);
  const openInvitations = invited.filter((m) => m.status === 'invited').length;
  const former = n.members.filter((m) => m.leftOn);

  return (
    <Page title={n.name} crumbs={crumbs}>
      <p>
        <span className="badge">{t(`networkTypes.${n.type}`)}</span> {n.description}
      </p>
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>
      {n.can.edit && <EditNetwork n={n} onDone={(m) => void done(m)} />}
      <section className="panel" aria-labelledby="h-members">
        <h2 id="h-members">{t('networks.membersTitle', { count: activeMembers.length })}</h2>
        {activeMembers.length === 0 ? (
          <Empty>{t('networks.noMembers')}</Empty>
        ) : (
          <TableWrap label={t('networks.membersTitle', { count: activeMembers.length })}>
            <table className="data">
              <caption className="visually-hidden">
                {t('networks.membersTitle', { count: activeMembers.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('municipality.name')}</th>
                  <th scope="col">{t('municipality.land')}</th>
                  <th scope="col">{t('municipality.kreis')}</th>
                  <th scope="col" className="num">
                    {t('municipality.population')}
                  </th>
                  <th scope="col">{t('dashboard.sizeClass')}</th>
                  <th scope="col">{t('networks.joinedOn')}</th>
                  <th scope="col">{t('networks.staffSurveysColumn')}</th>
                  {n.can.manageMembers && <th scope="col">{t('common.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {activeMembers.map((m) => (
                  <tr key={m.municipalityId}>
                    <td>{m.name}</td>
                    <td>{m.land}</td>
                    <td>{m.kreis}</td>
                    <td className="num">{fmtNumber(m.population)}</td>
                    <td>
                      <SizeClassBadge sizeClass={m.sizeClass} />
                    </td>
                    <td>{fmtDate(m.joinedOn)}</td>
                    <td>{m.staffSurveys ? t('networks.yes') : t('networks.no')}</td>
                    {n.can.manageMembers && (
                      <td>
                        <Button
                          variant="secondary"
                          small
                          onPress={() => setLeaving(m)}
                          aria-label={t('networks.leaveNamed', { name: m.name })}
                        >
                          {t('networks.leave')}
                        </Button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {invited.length > 0 && (
          <TableWrap label={t('networks.invitedTitle', { count: openInvitations })}>
            <table className="data">
              <caption>{t('networks.invitedTitle', { count: openInvitations })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('municipality.name')}</th>
                  <th scope="col">{t('networks.joinedOn')}</th>
                  <th scope="col">{t('networks.status')}</th>
                  {n.can.manageMembers && <th scope="col">{t('common.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {invited.map((m) => (
                  <tr key={`${m.municipalityId}-${m.status}-${m.joinedOn}`}>
                    <td>{m.name}</td>
                    <td>{fmtDate(m.joinedOn)}</td>
                    <td>{t(`networks.statuses.${m.status}`)}</td>
                    {n.can.manageMembers && (
                      <td>
                        {m.status === 'invited' && (
                          <Button
                            variant="secondary"
                            small
                            aria-label={t('networks.withdrawNamed', { name: m.name })}
                            onPress={async () => {
                              try {
                                await api(`/networks/${n.id}/members/${m.municipalityId}/leave`, {
                                  method: 'POST',
                                  body: { leftOn: todayIso() },
                                });
                                await done(t('networks.withdrawn', { name: m.name }));
                              } catch (err) {
                                setNotice(errorMessage(err, t, true));
                              }
                            }}
                          >
                            {t('networks.withdraw')}
                          </Button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {former.length > 0 && (
          <>
            <Button variant="secondary" small onPress={() => setShowFormer((s) => !s)} aria-expanded={showFormer}>
              {t('networks.formerToggle', { count: former.length })}
            </Button>
            {showFormer && (
              <table className="data">
                <caption>{t('networks.former')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('municipality.name')}</th>
                    <th scope="col">{t('networks.joinedOn')}</th>
                    <th scope="col">{t('networks.leftOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {former.map((m) => (
                    <tr key={`${m.municipalityId}-${m.joinedOn}`}>
                      <td>{m.name}</td>
                      <td>{fmtDate(m.joinedOn)}</td>
                      <td>{fmtDate(m.leftOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>
      {n.can.manageMembers && <AddMember network={n} onDone={(m) => void done(m)} />}
      <section className="panel" aria-labelledby="h-mods">
        <h2 id="h-mods">{t('networks.moderators')}</h2>
        <ul>
          {n.moderators.map((m) => (
            <li key={m.userId}>
              {m.name}
              {m.email && ` (${m.email})`}{' '}
              {n.can.manageModerators && n.moderators.length > 1 && (
                <button
                  type="button"
                  className="link"
                  onClick={async () => {
                    await api(`/networks/${n.id}/moderators/${m.userId}`, { method: 'DELETE' });
                    await done(t('networks.moderatorRemoved', { name: m.name }));
                  }}
                >
                  {t('networks.removeModerator', { name: m.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
        {n.can.manageModerators && (
          <form
            className="filters"
            noValidate
            onSubmit={async (e) => {
              e.preventDefault();
              try {
                await api(`/networks/${n.id}/moderators`, { method: 'POST', body: { email: modEmail } });
                setModEmail('');
                setModErrors({});
                await done(t('networks.moderatorAdded'));
              } catch (err) {
                setModErrors(fieldMessages(err, t));
              }
            }}
          >
            <ErrorSummary errors={modErrors} labels={{ email: t('networks.moderatorEmail') }} />
            <TextField
              name="email"
              type="email"
              label={t('networks.moderatorEmail')}
              hint={t('networks.moderatorHint')}
              value={modEmail}
              onChange={setModEmail}
              error={modErrors.email}
            />
            <Button type="submit">{t('networks.addModerator')}</Button>
          </form>
        )}
      </section>
      <ConfirmDialog
        isOpen={leaving !== null}
        title={t('networks.confirmLeaveTitle')}
        body={t('networks.confirmLeaveBody', { name: leaving?.name ?? '' })}
        confirmLabel={t('networks.leave')}
        extra={
          <TextField
            name="leftOn"
            type="date"
            label={t('networks.leftOn')}
            value={leftOn}
            onChange={setLeftOn}
            required
          />
        }
        onCancel={() => setLeaving(null)}
        onConfirm={async () => {
          const m = leaving!;
          setLeaving(null);
          try {
            await api(`/networks/${n.id}/members/${m.municipalityId}/leave`, { method: 'POST', body: { leftOn } });
            await done(t('networks.left', { name: m.name }));
          } catch (err) {
            setNotice(errorMessage(err, t, true));
          }
        }}
      />
    </Page>
  );
}
