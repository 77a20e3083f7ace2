import { z } from 'zod';
import {
  COST_KINDS,
  DEFAULT_HORIZON_YEARS,
  FUNDING_STATUSES,
  ONE_TIME_CATEGORIES,
  RECURRING_CATEGORIES,
  WIBE_CRITERIA,
  WIBE_DIMENSIONS,
} from '../domain/finance.js';
import { PROJECT_TYPES } from '../domain/finance-templates.js';
import { canSchema } from '../domain/permissions.js';
import { isoDate, uuid, versioned } from './common.js';

const cents = z.number().int().min(0).max(100_000_000_000);
const yearOffset = z.number().int().min(0).max(30);
const threePoint = (n: z.ZodNumber) =>
  z
    .object({ min: n, likely: n, max: n })
    .refine((e: { min: number; likely: number; max: number }) => e.min <= e.likely && e.likely <= e.max, {
      message: 'min_likely_max',
      path: ['likely'],
    });

export const costLine = z
  .object({
    kind: z.enum(COST_KINDS),
    category: z.enum([...ONE_TIME_CATEGORIES, ...RECURRING_CATEGORIES]),
    label: z.string().trim().min(2).max(200),
    year: yearOffset,
    min: cents,
    likely: cents,
    max: cents,
    vat: z.boolean().default(false),
    budgetLine: z.string().trim().max(60).default(''),
  })
  .refine((e) => e.min <= e.likely && e.likely <= e.max, { message: 'min_likely_max', path: ['likely'] })
  .refine((e) => (e.kind === 'one_time') === (ONE_TIME_CATEGORIES as readonly string[]).includes(e.category), {
    message: 'category_kind',
    path: ['category'],
  });
export const staffLine = z.object({
  kind: z.enum(COST_KINDS),
  label: z.string().trim().min(2).max(200),
  payGroup: z.string().trim().min(1).max(20),
  year: yearOffset,
  hours: threePoint(z.number().min(0).max(100_000)),
});
export const fundingLine = z
  .object({
    programme: z.string().trim().min(2).max(200),
    amountCents: cents.nullable().default(null),
    sharePercent: z.number().min(0).max(100).nullable().default(null),
    conditions: z.string().trim().max(2000).default(''),
    deadline: isoDate.nullable().default(null),
    status: z.enum(FUNDING_STATUSES).default('planned'),
  })
  .refine((f) => f.amountCents !== null || f.sharePercent !== null, {
    message: 'amount_or_share',
    path: ['amountCents'],
  });
export const benefitLine = z.object({
  label: z.string().trim().min(2).max(200),
  centsPerYear: cents.default(0),
  hoursPerYear: z.number().min(0).max(100_000).default(0),
  payGroup: z.string().trim().max(20).nullable().default(null),
  fromYear: yearOffset.default(1),
});
const wibeScores = z.object(
  Object.fromEntries(
    WIBE_DIMENSIONS.map((d) => [
      d,
      z.object(Object.fromEntries(WIBE_CRITERIA[d].map((c) => [c.key, z.number().int().min(0).max(10).optional()]))),
    ]),
  ) as Record<(typeof WIBE_DIMENSIONS)[number], z.ZodObject<Record<string, z.ZodOptional<z.ZodNumber>>>>,
);
export const alternativesInput = z.object({
  partners: z
    .array(
      z.object({
        name: z.string().trim().min(2).max(200),
        population: z.number().int().min(0).max(10_000_000),
        caseVolume: z.number().min(0).max(100_000_000).optional(),
        percent: z.number().min(0).max(100).optional(),
      }),
    )
    .max(30)
    .default([]),
  key: z.enum(['population', 'equal', 'custom', 'case_volume', 'base_variable']).default('population'),
  baseShare: z.number().min(0).max(1).default(0.3),
  sharedService: z.object({ oneTimeCents: cents, perYearCents: cents }).nullable().default(null),
  doNothingRisks: z
    .array(
      z.object({
        label: z.string().trim().min(2).max(200),
        probability: z.number().min(0).max(1),
        cost: threePoint(cents),
      }),
    )
    .max(30)
    .default([]),
});

