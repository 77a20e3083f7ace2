import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useResetSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { ApiError, api } from '../../lib/api';
import { AuthFrame } from './AuthFrame';

export function LoginPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const resetSession = useResetSession();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!email.trim()) errs.email = t('login.emailMissing');
    if (!password) errs.password = t('login.passwordMissing');
    setErrors(errs);
    setMessage(undefined);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await api('/auth/login', { method: 'POST', body: { email, password } });
      await resetSession();
      const next = params.get('weiter');
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/');
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'network';
      setMessage(t(`errors.${code}`, { defaultValue: t('errors.internal_error') }));
    } finally {
      setBusy(false);
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
          value={email}
          onChange={setEmail}
          error={errors.email}
          required
        />
        <TextField
          name="password"
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          required
        />
        <div className="btn-row">
          <Button type="submit" isDisabled={busy}>
            {t('login.submit')}
          </Button>
          <Link to="/passwort-zuruecksetzen">{t('login.forgot')}</Link>
        </div>
      </form>
    </AuthFrame>
  );
}
