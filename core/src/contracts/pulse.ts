import { z } from 'zod';
import { canSchema } from '../domain/permissions.js';
import { ADKAR_DIMENSIONS, PULSE_GROUPINGS } from '../domain/pulse.js';
import { uuid } from './common.js';
import { SURVEY_STATUSES } from './surveys.js';

const settingsFields = {
  enabled: z.boolean(),
  /** Quarters start in this month (1–3) and every three months after it. */
  quarterStartMonth: z.number().int().min(1).max(3),
  /** Days after a round opens when those who have not answered are reminded once. */
  remindAfterDays: z.number().int().min(1).max(60),
};
/** Version 0 creates the settings (none stored yet). */
export const pulseSettingsUpdate = z.object({ version: z.number().int().min(0), ...settingsFields });
export const pulseSettings = z.object({ version: z.number().int(), ...settingsFields });

export const pulseRoundStart = z.object({
  /** A short personal word of the coordination, shown above the questions. */
  intro: z.string().trim().max(1000).default(''),
});

export const pulseRound = z.object({
  id: uuid,
  surveyId: uuid,
  quarter: z.string(),
  label: z.string(),
  title: z.string(),
  intro: z.string(),
  status: z.enum(SURVEY_STATUSES),
  threshold: z.number().int(),
  targets: z.number().int(),
  submitted: z.number().int(),
  /** Whether the acting person is asked in this round and has not submitted yet. */
  myOpen: z.boolean(),
  remindedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const pulseOverview = z.object({
  settings: pulseSettings,
  rounds: z.array(pulseRound),
  /** The quarter of today under the settings, and whether it already has a round. */
  currentQuarter: z.string(),
  currentLabel: z.string(),
  currentStarted: z.boolean(),
  can: canSchema('pulse'),
});

export const pulseTrendQuery = z.object({ groupBy: z.enum(PULSE_GROUPINGS).default('none') });

const dimensionScore = z.object({ dimension: z.enum(ADKAR_DIMENSIONS), score: z.number().nullable() });
export const pulseTrend = z.object({
  groupBy: z.enum(PULSE_GROUPINGS),
  /** Closed rounds, oldest first. */
  rounds: z.array(
    z.object({
      roundId: uuid,
      surveyId: uuid,
      label: z.string(),
      threshold: z.number().int(),
      responses: z.number().int(),
      /** Below the threshold: the round shows nothing at all. */
      suppressed: z.boolean(),
      groups: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          /** Null when suppressed (never a count that would tell how few). */
          responses: z.number().int().nullable(),
          suppressed: z.boolean(),
          /** Why: too few answers, or shown it would let the total minus the other groups reveal another group. */
          reason: z.enum(['too_few', 'differencing']).nullable(),
          scores: z.array(dimensionScore),
        }),
      ),
    }),
  ),
  /** The latest shown round's weak dimensions, weakest first, with the suggested action. */
  weakest: z.array(
    z.object({
      dimension: z.enum(ADKAR_DIMENSIONS),
      score: z.number(),
      action: z.string(),
      path: z.string(),
      link: z.string(),
    }),
  ),
});
export type PulseTrend = z.infer<typeof pulseTrend>;