/** The project's finances, saved as one versioned document (version 0 = nothing saved yet). */
export const financeSave = z.object({
  version: z.number().int().min(0),
  costs: z.array(costLine).max(200).default([]),
  staff: z.array(staffLine).max(100).default([]),
  funding: z.array(fundingLine).max(30).default([]),
  benefits: z.array(benefitLine).max(50).default([]),
  wibe: wibeScores.default({ urgency: {}, strategic: {}, external: {} }),
  alternatives: alternativesInput.default({
    partners: [],
    key: 'population',
    baseShare: 0.3,
    sharedService: null,
    doNothingRisks: [],
  }),
  budgetAvailableCents: cents.nullable().default(null),
  budgetLine: z.string().trim().max(60).default(''),
});

const yearFigures = z.object({
  year: z.number().int(),
  oneTime: z.number(),
  recurring: z.number(),
  staff: z.number(),
  cost: z.number(),
  funding: z.number(),
  benefits: z.number(),
  benefitsStaff: z.number(),
  net: z.number(),
});
export const projectFinance = financeSave.extend({
  population: z.number().int(),
  settings: z.object({
    discountRate: z.number(),
    discountRateSource: z.string(),
    horizonYears: z.number().int(),
    rates: z.record(z.string(), z.number()),
    ratesYear: z.number().int(),
  }),
  computed: z.object({
    years: z.array(yearFigures),
    byCategory: z.record(z.string(), z.number()),
    byCategoryYear: z.record(z.string(), z.array(z.number())),
    total: z.number(),
    fundingTotal: z.number(),
    /** Funding planned or applied for, not yet granted: shown apart, counted nowhere. */
    fundingPending: z.number(),
    netCost: z.number(),
    benefitsTotal: z.number(),
    perInhabitant: z.number().nullable(),
    npv: z.number(),
    amortisationYear: z.number().nullable(),
    points: z.object({ urgency: z.number(), strategic: z.number(), external: z.number() }),
    hint: z.object({ recommended: z.boolean(), reasons: z.array(z.string()) }),
    alternatives: z.object({
      alone: z.number(),
      withPartners: z.number().nullable(),
      partnerShares: z.array(z.object({ name: z.string(), cents: z.number() })),
      sharedService: z.number().nullable(),
      doNothing: z.number(),
    }),
  }),
  can: canSchema('projectPart'),
});

export const financeSettingsSave = z.object({
  version: z.number().int().min(0),
  discountRate: z.number().min(0).max(0.2),
  discountRateSource: z.string().trim().min(3).max(500),
  horizonYears: z.number().int().min(1).max(30).default(DEFAULT_HORIZON_YEARS),
  ratesYear: z.number().int().min(2000).max(2100),
  rates: z
    .array(z.object({ payGroup: z.string().trim().min(1).max(20), centsPerHour: z.number().int().min(0).max(100_000) }))
    .min(1)
    .max(40)
    .refine((r) => new Set(r.map((x) => x.payGroup)).size === r.length, { message: 'duplicate_key' }),
  ratesSource: z.string().trim().min(3).max(500),
});
export const financeSettings = financeSettingsSave.extend({ can: canSchema('financeSettings') });

