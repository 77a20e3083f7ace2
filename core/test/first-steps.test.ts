import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIRST_STEP_KEYS,
  type FirstStepCounts,
  firstSteps,
  MASTER_DATA_PARTS,
  PLATFORM_STEP_KEYS,
  type PlatformCounts,
  platformSteps,
} from '../src/domain/first-steps.js';

const EMPTY: FirstStepCounts = {
  missingMasterData: [],
  members: 1,
  openInvitations: 0,
  needs: 0,
  ideas: 0,
  vision: false,
  goals: 0,
  projects: 0,
  councilPapers: 0,
  networks: 0,
};
const doneOf = (c: FirstStepCounts) => Object.fromEntries(firstSteps(c).map((s) => [s.key, s.done]));

describe('first steps of a new municipality', () => {
  it('a municipality with only its first person and complete master data has only that step done', () => {
    expect(doneOf(EMPTY)).toEqual({
      masterData: true,
      colleagues: false,
      needs: false,
      targetPicture: false,
      project: false,
      councilPaper: false,
      network: false,
    });
  });

  it.each([
    ['masterData', { missingMasterData: ['areaKm2'] as const }, false],
    ['colleagues', { members: 2 }, true],
    ['colleagues', { openInvitations: 1 }, true],
    ['needs', { needs: 1 }, true],
    ['needs', { ideas: 1 }, true],
    ['targetPicture', { vision: true }, true],
    ['targetPicture', { goals: 1 }, true],
    ['project', { projects: 1 }, true],
    ['councilPaper', { councilPapers: 1 }, true],
    ['network', { networks: 1 }, true],
  ] as const)('%s flips with %o', (key, change, expected) => {
    expect(doneOf({ ...EMPTY, ...change })[key]).toBe(expected);
  });

  it('always lists every step once, in the start-page order', () => {
    const counts = fc.record({
      missingMasterData: fc.subarray([...MASTER_DATA_PARTS]),
      members: fc.nat(50),
      openInvitations: fc.nat(50),
      needs: fc.nat(50),
      ideas: fc.nat(50),
      vision: fc.boolean(),
      goals: fc.nat(50),
      projects: fc.nat(50),
      councilPapers: fc.nat(50),
      networks: fc.nat(50),
    });
    fc.assert(
      fc.property(counts, (c) => {
        expect(firstSteps(c).map((s) => s.key)).toEqual([...FIRST_STEP_KEYS]);
      }),
    );
  });

  it('more data never unticks a step', () => {
    const n = fc.nat(20);
    fc.assert(
      fc.property(n, n, n, n, n, n, n, n, (members, inv, needs, ideas, goals, projects, papers, networks) => {
        const before = firstSteps({
          ...EMPTY,
          members,
          openInvitations: inv,
          needs,
          ideas,
          goals,
          projects,
          councilPapers: papers,
          networks,
        });
        const after = firstSteps({
          ...EMPTY,
          members: members + 1,
          openInvitations: inv + 1,
          needs: needs + 1,
          ideas: ideas + 1,
          goals: goals + 1,
          projects: projects + 1,
          councilPapers: papers + 1,
          networks: networks + 1,
        });
        before.forEach((s, i) => {
          if (s.done) expect(after[i]!.done).toBe(true);
        });
      }),
    );
  });
});

describe('next steps of the platform administration', () => {
  const NONE: PlatformCounts = {
    imports: 0,
    activeMunicipalities: 0,
    openInvitations: 0,
    networks: 0,
    moderatedNetworks: 0,
    sampleLegalPages: 2,
  };
  const done = (c: Partial<PlatformCounts>) =>
    Object.fromEntries(platformSteps({ ...NONE, ...c }).map((s) => [s.key, s.done]));

  it('an empty installation has nothing done', () => {
    expect(done({})).toEqual({ import: false, invite: false, network: false, moderator: false, legal: false });
    expect(platformSteps(NONE).map((s) => s.key)).toEqual([...PLATFORM_STEP_KEYS]);
  });

  it('ticks the import, the first invitation (sent or accepted) and the first network', () => {
    expect(done({ imports: 1 }).import).toBe(true);
    expect(done({ openInvitations: 1 }).invite).toBe(true);
    expect(done({ activeMunicipalities: 3 }).invite).toBe(true);
    expect(done({ networks: 1 }).network).toBe(true);
    // privacy notice and imprint: done once neither shows the sample's placeholders
    expect(done({ sampleLegalPages: 1 }).legal).toBe(false);
    expect(done({ sampleLegalPages: 0 }).legal).toBe(true);
  });

  it('the moderation step is done only when every network has a moderator (or an invitation to moderate)', () => {
    expect(done({ networks: 0, moderatedNetworks: 0 }).moderator).toBe(false);
    expect(done({ networks: 2, moderatedNetworks: 1 }).moderator).toBe(false);
    expect(done({ networks: 2, moderatedNetworks: 2 }).moderator).toBe(true);
  });
});
