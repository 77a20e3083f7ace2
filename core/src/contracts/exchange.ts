import { z } from 'zod';
import { JOINT_COST_KEYS, MATCH_REASONS } from '../domain/exchange.js';
import { COST_KINDS, ONE_TIME_CATEGORIES, RECURRING_CATEGORIES } from '../domain/finance.js';
import { canSchema } from '../domain/permissions.js';
import { isoDate, pageQuery, uuid, versioned } from './common.js';
import { RISK_CATEGORIES } from './finance.js';
import { TRAFFIC_LIGHTS } from './projects.js';

const text = (max: number) => z.string().trim().max(max).default('');
const cents = z.number().int().min(0).max(100_000_000_000);

export const PUBLICATION_STAGES = ['planned', 'running', 'completed'] as const;
export const PUBLICATION_VISIBILITY = ['networks', 'all'] as const;
/** A stored publication; a project without one is 'private' (see publicationState). */
export const PUBLICATION_STATUSES = ['published', 'withdrawn'] as const;
export const CONTACT_REQUEST_STATUSES = ['open', 'accepted', 'declined'] as const;
export const JOINT_PARTNER_ROLES = ['lead', 'partner'] as const;
export const JOINT_PARTNER_STATUSES = ['invited', 'accepted', 'declined'] as const;
export const JOINT_ENTRY_KINDS = ['decision', 'document', 'status', 'note'] as const;
export type PublicationStage = (typeof PUBLICATION_STAGES)[number];
export type PublicationVisibility = (typeof PUBLICATION_VISIBILITY)[number];
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
export type ContactRequestStatus = (typeof CONTACT_REQUEST_STATUSES)[number];
export type JointPartnerRole = (typeof JOINT_PARTNER_ROLES)[number];
export type JointPartnerStatus = (typeof JOINT_PARTNER_STATUSES)[number];
export type JointEntryKind = (typeof JOINT_ENTRY_KINDS)[number];

/** What a municipality publishes about one of its projects; every field here becomes visible. */
export const publicationInput = z
  .object({
    version: z.number().int().min(0),
    visibility: z.enum(PUBLICATION_VISIBILITY),
    networkIds: z.array(uuid).max(50).default([]),
    title: z.string().trim().min(3).max(200),
    problem: text(8000),
    solution: text(8000),
    results: text(8000),
    lessons: text(8000),
    fieldOfAction: text(120),
    stage: z.enum(PUBLICATION_STAGES),
    tcoCents: cents.nullable().default(null),
    effortHours: z.number().min(0).max(1_000_000).nullable().default(null),
    durationMonths: z.number().int().min(0).max(240).nullable().default(null),
    products: text(2000),
    contactRole: z.string().trim().min(2).max(120),
    documentIds: z.array(uuid).max(20).default([]),
    shareMilestones: z.boolean().default(true),
    shareTasks: z.boolean().default(true),
    shareCosts: z.boolean().default(true),
    shareRisks: z.boolean().default(true),
    /** Process models (BPMN) of the municipality shared with the project; copied on adoption. */
    processModelIds: z.array(uuid).max(10).default([]),
  })
  .refine((p) => p.visibility === 'all' || p.networkIds.length > 0, {
    message: 'networks_required',
    path: ['networkIds'],
  });

const templateCost = z.object({
  kind: z.enum(COST_KINDS),
  category: z.enum([...ONE_TIME_CATEGORIES, ...RECURRING_CATEGORIES]),
  label: z.string(),
  year: z.number().int(),
  min: z.number(),
  likely: z.number(),
  max: z.number(),
  vat: z.boolean(),
});
/** The reusable structure of a published project: no people, no internal notes. */
export const publicationTemplate = z.object({
  milestones: z.array(z.object({ title: z.string(), offsetDays: z.number().int() })),
  tasks: z.array(z.object({ title: z.string(), offsetDays: z.number().int().nullable() })),
  costs: z.array(templateCost),
  risks: z.array(
    z.object({
      title: z.string(),
      category: z.enum(RISK_CATEGORIES),
      probability: z.number(),
      costMin: z.number(),
      costLikely: z.number(),
      costMax: z.number(),
      weeks: z.number(),
      mitigation: z.string(),
    }),
  ),
  /** Shared process models (their BPMN stays in the stored template and is copied on adoption). */
  processes: z.array(z.object({ name: z.string(), kind: z.enum(['as_is', 'to_be']), service: z.string() })).default([]),
});

