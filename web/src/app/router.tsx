import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { Loading, Page, Pending } from '../components/Page';
import { AuthFrame } from '../features/auth/AuthFrame';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { Layout } from './Layout';
import { LinkedMunicipality, SessionProvider, useSessionQuery } from './session';

// pages behind the login load on demand (bundle budget: initial JS < 200 KB gzip)
const PlatformStartPage = lazy(() =>
  import('../features/dashboard/PlatformStartPage').then((x) => ({ default: x.PlatformStartPage })),
);
const AuditPage = lazy(() => import('../features/audit/AuditPage').then((x) => ({ default: x.AuditPage })));
const DirectoryPage = lazy(() =>
  import('../features/directory/DirectoryPage').then((x) => ({ default: x.DirectoryPage })),
);
const ImportPage = lazy(() => import('../features/imports/ImportPage').then((x) => ({ default: x.ImportPage })));
const MembersPage = lazy(() => import('../features/members/MembersPage').then((x) => ({ default: x.MembersPage })));
const MunicipalityPage = lazy(() =>
  import('../features/municipality/MunicipalityPage').then((x) => ({ default: x.MunicipalityPage })),
);
const NetworkPage = lazy(() => import('../features/networks/NetworkPage').then((x) => ({ default: x.NetworkPage })));
const NetworksPage = lazy(() => import('../features/networks/NetworksPage').then((x) => ({ default: x.NetworksPage })));
const SurveysPage = lazy(() => import('../features/surveys/SurveysPage').then((x) => ({ default: x.SurveysPage })));
const SurveyPage = lazy(() => import('../features/surveys/SurveyPage').then((x) => ({ default: x.SurveyPage })));
const SurveyEditPage = lazy(() =>
  import('../features/surveys/SurveyEditPage').then((x) => ({ default: x.SurveyEditPage })),
);
const SurveyAnswerPage = lazy(() =>
  import('../features/surveys/SurveyAnswerPage').then((x) => ({ default: x.SurveyAnswerPage })),
);
const SurveyResultsPage = lazy(() =>
  import('../features/surveys/SurveyResultsPage').then((x) => ({ default: x.SurveyResultsPage })),
);
const WorkshopsPage = lazy(() =>
  import('../features/workshops/WorkshopsPage').then((x) => ({ default: x.WorkshopsPage })),
);
const WorkshopPage = lazy(() =>
  import('../features/workshops/WorkshopPage').then((x) => ({ default: x.WorkshopPage })),
);
const PresentationPage = lazy(() =>
  import('../features/workshops/PresentationPage').then((x) => ({ default: x.PresentationPage })),
);
const ParticipantPage = lazy(() =>
  import('../features/workshops/ParticipantPage').then((x) => ({ default: x.ParticipantPage })),
);
const NeedsPage = lazy(() => import('../features/needs/NeedsPage').then((x) => ({ default: x.NeedsPage })));
const NeedPage = lazy(() => import('../features/needs/NeedPage').then((x) => ({ default: x.NeedPage })));
const IdeasPage = lazy(() => import('../features/ideas/IdeasPage').then((x) => ({ default: x.IdeasPage })));
const IdeaPage = lazy(() => import('../features/ideas/IdeasPage').then((x) => ({ default: x.IdeaPage })));
const TargetPicturePage = lazy(() =>
  import('../features/target-picture/TargetPicturePage').then((x) => ({ default: x.TargetPicturePage })),
);
const PortfolioPage = lazy(() =>
  import('../features/projects/PortfolioPage').then((x) => ({ default: x.PortfolioPage })),
);
const ProjectNewPage = lazy(() =>
  import('../features/projects/ProjectNewPage').then((x) => ({ default: x.ProjectNewPage })),
);
const ProjectPage = lazy(() => import('../features/projects/ProjectPage').then((x) => ({ default: x.ProjectPage })));
const BoardPage = lazy(() => import('../features/projects/BoardPage').then((x) => ({ default: x.BoardPage })));
const TimelinePage = lazy(() => import('../features/projects/TimelinePage').then((x) => ({ default: x.TimelinePage })));
const BubblePage = lazy(() => import('../features/projects/BubblePage').then((x) => ({ default: x.BubblePage })));
const PrioritiesPage = lazy(() =>
  import('../features/projects/PrioritiesPage').then((x) => ({ default: x.PrioritiesPage })),
);
const CapacityPage = lazy(() => import('../features/projects/CapacityPage').then((x) => ({ default: x.CapacityPage })));
const NewsPage = lazy(() => import('../features/newsroom/NewsPage').then((x) => ({ default: x.NewsPage })));
const NewsroomPage = lazy(() => import('../features/newsroom/NewsroomPage').then((x) => ({ default: x.NewsroomPage })));
const CommunicationPage = lazy(() =>
  import('../features/communication/CommunicationPage').then((x) => ({ default: x.CommunicationPage })),
);
const CompetencesPage = lazy(() =>
  import('../features/competences/CompetencesPage').then((x) => ({ default: x.CompetencesPage })),
);
const TrainingPage = lazy(() =>
  import('../features/competences/TrainingPage').then((x) => ({ default: x.TrainingPage })),
);
const PulsePage = lazy(() => import('../features/pulse/PulsePage').then((x) => ({ default: x.PulsePage })));
const NotificationsPage = lazy(() =>
  import('../features/notifications/NotificationsPage').then((x) => ({ default: x.NotificationsPage })),
);
const MaturityPage = lazy(() => import('../features/maturity/MaturityPage').then((x) => ({ default: x.MaturityPage })));
const AssessmentPage = lazy(() =>
  import('../features/maturity/AssessmentPage').then((x) => ({ default: x.AssessmentPage })),
);
const MaturityModelPage = lazy(() => import('../features/maturity/ModelPage').then((x) => ({ default: x.ModelPage })));
const KeyFiguresPage = lazy(() =>
  import('../features/key-figures/KeyFiguresPage').then((x) => ({ default: x.KeyFiguresPage })),
);
const BenchmarkPage = lazy(() =>
  import('../features/key-figures/BenchmarkPage').then((x) => ({ default: x.BenchmarkPage })),
);
const NetworkRingPage = lazy(() =>
  import('../features/key-figures/NetworkRingPage').then((x) => ({ default: x.NetworkRingPage })),
);
const GuidesPage = lazy(() => import('../features/guides/GuidesPage').then((x) => ({ default: x.GuidesPage })));
const GuidePage = lazy(() => import('../features/guides/GuidePage').then((x) => ({ default: x.GuidePage })));
const GuideEditPage = lazy(() =>
  import('../features/guides/GuideEditPage').then((x) => ({ default: x.GuideEditPage })),
);
const ServicesPage = lazy(() =>
  import('../features/processes/ServicesPage').then((x) => ({ default: x.ServicesPage })),
);
const ServicePage = lazy(() => import('../features/processes/ServicePage').then((x) => ({ default: x.ServicePage })));
const ModelPage = lazy(() => import('../features/processes/ModelPage').then((x) => ({ default: x.ModelPage })));
const TraceabilityPage = lazy(() =>
  import('../features/projects/TraceabilityPage').then((x) => ({ default: x.TraceabilityPage })),
);
const FinancePage = lazy(() => import('../features/finance/FinancePage').then((x) => ({ default: x.FinancePage })));
const CouncilPaperPage = lazy(() =>
  import('../features/finance/CouncilPaperPage').then((x) => ({ default: x.CouncilPaperPage })),
);
const FinanceSettingsPage = lazy(() =>
  import('../features/finance/FinanceSettingsPage').then((x) => ({ default: x.FinanceSettingsPage })),
);
const PortfolioFinancePage = lazy(() =>
  import('../features/finance/PortfolioFinancePage').then((x) => ({ default: x.PortfolioFinancePage })),
);
const ExchangePage = lazy(() => import('../features/exchange/ExchangePage').then((x) => ({ default: x.ExchangePage })));
const EntryPage = lazy(() => import('../features/exchange/EntryPage').then((x) => ({ default: x.EntryPage })));
const AdoptPage = lazy(() => import('../features/exchange/AdoptPage').then((x) => ({ default: x.AdoptPage })));
const PublishPage = lazy(() => import('../features/exchange/PublishPage').then((x) => ({ default: x.PublishPage })));
const PartnersPage = lazy(() => import('../features/exchange/PartnersPage').then((x) => ({ default: x.PartnersPage })));
const ContactsPage = lazy(() => import('../features/exchange/PartnersPage').then((x) => ({ default: x.ContactsPage })));
const JointListPage = lazy(() => import('../features/exchange/JointPages').then((x) => ({ default: x.JointListPage })));
const JointNewPage = lazy(() => import('../features/exchange/JointForm').then((x) => ({ default: x.JointNewPage })));
const JointPage = lazy(() => import('../features/exchange/JointPages').then((x) => ({ default: x.JointPage })));
const StudiesPage = lazy(() =>
  import('../features/shared-services/StudiesPage').then((x) => ({ default: x.StudiesPage })),
);
const NewStudyPage = lazy(() =>
  import('../features/shared-services/StudiesPage').then((x) => ({ default: x.NewStudyPage })),
);
const StudyPage = lazy(() => import('../features/shared-services/StudyPage').then((x) => ({ default: x.StudyPage })));
const WorkOrdersPage = lazy(() =>
  import('../features/shared-services/WorkOrdersPage').then((x) => ({ default: x.WorkOrdersPage })),
);
const NewWorkOrderPage = lazy(() =>
  import('../features/shared-services/NewWorkOrderPage').then((x) => ({ default: x.NewWorkOrderPage })),
);
const WorkOrderPage = lazy(() =>
  import('../features/shared-services/WorkOrderPage').then((x) => ({ default: x.WorkOrderPage })),
);
const StatementsPage = lazy(() =>
  import('../features/shared-services/StatementsPage').then((x) => ({ default: x.StatementsPage })),
);
const CataloguePage = lazy(() =>
  import('../features/shared-services/CataloguePage').then((x) => ({ default: x.CataloguePage })),
);
// the sign-in pages check their forms with the core contracts: loaded on demand, so Zod stays out of the first load
const LoginPage = lazy(() => import('../features/auth/LoginPage').then((x) => ({ default: x.LoginPage })));
const AcceptInvitationPage = lazy(() =>
  import('../features/auth/AcceptInvitationPage').then((x) => ({ default: x.AcceptInvitationPage })),
);
const ResetPasswordPage = lazy(() =>
  import('../features/auth/ResetPasswordPage').then((x) => ({ default: x.ResetPasswordPage })),
);
const SetupPage = lazy(() => import('../features/auth/SetupPage').then((x) => ({ default: x.SetupPage })));
const ProfilePage = lazy(() => import('../features/auth/ProfilePage').then((x) => ({ default: x.ProfilePage })));
const PublicLegalPage = lazy(() => import('../features/legal/LegalText').then((x) => ({ default: x.PublicLegalPage })));
const LegalAdminPage = lazy(() =>
  import('../features/legal/LegalAdminPage').then((x) => ({ default: x.LegalAdminPage })),
);
const PrivacyRequestsPage = lazy(() =>
  import('../features/privacy/PrivacyRequestsPage').then((x) => ({ default: x.PrivacyRequestsPage })),
);
const RetentionPage = lazy(() =>
  import('../features/privacy/RetentionPage').then((x) => ({ default: x.RetentionPage })),
);
const AccessibilityStatement = lazy(() =>
  import('../features/legal/AccessibilityPage').then((x) => ({ default: x.AccessibilityStatement })),
);

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

