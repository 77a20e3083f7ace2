import { z } from 'zod';
import { FIRST_STEP_KEYS, MASTER_DATA_PARTS, PLATFORM_STEP_KEYS } from '../domain/first-steps.js';
import { municipalityRole } from './auth.js';
import { uuid } from './common.js';

const count = z.number().int().min(0);

/** A new municipality's first-steps checklist on the start page (counts of the active municipality only). */
export const firstStepsView = z.object({
  steps: z.array(z.object({ key: z.enum(FIRST_STEP_KEYS), done: z.boolean() })),
  counts: z.object({
    members: count,
    openInvitations: count,
    needs: count,
    ideas: count,
    goals: count,
    projects: count,
    councilPapers: count,
    networks: count,
    /** Invitations into networks the municipality has not answered yet. */
    networkInvitations: count,
  }),
  missingMasterData: z.array(z.enum(MASTER_DATA_PARTS)),
  /** The newest project: its cost page is where a council paper is prepared. */
  latestProjectId: uuid.nullable(),
  /** Whether the person's role does these steps (administration, coordination); others see no checklist. */
  forRole: z.boolean(),
  /** When this person hid the checklist for this municipality (null: shown). */
  dismissedAt: z.string().nullable(),
});

/** Hide (true) or show again (false) the own checklist in the active municipality. */
export const firstStepsDismissal = z.object({ dismissed: z.boolean() });

/** The platform administration's start page: next steps after an empty start and the onboarding state. */
export const platformStart = z.object({
  steps: z.array(z.object({ key: z.enum(PLATFORM_STEP_KEYS), done: z.boolean() })),
  counts: z.object({
    /** Municipalities in the directory (current ones). */
    municipalities: count,
    imports: count,
    activeMunicipalities: count,
    openInvitations: count,
    networks: count,
    moderatedNetworks: count,
    sampleLegalPages: count,
  }),
  lastImportAt: z.string().nullable(),
  /** Open invitations into municipalities, the ones expiring first on top (at most 10). */
  invitations: z.array(
    z.object({
      id: uuid,
      municipalityId: uuid,
      municipality: z.string(),
      email: z.string(),
      role: municipalityRole,
      expiresAt: z.string(),
    }),
  ),
});
