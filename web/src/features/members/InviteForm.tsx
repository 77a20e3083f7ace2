import { invitationCreate, type MunicipalityRole } from '@dz/core';
import { MUNICIPALITY_ROLES } from '@dz/core/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { Alert } from '../../components/Page';
import { fieldMessages } from '../../lib/errors';
import { validate } from '../../lib/validate';
import { type InvitationCreate, useInvite } from './queries';

/** Invitation by e-mail and role; used by a municipality's admins and by the platform onboarding. */
export function InviteForm({
  endpoint,
  canInviteAdmin,
  defaultRole = 'staff',
}: {
  endpoint: string;
  canInviteAdmin: boolean;
  defaultRole?: MunicipalityRole;
}) {
  const { t } = useTranslation();
  const invite = useInvite(endpoint);
  const [form, setForm] = useState<InvitationCreate>({ email: '', role: defaultRole });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<string>();
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSent(undefined);
    const body = { ...form, email: form.email.trim() };
    const invalid = validate(invitationCreate, body, t);
    if (Object.keys(invalid).length) return setErrors(invalid);
    try {
      await invite.mutateAsync(body);
      setSent(t('members.invited', { email: body.email }));
      setForm({ ...form, email: '' });
      setErrors({});
    } catch (err) {
      setErrors(fieldMessages(err, t));
    }
  }
  const roles = MUNICIPALITY_ROLES.filter((r) => canInviteAdmin || r !== 'admin');
  return (
    <>
      <p>{t('members.inviteIntro')}</p>
      {sent && <Alert kind="success">{sent}</Alert>}
      <ErrorSummary errors={errors} labels={{ email: t('login.email'), role: t('members.role') }} />
      <form onSubmit={submit} noValidate className="form-grid">
        <TextField
          name="email"
          type="email"
          label={t('login.email')}
          value={form.email}
          onChange={(email) => setForm({ ...form, email })}
          error={errors.email}
          required
          autoComplete="off"
        />
        <SelectField
          name="role"
          label={t('members.role')}
          hint={t(`roleHints.${form.role}`)}
          value={form.role}
          onChange={(role) => setForm({ ...form, role: role as MunicipalityRole })}
          options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          error={errors.role}
        />
        <div className="field" style={{ justifyContent: 'flex-end' }}>
          <Button type="submit">{t('members.sendInvitation')}</Button>
        </div>
      </form>
    </>
  );
}
