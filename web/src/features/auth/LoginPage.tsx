import { loginBody, OIDC_ERROR_CODES, type OidcErrorCode, safeReturnPath } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Pending } from '../../components/Page';
import '../../i18n/oidc';
import { ApiError } from '../../lib/api';
import { validate } from '../../lib/validate';
import { AuthFrame } from './AuthFrame';
import { authOptionsQuery, type LoginInput, oidcStartUrl, useLogin } from './queries';

const isOidcError = (code: string | null): code is OidcErrorCode =>
  (OIDC_ERROR_CODES as readonly string[]).includes(code ?? '');

export function LoginPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<LoginInput>({ email: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [params] = useSearchParams();
  // a sign-in the identity provider's callback refused comes back as ?fehler=<code>
  const refused = params.get('fehler');
  const [message, setMessage] = useState<string | undefined>(
    isOidcError(refused) ? t(`oidc.errors.${refused}`) : undefined,
  );
  const login = useLogin();
  const navigate = useNavigate();
  const options = useQuery(authOptionsQuery);
  const next = safeReturnPath(params.get('weiter'));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const errs = validate(loginBody, form, t);
    setErrors(errs);
    setMessage(undefined);
    if (Object.keys(errs).length) return;
    try {
      await login.mutateAsync(form);
      navigate(next);
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'network';
      setMessage(t(`errors.${code}`, { defaultValue: t('errors.internal_error') }));
    }
  }

  if (!options.data) {
    return (
      <AuthFrame title={t('login.title')}>
        <Pending query={options} />
      </AuthFrame>
    );
  }
  const { oidc, passwordLogin } = options.data;
  const passwordForm = (
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
  );
  return (
    <AuthFrame title={t('login.title')}>
      <p>{passwordLogin ? t('login.intro') : t('oidc.introProvider')}</p>
      <ErrorSummary
        errors={errors}
        labels={{ email: t('login.email'), password: t('login.password') }}
        message={message}
      />
      {oidc && (
        <p className="btn-row">
          {/* a full page load: the provider's sign-in page is not part of this app */}
          <a className="btn" href={oidcStartUrl(next)}>
            {t('oidc.button', { name: oidc.name })}
          </a>
        </p>
      )}
      {passwordLogin && oidc && <h2>{t('oidc.orPassword')}</h2>}
      {passwordLogin && passwordForm}
    </AuthFrame>
  );
}
