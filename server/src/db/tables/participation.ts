import type {
  ActionStatus,
  AgendaKind,
  Answers,
  IdeaStatus,
  NeedSource,
  NeedStatus,
  NeedUrgency,
  ResponseStatus,
  SizeClass,
  SurveyDefinition,
  SurveyMode,
  SurveyStatus,
  WorkshopStatus,
} from '@dz/core';
import type { ColumnType, Generated } from 'kysely';
import type { JsonText, Timestamp } from './columns.js';

/** Surveys, workshops, needs, the idea box and the target picture. */
export interface Surveys {
  id: string;
  networkId: string | null;
  municipalityId: string | null;
  title: string;
  titleEn: Generated<string>;
  intro: Generated<string>;
  mode: SurveyMode;
  status: Generated<SurveyStatus>;
  opensOn: string | null;
  closesOn: string | null;
  threshold: Generated<number>;
  anonymous: Generated<boolean>;
  closedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  definition: JsonText<SurveyDefinition>;
  networkIds: JsonText<string[], string | undefined>;
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
  status: Generated<ResponseStatus>;
  invitedAt: Date | null;
  remindedAt: Date | null;
}
export interface SurveyResponses {
  id: string;
  surveyId: string;
  municipalityId: string;
  respondentKey: string | null;
  status: Generated<Exclude<ResponseStatus, 'none'>>;
  answers: JsonText<Answers, string | undefined>;
  sizeClass: SizeClass;
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
  status: Generated<WorkshopStatus>;
  currentItemId: string | null;
  createdBy: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  /** When the retention job removed the participants' names. */
  participantNamesRemovedAt: Generated<Date | null>;
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
  kind: AgendaKind;
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
  status: Generated<ActionStatus>;
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
  urgency: NeedUrgency;
  source: NeedSource;
  status: Generated<NeedStatus>;
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
  /** The submitter agreed to be named when the idea is implemented (the news draft says who). */
  creditConsent: Generated<boolean>;
  status: Generated<IdeaStatus>;
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
  status: IdeaStatus;
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
