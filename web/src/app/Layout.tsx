import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Button } from '../components/Button';
import { Alert, Loading } from '../components/Page';
import { Footer } from '../features/legal/Footer';
import { NotificationsLink } from '../features/notifications/NotificationsLink';
import { setLanguage } from '../i18n';
import { api } from '../lib/api';
import { useRouteFocus } from './route-focus';
import { type SwitchedState, useResetSession, useSession } from './session';

function NavGroup({ title, items }: { title: string; items: { to: string; label: string; show?: boolean }[] }) {
  const visible = items.filter((i) => i.show !== false);
  if (visible.length === 0) return null;
  return (
    <>
      <h2>{title}</h2>
      <ul>
        {visible.map((i) => (
          <li key={i.to}>
            <NavLink to={i.to} end={i.to === '/'}>
              {i.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </>
  );
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <button
      type="button"
      className="link"
      lang={i18n.language === 'de' ? 'en' : 'de'}
      onClick={() => {
        const next = i18n.language === 'de' ? 'en' : 'de';
        localStorage.setItem('dz-lang', next);
        void setLanguage(next);
      }}
    >
      {t('shell.otherLanguage')}
    </button>
  );
}

/** App shell: skip link, header with municipality switcher, grouped navigation, main landmark. */
export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const resetSession = useResetSession();
  const qc = useQueryClient();
  const mainRef = useRef<HTMLElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [target, setTarget] = useState(session.activeMunicipalityId ?? '');

  useRouteFocus(mainRef);
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the mobile menu on navigation
  useEffect(() => setMenuOpen(false), [location.pathname]);

  const switchedTo = (location.state as SwitchedState | null)?.switchedTo;
  const isCouncil = session.roles.includes('council');
  const can = session.can;
  const activeName = session.municipalities.find((m) => m.id === session.activeMunicipalityId)?.name;

  /** Switches and stays on the page: a link that "does not exist" in one municipality opens in the other. */
  async function switchTo() {
    await api('/auth/switch', { method: 'POST', body: { municipalityId: target } });
    await resetSession();
    navigate(location.pathname + location.search, { replace: true });
  }
  async function logout() {
    const out = await api<{ endSessionUrl?: string }>('/auth/logout', { method: 'POST' });
    qc.clear();
    // a session from the identity provider ends there too (it sends the browser back to the sign-in page)
    if (out?.endSessionUrl) return window.location.assign(out.endSessionUrl);
    navigate('/anmelden');
    await resetSession();
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="shell-header">
        <Button
          variant="secondary"
          small
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onPress={() => setMenuOpen((o) => !o)}
        >
          {t('shell.menu')}
        </Button>
        <NavLink to="/" className="brand">
          <svg width="24" height="24" viewBox="0 0 32 32" aria-hidden="true">
            <circle cx="16" cy="16" r="14" fill="#fff" />
            <circle cx="16" cy="16" r="6" fill="none" stroke="#1f4e8c" strokeWidth="3" />
          </svg>
          Digitalzirkel
        </NavLink>
        <div className="header-spacer" />
        <div className="header-tools">
          {session.municipalities.length > 1 ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void switchTo();
              }}
              style={{ display: 'flex', gap: 8, alignItems: 'center' }}
            >
              <label htmlFor="municipality-switch" className="visually-hidden">
                {t('shell.activeMunicipality')}
              </label>
              <select id="municipality-switch" value={target} onChange={(e) => setTarget(e.target.value)}>
                {session.municipalities.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
              <Button type="submit" variant="secondary" small isDisabled={target === session.activeMunicipalityId}>
                {t('shell.switch')}
              </Button>
            </form>
          ) : (
            activeName && (
              <span>
                <span className="visually-hidden">{t('shell.activeMunicipality')}: </span>
                {activeName}
              </span>
            )
          )}
          <NotificationsLink />
          <NavLink to="/profil">{session.user.name}</NavLink>
          <LanguageSwitch />
          <button type="button" className="link" onClick={() => void logout()}>
            {t('shell.logout')}
          </button>
        </div>
      </header>
      <nav id="main-nav" className={`shell-nav${menuOpen ? ' open' : ''}`} aria-label={t('shell.navigation')}>
        <NavGroup
          title={t('nav.overview')}
          items={[
            {
              to: '/',
              label: t('nav.start'),
              show: Boolean(session.activeMunicipalityId) || session.user.isPlatformAdmin,
            },
            { to: '/neuigkeiten', label: t('nav.news'), show: Boolean(session.activeMunicipalityId) },
            { to: '/hilfen', label: t('nav.guides') },
          ]}
        />
        <NavGroup
          title={t('nav.planning')}
          items={[
            { to: '/bedarfe', label: t('nav.needs'), show: Boolean(session.activeMunicipalityId) },
            { to: '/ideen', label: t('nav.ideas'), show: Boolean(session.activeMunicipalityId) },
            { to: '/zielbild', label: t('nav.targetPicture'), show: Boolean(session.activeMunicipalityId) },
            { to: '/nachverfolgung', label: t('nav.traceability'), show: Boolean(session.activeMunicipalityId) },
            { to: '/reifegrad', label: t('nav.maturity'), show: Boolean(session.activeMunicipalityId) },
            { to: '/reifegrad/kennzahlen', label: t('nav.keyFigures'), show: Boolean(session.activeMunicipalityId) },
            { to: '/reifegrad/vergleich', label: t('nav.benchmark'), show: Boolean(session.activeMunicipalityId) },
          ]}
        />
        <NavGroup
          title={t('nav.projects')}
          items={[
            { to: '/projekte', label: t('nav.portfolio'), show: Boolean(session.activeMunicipalityId) },
            { to: '/priorisierung', label: t('nav.priorities'), show: Boolean(session.activeMunicipalityId) },
            { to: '/kapazitaet', label: t('nav.capacity'), show: Boolean(session.activeMunicipalityId) },
            { to: '/kommunikation', label: t('nav.communication'), show: Boolean(session.activeMunicipalityId) },
            { to: '/prozesse', label: t('nav.processes'), show: Boolean(session.activeMunicipalityId) },
            { to: '/kompetenzen', label: t('nav.competences'), show: Boolean(session.activeMunicipalityId) },
            { to: '/puls', label: t('nav.pulse'), show: Boolean(session.activeMunicipalityId) },
          ]}
        />
        <NavGroup
          title={t('nav.finance')}
          items={[
            { to: '/finanzen', label: t('nav.budget'), show: Boolean(session.activeMunicipalityId) },
            {
              to: '/finanzen/einstellungen',
              label: t('nav.financeSettings'),
              show: Boolean(session.activeMunicipalityId),
            },
          ]}
        />
        <NavGroup
          title={t('nav.exchange')}
          items={[
            { to: '/austausch/projekte', label: t('nav.exchangeProjects') },
            { to: '/austausch/gemeinsam', label: t('nav.jointProjects'), show: Boolean(session.activeMunicipalityId) },
            {
              to: '/gemeinsame-dienste',
              label: t('nav.sharedServices'),
              show: Boolean(session.activeMunicipalityId),
            },
            { to: '/austausch/kontakte', label: t('nav.contacts'), show: Boolean(session.activeMunicipalityId) },
            { to: '/verbuende', label: t('nav.networks') },
            { to: '/umfragen', label: t('nav.surveys') },
            { to: '/workshops', label: t('nav.workshops') },
            { to: '/kommunen', label: t('nav.directory') },
          ]}
        />
        <NavGroup
          title={t('nav.admin')}
          items={[
            { to: '/kommune', label: t('nav.municipality'), show: Boolean(session.activeMunicipalityId) },
            { to: '/benutzer', label: t('nav.users'), show: !isCouncil && can.view_members },
            { to: '/protokoll', label: t('nav.audit'), show: !isCouncil && can.view_audit },
            { to: '/datenschutz/anfragen', label: t('nav.privacyRequests'), show: !isCouncil && can.view_audit },
            { to: '/datenschutz/fristen', label: t('nav.retention'), show: !isCouncil && can.view_audit },
            { to: '/plattform/rechtstexte', label: t('nav.legalTexts'), show: session.user.isPlatformAdmin },
            { to: '/import', label: t('nav.import'), show: can.import_directory },
            { to: '/reifegrad/modell', label: t('nav.maturityModel'), show: session.user.isPlatformAdmin },
          ]}
        />
      </nav>
      <main id="main" className="shell-main" ref={mainRef} tabIndex={-1}>
        {switchedTo && <Alert kind="info">{t('shell.switchedByLink', { name: switchedTo })}</Alert>}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <Footer />
    </div>
  );
}
