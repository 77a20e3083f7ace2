import type { MunicipalityRole } from '@dz/core';
import { MUNICIPALITY_ROLES } from '@dz/core/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { Alert } from '../../components/Page';
import { api } from '../../lib/api';
import { fieldMessages } from '../../lib/errors';

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
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>(defaultRole);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<string>();
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSent(undefined);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) return setErrors({ email: t('errors.email_invalid') });
    try {
      await api(endpoint, { method: 'POST', body: { email: email.trim(), role } });
      setSent(t('members.invited', { email }));
      setEmail('');
      setErrors({});
      await qc.invalidateQueries({ queryKey: ['invitations'] });
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
          value={email}
          onChange={setEmail}
          error={errors.email}
          required
          autoComplete="off"
        />
        <SelectField
          name="role"
          label={t('members.role')}
          hint={t(`roleHints.${role}`)}
          value={role}
          onChange={setRole}
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
