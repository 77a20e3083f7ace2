import { resetConfirmBody, resetRequestBody } from '@dz/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Alert } from '../../components/Page';
import { errorMessage } from '../../lib/errors';
import { validate } from '../../lib/validate';
import { AuthFrame } from './AuthFrame';
import { newPasswordHint, withPasswordWording } from './password';
import { useConfirmPasswordReset, useRequestPasswordReset } from './queries';

/** Without token: request a reset link. With token: set a new password. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [done, setDone] = useState(false);
  const request = useRequestPasswordReset();
  const confirm = useConfirmPasswordReset();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setMessage(undefined);
    const errs = token
      ? withPasswordWording(validate(resetConfirmBody, { token, password: value }, t), value, t)
      : validate(resetRequestBody, { email: value }, t);
    setErrors(errs);
    // a cut-off link cannot be fixed in the form: say so instead of marking no field
    if (errs.token) return setMessage(t('errors.token_invalid'));
    if (Object.keys(errs).length) return;
    try {
      if (token) await confirm.mutateAsync({ token, password: value });
      else await request.mutateAsync({ email: value });
      setDone(true);
    } catch (err) {
      setMessage(errorMessage(err, t));
    }
  }

  if (done) {
    return (
      <AuthFrame title={t('reset.title')}>
        <Alert kind="success">{token ? t('reset.changed') : t('reset.sent')}</Alert>
        <Link to="/anmelden">{t('reset.toLogin')}</Link>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title={t('reset.title')}>
      <p>{token ? t('reset.introNew') : t('reset.introRequest')}</p>
      <ErrorSummary
        errors={errors}
        labels={{ email: t('login.email'), password: t('invite.newPassword') }}
        message={message}
      />
      <form onSubmit={submit} noValidate>
        {token ? (
          <TextField
            name="password"
            type="password"
            label={t('invite.newPassword')}
            hint={newPasswordHint(t)}
            autoComplete="new-password"
            value={value}
            onChange={setValue}
            error={errors.password}
            required
          />
        ) : (
          <TextField
            name="email"
            type="email"
            label={t('login.email')}
            autoComplete="email"
            value={value}
            onChange={setValue}
            error={errors.email}
            required
          />
        )}
        <div className="btn-row">
          <Button type="submit">{token ? t('reset.save') : t('reset.send')}</Button>
          <Link to="/anmelden">{t('reset.toLogin')}</Link>
        </div>
      </form>
    </AuthFrame>
  );
}
