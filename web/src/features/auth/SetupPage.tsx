import { setupBody } from '@dz/core';
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
import { type SetupInput, setupLinkQuery, useSetup } from './queries';

type Closed = 'used' | 'expired' | 'unknown';

/** Why the setup link does not work (from the server), said before anything is typed; a used one leads to sign-in. */
function ClosedLink({ reason }: { reason: Closed }) {
  const { t } = useTranslation();
  return (
    <AuthFrame title={t('setup.title')}>
      <Alert kind={reason === 'used' ? 'info' : 'error'}>{t(`setup.link.${reason}`)}</Alert>
      {reason === 'used' && <Link to="/anmelden">{t('reset.toLogin')}</Link>}
    </AuthFrame>
  );
}

function closedReason(err: unknown): Closed | null {
  if (!(err instanceof ApiError) || !['token_invalid', 'validation_failed'].includes(err.code)) return null;
  return err.body.reason === 'used' || err.body.reason === 'expired' ? err.body.reason : 'unknown';
}

/** First start without demo data: create the platform administrator from the one-time link. */
export function SetupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const link = useQuery(setupLinkQuery(token));
  const setup = useSetup();
  const [form, setForm] = useState<Omit<SetupInput, 'token'>>({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [spent, setSpent] = useState(false);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const body: SetupInput = { ...form, token };
    const errs = withPasswordWording(validate(setupBody, body, t), form.password, t);
    setErrors(errs);
    setMessage(undefined);
    if (Object.keys(errs).length) return;
    try {
      await setup.mutateAsync(body);
      navigate('/import');
    } catch (err) {
      // someone else used the link in the meantime: say so instead of a form that cannot succeed
      if (err instanceof ApiError && err.code === 'token_invalid') return setSpent(true);
      setErrors(fieldMessages(err, t));
      setMessage(
        err instanceof ApiError ? t(`errors.${err.code}`, { defaultValue: t('errors.internal_error') }) : undefined,
      );
    }
  }

  if (token.length < 20) return <ClosedLink reason="unknown" />;
  if (spent) return <ClosedLink reason="used" />;
  const closed = closedReason(link.error);
  if (closed) return <ClosedLink reason={closed} />;
  if (!link.data)
    return (
      <AuthFrame title={t('setup.title')}>
        <Pending query={link} />
      </AuthFrame>
    );
  return (
    <AuthFrame title={t('setup.title')}>
      <p>{t('setup.intro')}</p>
      <ErrorSummary
        errors={errors}
        labels={{ name: t('invite.name'), email: t('login.email'), password: t('invite.newPassword') }}
        message={message}
      />
      <form onSubmit={submit} noValidate>
        <TextField
          name="name"
          label={t('invite.name')}
          value={form.name}
          onChange={set('name')}
          error={errors.name}
          required
          autoComplete="name"
        />
        <TextField
          name="email"
          type="email"
          label={t('login.email')}
          value={form.email}
          onChange={set('email')}
          error={errors.email}
          required
          autoComplete="email"
        />
        <TextField
          name="password"
          type="password"
          label={t('invite.newPassword')}
          hint={newPasswordHint(t)}
          value={form.password}
          onChange={set('password')}
          error={errors.password}
          required
          autoComplete="new-password"
        />
        <Button type="submit">{t('setup.submit')}</Button>
      </form>
    </AuthFrame>
  );
}
