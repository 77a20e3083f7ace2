import type { invitationInfo } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { useResetSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Alert, Pending } from '../../components/Page';
import { ApiError, api } from '../../lib/api';
import { fieldMessages } from '../../lib/errors';
import { AuthFrame } from './AuthFrame';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const resetSession = useResetSession();
  const info = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api<z.infer<typeof invitationInfo>>(`/auth/invitations/${encodeURIComponent(token)}`),
    retry: false,
    enabled: token.length >= 20,
  });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const existing = info.data?.existingUser;
    const errs: Record<string, string> = {};
    if (!existing && name.trim().length < 2) errs.name = t('invite.nameMissing');
    if (!existing && password.length < 10) errs.password = t('errors.password_short');
    if (existing && !password) errs.password = t('login.passwordMissing');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      await api('/auth/invitations/accept', {
        method: 'POST',
        body: { token, name: existing ? 'Bestehendes Konto' : name, password },
      });
      await resetSession();
      navigate('/');
    } catch (err) {
      setErrors(fieldMessages(err, t));
      setMessage(
        err instanceof ApiError ? t(`errors.${err.code}`, { defaultValue: t('errors.internal_error') }) : undefined,
      );
    }
  }

  if (!token || info.isError) {
    return (
      <AuthFrame title={t('invite.title')}>
        <Alert kind="error">{t('errors.token_invalid')}</Alert>
      </AuthFrame>
    );
  }
  if (!info.data) {
    return (
      <AuthFrame title={t('invite.title')}>
        <Pending query={info} />
      </AuthFrame>
    );
  }
  const d = info.data;
  return (
    <AuthFrame title={t('invite.title')}>
      <p>
        {d.kind === 'network_moderator'
          ? t('invite.introNetwork', { network: d.networkName })
          : t('invite.intro', { municipality: d.municipalityName, role: t(`roles.${d.role}`) })}
      </p>
      <p>
        {t('invite.account')}: <strong>{d.email}</strong>
      </p>
      <ErrorSummary
        errors={errors}
        labels={{ name: t('invite.name'), password: t('login.password') }}
        message={message}
      />
      <form onSubmit={submit} noValidate>
        {!d.existingUser && (
          <TextField
            name="name"
            label={t('invite.name')}
            autoComplete="name"
            value={name}
            onChange={setName}
            error={errors.name}
            required
          />
        )}
        <TextField
          name="password"
          type="password"
          label={d.existingUser ? t('invite.existingPassword') : t('invite.newPassword')}
          hint={d.existingUser ? undefined : t('invite.passwordHint')}
          autoComplete={d.existingUser ? 'current-password' : 'new-password'}
          value={password}
          onChange={setPassword}
          error={errors.password}
          required
        />
        <Button type="submit">{t('invite.submit')}</Button>
      </form>
    </AuthFrame>
  );
}