// ---- risks ----
export const RISK_CATEGORIES = ['financial', 'staff', 'technical', 'legal', 'vendor', 'acceptance'] as const;
export const RISK_STATUSES = ['open', 'mitigating', 'occurred', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
const riskFields = {
  title: z.string().trim().min(3).max(200),
  category: z.enum(RISK_CATEGORIES),
  /** Probability in percent (0–100). */
  probability: z.number().int().min(0).max(100),
  costMin: cents,
  costLikely: cents,
  costMax: cents,
  weeks: z.number().int().min(0).max(520).default(0),
  ownerId: uuid.nullable().default(null),
  mitigation: z.string().trim().max(4000).default(''),
  mitigationCents: cents.default(0),
  status: z.enum(RISK_STATUSES).default('open'),
};
const ordered = (r: { costMin: number; costLikely: number; costMax: number }) =>
  r.costMin <= r.costLikely && r.costLikely <= r.costMax;
export const riskCreate = z.object(riskFields).refine(ordered, { message: 'min_likely_max', path: ['costLikely'] });
export const riskUpdate = versioned
  .extend(riskFields)
  .refine(ordered, { message: 'min_likely_max', path: ['costLikely'] });
export const risk = z.object({
  id: uuid,
  version: z.number().int(),
  ...riskFields,
  owner: z.string().nullable(),
  /** Expected cost: probability × PERT mean (cents). */
  exposure: z.number(),
});
export const riskList = z.object({ items: z.array(risk), can: canSchema('projectPart') });

export const simulationRequest = z.object({
  iterations: z.number().int().min(100).max(200_000).default(20_000),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .default(2026),
  distribution: z.enum(['pert', 'triangular']).default('pert'),
});
export const simulationResult = z.object({
  iterations: z.number().int(),
  mean: z.number(),
  p50: z.number(),
  p80: z.number(),
  p95: z.number(),
  min: z.number(),
  max: z.number(),
  expectedBase: z.number(),
  histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number() })),
  sCurve: z.array(z.object({ cost: z.number(), probability: z.number() })),
  weeks: z.object({ p50: z.number(), p80: z.number(), p95: z.number() }),
});

// ---- council decision paper (Beschlussvorlage) ----
export const decisionPaperInput = z.object({
  reference: z.string().trim().min(1).max(60),
  paperDate: isoDate,
  public: z.boolean().default(true),
  leadDepartment: z.string().trim().max(200).default(''),
  caseOfficer: z.string().trim().max(200).default(''),
  subject: z.string().trim().min(3).max(300),
  consultation: z
    .array(
      z.object({
        body: z.string().trim().min(2).max(200),
        date: isoDate.nullable().default(null),
        role: z.enum(['preliminary', 'decision', 'information']).default('preliminary'),
      }),
    )
    .max(10)
    .default([]),
  resolution: z.string().trim().min(3).max(8000),
  reasoning: z.string().trim().max(20000).default(''),
  risksText: z.string().trim().max(8000).default(''),
  alternativesText: z.string().trim().max(8000).default(''),
  attachments: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
});
/** The figures printed in a paper (see `paperFigures` in core); fields added later default for older versions. */
export const decisionFigures = z.object({
  horizonYears: z.number().int(),
  firstYear: z.number().int().nullable().default(null),
  oneTime: z.number(),
  recurringPerYear: z.number(),
  runningFrom: z.number().int().nullable().default(null),
  runningTo: z.number().int().nullable().default(null),
  followOn: z.number(),
  total: z.number(),
  /** Granted funding only. */
  funding: z.number(),
  fundingPending: z.number().default(0),
  fundingLines: z
    .array(
      z.object({
        programme: z.string(),
        status: z.enum(FUNDING_STATUSES),
        cents: z.number(),
        deadline: z.string().nullable(),
        conditions: z.string(),
      }),
    )
    .default([]),
  netCost: z.number(),
  budgetAvailable: z.number().nullable(),
  budgetLine: z.string(),
  coverage: z.number().nullable(),
  coverageYear: z.number().int().default(0),
  p80: z.number(),
  p50: z.number(),
  simulationMean: z.number().nullable().default(null),
  expectedBase: z.number().nullable().default(null),
  perInhabitant: z.number().nullable(),
  population: z.number().int().nullable().default(null),
  npv: z.number(),
  npvStaffTime: z.number().nullable().default(null),
  discountRate: z.number().nullable().default(null),
  discountRateSource: z.string().default(''),
});
export const decisionPaperDraft = decisionPaperInput.extend({
  figures: decisionFigures,
  /** The version this draft continues (its text and number), or null for a new paper. */
  basedOnVersion: z.number().int().nullable(),
});
export const decisionPaperList = z.object({
  items: z.array(
    z.object({
      id: uuid,
      versionNo: z.number().int(),
      reference: z.string(),
      subject: z.string(),
      paperDate: z.string(),
      author: z.string().nullable(),
      createdAt: z.string(),
      figures: decisionFigures,
    }),
  ),
  can: canSchema('decisionPapers'),
});

