import type {
  CostCategory,
  CostKind,
  CriterionDirection,
  decisionFigures,
  decisionPaperInput,
  FundingStatus,
  financeSave,
  MunicipalityKind,
  ProjectPhase,
  RiskCategory,
  RiskStatus,
  SimulationResult,
  TaskStatus,
  TrafficLight,
} from '@dz/core';
import type { Generated } from 'kysely';
import type { z } from 'zod';
import type { JsonText, Timestamp } from './columns.js';

type FinanceSave = z.infer<typeof financeSave>;
/** A stored paper's input; versions written before a fix may hold attachments as objects ({ text, … }). */
export type StoredPaperContent = Omit<z.infer<typeof decisionPaperInput>, 'attachments'> & {
  attachments: (string | { text?: unknown })[];
};

/** Projects with their parts, prioritisation, capacity, finance, risks and decision papers. */
export interface Projects {
  id: string;
  municipalityId: string;
  title: string;
  description: Generated<string>;
  ownerId: string | null;
  phase: Generated<ProjectPhase>;
  startsOn: string | null;
  endsOn: string | null;
  boardPosition: Generated<number>;
  priorityScore: number | null;
  createdBy: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /** The timeline's milestones, kept by triggers on milestones (migration 0027); never written by the app. */
  milestoneList: Generated<{ title: string; dueOn: string; reachedOn: string | null }[] | string | null>;
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
  status: Generated<TaskStatus>;
  version: Generated<number>;
  createdAt: Timestamp;
}
export interface StatusReports {
  id: string;
  projectId: string;
  reportedOn: string;
  scope: TrafficLight;
  schedule: TrafficLight;
  budget: TrafficLight;
  overall: TrafficLight;
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
  direction: CriterionDirection;
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
  kind: MunicipalityKind;
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
  /** Both default to `{}`: a document saved before a field existed lacks it. */
  wibe: JsonText<Partial<FinanceSave['wibe']>, string | undefined>;
  alternatives: JsonText<Partial<FinanceSave['alternatives']>, string | undefined>;
  budgetAvailableCents: number | null;
  budgetLine: Generated<string>;
  version: Generated<number>;
  updatedAt: Timestamp;
}
export interface CostLines {
  id: string;
  projectId: string;
  position: number;
  kind: CostKind;
  category: Exclude<CostCategory, 'staff'>;
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
  kind: CostKind;
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
  status: FundingStatus;
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
  category: RiskCategory;
  probability: number;
  costMinCents: number;
  costLikelyCents: number;
  costMaxCents: number;
  weeks: Generated<number>;
  ownerId: string | null;
  mitigation: Generated<string>;
  mitigationCents: Generated<number>;
  status: Generated<RiskStatus>;
  version: Generated<number>;
  createdAt: Timestamp;
}
export interface DecisionPapers {
  id: string;
  projectId: string;
  versionNo: number;
  content: JsonText<StoredPaperContent>;
  /** Older versions lack the figures added later; `decisionFigures.parse` fills their defaults. */
  figures: JsonText<z.input<typeof decisionFigures>>;
  /** What the PDF prints besides content and figures (null for versions stored with their PDF before 0024). */
  appendix: JsonText<unknown, string | null>;
  /** Rendered after the version's transaction committed. */
  pdf: Buffer | null;
  createdBy: string | null;
  createdAt: Timestamp;
}

/** The stored budget simulation of a project's paper, valid while its input has this fingerprint. */
export interface PaperSimulations {
  projectId: string;
  inputHash: string;
  result: JsonText<Pick<SimulationResult, 'p50' | 'p80' | 'mean' | 'expectedBase'>>;
  computedAt: Timestamp;
}
