/** Kysely types of the tables (camelCase via CamelCasePlugin), one file per area in `tables/`. */

import type {
  CommunicationItems,
  NewsComments,
  NewsDigests,
  NewsFeeds,
  NewsHelpful,
  NewsPostDepartments,
  NewsPosts,
} from './tables/communication.js';
import type {
  CompetenceAssessments,
  CompetenceItems,
  CompetenceProfiles,
  CompetenceReleases,
  TrainingAssignments,
  Trainings,
} from './tables/competences.js';
import type {
  AdministeringBodies,
  AuditLog,
  Departments,
  ImportBodies,
  ImportJobs,
  ImportRows,
  Invitations,
  LoginThrottles,
  Memberships,
  Municipalities,
  NetworkMembers,
  NetworkModeratorInvitations,
  NetworkModerators,
  Networks,
  PlatformSettings,
  Sessions,
  Tokens,
  UnincorporatedAreas,
  Users,
} from './tables/directory-and-people.js';
import type {
  ContactRequests,
  ExchangePosts,
  JointEntries,
  JointPartners,
  JointProjects,
  LighthouseMarks,
  MailOutbox,
  PublicationNetworks,
  Publications,
  Reuses,
} from './tables/exchange.js';
import type { GuideFiles, Guides, GuideTicks, GuideVersions } from './tables/guides.js';
import type {
  KeyFigureOpenRing,
  KeyFigures,
  KeyFigureValues,
  MaturityAnswers,
  MaturityAssessments,
  MaturityModels,
  MaturityNetworkCriteria,
  MaturitySettings,
} from './tables/maturity.js';
import type { NotificationDigests, NotificationPreferences, Notifications } from './tables/notifications.js';
import type { OidcLoginStates, OidcSessions, UserIdentities } from './tables/oidc.js';
import type {
  FieldsOfAction,
  GoalNeeds,
  Goals,
  IdeaEvents,
  IdeaSupports,
  Ideas,
  Indicators,
  IndicatorValues,
  Needs,
  SurveyAnswers,
  SurveyResponses,
  Surveys,
  SurveyTargets,
  TargetPictures,
  WorkshopActions,
  WorkshopIdeas,
  WorkshopItems,
  WorkshopModerators,
  WorkshopMunicipalities,
  WorkshopParticipants,
  WorkshopParticipantTokens,
  Workshops,
  WorkshopVotes,
} from './tables/participation.js';
import type {
  Benefits,
  CalendarFeeds,
  CostLines,
  CouncilSettings,
  DecisionPapers,
  FinanceSettings,
  Funding,
  Milestones,
  PaperSimulations,
  PriorityCriteria,
  PrioritySettings,
  ProjectComments,
  ProjectDepartments,
  ProjectEffort,
  ProjectFiles,
  ProjectFinance,
  ProjectGoals,
  ProjectLinks,
  ProjectNeeds,
  ProjectScores,
  Projects,
  ProjectTeam,
  Risks,
  StaffCapacity,
  StaffLines,
  StaffRates,
  StatusReports,
  Tasks,
} from './tables/portfolio.js';
import type { LegalPages, RetentionLog, RetentionSettings } from './tables/privacy.js';
import type { ProcessModels, ProcessServices } from './tables/processes.js';
import type {
  ServiceClosedMonths,
  ServiceStudies,
  ServiceStudyPartners,
  ServiceTeam,
  ServiceTypes,
  ServiceWorkAttachments,
  ServiceWorkEntries,
  ServiceWorkOrders,
} from './tables/shared-services.js';
import type { PulseRounds, PulseSettings, StaffCouncilChecks } from './tables/staff-council.js';

export type * from './tables/columns.js';
export type * from './tables/directory-and-people.js';
export type * from './tables/exchange.js';
export type * from './tables/participation.js';
export type * from './tables/portfolio.js';

