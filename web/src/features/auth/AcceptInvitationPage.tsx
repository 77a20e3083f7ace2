import { acceptInvitationBody } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Alert, Pending } from '../../components/Page';
import { ApiError } from '../../lib/api';
import { fieldMessages } from '../../lib/errors';
import { validate } from '../../lib/validate';
import { AuthFrame } from './AuthFrame';
import { newPasswordHint, withPasswordWording } from './password';
import { type AcceptInvitationInput, invitationQuery, useAcceptInvitation } from './queries';

/** Why an invitation link no longer opens (from the server), said before anything is typed. */
function ClosedInvitation({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const reason =
    error instanceof ApiError && typeof error.body.reason === 'string' ? (error.body.reason as string) : 'unknown';
  const known = ['used', 'revoked', 'expired'].includes(reason) ? reason : 'unknown';
  return (
    <AuthFrame title={t('invite.title')}>
      <Alert kind={known === 'used' ? 'info' : 'error'}>{t(`invite.closed.${known}`)}</Alert>
      <Link to="/anmelden">{t('reset.toLogin')}</Link>
    </AuthFrame>
  );
}

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const info = useQuery(invitationQuery(token));
  const accept = useAcceptInvitation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const existing = info.data?.existingUser;
    // an existing account keeps its name; the contract still wants one
    const body: AcceptInvitationInput = { token, name: existing ? 'Bestehendes Konto' : name, password };
    const invalid = validate(acceptInvitationBody, body, t);
    const errs = existing ? invalid : withPasswordWording(invalid, password, t);
    setErrors(errs);
    setMessage(undefined);
    if (Object.keys(errs).length) return;
    try {
      await accept.mutateAsync(body);
      navigate('/');
    } catch (err) {
      setErrors(fieldMessages(err, t));
      setMessage(
        err instanceof ApiError ? t(`errors.${err.code}`, { defaultValue: t('errors.internal_error') }) : undefined,
      );
    }
  }

  if (token.length < 20) return <ClosedInvitation error={null} />;
  // a link that no longer opens an invitation says why; a failed request (network, server) offers a retry
  if (info.error instanceof ApiError && ['token_invalid', 'validation_failed'].includes(info.error.code))
    return <ClosedInvitation error={info.error} />;
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
          hint={d.existingUser ? undefined : newPasswordHint(t)}
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