const municipalityRef = z.object({
  id: uuid,
  name: z.string(),
  sizeClass: z.number().int(),
  landCode: z.string(),
  land: z.string(),
  kreis: z.string().nullable(),
  population: z.number().int(),
});

/** The public texts and figures of an entry, as shown and as in the publishing form. */
const publicTexts = {
  title: z.string(),
  problem: z.string(),
  solution: z.string(),
  results: z.string(),
  lessons: z.string(),
  fieldOfAction: z.string(),
  stage: z.enum(PUBLICATION_STAGES),
  tcoCents: z.number().nullable(),
  effortHours: z.number().nullable(),
  durationMonths: z.number().nullable(),
  products: z.string(),
  contactRole: z.string(),
  visibility: z.enum(PUBLICATION_VISIBILITY),
};

export const exchangeEntry = z.object({
  id: uuid,
  ...publicTexts,
  municipality: municipalityRef,
  documents: z.array(z.object({ id: uuid, name: z.string(), size: z.number() })),
  template: publicationTemplate,
  lighthouse: z.array(z.object({ networkId: uuid, network: z.string() })),
  networks: z.array(z.object({ id: uuid, name: z.string() })),
  publishedAt: z.string(),
  updatedAt: z.string(),
});

const post = z.object({
  id: uuid,
  body: z.string(),
  author: z.string().nullable(),
  municipality: z.string().nullable(),
  fromPublisher: z.boolean(),
  createdAt: z.string(),
});
export const exchangeDetail = exchangeEntry.extend({
  own: z.boolean(),
  questions: z.array(post.extend({ answers: z.array(post) })),
  /** Only for the publishing municipality: how often and by whom (size class, Land) it was reused. */
  reuse: z
    .object({
      count: z.number().int(),
      bySizeClass: z.array(z.object({ sizeClass: z.number().int(), count: z.number().int() })),
      byLand: z.array(z.object({ landCode: z.string(), land: z.string(), count: z.number().int() })),
    })
    .nullable(),
  /** Projects of my municipality adopted from this entry. */
  adoptedAs: z.array(z.object({ projectId: uuid, title: z.string() })),
  can: canSchema('exchangeEntry').extend({
    /** Networks whose lighthouse mark the actor may set or remove (per network, see setLighthouse). */
    lighthouseNetworks: z.array(z.object({ id: uuid, name: z.string() })),
  }),
});

export const publicationPreview = exchangeEntry;
export const publicationState = z.object({
  projectId: uuid,
  projectTitle: z.string(),
  /** 'private' until first published. */
  status: z.enum(['private', ...PUBLICATION_STATUSES]),
  publicationId: uuid.nullable(),
  version: z.number().int(),
  input: z.object({
    ...publicTexts,
    networkIds: z.array(uuid),
    documentIds: z.array(uuid),
    shareMilestones: z.boolean(),
    shareTasks: z.boolean(),
    shareCosts: z.boolean(),
    shareRisks: z.boolean(),
    processModelIds: z.array(uuid),
  }),
  networks: z.array(z.object({ id: uuid, name: z.string() })),
  /** The municipality's process models to share (those made for this project first). */
  processModels: z.array(
    z.object({
      id: uuid,
      name: z.string(),
      kind: z.enum(['as_is', 'to_be']),
      service: z.string(),
      linked: z.boolean(),
    }),
  ),
  files: z.array(z.object({ id: uuid, name: z.string(), size: z.number() })),
  fieldsOfAction: z.array(z.string()),
  /** The published entry this project was adopted from, if any. */
  origin: z.object({ publicationId: uuid, title: z.string(), municipality: z.string() }).nullable(),
  reuseCount: z.number().int(),
  can: canSchema('publication'),
});

