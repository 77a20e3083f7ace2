import { profileBody } from '@dz/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField, TextField } from '../../components/Field';
import { Alert, Page } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { setLanguage } from '../../i18n';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { validate } from '../../lib/validate';
import { DigestSwitch } from '../newsroom/DigestSwitch';
import { OwnDataPanel } from '../privacy/OwnDataPanel';
import { type ProfileInput, useLogoutEverywhere, useSaveProfile } from './queries';
import '../../i18n/notifications';

/** The two kinds of mail, each with what it is for: notifications (per event) and the weekly news mail. */
function MailSettings({ municipality }: { municipality: boolean }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('notifications.profileTitle')} id="h-mail-settings">
      <h3>{t('notifications.title')}</h3>
      <p>{t('notifications.profileNotifications')}</p>
      <p>
        <Link to="/benachrichtigungen">{t('notifications.profileLink')}</Link>
      </p>
      {municipality && (
        <>
          <h3>{t('notifications.profileNewsTitle')}</h3>
          <p>{t('notifications.profileNews')}</p>
          <DigestSwitch />
        </>
      )}
    </Panel>
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const save = useSaveProfile();
  const logoutEverywhere = useLogoutEverywhere();
  const [form, setForm] = useState<ProfileInput>({
    name: session.user.name,
    locale: session.user.locale === 'en' ? 'en' : 'de',
  });
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState<string>();
  const [confirm, setConfirm] = useState(false);
  return (
    <Page title={t('profile.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      {saved && <Alert kind="success">{t('common.saved')}</Alert>}
      {failed && <Alert kind="error">{failed}</Alert>}
      <form
        className="panel"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const invalid = validate(profileBody, form, t);
          setErrors(invalid);
          setFailed(undefined);
          if (Object.keys(invalid).length) return;
          try {
            await save.mutateAsync(form);
          } catch (err) {
            setErrors(fieldMessages(err, t));
            return setFailed(errorMessage(err, t, true));
          }
          localStorage.setItem('dz-lang', form.locale);
          await setLanguage(form.locale);
          setSaved(true);
        }}
      >
        <p>
          {t('login.email')}: <strong>{session.user.email}</strong>
        </p>
        <TextField
          name="name"
          label={t('invite.name')}
          value={form.name}
          onChange={(v) => setForm({ ...form, name: v })}
          error={errors.name}
          required
          autoComplete="name"
        />
        <SelectField
          name="locale"
          label={t('profile.language')}
          value={form.locale}
          onChange={(v) => setForm({ ...form, locale: v as ProfileInput['locale'] })}
          options={[
            { value: 'de', label: 'Deutsch' },
            { value: 'en', label: 'English' },
          ]}
        />
        <Button type="submit">{t('common.save')}</Button>
      </form>
      <MailSettings municipality={Boolean(session.activeMunicipalityId)} />
      <OwnDataPanel />
      <Panel title={t('profile.sessions')} id="h-sessions">
        <p>{t('profile.sessionsIntro')}</p>
        <Button variant="secondary" onPress={() => setConfirm(true)}>
          {t('profile.logoutEverywhere')}
        </Button>
      </Panel>
      <ConfirmDialog
        isOpen={confirm}
        title={t('profile.logoutEverywhere')}
        body={t('profile.logoutEverywhereBody')}
        confirmLabel={t('profile.logoutEverywhere')}
        onCancel={() => setConfirm(false)}
        onConfirm={async () => {
          await logoutEverywhere.mutateAsync();
          navigate('/anmelden');
        }}
      />
    </Page>
  );
}
