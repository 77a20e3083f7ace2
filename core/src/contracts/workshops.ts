import { z } from 'zod';
import { canSchema } from '../domain/permissions.js';
import { isoDate, uuid, versioned } from './common.js';

const text = (max: number) => z.string().trim().max(max);
const videoUrl = z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]);

export const WORKSHOP_STATUSES = ['planned', 'live', 'done'] as const;
export const AGENDA_KINDS = ['topic', 'impulse', 'other'] as const;
export const ACTION_STATUSES = ['open', 'done'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];
export type AgendaKind = (typeof AGENDA_KINDS)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];

const workshopFields = {
  title: z.string().trim().min(3).max(200),
  heldOn: isoDate,
  place: text(300).default(''),
  videoUrl: videoUrl.default(''),
  leitfrage: text(1000).default(''),
  votesPerPerson: z.number().int().min(1).max(20).default(3),
  municipalityIds: z.array(uuid).max(500).default([]),
};
export const workshopCreate = z.object({
  networkId: uuid,
  /** The pre-survey whose sections become the agenda topics (optional). */
  surveyId: uuid.nullable().default(null),
  ...workshopFields,
});
export const workshopUpdate = versioned.extend(workshopFields);

const itemFields = {
  kind: z.enum(AGENDA_KINDS),
  title: z.string().trim().min(1).max(300),
  description: text(4000).default(''),
  speaker: text(200).default(''),
  durationMin: z.number().int().min(1).max(600).nullable().default(null),
  surveySectionId: z.string().max(40).nullable().default(null),
};
export const agendaItemCreate = z.object(itemFields);
export const agendaItemUpdate = versioned.extend({ ...itemFields, outcome: text(8000).default('') });
export const agendaItemMove = z.object({ direction: z.enum(['up', 'down']) });
export const liveControl = z.object({ status: z.enum(WORKSHOP_STATUSES), currentItemId: uuid.nullable() });

const actionFields = {
  itemId: uuid.nullable().default(null),
  what: z.string().trim().min(3).max(1000),
  who: text(200).default(''),
  dueOn: isoDate.nullable().default(null),
};
export const actionCreate = z.object(actionFields);
export const actionUpdate = versioned.extend({ ...actionFields, status: z.enum(ACTION_STATUSES) });

export const ideaCreate = z.object({ itemId: uuid, text: z.string().trim().min(2).max(500) });
export const joinWorkshop = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{6}$/),
  name: z.string().trim().min(2).max(80),
  organisation: text(120).default(''),
});
export const voteCast = z.object({ ideaId: uuid });

const idea = z.object({ id: uuid, text: z.string(), votes: z.number().int() });
export const agendaItem = z.object({
  id: uuid,
  position: z.number().int(),
  kind: z.enum(AGENDA_KINDS),
  title: z.string(),
  description: z.string(),
  speaker: z.string(),
  durationMin: z.number().int().nullable(),
  surveySectionId: z.string().nullable(),
  outcome: z.string(),
  version: z.number().int(),
  ideas: z.array(idea),
});
export const followUpAction = z.object({
  id: uuid,
  itemId: uuid.nullable(),
  what: z.string(),
  who: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  version: z.number().int(),
});
export const workshopSummary = z.object({
  id: uuid,
  title: z.string(),
  heldOn: z.string(),
  status: z.enum(WORKSHOP_STATUSES),
  network: z.string(),
  canManage: z.boolean(),
});
export const workshopList = z.object({ items: z.array(workshopSummary), can: canSchema('workshops') });
export const workshopDetail = z.object({
  id: uuid,
  version: z.number().int(),
  networkId: uuid,
  network: z.string(),
  surveyId: uuid.nullable(),
  surveyTitle: z.string().nullable(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  videoUrl: z.string(),
  leitfrage: z.string(),
  joinCode: z.string(),
  votesPerPerson: z.number().int(),
  status: z.enum(WORKSHOP_STATUSES),
  currentItemId: uuid.nullable(),
  participants: z.number().int(),
  municipalities: z.array(z.object({ id: uuid, name: z.string(), sizeClass: z.number().int(), land: z.string() })),
  items: z.array(agendaItem),
  actions: z.array(followUpAction),
  can: canSchema('workshop'),
});
export const liveState = z.object({
  workshopId: uuid,
  title: z.string(),
  leitfrage: z.string(),
  status: z.enum(WORKSHOP_STATUSES),
  currentItemId: uuid.nullable(),
  votesPerPerson: z.number().int(),
  me: z.object({ name: z.string() }),
  items: z.array(
    z.object({
      id: uuid,
      kind: z.enum(AGENDA_KINDS),
      title: z.string(),
      votesLeft: z.number().int(),
      ideas: z.array(idea.extend({ mine: z.number().int() })),
    }),
  ),
});
export const joined = z.object({ token: z.string(), workshopId: uuid });
