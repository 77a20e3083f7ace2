import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Loading, Page } from '../components/Page';
import { AuditPage } from '../features/audit/AuditPage';
import { AcceptInvitationPage } from '../features/auth/AcceptInvitationPage';
import { AuthFrame } from '../features/auth/AuthFrame';
import { LoginPage } from '../features/auth/LoginPage';
import { ProfilePage } from '../features/auth/ProfilePage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { SetupPage } from '../features/auth/SetupPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { DirectoryPage } from '../features/directory/DirectoryPage';
import { ImportPage } from '../features/imports/ImportPage';
import { AccessibilityStatement } from '../features/legal/AccessibilityPage';
import { MembersPage } from '../features/members/MembersPage';
import { MunicipalityPage } from '../features/municipality/MunicipalityPage';
import { NetworkPage } from '../features/networks/NetworkPage';
import { NetworksPage } from '../features/networks/NetworksPage';
import { Layout } from './Layout';
import { SessionProvider, useSessionQuery } from './session';

function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
    </Page>
  );
}

/** The statement must be reachable without signing in. */
function PublicStatement() {
  const { t } = useTranslation();
  return (
    <AuthFrame title={t('a11y.title')} wide>
      <AccessibilityStatement />
    </AuthFrame>
  );
}

function Authenticated() {
  const q = useSessionQuery();
  const location = useLocation();
  if (q.isLoading) return <Loading />;
  if (!q.data)
    return <Navigate to={`/anmelden?weiter=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <SessionProvider session={q.data}>
      <Layout />
    </SessionProvider>
  );
}

function Home() {
  const q = useSessionQuery();
  // users without a municipality (moderators, platform admins) start in their networks
  return q.data?.activeMunicipalityId ? <DashboardPage /> : <Navigate to="/verbuende" replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/anmelden" element={<LoginPage />} />
      <Route path="/einladung" element={<AcceptInvitationPage />} />
      <Route path="/passwort-zuruecksetzen" element={<ResetPasswordPage />} />
      <Route path="/einrichtung" element={<SetupPage />} />
      <Route path="/barrierefreiheit" element={<PublicStatement />} />
      <Route element={<Authenticated />}>
        <Route index element={<Home />} />
        <Route path="/kommune" element={<MunicipalityPage />} />
        <Route path="/benutzer" element={<MembersPage />} />
        <Route path="/verbuende" element={<NetworksPage />} />
        <Route path="/verbuende/:networkId" element={<NetworkPage />} />
        <Route path="/kommunen" element={<DirectoryPage />} />
        <Route path="/protokoll" element={<AuditPage />} />
        <Route path="/import" element={<ImportPage />} />
        <Route path="/profil" element={<ProfilePage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
