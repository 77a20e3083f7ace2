import { teamMemberAdd } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { Alert, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { currentMonth, fmtMonth, opErrorMessage, opFieldMessages, opValidate } from './operation-ui';
import { type ServiceTeam, type StudyDetail, teamQuery, useAdvanceStudy, useTeamChange } from './queries';

/**
 * The lead moves the study on: the councils' decision (with a question first), then the start of operation
 * from a month. The result is announced in a live region.
 */
export function AdvanceStudy({ d }: { d: StudyDetail }) {
  const { t, i18n } = useTranslation();
  const advance = useAdvanceStudy(d.id);
  const [asking, setAsking] = useState(false);
  const [month, setMonth] = useState(currentMonth());
  const [done, setDone] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // after going live the flag is gone, the confirmation stays
  if (!d.can.advance)
    return done ? (
      <div aria-live="polite">
        <Alert kind="success">{done}</Alert>
      </div>
    ) : null;
  const run = async (body: Parameters<typeof advance.mutateAsync>[0], message: string) => {
    setDone('');
    try {
      await advance.mutateAsync(body);
      setErrors({});
      setDone(message);
    } catch (err) {
      setErrors(opFieldMessages(err, t));
    }
  };
  return (
    <>
      <div aria-live="polite">
        {advance.error && !Object.keys(errors).length && (
          <Alert kind="error">{opErrorMessage(advance.error, t, i18n.language)}</Alert>
        )}
        {done && <Alert kind="success">{done}</Alert>}
      </div>
      {d.status === 'calculation' && (
        <p>
          <Button onPress={() => setAsking(true)}>{t('operation.agree')}</Button>
          <ConfirmDialog
            isOpen={asking}
            title={`${t('operation.agree')}?`}
            body={t('operation.agreeBody')}
            confirmLabel={t('operation.agreeConfirm')}
            onCancel={() => setAsking(false)}
            onConfirm={() => {
              setAsking(false);
              void run({ version: d.version, status: 'agreed' }, t('operation.agreed'));
            }}
          />
        </p>
      )}
      {d.status === 'agreed' && (
        <Panel title={t('operation.goLive')}>
          <p>{t('operation.goLiveIntro')}</p>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void run({ version: d.version, status: 'live', liveFrom: month }, t('operation.wentLive'));
            }}
          >
            <ErrorSummary errors={errors} />
            <TextField
              name="liveFrom"
              type="month"
              label={t('operation.liveFrom')}
              hint={t('operation.liveFromHint')}
              value={month}
              onChange={setMonth}
              required
            />
            <Button type="submit" isDisabled={advance.isPending}>
              {t('operation.goLive')}
            </Button>
          </form>
        </Panel>
      )}
    </>
  );
}

/** Once live: where the work happens (orders) and what it costs (statements). */
export function OperationLinks({ d }: { d: StudyDetail }) {
  const { t } = useTranslation();
  if (d.status !== 'live') return null;
  return (
    <Panel title={t('operation.operation')}>
      {d.liveFrom && <p>{t('operation.liveSince', { month: fmtMonth(d.liveFrom) })}</p>}
      <ul className="op-actions">
        <li>
          <Link className="btn" to={`/gemeinsame-dienste/${d.id}/auftraege`}>
            {t('operation.ordersLink')}
          </Link>
        </li>
        <li>
          <Link className="btn secondary" to={`/gemeinsame-dienste/${d.id}/abrechnung`}>
            {t('operation.statementsLink')}
          </Link>
        </li>
      </ul>
    </Panel>
  );
}

type Member = ServiceTeam['members'][number];

/** The service team: who works for the service, priced by pay group; my coordination adds and removes its own. */
export function TeamPanel({ d }: { d: StudyDetail }) {
  const { t, i18n } = useTranslation();
  const q = useQuery(teamQuery(d.id));
  const change = useTeamChange(d.id);
  const [userId, setUserId] = useState('');
  const [payGroup, setPayGroup] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  // the removed row's button is gone: focus moves to the confirmation instead of the page's start
  const status = useRef<HTMLDivElement>(null);
  const team = q.data;
  const columns: Column<Member>[] = [
    { header: t('operation.name'), cell: (m) => m.name, rowHeader: true },
    { header: t('operation.municipality'), cell: (m) => m.municipality },
    { header: t('operation.payGroup'), cell: (m) => m.payGroup },
    ...(d.can.team
      ? [
          {
            header: t('common.actions'),
            cell: (m: Member) =>
              m.own ? (
                <ConfirmDeleteButton
                  label={t('operation.remove')}
                  ariaLabel={t('operation.removeLabel', { name: m.name })}
                  title={t('operation.removeTitle', { name: m.name })}
                  body={t('operation.removeBody', { name: m.name })}
                  onConfirm={async () => {
                    setMessage('');
                    try {
                      await change.remove.mutateAsync(m.userId);
                      setMessage(t('operation.memberRemoved', { name: m.name }));
                    } catch {
                      /* shown below from the mutation's error */
                    }
                    requestAnimationFrame(() => status.current?.focus());
                  }}
                />
              ) : null,
          },
        ]
      : []),
  ];
  const candidates = team?.candidates ?? [];
  const chosen = userId || candidates[0]?.userId || '';
  const group = payGroup || team?.payGroups[0] || '';
  const failed = change.add.error ?? change.remove.error;
  return (
    <Panel title={t('operation.team')}>
      <p>{t('operation.teamHint')}</p>
      {!team ? (
        <Pending query={q} />
      ) : (
        <DataTable
          label={t('operation.team')}
          columns={columns}
          rows={team.members}
          rowKey={(m) => m.userId}
          empty={t('operation.teamEmpty')}
        />
      )}
      <div aria-live="polite" tabIndex={-1} ref={status}>
        {message && <Alert kind="success">{message}</Alert>}
        {failed && !Object.keys(errors).length && (
          <Alert kind="error">{opErrorMessage(failed, t, i18n.language)}</Alert>
        )}
      </div>
      {d.can.team && team && (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            setMessage('');
            const body = { userId: chosen, payGroup: group };
            const invalid = opValidate(teamMemberAdd, body, t);
            if (Object.keys(invalid).length) return setErrors(invalid);
            try {
              await change.add.mutateAsync(body);
              setErrors({});
              setUserId('');
              setMessage(t('operation.memberAdded', { name: candidates.find((c) => c.userId === chosen)?.name ?? '' }));
            } catch (err) {
              setErrors(opFieldMessages(err, t));
            }
          }}
        >
          <h3>{t('operation.addMemberTitle')}</h3>
          <ErrorSummary errors={errors} />
          {candidates.length === 0 ? (
            <p>{t('operation.noCandidates')}</p>
          ) : (
            <div className="filters">
              <SelectField
                name="userId"
                label={t('operation.colleague')}
                value={chosen}
                onChange={setUserId}
                options={candidates.map((c) => ({ value: c.userId, label: c.name }))}
              />
              <SelectField
                name="payGroup"
                label={t('operation.payGroup')}
                value={group}
                onChange={setPayGroup}
                options={team.payGroups.map((p) => ({ value: p, label: p }))}
              />
              <Button type="submit" isDisabled={change.add.isPending}>
                {t('operation.addMember')}
              </Button>
            </div>
          )}
        </form>
      )}
    </Panel>
  );
}
