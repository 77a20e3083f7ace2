import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField, TextField } from '../../components/Field';
import { Alert, Page } from '../../components/Page';
import { api } from '../../lib/api';

export function ProfilePage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState(session.user.name);
  const [locale, setLocale] = useState(session.user.locale);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string>();
  const [confirm, setConfirm] = useState(false);
  return (
    <Page title={t('profile.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      {saved && <Alert kind="success">{t('common.saved')}</Alert>}
      <form
        className="panel"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (name.trim().length < 2) return setError(t('invite.nameMissing'));
          setError(undefined);
          await api('/auth/profile', { method: 'PATCH', body: { name, locale } });
          localStorage.setItem('dz-lang', locale);
          await i18n.changeLanguage(locale);
          await qc.invalidateQueries({ queryKey: ['session'] });
          setSaved(true);
        }}
      >
        <p>
          {t('login.email')}: <strong>{session.user.email}</strong>
        </p>
        <TextField
          name="name"
          label={t('invite.name')}
          value={name}
          onChange={setName}
          error={error}
          required
          autoComplete="name"
        />
        <SelectField
          name="locale"
          label={t('profile.language')}
          value={locale}
          onChange={setLocale}
          options={[
            { value: 'de', label: 'Deutsch' },
            { value: 'en', label: 'English' },
          ]}
        />
        <Button type="submit">{t('common.save')}</Button>
      </form>
      <section className="panel" aria-labelledby="h-sessions">
        <h2 id="h-sessions">{t('profile.sessions')}</h2>
        <p>{t('profile.sessionsIntro')}</p>
        <Button variant="secondary" onPress={() => setConfirm(true)}>
          {t('profile.logoutEverywhere')}
        </Button>
      </section>
      <ConfirmDialog
        isOpen={confirm}
        title={t('profile.logoutEverywhere')}
        body={t('profile.logoutEverywhereBody')}
        confirmLabel={t('profile.logoutEverywhere')}
        onCancel={() => setConfirm(false)}
        onConfirm={async () => {
          await api('/auth/logout-everywhere', { method: 'POST' });
          qc.clear();
          navigate('/anmelden');
        }}
      />
    </Page>
  );
}
