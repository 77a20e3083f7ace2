import { moderatorAdd, networkMemberAdd, networkMemberLeave, networkUpdate } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDate, fmtNumber, todayIso } from '../../lib/format';
import { validate } from '../../lib/validate';
import { MunicipalityResults } from '../directory/MunicipalityResults';
import { SizeClassBadge } from '../municipality/SizeClassBadge';
import { NetworkStudies } from '../shared-services/NetworkStudies';
import { NetworkFields, type NetworkForm } from './NetworkFields';
import {
  type NetworkMember as Member,
  type Network,
  networkQuery,
  useAddModerator,
  useAddNetworkMember,
  useLeaveNetwork,
  useRemoveModerator,
  useUpdateNetwork,
} from './queries';

type Notice = { kind: 'success' | 'error'; text: string };

function AddMember({ network, onDone }: { network: Network; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const addMember = useAddNetworkMember(network.id);
  const [term, setTerm] = useState('');
  const [search, setSearch] = useState('');
  const [joinedOn, setJoinedOn] = useState(todayIso());
  const [error, setError] = useState<string>();
  const active = new Set(
    network.members.filter((m) => !m.leftOn && m.status !== 'declined').map((m) => m.municipalityId),
  );
  async function add(id: string, name: string) {
    const body = { municipalityId: id, joinedOn };
    const [invalid] = Object.values(validate(networkMemberAdd, body, t));
    if (invalid) return setError(invalid);
    try {
      await addMember.mutateAsync(body);
      setError(undefined);
      onDone(t('networks.added', { name }));
    } catch (err) {
      setError(errorMessage(err, t, true));
    }
  }
  return (
    <Panel id="h-add" title={t('networks.addMember')}>
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
    </Panel>
  );
}

function EditNetwork({ n, onDone }: { n: Network; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const update = useUpdateNetwork(n.id);
  const [form, setForm] = useState<NetworkForm>({ name: n.name, type: n.type, description: n.description });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  const [version, setVersion] = useState(n.version);
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const body = { ...form, version };
    const invalid = validate(networkUpdate, body, t);
    if (Object.keys(invalid).length) return setErrors(invalid);
    try {
      setVersion((await update.mutateAsync(body)).version);
      setErrors({});
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
  const { networkId = '' } = useParams();
  const q = useQuery({ ...networkQuery(networkId), retry: false });
  const leave = useLeaveNetwork(networkId);
  const addModerator = useAddModerator(networkId);
  const removeModerator = useRemoveModerator(networkId);
  const [notice, setNotice] = useState<Notice>();
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
  const done = (text: string) => setNotice({ kind: 'success', text });
  const failed = (err: unknown) => setNotice({ kind: 'error', text: errorMessage(err, t, true) });
  const memberColumns: Column<Member>[] = [
    { header: t('municipality.name'), cell: (m) => m.name },
    { header: t('municipality.land'), cell: (m) => m.land },
    { header: t('municipality.kreis'), cell: (m) => m.kreis },
    { header: t('municipality.population'), cell: (m) => fmtNumber(m.population), numeric: true },
    { header: t('dashboard.sizeClass'), cell: (m) => <SizeClassBadge sizeClass={m.sizeClass} /> },
    { header: t('networks.joinedOn'), cell: (m) => fmtDate(m.joinedOn) },
    { header: t('networks.staffSurveysColumn'), cell: (m) => (m.staffSurveys ? t('networks.yes') : t('networks.no')) },
  ];
  if (n.can.manageMembers)
    memberColumns.push({
      header: t('common.actions'),
      cell: (m) => (
        <Button
          variant="secondary"
          small
          onPress={() => setLeaving(m)}
          aria-label={t('networks.leaveNamed', { name: m.name })}
        >
          {t('networks.leave')}
        </Button>
      ),
    });
  const invitedColumns: Column<Member>[] = [
    { header: t('municipality.name'), cell: (m) => m.name },
    { header: t('networks.joinedOn'), cell: (m) => fmtDate(m.joinedOn) },
    { header: t('networks.status'), cell: (m) => t(`networks.statuses.${m.status}`) },
  ];
  if (n.can.manageMembers)
    invitedColumns.push({
      header: t('common.actions'),
      cell: (m) =>
        m.status === 'invited' && (
          <Button
            variant="secondary"
            small
            aria-label={t('networks.withdrawNamed', { name: m.name })}
            onPress={async () => {
              try {
                await leave.mutateAsync({ municipalityId: m.municipalityId, leftOn: todayIso() });
                done(t('networks.withdrawn', { name: m.name }));
              } catch (err) {
                failed(err);
              }
            }}
          >
            {t('networks.withdraw')}
          </Button>
        ),
    });
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
      <p>
        <Link to={`/verbuende/${n.id}/kennzahlen`}>{t('networks.keyFiguresLink')}</Link>
        <br />
        <span className="muted">{t('networks.keyFiguresHint')}</span>
      </p>
      <div aria-live="polite">{notice && <Alert kind={notice.kind}>{notice.text}</Alert>}</div>
      {n.can.edit && <EditNetwork n={n} onDone={done} />}
      <Panel id="h-members" title={t('networks.membersTitle', { count: activeMembers.length })}>
        <DataTable
          label={t('networks.membersTitle', { count: activeMembers.length })}
          rows={activeMembers}
          rowKey={(m) => m.municipalityId}
          empty={t('networks.noMembers')}
          columns={memberColumns}
        />
        {invited.length > 0 && (
          <DataTable
            label={t('networks.invitedTitle', { count: openInvitations })}
            caption={t('networks.invitedTitle', { count: openInvitations })}
            rows={invited}
            rowKey={(m) => `${m.municipalityId}-${m.status}-${m.joinedOn}`}
            empty={null}
            columns={invitedColumns}
          />
        )}
        {former.length > 0 && (
          <>
            <Button variant="secondary" small onPress={() => setShowFormer((s) => !s)} aria-expanded={showFormer}>
              {t('networks.formerToggle', { count: former.length })}
            </Button>
            {showFormer && (
              <DataTable
                label={t('networks.former')}
                caption={t('networks.former')}
                rows={former}
                rowKey={(m) => `${m.municipalityId}-${m.joinedOn}`}
                empty={null}
                columns={[
                  { header: t('municipality.name'), cell: (m) => m.name },
                  { header: t('networks.joinedOn'), cell: (m) => fmtDate(m.joinedOn) },
                  { header: t('networks.leftOn'), cell: (m) => fmtDate(m.leftOn) },
                ]}
              />
            )}
          </>
        )}
      </Panel>
      {n.can.manageMembers && <AddMember network={n} onDone={done} />}
      {n.can.edit && <NetworkStudies network={n} members={activeMembers} />}
      <Panel id="h-mods" title={t('networks.moderators')}>
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
                    try {
                      await removeModerator.mutateAsync(m.userId);
                      done(t('networks.moderatorRemoved', { name: m.name }));
                    } catch (err) {
                      failed(err);
                    }
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
              const invalid = validate(moderatorAdd, { email: modEmail }, t);
              if (Object.keys(invalid).length) return setModErrors(invalid);
              try {
                await addModerator.mutateAsync({ email: modEmail });
                setModEmail('');
                setModErrors({});
                done(t('networks.moderatorAdded'));
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
      </Panel>
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
          const [invalid] = Object.values(validate(networkMemberLeave, { leftOn }, t));
          if (invalid) return setNotice({ kind: 'error', text: invalid });
          try {
            await leave.mutateAsync({ municipalityId: m.municipalityId, leftOn });
            done(t('networks.left', { name: m.name }));
          } catch (err) {
            failed(err);
          }
        }}
      />
    </Page>
  );
}