export const portfolioFinance = z.object({
  horizonYears: z.number().int(),
  rows: z.array(z.object({ year: z.number().int(), category: z.string(), budgetLine: z.string(), cents: z.number() })),
  exposure: z.object({ cents: z.number(), risks: z.number().int() }),
  deadlines: z.array(
    z.object({
      projectId: uuid,
      project: z.string(),
      programme: z.string(),
      deadline: z.string(),
      status: z.enum(['planned', 'applied']),
      amountCents: z.number().nullable(),
      sharePercent: z.number().nullable(),
    }),
  ),
  generatedAt: z.string(),
});

// ---- council settings (default Beratungsfolge per municipality) ----
export const MUNICIPALITY_KINDS = ['gemeinde', 'stadt', 'markt', 'ortsgemeinde'] as const;
export const councilSettingsSave = z.object({
  /** 0 = nothing saved yet (the defaults of the Land apply). */
  version: z.number().int().min(0),
  kind: z.enum(MUNICIPALITY_KINDS),
  council: z.string().trim().min(2).max(200),
  /** Empty: no preparing committee (e.g. an Ortsgemeinde). */
  committee: z.string().trim().max(200).default(''),
});
export const councilSettings = councilSettingsSave.extend({
  landCode: z.string(),
  /** What the Land's municipal code suggests for the chosen kind (see `councilBodies`). */
  suggested: z.object({
    council: z.string(),
    committee: z.string(),
    legalBasis: z.string(),
    verified: z.boolean(),
  }),
  can: canSchema('council'),
});

// ---- the guided path to a first council paper: defaults and suggestions ----
export const paperSuggestionsQuery = z.object({ type: z.enum(PROJECT_TYPES).optional() });
const suggestedCost = z.object({
  kind: z.enum(COST_KINDS),
  category: z.enum([...ONE_TIME_CATEGORIES, ...RECURRING_CATEGORIES]),
  label: z.string(),
  year: z.number().int(),
  min: z.number().int(),
  likely: z.number().int(),
  max: z.number().int(),
  vat: z.boolean(),
});
/**
 * What the guided path prefills: the project type (asked for or guessed from the title), cost lines from the type's
 * template and from comparable projects published in the exchange (scaled to the own population), own staff hours,
 * risk suggestions by category and the finance settings the figures are computed with.
 */
export const paperSuggestions = z.object({
  type: z.enum(PROJECT_TYPES),
  guessed: z.boolean(),
  population: z.number().int(),
  settings: z.object({ discountRate: z.number(), discountRateSource: z.string(), horizonYears: z.number().int() }),
  sources: z.array(
    z.object({
      kind: z.enum(['template', 'exchange']),
      /** "template", or the id of the exchange entry. */
      id: z.string(),
      title: z.string(),
      municipality: z.string().nullable(),
      population: z.number().int(),
      factor: z.number(),
      costs: z.array(suggestedCost),
    }),
  ),
  staff: z.array(
    z.object({
      kind: z.enum(COST_KINDS),
      label: z.string(),
      payGroup: z.string(),
      year: z.number().int(),
      hours: z.object({ min: z.number(), likely: z.number(), max: z.number() }),
    }),
  ),
  risks: z.array(
    z.object({
      category: z.enum(RISK_CATEGORIES),
      items: z.array(
        z.object({
          title: z.string(),
          category: z.enum(RISK_CATEGORIES),
          probability: z.number().int(),
          costMin: z.number().int(),
          costLikely: z.number().int(),
          costMax: z.number().int(),
          weeks: z.number().int(),
          mitigation: z.string(),
          /** The municipality whose published project lists this risk; null for a general suggestion. */
          source: z.string().nullable(),
        }),
      ),
    }),
  ),
});
