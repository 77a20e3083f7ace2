import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useResetSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { ApiError, api } from '../../lib/api';
import { fieldMessages } from '../../lib/errors';
import { AuthFrame } from './AuthFrame';

/** First start without demo data: create the platform administrator from the one-time link. */
export function SetupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const resetSession = useResetSession();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    try {
      await api('/auth/setup', { method: 'POST', body: { ...form, token: params.get('token') ?? '' } });
      await resetSession();
      navigate('/import');
    } catch (err) {
      setErrors(fieldMessages(err, t));
      setMessage(
        err instanceof ApiError ? t(`errors.${err.code}`, { defaultValue: t('errors.internal_error') }) : undefined,
      );
    }
  }
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
          hint={t('invite.passwordHint')}
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
