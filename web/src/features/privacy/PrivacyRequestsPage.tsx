import { erasureInput } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { type Column, DataTable } from '../../components/DataTable';
import { SelectField, TextField } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtNumber } from '../../lib/format';
import { validate } from '../../lib/validate';
import { TaskGuideLink } from '../guides/TaskGuideLink';
import { membersQuery } from '../members/queries';
import { colleagueExportUrl, type PersonalDataSummary, personQuery, useErase } from './queries';
import '../../i18n/privacy';

type TableRow = PersonalDataSummary['tables'][number];

/** The erasure with its confirmation: the dialog names the consequences and asks for the person's email. */
function Erasure({ person, onErased }: { person: PersonalDataSummary; onErased: (text: string) => void }) {
  const { t } = useTranslation();
  const erase = useErase();
  const [open, setOpen] = useState(false);
  const [confirmEmail, setConfirmEmail] = useState('');
  const [error, setError] = useState<string>();
  if (!person.erasable) {
    return (
      <Alert kind="info">
        {t('privacy.notErasable')}: {person.notErasableReason}
      </Alert>
    );
  }
  const close = () => {
    setOpen(false);
    setConfirmEmail('');
    setError(undefined);
  };
  return (
    <>
      <Button variant="danger" onPress={() => setOpen(true)}>
        {t('privacy.erase', { name: person.name })}
      </Button>
      <ConfirmDialog
        isOpen={open}
        title={t('privacy.eraseConfirmTitle', { name: person.name })}
        body={t('privacy.eraseConsequences')}
        confirmLabel={t('privacy.eraseNow')}
        onCancel={close}
        extra={
          <TextField
            name="confirmEmail"
            label={t('privacy.confirmEmail')}
            hint={t('privacy.confirmEmailHint', { email: person.email })}
            value={confirmEmail}
            onChange={setConfirmEmail}
            error={error}
            required
            autoComplete="off"
          />
        }
        onConfirm={async () => {
          const invalid = validate(erasureInput, { confirmEmail }, t);
          if (invalid.confirmEmail) return setError(invalid.confirmEmail);
          if (confirmEmail.trim().toLowerCase() !== person.email.toLowerCase()) {
            return setError(t('privacy.confirmEmailHint', { email: person.email }));
          }
          try {
            const r = await erase.mutateAsync({ userId: person.userId, confirmEmail });
            close();
            onErased(
              t('privacy.erased', {
                deleted: fmtNumber(r.deletedRows),
                kept: fmtNumber(r.pseudonymisedRows),
                audit: fmtNumber(r.redactedAuditEntries),
              }),
            );
          } catch (err) {
            setError(fieldMessages(err, t).confirmEmail ?? errorMessage(err, t));
          }
        }}
      />
    </>
  );
}

function Person({ userId, onErased }: { userId: string; onErased: (text: string) => void }) {
  const { t } = useTranslation();
  const q = useQuery(personQuery(userId));
  if (!q.data) return <Pending query={q} />;
  const p = q.data;
  const columns: Column<TableRow>[] = [
    { header: t('privacy.data'), cell: (r) => r.purpose, rowHeader: true },
    { header: t('privacy.rows'), cell: (r) => fmtNumber(r.rows), numeric: true },
    { header: t('privacy.onErase'), cell: (r) => t(`privacy.onErase_${r.onErase}`) },
  ];
  return (
    <>
      <Panel title={t('privacy.found', { name: p.name })} id="h-person-data">
        <p>{p.email}</p>
        <DataTable
          label={t('privacy.found', { name: p.name })}
          columns={columns}
          rows={p.tables}
          rowKey={(r) => r.table}
          empty={t('privacy.noRows')}
        />
        <ul>
          <li>
            <a href={colleagueExportUrl(p.userId, 'pdf')} download>
              {t('privacy.exportPdf')}
            </a>
          </li>
          <li>
            <a href={colleagueExportUrl(p.userId, 'json')} download>
              {t('privacy.exportJson')}
            </a>
          </li>
        </ul>
      </Panel>
      <Panel title={t('privacy.eraseTitle')} id="h-erase">
        <p>{t('privacy.eraseIntro')}</p>
        <Erasure person={p} onErased={onErased} />
      </Panel>
    </>
  );
}

/** „Auskunft und Löschung“: the municipality's administration answers access and erasure requests. */
export function PrivacyRequestsPage() {
  const { t } = useTranslation();
  const members = useQuery(membersQuery());
  const [userId, setUserId] = useState('');
  const [done, setDone] = useState<string>();
  return (
    <Page title={t('privacy.requestsTitle')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p>{t('privacy.requestsIntro')}</p>
      <TaskGuideLink starter="data-subject-request-checklist" />
      {done && <Alert kind="success">{done}</Alert>}
      {!members.data ? (
        <Pending query={members} />
      ) : (
        <SelectField
          name="person"
          label={t('privacy.person')}
          value={userId}
          onChange={(v) => {
            setUserId(v);
            setDone(undefined);
          }}
          options={[
            { value: '', label: t('privacy.choosePerson') },
            ...members.data.items.map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` })),
          ]}
        />
      )}
      {userId && (
        <Person
          key={userId}
          userId={userId}
          onErased={(text) => {
            setUserId('');
            setDone(text);
          }}
        />
      )}
    </Page>
  );
}