export const exchangeQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  mode: z.enum(['text', 'similar']).default('text'),
  sizeClass: z.coerce.number().int().min(1).max(7).optional(),
  land: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  kreis: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  field: z.string().trim().max(120).optional(),
  stage: z.enum(PUBLICATION_STAGES).optional(),
  costMin: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
  costMax: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
  lighthouse: z.enum(['true', 'false']).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }));
export const exchangeList = z.object({
  items: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      snippet: z.string(),
      municipality: z.string(),
      sizeClass: z.number().int(),
      land: z.string(),
      kreis: z.string().nullable(),
      fieldOfAction: z.string(),
      stage: z.enum(PUBLICATION_STAGES),
      tcoCents: z.number().nullable(),
      lighthouse: z.boolean(),
      reuses: z.number().int(),
      own: z.boolean(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The words searched for (in "similar to my needs" mode: taken from the municipality's open needs). */
  searched: z.string().nullable(),
  facets: z.object({ sizeClass: facet, land: facet, kreis: facet, field: facet, stage: facet }),
});

export const adoptionPreview = z.object({
  title: z.string(),
  source: z.object({ municipality: z.string(), population: z.number().int() }),
  ownPopulation: z.number().int(),
  factor: z.number(),
  template: publicationTemplate,
});
export const adoptionInput = z.object({
  title: z.string().trim().min(3).max(200),
  startsOn: isoDate,
  /** One factor per cost line of the template (population factor by default, editable). */
  factors: z.array(z.number().min(0).max(100)).max(500).default([]),
  milestones: z.boolean().default(true),
  tasks: z.boolean().default(true),
  costs: z.boolean().default(true),
  risks: z.boolean().default(true),
  /** Copy the shared process models into the own inventory (services found by name or added). */
  processes: z.boolean().default(true),
});

export const postInput = z.object({
  body: z.string().trim().min(3).max(4000),
  parentId: uuid.nullable().default(null),
});

export const partnerSuggestions = z.object({
  source: z.object({ kind: z.enum(['need', 'project']), id: uuid, title: z.string(), fields: z.array(z.string()) }),
  items: z.array(
    z.object({
      municipality: municipalityRef.omit({ population: true }),
      score: z.number(),
      distanceKm: z.number().nullable(),
      reasons: z.array(z.enum(MATCH_REASONS)),
      matches: z.array(z.object({ kind: z.enum(['project', 'need']), id: uuid.nullable(), title: z.string() })),
      request: z.enum(CONTACT_REQUEST_STATUSES).nullable(),
    }),
  ),
});

export const contactRequestInput = z.object({
  toMunicipalityId: uuid,
  about: text(200),
  message: z.string().trim().min(10).max(4000),
});
const contactPerson = z.object({ name: z.string(), email: z.string(), role: z.string().nullable() });
const contactRequestItem = z.object({
  id: uuid,
  municipality: z.string(),
  about: z.string(),
  message: z.string(),
  status: z.enum(CONTACT_REQUEST_STATUSES),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  /** Contact details of the other side, only once the request is accepted. */
  contact: contactPerson.nullable(),
});
export const contactRequestList = z.object({
  incoming: z.array(contactRequestItem),
  outgoing: z.array(contactRequestItem),
  can: canSchema('partners'),
});
export const contactAnswer = z.object({ accept: z.boolean() });
export const needPartnerSearch = z.object({ version: z.number().int().min(1), seekingPartners: z.boolean() });

// ---- joint projects ----

const jointCostLine = z.object({ label: z.string().trim().min(2).max(200), amountCents: cents });
const jointPartnerInput = z.object({
  municipalityId: uuid,
  caseVolume: z.number().int().min(0).max(10_000_000).default(0),
  customPercent: z.number().min(0).max(100).default(0),
});
const jointFields = {
  title: z.string().trim().min(3).max(200),
  description: text(8000),
  costKey: z.enum(JOINT_COST_KEYS),
  baseShare: z.number().min(0).max(1).default(0.3),
  costLines: z.array(jointCostLine).max(200).default([]),
  /** All participating municipalities, the own (lead) included. */
  partners: z.array(jointPartnerInput).min(2).max(50),
  publicationId: uuid.nullable().default(null),
};
type JointShape = { costKey: string; partners: { municipalityId: string; customPercent: number }[] };
const percentsAddUp = (j: JointShape) =>
  j.costKey !== 'custom' || Math.abs(j.partners.reduce((s, p) => s + p.customPercent, 0) - 100) < 0.001;
const distinct = (j: JointShape) => new Set(j.partners.map((p) => p.municipalityId)).size === j.partners.length;
export const jointCreate = z
  .object(jointFields)
  .refine(percentsAddUp, { message: 'percent_sum', path: ['partners'] })
  .refine(distinct, { message: 'duplicate_partner', path: ['partners'] });
export const jointUpdate = versioned
  .extend(jointFields)
  .refine(percentsAddUp, { message: 'percent_sum', path: ['partners'] })
  .refine(distinct, { message: 'duplicate_partner', path: ['partners'] });

const jointEntry = z.object({
  id: uuid,
  kind: z.enum(JOINT_ENTRY_KINDS),
  private: z.boolean(),
  title: z.string(),
  body: z.string(),
  light: z.enum(TRAFFIC_LIGHTS).nullable(),
  fileName: z.string().nullable(),
  size: z.number().nullable(),
  municipality: z.string(),
  author: z.string().nullable(),
  createdAt: z.string(),
  mine: z.boolean(),
});
export const jointEntryInput = z
  .object({
    kind: z.enum(['decision', 'status', 'note']),
    title: z.string().trim().min(3).max(200),
    body: text(8000),
    light: z.enum(TRAFFIC_LIGHTS).nullable().default(null),
    private: z.boolean().default(false),
  })
  .refine((e) => e.kind === 'note' || !e.private, { message: 'private_notes_only', path: ['private'] })
  .refine((e) => e.kind !== 'status' || e.light !== null, { message: 'light_required', path: ['light'] });

export const jointDetail = z.object({
  id: uuid,
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  costKey: z.enum(JOINT_COST_KEYS),
  baseShare: z.number(),
  costLines: z.array(jointCostLine),
  totalCents: z.number(),
  lead: z.object({ id: uuid, name: z.string() }),
  publication: z.object({ id: uuid, title: z.string() }).nullable(),
  partners: z.array(
    z.object({
      municipalityId: uuid,
      name: z.string(),
      role: z.enum(JOINT_PARTNER_ROLES),
      status: z.enum(JOINT_PARTNER_STATUSES),
      population: z.number().int(),
      caseVolume: z.number().int(),
      customPercent: z.number(),
      /** The agreed share (frozen once every partner accepted), or the proposal while none is agreed yet. */
      shareCents: z.number(),
      sharePercent: z.number(),
      /** The share in a pending proposal, null when nothing is pending. */
      proposedShareCents: z.number().nullable(),
      /** Has accepted the pending proposal (or the agreed split when nothing is pending). */
      sharesAccepted: z.boolean(),
    }),
  ),
  /**
   * Cost shares are frozen when all partners have accepted them; a recomputed split (new key, costs, partners,
   * populations) waits as a proposal until every partner accepts it again.
   */
  shares: z.object({
    agreedAt: z.string().nullable(),
    pending: z.boolean(),
    proposedAt: z.string().nullable(),
    proposedTotalCents: z.number().nullable(),
    /** The figures have changed since the last split (e.g. populations): the lead may propose a new one. */
    outdated: z.boolean(),
  }),
  entries: z.array(jointEntry),
  myStatus: z.enum(JOINT_PARTNER_STATUSES),
  can: canSchema('jointView'),
});
export const jointSharesAccept = versioned;
export const jointList = z.object({
  items: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      lead: z.string(),
      partners: z.number().int(),
      costKey: z.enum(JOINT_COST_KEYS),
      totalCents: z.number(),
      myShareCents: z.number(),
      myStatus: z.enum(JOINT_PARTNER_STATUSES),
      updatedAt: z.string(),
    }),
  ),
  can: canSchema('joints'),
});
export const statementQuery = z.object({
  format: z.enum(['pdf', 'xlsx']).default('pdf'),
  municipalityId: uuid.optional(),
});
