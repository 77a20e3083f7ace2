import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the tables (camelCase via CamelCasePlugin). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface AdministeringBodies {
  id: string;
  arsPrefix: string;
  name: string;
  type: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface Municipalities {
  id: string;
  ags: string;
  ars: string | null;
  name: string;
  shortName: string;
  landCode: string;
  kreis: string | null;
  kreisKey: string;
  population: number;
  populationDate: string | null;
  areaKm2: number | null;
  lat: number | null;
  lon: number | null;
  administeringBodyId: string | null;
  inDirectory: Generated<boolean>;
  source: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface UnincorporatedAreas {
  ags: string;
  name: string;
  landCode: string;
  population: number;
  areaKm2: number | null;
  updatedAt: Timestamp;
}
export interface Departments {
  id: string;
  municipalityId: string;
  code: string | null;
  name: string;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface Users {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  locale: Generated<string>;
  isPlatformAdmin: Generated<boolean>;
  failedLogins: Generated<number>;
  lockedUntil: Date | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface Memberships {
  userId: string;
  municipalityId: string;
  role: string;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  firstStepsDismissedAt: Date | null;
}
export interface Sessions {
  id: string;
  tokenHash: string;
  userId: string;
  activeMunicipalityId: string | null;
  csrfToken: string;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  expiresAt: Timestamp;
}
export interface Tokens {
  id: string;
  tokenHash: string;
  purpose: string;
  userId: string | null;
  email: string | null;
  expiresAt: Timestamp;
  usedAt: Date | null;
  createdAt: Timestamp;
}
export interface LoginThrottles {
  key: string;
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
}
export interface NetworkModeratorInvitations {
  id: string;
  networkId: string;
  email: string;
  tokenHash: string;
  invitedBy: string | null;
  expiresAt: Timestamp;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Timestamp;
}
export interface Invitations {
  id: string;
  municipalityId: string;
  email: string;
  role: string;
  tokenHash: string;
  invitedBy: string | null;
  expiresAt: Timestamp;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Timestamp;
}
export interface Networks {
  id: string;
  name: string;
  type: string;
  description: string;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface NetworkMembers {
  id: string;
  networkId: string;
  municipalityId: string;
  joinedOn: string;
  leftOn: string | null;
  status: Generated<string>;
  staffSurveys: Generated<boolean>;
  invitedBy: string | null;
  invitedAt: Generated<Date>;
  answeredBy: string | null;
  answeredAt: Date | null;
  version: Generated<number>;
}
export interface NetworkModerators {
  networkId: string;
  userId: string;
  createdAt: Timestamp;
}
export interface AuditLog {
  id: string;
  at: Timestamp;
  actorId: string | null;
  municipalityId: string | null;
  networkId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changes: Json;
}
export interface ImportJobs {
  id: string;
  fileName: string;
  status: string;
  progress: Generated<number>;
  error: string | null;
  report: ColumnType<unknown, string | null, string | null>;
  createdBy: string | null;
  createdAt: Timestamp;
  finishedAt: Date | null;
}
export interface ImportRows {
  jobId: string;
  line: number;
  newId: string;
  ags: string;
  ars: string;
  name: string;
  shortName: string;
  landCode: string;
  kreis: string | null;
  kreisKey: string;
  population: number;
  populationDate: string | null;
  areaKm2: number | null;
  lat: number | null;
  lon: number | null;
  bodyPrefix: string;
}
export interface ImportBodies {
  jobId: string;
  newId: string;
  arsPrefix: string;
  name: string;
  type: string;
}
export interface PlatformSettings {
  key: string;
  value: Json;
}

export interface Surveys {
  id: string;
  networkId: string | null;
  municipalityId: string | null;
  title: string;
  titleEn: Generated<string>;
  intro: Generated<string>;
  mode: string;
  status: Generated<string>;
  opensOn: string | null;
  closesOn: string | null;
  threshold: Generated<number>;
  anonymous: Generated<boolean>;
  closedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  definition: Json;
  networkIds: ColumnType<string[], string | undefined, string>;
  secret: string;
  createdBy: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface SurveyTargets {
  id: string;
  surveyId: string;
  municipalityId: string;
  userId: string | null;
  networkId: string | null;
  status: Generated<string>;
  invitedAt: Date | null;
  remindedAt: Date | null;
}
export interface SurveyResponses {
  id: string;
  surveyId: string;
  municipalityId: string;
  respondentKey: string | null;
  status: Generated<string>;
  answers: ColumnType<Record<string, unknown>, string | undefined, string>;
  sizeClass: number;
  landCode: string;
  networkId: string | null;
  version: Generated<number>;
  submittedAt: Date | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface SurveyAnswers {
  responseId: string;
  surveyId: string;
  questionId: string;
  itemId: Generated<string>;
  num: number | null;
  choice: string | null;
  text: string | null;
}
export interface Workshops {
  id: string;
  networkId: string;
  surveyId: string | null;
  title: string;
  heldOn: string;
  place: Generated<string>;
  videoUrl: Generated<string>;
  leitfrage: Generated<string>;
  joinCode: string;
  votesPerPerson: Generated<number>;
  status: Generated<string>;
  currentItemId: string | null;
  createdBy: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface WorkshopMunicipalities {
  workshopId: string;
  municipalityId: string;
}
export interface WorkshopModerators {
  workshopId: string;
  userId: string;
}
export interface WorkshopItems {
  id: string;
  workshopId: string;
  position: number;
  kind: string;
  title: string;
  description: Generated<string>;
  speaker: Generated<string>;
  durationMin: number | null;
  surveySectionId: string | null;
  outcome: Generated<string>;
  version: Generated<number>;
  createdAt: Timestamp;
}
export interface WorkshopParticipants {
  id: string;
  workshopId: string;
  name: string;
  organisation: Generated<string>;
  userId: string | null;
  createdAt: Timestamp;
}
export interface WorkshopParticipantTokens {
  tokenHash: string;
  participantId: string;
  createdAt: Timestamp;
}
export interface WorkshopIdeas {
  id: string;
  workshopId: string;
  itemId: string;
  text: string;
  participantId: string | null;
  createdAt: Timestamp;
}
export interface WorkshopVotes {
  id: string;
  ideaId: string;
  itemId: string;
  participantId: string;
  createdAt: Timestamp;
}
export interface WorkshopActions {
  id: string;
  workshopId: string;
  itemId: string | null;
  what: string;
  who: Generated<string>;
  dueOn: string | null;
  status: Generated<string>;
  version: Generated<number>;
  createdAt: Timestamp;
}
export interface Needs {
  id: string;
  municipalityId: string;
  title: string;
  description: Generated<string>;
  service: Generated<string>;
  departmentId: string | null;
  urgency: string;
  source: string;
  status: Generated<string>;
  workshopActionId: string | null;
  mergedIntoId: string | null;
  createdBy: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  search: Generated<string>;
  seekingPartners: Generated<boolean>;
}
export interface Ideas {
  id: string;
  municipalityId: string;
  title: string;
  description: Generated<string>;
  submittedBy: string | null;
  status: Generated<string>;
  needId: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface IdeaSupports {
  ideaId: string;
  userId: string;
  createdAt: Timestamp;
}
export interface IdeaEvents {
  id: string;
  ideaId: string;
  at: Timestamp;
  status: string;
  reason: Generated<string>;
  actorId: string | null;
}
export interface TargetPictures {
  municipalityId: string;
  vision: Generated<string>;
  version: Generated<number>;
  updatedAt: Timestamp;
}
export interface FieldsOfAction {
  id: string;
  municipalityId: string;
  position: number;
  name: string;
  description: Generated<string>;
}
export interface Goals {
  id: string;
  fieldId: string;
  position: number;
  title: string;
  description: Generated<string>;
}
export interface GoalNeeds {
  goalId: string;
  needId: string;
}
export interface Indicators {
  id: string;
  goalId: string;
  position: number;
  name: string;
  unit: Generated<string>;
  baseline: number | null;
  target: number | null;
  targetDate: string | null;
}
export interface IndicatorValues {
  id: string;
  indicatorId: string;
  measuredOn: string;
  value: number;
}
export interface Projects {
  id: string;
  municipalityId: string;
  title: string;
  description: Generated<string>;
  ownerId: string | null;
  phase: Generated<string>;
  startsOn: string | null;
  endsOn: string | null;
  boardPosition: Generated<number>;
  priorityScore: number | null;
  createdBy: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface ProjectTeam {
  projectId: string;
  userId: string;
}
export interface ProjectDepartments {
  projectId: string;
  departmentId: string;
}
export interface ProjectNeeds {
  projectId: string;
  needId: string;
}
export interface ProjectGoals {
  projectId: string;
  goalId: string;
}
export interface Milestones {
  id: string;
  projectId: string;
  title: string;
  dueOn: string;
  reachedOn: string | null;
  version: Generated<number>;
}
export interface Tasks {
  id: string;
  projectId: string;
  title: string;
  assigneeId: string | null;
  dueOn: string | null;
  status: Generated<string>;
  version: Generated<number>;
  createdAt: Timestamp;
}
export interface StatusReports {
  id: string;
  projectId: string;
  reportedOn: string;
  scope: string;
  schedule: string;
  budget: string;
  overall: string;
  summary: Generated<string>;
  authorId: string | null;
  createdAt: Timestamp;
}
export interface ProjectLinks {
  id: string;
  projectId: string;
  title: string;
  url: string;
  createdAt: Timestamp;
}
export interface ProjectFiles {
  id: string;
  projectId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  content: Buffer;
  uploadedBy: string | null;
  createdAt: Timestamp;
}
export interface ProjectComments {
  id: string;
  projectId: string;
  authorId: string | null;
  body: string;
  createdAt: Timestamp;
}
export interface PrioritySettings {
  municipalityId: string;
  version: Generated<number>;
}
export interface PriorityCriteria {
  id: string;
  municipalityId: string;
  position: number;
  key: string;
  name: string;
  weight: number;
  direction: string;
}
export interface ProjectScores {
  projectId: string;
  criterionKey: string;
  score: number;
}
export interface StaffCapacity {
  municipalityId: string;
  userId: string;
  hoursPerWeek: number;
  departmentId: string | null;
  version: Generated<number>;
}
export interface ProjectEffort {
  projectId: string;
  userId: string;
  month: string;
  hours: number;
}
export interface CalendarFeeds {
  municipalityId: string;
  tokenHash: string;
  createdBy: string | null;
  createdAt: Timestamp;
}
export interface FinanceSettings {
  municipalityId: string;
  discountRate: number;
  discountRateSource: string;
  horizonYears: number;
  ratesYear: number;
  ratesSource: string;
  version: Generated<number>;
}
export interface CouncilSettings {
  municipalityId: string;
  kind: string;
  council: string;
  committee: string;
  version: Generated<number>;
  updatedAt: Timestamp;
}
export interface StaffRates {
  municipalityId: string;
  year: number;
  payGroup: string;
  centsPerHour: number;
  position: number;
}
export interface ProjectFinance {
  projectId: string;
  wibe: ColumnType<unknown, string | undefined, string>;
  alternatives: ColumnType<unknown, string | undefined, string>;
  budgetAvailableCents: number | null;
  budgetLine: Generated<string>;
  version: Generated<number>;
  updatedAt: Timestamp;
}
export interface CostLines {
  id: string;
  projectId: string;
  position: number;
  kind: string;
  category: string;
  label: string;
  yearOffset: number;
  minCents: number;
  likelyCents: number;
  maxCents: number;
  vat: Generated<boolean>;
  budgetLine: Generated<string>;
}
export interface StaffLines {
  id: string;
  projectId: string;
  position: number;
  kind: string;
  label: string;
  payGroup: string;
  yearOffset: number;
  hoursMin: number;
  hoursLikely: number;
  hoursMax: number;
}
export interface Funding {
  id: string;
  projectId: string;
  position: number;
  programme: string;
  amountCents: number | null;
  sharePercent: number | null;
  conditions: Generated<string>;
  deadline: string | null;
  status: string;
}
export interface Benefits {
  id: string;
  projectId: string;
  position: number;
  label: string;
  centsPerYear: number;
  hoursPerYear: number;
  payGroup: string | null;
  fromYear: number;
}
export interface Risks {
  id: string;
  projectId: string;
  title: string;
  category: string;
  probability: number;
  costMinCents: number;
  costLikelyCents: number;
  costMaxCents: number;
  weeks: Generated<number>;
  ownerId: string | null;
  mitigation: Generated<string>;
  mitigationCents: Generated<number>;
  status: Generated<string>;
  version: Generated<number>;
  createdAt: Timestamp;
}
export interface DecisionPapers {
  id: string;
  projectId: string;
  versionNo: number;
  content: ColumnType<unknown, string, string>;
  figures: ColumnType<unknown, string, string>;
  pdf: Buffer;
  createdBy: string | null;
  createdAt: Timestamp;
}
export interface Publications {
  id: string;
  projectId: string;
  municipalityId: string;
  status: string;
  visibility: string;
  title: string;
  problem: Generated<string>;
  solution: Generated<string>;
  results: Generated<string>;
  lessons: Generated<string>;
  fieldOfAction: Generated<string>;
  stage: string;
  tcoCents: number | null;
  effortHours: number | null;
  durationMonths: number | null;
  products: Generated<string>;
  contactRole: string;
  documents: ColumnType<unknown, string | undefined, string>;
  template: ColumnType<unknown, string | undefined, string>;
  sizeClass: number;
  landCode: string;
  kreisKey: string;
  population: number;
  publishedBy: string | null;
  publishedAt: Timestamp;
  updatedAt: Timestamp;
  version: Generated<number>;
  search: Generated<string>;
}
export interface PublicationNetworks {
  publicationId: string;
  networkId: string;
}
export interface LighthouseMarks {
  publicationId: string;
  networkId: string;
  markedBy: string | null;
  markedAt: Timestamp;
}
export interface Reuses {
  id: string;
  publicationId: string;
  municipalityId: string;
  projectId: string | null;
  sizeClass: number;
  landCode: string;
  createdBy: string | null;
  createdAt: Timestamp;
}
export interface ExchangePosts {
  id: string;
  publicationId: string;
  parentId: string | null;
  municipalityId: string | null;
  authorId: string | null;
  body: string;
  createdAt: Timestamp;
}
export interface ContactRequests {
  id: string;
  fromMunicipalityId: string;
  toMunicipalityId: string;
  fromUserId: string | null;
  about: Generated<string>;
  message: string;
  status: Generated<string>;
  answeredBy: string | null;
  answeredAt: Timestamp | null;
  createdAt: Timestamp;
}
export interface JointProjects {
  id: string;
  leadMunicipalityId: string;
  title: string;
  description: Generated<string>;
  costKey: string;
  baseShare: Generated<number>;
  costLines: ColumnType<unknown, string | undefined, string>;
  publicationId: string | null;
  createdBy: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  sharesAgreed: ColumnType<unknown, string | null | undefined, string | null>;
  sharesAgreedAt: Date | null;
  sharesProposed: ColumnType<unknown, string | null | undefined, string | null>;
  sharesProposedAt: Date | null;
}
export interface JointPartners {
  jointProjectId: string;
  municipalityId: string;
  role: string;
  status: string;
  caseVolume: Generated<number>;
  customPercent: Generated<number>;
  position: number;
  sharesAccepted: Generated<boolean>;
}
export interface JointEntries {
  id: string;
  jointProjectId: string;
  municipalityId: string;
  authorId: string | null;
  kind: string;
  private: Generated<boolean>;
  title: string;
  body: Generated<string>;
  light: string | null;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  content: Buffer | null;
  createdAt: Timestamp;
}
export interface MailOutbox {
  id: string;
  municipalityId: string | null;
  template: string;
  recipient: string;
  subject: string;
  body: string;
  status: Generated<'pending' | 'sending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  lastError: string | null;
  nextAttemptAt: Timestamp;
  claimedAt: Timestamp | null;
  createdAt: Timestamp;
  sentAt: Timestamp | null;
}
export interface DB {
  mailOutbox: MailOutbox;
  administeringBodies: AdministeringBodies;
  municipalities: Municipalities;
  unincorporatedAreas: UnincorporatedAreas;
  departments: Departments;
  users: Users;
  memberships: Memberships;
  sessions: Sessions;
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
  networkModeratorInvitations: NetworkModeratorInvitations;
}
