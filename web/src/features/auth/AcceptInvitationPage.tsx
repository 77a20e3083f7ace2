import { type AuthOptions, acceptInvitationBody } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Alert, Pending } from '../../components/Page';
import '../../i18n/oidc';
import { useSessionQuery } from '../../app/session';
import { ApiError } from '../../lib/api';
import { fieldMessages } from '../../lib/errors';
import { validate } from '../../lib/validate';
import { AuthFrame } from './AuthFrame';
import { newPasswordHint, withPasswordWording } from './password';
import {
  type AcceptInvitationInput,
  authOptionsQuery,
  type InvitationInfo,
  invitationQuery,
  oidcStartUrl,
  useAcceptInvitation,
  useAcceptInvitationSignedIn,
  useSignOutHere,
} from './queries';

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

const errorText = (err: unknown, t: TFunction) =>
  err instanceof ApiError ? t(`errors.${err.code}`, { defaultValue: t('errors.internal_error') }) : t('errors.network');

/**
 * Signed in already: as the invited person the invitation is accepted with one press (no password, whether the
 * session came from the password or the identity provider); as someone else the page says to sign out first.
 */
function SignedIn({ token, info, email }: { token: string; info: InvitationInfo; email: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptInvitationSignedIn();
  const signOut = useSignOutHere();
  const [message, setMessage] = useState<string>();
  if (email.toLowerCase() !== info.email.toLowerCase()) {
    return (
      <>
        <Alert kind="warning">{t('invite.otherAccount', { current: email, invited: info.email })}</Alert>
        <ErrorSummary errors={{}} message={message} />
        <Button
          variant="secondary"
          isDisabled={signOut.isPending}
          onPress={async () => {
            setMessage(undefined);
            try {
              const out = await signOut.mutateAsync();
              // a session from the identity provider ends there too
              if (out?.endSessionUrl) window.location.assign(out.endSessionUrl);
            } catch (err) {
              setMessage(errorText(err, t));
            }
          }}
        >
          {t('invite.signOut')}
        </Button>
      </>
    );
  }
  return (
    <>
      <p>{t('invite.signedInAs', { email })}</p>
      <ErrorSummary errors={{}} message={message} />
      <Button
        isDisabled={accept.isPending}
        onPress={async () => {
          setMessage(undefined);
          try {
            await accept.mutateAsync({ token });
            navigate('/');
          } catch (err) {
            setMessage(errorText(err, t));
          }
        }}
      >
        {t('invite.submit')}
      </Button>
    </>
  );
}

/** Signed out: the provider's button (back to this page afterwards) and, unless switched off, the password form. */
function SignedOut({ token, info, options }: { token: string; info: InvitationInfo; options: AuthOptions }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const existing = info.existingUser;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
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
      setMessage(errorText(err, t));
    }
  }

  const { oidc, passwordLogin } = options;
  return (
    <>
      <ErrorSummary
        errors={errors}
        labels={{ name: t('invite.name'), password: t('login.password') }}
        message={message}
      />
      {oidc && (
        <>
          <p>{t('invite.providerIntro')}</p>
          <p className="btn-row">
            {/* a full page load to the provider, which sends the browser back to this invitation */}
            <a className="btn" href={oidcStartUrl(`/einladung?token=${encodeURIComponent(token)}`)}>
              {t('oidc.button', { name: oidc.name })}
            </a>
          </p>
        </>
      )}
      {passwordLogin && oidc && <h2>{existing ? t('invite.orExistingPassword') : t('invite.orNewPassword')}</h2>}
      {passwordLogin && (
        <form onSubmit={submit} noValidate>
          {!existing && (
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
            label={existing ? t('invite.existingPassword') : t('invite.newPassword')}
            hint={existing ? undefined : newPasswordHint(t)}
            autoComplete={existing ? 'current-password' : 'new-password'}
            value={password}
            onChange={setPassword}
            error={errors.password}
            required
          />
          <Button type="submit" isDisabled={accept.isPending}>
            {t('invite.submit')}
          </Button>
        </form>
      )}
    </>
  );
}

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const info = useQuery(invitationQuery(token));
  const options = useQuery(authOptionsQuery);
  const session = useSessionQuery();

  if (token.length < 20) return <ClosedInvitation error={null} />;
  // a link that no longer opens an invitation says why; a failed request (network, server) offers a retry
  if (info.error instanceof ApiError && ['token_invalid', 'validation_failed'].includes(info.error.code))
    return <ClosedInvitation error={info.error} />;
  // a session that could not be read counts as signed out (the accept then says what is wrong)
  if (!info.data || !options.data || session.isLoading) {
    return (
      <AuthFrame title={t('invite.title')}>
        <Pending queries={[info, options]} />
      </AuthFrame>
    );
  }
  const d = info.data;
  const signedIn = session.data?.user.email;
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
      {signedIn ? (
        <SignedIn token={token} info={d} email={signedIn} />
      ) : (
        <SignedOut token={token} info={d} options={options.data} />
      )}
    </AuthFrame>
  );
}
