import { z } from 'zod';
import { KEY_FIGURE_DIRECTIONS, PEER_GROUP_KINDS, VALUE_ORIGINS } from '../domain/key-figures.js';
import { MATURITY_PREFILL_SOURCES } from '../domain/maturity.js';
import { canSchema } from '../domain/permissions.js';
import { uuid } from './common.js';

/* Maturity self-assessment, key-figure ring, benchmark and recommendations (issue 22). */

const name = z.string().trim().min(2, 'Bitte mindestens 2 Zeichen.').max(160);
const levelTexts = z.tuple([
  z.string().trim().min(3).max(400),
  z.string().trim().min(3).max(400),
  z.string().trim().min(3).max(400),
  z.string().trim().min(3).max(400),
  z.string().trim().min(3).max(400),
]);
const key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Nur Kleinbuchstaben, Ziffern und Unterstriche (2–40 Zeichen).');

// ---- the model ----

export const maturityCriterion = z.object({
  key,
  name,
  levels: levelTexts,
  prefill: z.enum(MATURITY_PREFILL_SOURCES).optional(),
});
export const maturityDimension = z.object({
  key,
  name,
  criteria: z
    .array(maturityCriterion)
    .min(4, 'Jede Dimension braucht mindestens 4 Kriterien.')
    .max(6, 'Höchstens 6 Kriterien je Dimension.'),
});
/** A new version of the model, published by the platform administration (criteria keys stay comparable). */
export const maturityModelInput = z.object({
  /** The version this one continues (409 when another was published meanwhile). */
  basedOn: z.string(),
  note: z.string().trim().min(3, 'Bitte beschreiben Sie kurz, was sich ändert.').max(1000),
  dimensions: z.array(maturityDimension).min(3).max(12),
});
export const networkCriterion = z.object({
  id: uuid,
  networkId: uuid,
  network: z.string(),
  dimensionKey: z.string(),
  name: z.string(),
  levels: z.array(z.string()),
});
export const networkCriterionInput = z.object({ dimensionKey: key, name, levels: levelTexts });
export const maturityModel = z.object({
  version: z.string(),
  note: z.string(),
  publishedAt: z.string().nullable(),
  dimensions: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      criteria: z.array(
        z.object({
          key: z.string(),
          name: z.string(),
          levels: z.array(z.string()),
          prefill: z.enum(MATURITY_PREFILL_SOURCES).nullable(),
        }),
      ),
    }),
  ),
  versions: z.array(z.object({ version: z.string(), note: z.string(), publishedAt: z.string().nullable() })),
  can: canSchema('maturityModel'),
});

// ---- assessments ----

const levelValue = z.number().int().min(1).max(5);
export const maturityAnswer = z.object({
  criterionKey: z.string(),
  level: levelValue.nullable(),
  /** What the platform suggested, from where (null: it knows nothing about this criterion). */
  prefill: z
    .object({
      level: levelValue,
      source: z.string(),
      sourceName: z.string(),
      note: z.string(),
      link: z.string(),
    })
    .nullable(),
  /** The answer differs from the suggestion because someone chose another level. */
  overridden: z.boolean(),
  evidenceUrl: z.string(),
  evidenceNote: z.string(),
  answeredBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  version: z.number().int(),
});
const dimensionLevel = z.object({ key: z.string(), name: z.string(), level: z.number().int().nullable() });
export const maturityAssessment = z.object({
  id: uuid,
  modelVersion: z.string(),
  status: z.enum(['draft', 'completed']),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  answered: z.number().int(),
  criteria: z.number().int(),
  /** Suggested from the municipality's data on the platform. */
  prefilled: z.number().int(),
  /** Taken over from the last completed assessment (to be checked again). */
  carriedOver: z.number().int(),
  profile: z.array(dimensionLevel),
  answers: z.array(maturityAnswer),
  /** Extra criteria of the municipality's networks (shown and answered; not part of the comparable level). */
  networkCriteria: z.array(networkCriterion),
  can: canSchema('maturity'),
});
export const maturityOverview = z.object({
  model: z.object({ version: z.string() }),
  /** Newest first. */
  assessments: z.array(
    z.object({
      id: uuid,
      modelVersion: z.string(),
      status: z.enum(['draft', 'completed']),
      createdAt: z.string(),
      completedAt: z.string().nullable(),
      answered: z.number().int(),
      criteria: z.number().int(),
      profile: z.array(dimensionLevel),
    }),
  ),
  settings: z.object({ contactable: z.boolean(), version: z.number().int() }),
  can: canSchema('maturity'),
});
export const maturityAnswerInput = z.object({
  level: levelValue.nullable(),
  evidenceUrl: z
    .string()
    .trim()
    .max(500)
    .refine((v) => v === '' || v.startsWith('/') || /^https?:\/\/\S+$/.test(v), {
      message: 'Bitte eine Adresse der Plattform (beginnt mit /) oder eine Web-Adresse (https://…).',
    })
    .default(''),
  evidenceNote: z.string().trim().max(2000).default(''),
  /** The answer's version as read (0: never answered); 409 when someone else saved meanwhile. */
  version: z.number().int().min(0),
});
export const maturitySettingsInput = z.object({ contactable: z.boolean(), version: z.number().int().min(0) });

// ---- key figures ----

export const keyFigureInput = z
  .object({
    name,
    definition: z.string().trim().min(10, 'Bitte beschreiben Sie, wie die Kennzahl berechnet wird.').max(2000),
    unit: z.string().trim().min(1, 'Bitte eine Einheit angeben.').max(20),
    direction: z.enum(KEY_FIGURE_DIRECTIONS),
    source: z.string().trim().min(2, 'Bitte die Quelle angeben.').max(300),
    decimals: z.number().int().min(0).max(3).default(1),
    min: z.number().default(0),
    max: z.number().nullable().default(null),
  })
  .refine((v) => v.max === null || v.max > v.min, {
    path: ['max'],
    message: 'Das Maximum muss über dem Minimum liegen.',
  });
