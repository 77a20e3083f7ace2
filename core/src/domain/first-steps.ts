/**
 * The first hour of a new user (issue 17): what a new municipality does first, and what the platform
 * administration does after an empty start. Each step ticks itself from real data — the server counts in SQL,
 * these pure rules turn the counts into done/open, so the web app and the tests share one definition.
 */

/** A new municipality's first steps, in the order the start page lists them. */
export const FIRST_STEP_KEYS = [
  'masterData',
  'colleagues',
  'needs',
  'targetPicture',
  'project',
  'councilPaper',
  'network',
] as const;
export type FirstStepKey = (typeof FIRST_STEP_KEYS)[number];

/** Parts of the master data a municipality checks before it starts (the directory usually brings them). */
export const MASTER_DATA_PARTS = ['ars', 'population', 'populationDate', 'areaKm2', 'departments'] as const;
export type MasterDataPart = (typeof MASTER_DATA_PARTS)[number];

/** What the server counts for one municipality (all numbers are counts of its own rows only). */
export interface FirstStepCounts {
  /** Master-data parts still missing (empty: complete). */
  missingMasterData: readonly MasterDataPart[];
  /** People with a role in the municipality. */
  members: number;
  /** Invitations sent and neither accepted, withdrawn nor expired. */
  openInvitations: number;
  /** Needs in the register (merged duplicates not counted). */
  needs: number;
  /** Ideas in the idea box. */
  ideas: number;
  /** Whether the target picture has a written vision. */
  vision: boolean;
  /** Goals in the target picture. */
  goals: number;
  projects: number;
  /** Council papers (Beschlussvorlagen) generated, all versions counted. */
  councilPapers: number;
  /** Networks the municipality currently belongs to (accepted, not left). */
  networks: number;
}

export interface StepState<K extends string> {
  key: K;
  done: boolean;
}

/** Which of a municipality's first steps are done; always all keys, in FIRST_STEP_KEYS order. */
export function firstSteps(c: FirstStepCounts): StepState<FirstStepKey>[] {
  const done: Record<FirstStepKey, boolean> = {
    masterData: c.missingMasterData.length === 0,
    // the first person came by invitation themselves: a colleague is a second member or an invitation on its way
    colleagues: c.members >= 2 || c.openInvitations > 0,
    needs: c.needs + c.ideas > 0,
    targetPicture: c.vision || c.goals > 0,
    project: c.projects > 0,
    councilPaper: c.councilPapers > 0,
    network: c.networks > 0,
  };
  return FIRST_STEP_KEYS.map((key) => ({ key, done: done[key] }));
}

/** The platform administration's next steps after an empty start, in order. */
export const PLATFORM_STEP_KEYS = ['import', 'invite', 'network', 'moderator', 'legal'] as const;
export type PlatformStepKey = (typeof PLATFORM_STEP_KEYS)[number];

/** What the server counts across the platform for its administration. */
export interface PlatformCounts {
  /** Finished imports of the official municipality directory. */
  imports: number;
  /** Municipalities with at least one member. */
  activeMunicipalities: number;
  /** Invitations into municipalities that are still open. */
  openInvitations: number;
  networks: number;
  /** Networks with a moderator or an open invitation to moderate. */
  moderatedNetworks: number;
  /** Legal pages (privacy notice, imprint) still showing the sample or its placeholders to everyone. */
  sampleLegalPages: number;
}

/** Which of the platform administration's next steps are done; always all keys, in order. */
export function platformSteps(c: PlatformCounts): StepState<PlatformStepKey>[] {
  const done: Record<PlatformStepKey, boolean> = {
    import: c.imports > 0,
    invite: c.activeMunicipalities > 0 || c.openInvitations > 0,
    network: c.networks > 0,
    moderator: c.networks > 0 && c.moderatedNetworks >= c.networks,
    legal: c.sampleLegalPages === 0,
  };
  return PLATFORM_STEP_KEYS.map((key) => ({ key, done: done[key] }));
}