export interface DB {
  mailOutbox: MailOutbox;
  administeringBodies: AdministeringBodies;
  municipalities: Municipalities;
  unincorporatedAreas: UnincorporatedAreas;
  departments: Departments;
  users: Users;
  memberships: Memberships;
  sessions: Sessions;
  userIdentities: UserIdentities;
  oidcLoginStates: OidcLoginStates;
  oidcSessions: OidcSessions;
  tokens: Tokens;
  invitations: Invitations;
  networks: Networks;
  networkMembers: NetworkMembers;
  networkModerators: NetworkModerators;
  auditLog: AuditLog;
  importJobs: ImportJobs;
  importRows: ImportRows;
  importBodies: ImportBodies;
  platformSettings: PlatformSettings;
  surveys: Surveys;
  surveyTargets: SurveyTargets;
  surveyResponses: SurveyResponses;
  surveyAnswers: SurveyAnswers;
  workshops: Workshops;
  workshopMunicipalities: WorkshopMunicipalities;
  workshopModerators: WorkshopModerators;
  workshopItems: WorkshopItems;
  workshopParticipants: WorkshopParticipants;
  workshopParticipantTokens: WorkshopParticipantTokens;
  workshopIdeas: WorkshopIdeas;
  workshopVotes: WorkshopVotes;
  workshopActions: WorkshopActions;
  needs: Needs;
  ideas: Ideas;
  ideaSupports: IdeaSupports;
  ideaEvents: IdeaEvents;
  targetPictures: TargetPictures;
  fieldsOfAction: FieldsOfAction;
  goals: Goals;
  goalNeeds: GoalNeeds;
  indicators: Indicators;
  indicatorValues: IndicatorValues;
  projects: Projects;
  projectTeam: ProjectTeam;
  projectDepartments: ProjectDepartments;
  projectNeeds: ProjectNeeds;
  projectGoals: ProjectGoals;
  milestones: Milestones;
  tasks: Tasks;
  statusReports: StatusReports;
  projectLinks: ProjectLinks;
  projectFiles: ProjectFiles;
  projectComments: ProjectComments;
  prioritySettings: PrioritySettings;
  priorityCriteria: PriorityCriteria;
  projectScores: ProjectScores;
  staffCapacity: StaffCapacity;
  projectEffort: ProjectEffort;
  calendarFeeds: CalendarFeeds;
  financeSettings: FinanceSettings;
  councilSettings: CouncilSettings;
  staffRates: StaffRates;
  projectFinance: ProjectFinance;
  costLines: CostLines;
  staffLines: StaffLines;
  funding: Funding;
  benefits: Benefits;
  risks: Risks;
  decisionPapers: DecisionPapers;
  paperSimulations: PaperSimulations;
  publications: Publications;
  publicationNetworks: PublicationNetworks;
  lighthouseMarks: LighthouseMarks;
  reuses: Reuses;
  exchangePosts: ExchangePosts;
  contactRequests: ContactRequests;
  jointProjects: JointProjects;
  jointPartners: JointPartners;
  jointEntries: JointEntries;
  loginThrottles: LoginThrottles;
  retentionSettings: RetentionSettings;
  retentionLog: RetentionLog;
  legalPages: LegalPages;
  networkModeratorInvitations: NetworkModeratorInvitations;
  serviceStudies: ServiceStudies;
  serviceStudyPartners: ServiceStudyPartners;
  serviceTeam: ServiceTeam;
  serviceTypes: ServiceTypes;
  serviceWorkOrders: ServiceWorkOrders;
  serviceWorkAttachments: ServiceWorkAttachments;
  serviceWorkEntries: ServiceWorkEntries;
  serviceClosedMonths: ServiceClosedMonths;
  communicationItems: CommunicationItems;
  newsPosts: NewsPosts;
  newsPostDepartments: NewsPostDepartments;
  newsHelpful: NewsHelpful;
  newsComments: NewsComments;
  newsFeeds: NewsFeeds;
  newsDigests: NewsDigests;
  staffCouncilChecks: StaffCouncilChecks;
  competenceItems: CompetenceItems;
  competenceProfiles: CompetenceProfiles;
  competenceAssessments: CompetenceAssessments;
  competenceReleases: CompetenceReleases;
  trainings: Trainings;
  trainingAssignments: TrainingAssignments;
  pulseSettings: PulseSettings;
  pulseRounds: PulseRounds;
  processServices: ProcessServices;
  processModels: ProcessModels;
  maturityModels: MaturityModels;
  maturityNetworkCriteria: MaturityNetworkCriteria;
  maturityAssessments: MaturityAssessments;
  maturityAnswers: MaturityAnswers;
  maturitySettings: MaturitySettings;
  keyFigures: KeyFigures;
  keyFigureValues: KeyFigureValues;
  keyFigureOpenRing: KeyFigureOpenRing;
  notifications: Notifications;
  notificationPreferences: NotificationPreferences;
  notificationDigests: NotificationDigests;
  guides: Guides;
  guideVersions: GuideVersions;
  guideFiles: GuideFiles;
  guideTicks: GuideTicks;
}