/** The session could not be read (no connection, server error): the reason and a retry, never the sign-in. */
function SessionUnavailable({ retry }: { retry: Parameters<typeof Pending>[0]['query'] }) {
  const { t } = useTranslation();
  return (
    <AuthFrame title={t('session.unavailable')}>
      <Pending query={retry} />
    </AuthFrame>
  );
}

function Authenticated({ bare = false }: { bare?: boolean }) {
  const q = useSessionQuery();
  const location = useLocation();
  // a signed-out answer being refetched is no reason to leave yet
  if (q.isLoading || (q.isFetching && !q.data)) return <Loading />;
  // the server could not be reached or failed: say so (with a retry) instead of asking to sign in again
  if (q.isError && q.data === undefined) return <SessionUnavailable retry={q} />;
  if (!q.data)
    return <Navigate to={`/anmelden?weiter=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <SessionProvider session={q.data}>
      <LinkedMunicipality>{bare ? <Outlet /> : <Layout />}</LinkedMunicipality>
    </SessionProvider>
  );
}

function Home() {
  const q = useSessionQuery();
  if (q.data?.activeMunicipalityId) return <DashboardPage />;
  // the platform administration has a start page of its own; moderators without a municipality start in their networks
  return q.data?.user.isPlatformAdmin ? <PlatformStartPage /> : <Navigate to="/verbuende" replace />;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/anmelden" element={<LoginPage />} />
        <Route path="/einladung" element={<AcceptInvitationPage />} />
        <Route path="/passwort-zuruecksetzen" element={<ResetPasswordPage />} />
        <Route path="/einrichtung" element={<SetupPage />} />
        <Route path="/barrierefreiheit" element={<PublicStatement />} />
        <Route path="/datenschutz" element={<PublicLegalPage page="privacy" />} />
        <Route path="/impressum" element={<PublicLegalPage page="imprint" />} />
        <Route path="/mitmachen" element={<ParticipantPage />} />
        <Route element={<Authenticated bare />}>
          <Route path="/workshops/:workshopId/praesentation" element={<PresentationPage />} />
        </Route>
        <Route element={<Authenticated />}>
          <Route index element={<Home />} />
          <Route path="/kommune" element={<MunicipalityPage />} />
          <Route path="/benutzer" element={<MembersPage />} />
          <Route path="/verbuende" element={<NetworksPage />} />
          <Route path="/verbuende/:networkId" element={<NetworkPage />} />
          <Route path="/verbuende/:networkId/kennzahlen" element={<NetworkRingPage />} />
          <Route path="/umfragen" element={<SurveysPage />} />
          <Route path="/umfragen/:surveyId" element={<SurveyPage />} />
          <Route path="/umfragen/:surveyId/bearbeiten" element={<SurveyEditPage />} />
          <Route path="/umfragen/:surveyId/antworten" element={<SurveyAnswerPage />} />
          <Route path="/umfragen/:surveyId/ergebnisse" element={<SurveyResultsPage />} />
          <Route path="/bedarfe" element={<NeedsPage />} />
          <Route path="/ideen" element={<IdeasPage />} />
          <Route path="/zielbild" element={<TargetPicturePage />} />
          <Route path="/nachverfolgung" element={<TraceabilityPage />} />
          <Route path="/reifegrad" element={<MaturityPage />} />
          <Route path="/reifegrad/einschaetzung/:assessmentId" element={<AssessmentPage />} />
          <Route path="/reifegrad/modell" element={<MaturityModelPage />} />
          <Route path="/projekte" element={<PortfolioPage />} />
          <Route path="/projekte/neu" element={<ProjectNewPage />} />
          <Route path="/projekte/board" element={<BoardPage />} />
          <Route path="/projekte/zeitleiste" element={<TimelinePage />} />
          <Route path="/projekte/nutzen-aufwand" element={<BubblePage />} />
          <Route path="/projekte/:projectId" element={<ProjectPage />} />
          <Route path="/projekte/:projectId/finanzen" element={<FinancePage />} />
          <Route path="/projekte/:projectId/beschlussvorlage" element={<CouncilPaperPage />} />
          <Route path="/projekte/:id/veroeffentlichen" element={<PublishPage />} />
          <Route path="/austausch/projekte" element={<ExchangePage />} />
          <Route path="/austausch/projekte/:id" element={<EntryPage />} />
          <Route path="/austausch/projekte/:id/uebernehmen" element={<AdoptPage />} />
          <Route path="/austausch/partner" element={<PartnersPage />} />
          <Route path="/austausch/kontakte" element={<ContactsPage />} />
          <Route path="/austausch/gemeinsam" element={<JointListPage />} />
          <Route path="/austausch/gemeinsam/neu" element={<JointNewPage />} />
          <Route path="/austausch/gemeinsam/:id" element={<JointPage />} />
          <Route path="/gemeinsame-dienste" element={<StudiesPage />} />
          <Route path="/gemeinsame-dienste/neu" element={<NewStudyPage />} />
          <Route path="/gemeinsame-dienste/katalog" element={<CataloguePage />} />
          <Route path="/gemeinsame-dienste/:id" element={<StudyPage />} />
          <Route path="/gemeinsame-dienste/:id/auftraege" element={<WorkOrdersPage />} />
          <Route path="/gemeinsame-dienste/:id/auftraege/neu" element={<NewWorkOrderPage />} />
          <Route path="/gemeinsame-dienste/:id/auftraege/:orderId" element={<WorkOrderPage />} />
          <Route path="/gemeinsame-dienste/:id/abrechnung" element={<StatementsPage />} />
          <Route path="/finanzen/einstellungen" element={<FinanceSettingsPage />} />
          <Route path="/finanzen" element={<PortfolioFinancePage />} />
          <Route path="/priorisierung" element={<PrioritiesPage />} />
          <Route path="/kapazitaet" element={<CapacityPage />} />
          <Route path="/kommunikation" element={<CommunicationPage />} />
          <Route path="/puls" element={<PulsePage />} />
          <Route path="/reifegrad/kennzahlen" element={<KeyFiguresPage />} />
          <Route path="/reifegrad/vergleich" element={<BenchmarkPage />} />
          <Route path="/hilfen" element={<GuidesPage />} />
          <Route path="/hilfen/neu" element={<GuideEditPage />} />
          <Route path="/hilfen/:guideId" element={<GuidePage />} />
          <Route path="/hilfen/:guideId/bearbeiten" element={<GuideEditPage />} />
          <Route path="/prozesse" element={<ServicesPage />} />
          <Route path="/prozesse/leistungen/:serviceId" element={<ServicePage />} />
          <Route path="/prozesse/modelle/:modelId" element={<ModelPage />} />
          <Route path="/neuigkeiten" element={<NewsPage />} />
          <Route path="/neuigkeiten/redaktion" element={<NewsroomPage />} />
          <Route path="/kompetenzen" element={<CompetencesPage />} />
          <Route path="/kompetenzen/qualifizierung" element={<TrainingPage />} />
          <Route path="/ideen/:ideaId" element={<IdeaPage />} />
          <Route path="/bedarfe/:needId" element={<NeedPage />} />
          <Route path="/workshops" element={<WorkshopsPage />} />
          <Route path="/workshops/:workshopId" element={<WorkshopPage />} />
          <Route path="/kommunen" element={<DirectoryPage />} />
          <Route path="/protokoll" element={<AuditPage />} />
          <Route path="/datenschutz/anfragen" element={<PrivacyRequestsPage />} />
          <Route path="/datenschutz/fristen" element={<RetentionPage />} />
          <Route path="/plattform/rechtstexte" element={<LegalAdminPage />} />
          <Route path="/import" element={<ImportPage />} />
          <Route path="/profil" element={<ProfilePage />} />
          <Route path="/benachrichtigungen" element={<NotificationsPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
