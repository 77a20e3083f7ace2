import { z } from 'zod';
import { LEGAL_FORM_KEYS } from '../domain/legal-forms.js';
import { canSchema } from '../domain/permissions.js';
import { ALLOCATION_KEYS, CASE_UNITS } from '../domain/shared-services.js';
import { isoDate, uuid, versioned } from './common.js';

const text = (max: number) => z.string().trim().max(max).default('');
const cents = z.number().int().min(0).max(100_000_000_000);
export const STUDY_PARTNER_STATUSES = ['invited', 'accepted', 'declined'] as const;
export const STUDY_STATUSES = ['calculation', 'agreed', 'live'] as const;

const staffPosition = z.object({ payGroup: z.string().trim().min(1).max(40), fte: z.number().min(0).max(500) });
const asset = z.object({
  label: z.string().trim().min(2).max(200),
  purchaseCents: cents,
  depreciationYears: z.number().int().min(0).max(50),
  runningCentsPerYear: cents,
});
/** Annual volume (or, in the target model, cents per unit) per case unit. */
const perUnit = z
  .object(Object.fromEntries(CASE_UNITS.map((u) => [u, z.number().min(0).max(100_000_000).optional()])))
  .partial() as z.ZodType<Partial<Record<(typeof CASE_UNITS)[number], number>>>;

const statusQuoFields = {
  staff: z.array(staffPosition).max(50).default([]),
  assets: z.array(asset).max(50).default([]),
  materialCents: cents.default(0),
  otherCents: cents.default(0),
  volumes: perUnit.default({}),
  serviceLevel: text(2000),
};
export const statusQuo = z.object(statusQuoFields);
/** A partner enters its own status quo; the version is that of its partner row (0 before the first save). */
export const statusQuoInput = z.object({ version: z.number().int().min(0), ...statusQuoFields });

export const targetModel = z.object({
  staff: z.array(staffPosition).max(50).default([]),
  assets: z.array(asset).max(50).default([]),
  fixedCents: cents.default(0),
  variableCentsPerUnit: perUnit.default({}),
  transitionCents: cents.default(0),
  location: text(200),
});
export const allocation = z.object({
  key: z.enum(ALLOCATION_KEYS),
  unit: z.enum(CASE_UNITS),
  baseShare: z.number().min(0).max(1),
});

const yesNo = z.boolean().optional();
export const legalAnswers = z.object({
  coordinationOnly: yesNo,
  transferResponsibility: yesNo,
  ownBudget: yesNo,
  chargesFees: yesNo,
  servesThirdParties: yesNo,
  manyPartners: yesNo,
});
export const vatAnswers = z.object({
  reservedByLaw: yesNo,
  longTermPublicLaw: yesNo,
  publicTask: yesNo,
  costReimbursementOnly: yesNo,
  mainlyPublicBodies: yesNo,
  smallTurnover: yesNo,
});

/** The agreement's terms (the draft öffentlich-rechtliche Vereinbarung is generated from the study). */
export const agreementTerms = z.object({
  startsOn: isoDate,
  termYears: z.number().int().min(1).max(30),
  noticeMonths: z.number().int().min(1).max(36),
});
export const agreementQuery = z.object({ format: z.enum(['pdf', 'docx']).default('pdf') });

export const studyCreate = z.object({
  title: z.string().trim().min(3).max(200),
  /** A default type's key or the id of a type one of my networks added. */
  serviceKey: z.string().trim().min(1).max(100),
  /** The other municipalities invited (the own one leads and takes part). */
  partnerIds: z.array(uuid).min(1).max(49),
});
/**
 * A study a network's moderation starts for members of the network: it names the lead municipality, which
 * accepts like every partner (the moderation sees who accepted, never the figures).
 */
export const networkStudyCreate = studyCreate.extend({
  networkId: uuid,
  leadId: uuid,
});
export const networkStudyList = z.object({
  items: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      serviceName: z.string(),
      network: z.object({ id: uuid, name: z.string() }),
      status: z.enum(STUDY_STATUSES),
      partners: z.array(
        z.object({
          name: z.string(),
          role: z.enum(['lead', 'partner']),
          status: z.enum(STUDY_PARTNER_STATUSES),
        }),
      ),
      createdAt: z.string(),
    }),
  ),
});
export const studyUpdate = versioned
  .extend({
    title: z.string().trim().min(3).max(200),
    target: targetModel,
    allocation,
    /** The custom key's percentage per partner municipality (they add up to 100). */
    customPercents: z.record(uuid, z.number().min(0).max(100)).default({}),
    vatTaxable: z.boolean(),
    legalAnswers: legalAnswers.default({}),
    vatAnswers: vatAnswers.default({}),
    agreement: agreementTerms.optional(),
    hoursPerFte: z.number().int().min(800).max(2_200),
    discountRate: z.number().min(0).max(0.2),
    horizonYears: z.number().int().min(1).max(30),
  })
  .refine(
    (s) =>
      s.allocation.key !== 'custom' ||
      Math.abs(Object.values(s.customPercents).reduce((a, b) => a + b, 0) - 100) < 0.001,
    { message: 'percent_sum', path: ['customPercents'] },
  );
