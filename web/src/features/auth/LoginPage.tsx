import { loginBody } from '@dz/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { ApiError } from '../../lib/api';
import { validate } from '../../lib/validate';
import { AuthFrame } from './AuthFrame';
import { type LoginInput, useLogin } from './queries';

export function LoginPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<LoginInput>({ email: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const errs = validate(loginBody, form, t);
    setErrors(errs);
    setMessage(undefined);
    if (Object.keys(errs).length) return;
    try {
      await login.mutateAsync(form);
      const next = params.get('weiter');
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/');
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'network';
      setMessage(t(`errors.${code}`, { defaultValue: t('errors.internal_error') }));
    }
  }

  return (
    <AuthFrame title={t('login.title')}>
      <p>{t('login.intro')}</p>
      <ErrorSummary
        errors={errors}
        labels={{ email: t('login.email'), password: t('login.password') }}
        message={message}
      />
      <form onSubmit={submit} noValidate>
        <TextField
          name="email"
          label={t('login.email')}
          type="email"
          autoComplete="username"
          value={form.email}
          onChange={(v) => setForm({ ...form, email: v })}
          error={errors.email}
          required
        />
        <TextField
          name="password"
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          value={form.password}
          onChange={(v) => setForm({ ...form, password: v })}
          error={errors.password}
          required
        />
        <div className="btn-row">
          <Button type="submit" isDisabled={login.isPending}>
            {t('login.submit')}
          </Button>
          <Link to="/passwort-zuruecksetzen">{t('login.forgot')}</Link>
        </div>
      </form>
    </AuthFrame>
  );
}