export const keyFigureUpdate = z.object({ version: z.number().int().min(1), figure: keyFigureInput });

const keyFigureValue = z.object({
  year: z.number().int(),
  value: z.number(),
  origin: z.enum(VALUE_ORIGINS),
  note: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export const keyFigure = z.object({
  id: uuid,
  key: z.string(),
  networkId: uuid.nullable(),
  network: z.string().nullable(),
  name: z.string(),
  definition: z.string(),
  unit: z.string(),
  direction: z.enum(KEY_FIGURE_DIRECTIONS),
  source: z.string(),
  decimals: z.number().int(),
  min: z.number(),
  max: z.number().nullable(),
  computed: z.string().nullable(),
  version: z.number().int(),
  /** The municipality's own values, newest year first. */
  values: z.array(keyFigureValue),
  /** What the platform computes today for the current year (null: not computable, or no data). */
  suggestion: z.object({ value: z.number(), note: z.string() }).nullable(),
});
export const keyFigureList = z.object({
  year: z.number().int(),
  years: z.array(z.number().int()),
  figures: z.array(keyFigure),
  /** Networks of the municipality whose moderation may define figures (for moderators). */
  can: canSchema('maturity'),
});
export const keyFigureValueInput = z.object({
  /** Null removes the year's value. */
  value: z.number().finite().nullable(),
  note: z.string().trim().max(500).default(''),
  version: z.number().int().min(0),
});
export const keyFigureComputeInput = z.object({ year: z.number().int().min(2000).max(2100) });
export const keyFigureYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

// ---- benchmark ----

const distribution = z.object({
  n: z.number().int(),
  /** The 10th and 90th percentile only from BENCHMARK_WHISKER_MIN values on (else null, see there). */
  p10: z.number().nullable(),
  q1: z.number(),
  median: z.number(),
  q3: z.number(),
  p90: z.number().nullable(),
});
export const peerGroup = z.object({
  kind: z.enum(PEER_GROUP_KINDS),
  key: z.string(),
  label: z.string(),
  /** False: fewer than the threshold, or shown it would let two groups be differenced (never a count then). */
  shown: z.boolean(),
  reason: z.enum(['too_few', 'differencing']).nullable(),
  distribution: distribution.nullable(),
  /** The own value's quarter in this group (1 = best quarter, by the figure's direction). */
  quarter: z.number().int().min(1).max(4).nullable(),
});
export const benchmarkFigure = z.object({
  id: uuid,
  name: z.string(),
  unit: z.string(),
  decimals: z.number().int(),
  direction: z.enum(KEY_FIGURE_DIRECTIONS),
  network: z.string().nullable(),
  own: z.object({ value: z.number(), origin: z.enum(VALUE_ORIGINS) }).nullable(),
  groups: z.array(peerGroup),
  /** Per year (oldest first): the own value and each shown group's median. */
  trend: z.array(
    z.object({
      year: z.number().int(),
      own: z.number().nullable(),
      medians: z.array(z.object({ key: z.string(), median: z.number() })),
    }),
  ),
});
export const benchmarkQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  figureId: uuid.optional(),
});
export const benchmark = z.object({
  year: z.number().int(),
  threshold: z.number().int(),
  sizeClass: z.number().int(),
  land: z.string(),
  figures: z.array(benchmarkFigure),
});

/** A network's view: the moderation sees distributions only; members of the open ring see each other by name. */
export const ringView = z.object({
  networkId: uuid,
  network: z.string(),
  year: z.number().int(),
  threshold: z.number().int(),
  members: z.number().int(),
  /** Member municipalities that opted into the open ring (names only for members who opted in themselves). */
  openRing: z.object({ joined: z.boolean(), count: z.number().int(), canJoin: z.boolean() }),
  figures: z.array(
    z.object({
      id: uuid,
      name: z.string(),
      unit: z.string(),
      decimals: z.number().int(),
      direction: z.enum(KEY_FIGURE_DIRECTIONS),
      shown: z.boolean(),
      distribution: distribution.nullable(),
      /** Only for members of the open ring, only the ring's members. */
      named: z.array(z.object({ municipality: z.string(), value: z.number() })),
    }),
  ),
  can: canSchema('networkMaturity'),
});
export const ringJoinInput = z.object({ open: z.boolean() });

// ---- recommendations ----

export const recommendations = z.object({
  /** From the latest assessment (completed first, else the draft). */
  assessmentId: uuid.nullable(),
  dimensions: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      level: z.number().int(),
      lighthouses: z.array(
        z.object({ id: uuid, title: z.string(), municipality: z.string(), lighthouse: z.boolean() }),
      ),
      guides: z.array(z.object({ title: z.string(), summary: z.string(), link: z.string() })),
      peers: z.array(
        z.object({
          municipalityId: uuid,
          municipality: z.string(),
          sizeClass: z.number().int(),
          land: z.string(),
          level: z.number().int(),
          /** The state of the own contact request to them (null: none yet). */
          request: z.enum(['open', 'accepted', 'declined']).nullable(),
        }),
      ),
    }),
  ),
  contactable: z.boolean(),
});

/** What a network's moderation keeps: its own criteria and key figures (members see them too). */
export const networkMaturity = z.object({
  networkId: uuid,
  network: z.string(),
  dimensions: z.array(z.object({ key: z.string(), name: z.string() })),
  criteria: z.array(networkCriterion),
  figures: z.array(keyFigure),
  can: canSchema('networkMaturity'),
});
