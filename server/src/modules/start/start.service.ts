import { AppError, allows, firstSteps, LEGAL_PAGES, type MasterDataPart, platformSteps } from '@dz/core';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/ids.js';
import type { Scope, TenantScope } from '../../lib/scope.js';
import { getLegalPage } from '../privacy/legal.service.js';
import { startRepository as repo } from './start.repository.js';

/**
 * The first-steps checklist of the active municipality: each step ticks itself from the municipality's own data.
 * Shown to the roles that do these steps (administration and coordination: those who invite colleagues);
 * hidden per person and municipality when the person dismissed it.
 */
export async function getFirstSteps(deps: Deps, scope: TenantScope) {
  const c = await repo.firstStepCounts(deps.db, scope);
  if (!c) throw new AppError('not_found');
  const missingMasterData: MasterDataPart[] = [];
  if (!c.ars) missingMasterData.push('ars');
  if (!(c.population > 0)) missingMasterData.push('population');
  if (!c.populationDate) missingMasterData.push('populationDate');
  if (c.areaKm2 == null) missingMasterData.push('areaKm2');
  if (c.departments === 0) missingMasterData.push('departments');
  const counts = {
    members: c.members,
    openInvitations: c.openInvitations,
    needs: c.needs,
    ideas: c.ideas,
    goals: c.goals,
    projects: c.projects,
    councilPapers: c.councilPapers,
    networks: c.networks,
    networkInvitations: c.networkInvitations,
  };
  return {
    steps: firstSteps({ ...counts, missingMasterData, vision: c.vision }),
    counts,
    missingMasterData,
    latestProjectId: c.latestProjectId,
    forRole: allows(scope, 'invite'),
    dismissedAt: iso(c.dismissedAt),
  };
}

/** Hides or shows again the checklist for the acting person in the active municipality only. */
export async function setFirstStepsDismissal(deps: Deps, scope: TenantScope, input: { dismissed: boolean }) {
  await repo.setDismissed(deps.db, scope, input.dismissed ? new Date() : null);
  return getFirstSteps(deps, scope);
}

/** The platform administration's start page: next steps after an empty start and open invitations. */
export async function getPlatformStart(deps: Deps, scope: Scope) {
  if (!scope.user.isPlatformAdmin) throw new AppError('forbidden', 'Das darf nur die Plattform-Administration.');
  const [{ counts: c, lastImportAt }, invitations, legal] = await Promise.all([
    repo.platformCounts(deps.db),
    repo.openInvitations(deps.db, 10),
    Promise.all(LEGAL_PAGES.map((p) => getLegalPage(deps, null, p))),
  ]);
  const counts = { ...c, sampleLegalPages: legal.filter((l) => l.isSample).length };
  return {
    steps: platformSteps(counts),
    counts,
    lastImportAt: iso(lastImportAt),
    invitations: invitations.map((i) => ({
      ...i,
      role: i.role,
      expiresAt: iso(i.expiresAt),
    })),
  };
}