export const studyAnswer = z.object({ accept: z.boolean() });

const partnerFigures = z.object({
  municipalityId: uuid,
  name: z.string(),
  aloneCents: z.number(),
  pooledCents: z.number(),
  pooledGrossCents: z.number(),
  savingsCents: z.number(),
  transitionCents: z.number(),
  paybackYear: z.number().nullable(),
  npvCents: z.number(),
  worseOff: z.boolean(),
});
const totals = {
  aloneCents: z.number(),
  pooledCents: z.number(),
  pooledGrossCents: z.number(),
  savingsCents: z.number(),
  transitionCents: z.number(),
  paybackYear: z.number().nullable(),
  npvCents: z.number(),
};
const figures = z.object({ partners: z.array(partnerFigures), ...totals });
const totalsOnly = z.object(totals);

export const studyDetail = z.object({
  id: uuid,
  version: z.number().int(),
  title: z.string(),
  serviceKey: z.string(),
  serviceName: z.string(),
  /** The units the service counts in and the tasks orders are filed for (its catalogue entry). */
  serviceUnits: z.array(z.enum(CASE_UNITS)),
  serviceTasks: z.array(z.string()),
  status: z.enum(STUDY_STATUSES),
  /** The first month of operation once live. */
  liveFrom: z.string().nullable(),
  lead: z.object({ id: uuid, name: z.string() }),
  /** The network whose moderation started the study (null: started by the lead's coordination). */
  network: z.object({ id: uuid, name: z.string() }).nullable(),
  target: targetModel,
  allocation,
  vatTaxable: z.boolean(),
  legalAnswers,
  vatAnswers,
  /** The legal forms ranked for the answers (guidance, never legal advice). */
  legalForms: z.array(
    z.object({ key: z.enum(LEGAL_FORM_KEYS), name: z.string(), score: z.number(), reasons: z.array(z.string()) }),
  ),
  /** § 2b UStG from the answers: whether the service would be taxable, why, and the sources. */
  vat: z.object({ taxable: z.boolean(), reasons: z.array(z.string()), sources: z.array(z.string()) }),
  agreement: agreementTerms,
  hoursPerFte: z.number(),
  discountRate: z.number(),
  horizonYears: z.number(),
  /** Staff cost rates (cents per hour by pay group) the study prices with: the lead's finance settings. */
  rates: z.array(z.object({ payGroup: z.string(), centsPerHour: z.number() })),
  partners: z.array(
    z.object({
      municipalityId: uuid,
      name: z.string(),
      population: z.number().int(),
      role: z.enum(['lead', 'partner']),
      status: z.enum(STUDY_PARTNER_STATUSES),
      customPercent: z.number(),
      /** Visible to the accepted participants only; null for invited partners and before the first save. */
      statusQuo: statusQuo.nullable(),
      statusQuoVersion: z.number().int(),
    }),
  ),
  /** The calculation over the accepted partners (null with fewer than two). */
  figures: figures.nullable(),
  /** When a partner is worse off: the other keys, the best first, and whether each leaves everyone even. */
  betterKeys: z.array(z.object({ key: z.enum(ALLOCATION_KEYS), minSavingsCents: z.number(), fixes: z.boolean() })),
  sensitivity: z
    .object({
      volumesDown: totalsOnly,
      volumesUp: totalsOnly,
      leavers: z.array(z.object({ leaves: z.string(), figures: figures })),
    })
    .nullable(),
  uncertainty: z.object({ p50Cents: z.number(), p80Cents: z.number(), p95Cents: z.number() }).nullable(),
  myStatus: z.enum(STUDY_PARTNER_STATUSES),
  can: canSchema('studyView'),
});
export const studyList = z.object({
  items: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      serviceName: z.string(),
      lead: z.string(),
      partners: z.number().int(),
      status: z.enum(STUDY_STATUSES),
      myStatus: z.enum(STUDY_PARTNER_STATUSES),
      updatedAt: z.string(),
    }),
  ),
  can: canSchema('studies'),
});
const label = z.string().trim().min(2).max(100);
/** A service type a network adds for its members. */
export const serviceTypeInput = z.object({
  networkId: uuid,
  name: z.string().trim().min(3).max(120),
  tasks: z.array(label).min(1).max(20),
  costDrivers: z.array(label).max(20).default([]),
  units: z.array(z.enum(CASE_UNITS)).min(1).max(CASE_UNITS.length),
});
export const serviceCatalogue = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      tasks: z.array(z.string()),
      costDrivers: z.array(z.string()),
      units: z.array(z.enum(CASE_UNITS)),
      /** A network's own type (null: the platform's defaults). */
      network: z.object({ id: uuid, name: z.string() }).nullable(),
      /** I moderate its network: I may change or remove it. */
      editable: z.boolean(),
    }),
  ),
  /** The networks whose moderation I hold: they may add their own types. */
  networks: z.array(z.object({ id: uuid, name: z.string() })),
});
