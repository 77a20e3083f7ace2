import { fieldError, type networkStudyCreate } from '@dz/core';
import type { z } from 'zod';
import { authorize } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/ids.js';
import type { Scope } from '../../lib/scope.js';
import { serviceOf } from './service-types.service.js';
import { insertStudy } from './studies.service.js';

/**
 * Feasibility studies a network's moderation starts for members of its network. The moderation names the lead;
 * lead and partners accept or decline like any invitation. Afterwards the moderation follows who accepted —
 * the study's figures stay with the accepted participants.
 */
export async function createNetworkStudy(deps: Deps, scope: Scope, input: z.infer<typeof networkStudyCreate>) {
  authorize(scope, 'networkStudies', 'create', { networkId: input.networkId });
  const ids = [...new Set([input.leadId, ...input.partnerIds])];
  const members = await deps.db
    .selectFrom('networkMembers')
    .select('municipalityId')
    .where('networkId', '=', input.networkId)
    .where('status', '=', 'accepted')
    .where('municipalityId', 'in', ids)
    .execute();
  const isMember = new Set(members.map((m) => m.municipalityId));
  if (!isMember.has(input.leadId))
    throw fieldError('body.leadId', 'not_a_member', 'Die federführende Kommune muss Mitglied des Verbunds sein.');
  if (ids.some((m) => !isMember.has(m)))
    throw fieldError('body.partnerIds', 'not_a_member', 'Laden Sie nur Mitglieder des Verbunds ein.');
  return insertStudy(deps, scope, input, { leadId: input.leadId, networkId: input.networkId });
}

/** The studies of the networks I moderate: title, service, and who was invited and how they answered. */
export async function listNetworkStudies(deps: Deps, scope: Scope) {
  if (!scope.user.isPlatformAdmin && !scope.moderatedNetworkIds.length) return { items: [] };
  const rows = await deps.db
    .selectFrom('serviceStudies as s')
    .innerJoin('networks as n', 'n.id', 's.networkId')
    .select([
      's.id',
      's.title',
      's.serviceKey',
      's.service',
      's.status',
      's.createdAt',
      'n.id as nId',
      'n.name as nName',
    ])
    .$if(!scope.user.isPlatformAdmin, (q) => q.where('s.networkId', 'in', scope.moderatedNetworkIds))
    .orderBy('s.createdAt', 'desc')
    .execute();
  const partners = rows.length
    ? await deps.db
        .selectFrom('serviceStudyPartners as p')
        .innerJoin('municipalities as m', 'm.id', 'p.municipalityId')
        .select(['p.studyId', 'p.role', 'p.status', 'm.name'])
        .where(
          'p.studyId',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('p.position')
        .execute()
    : [];
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      serviceName: serviceOf(r).name,
      network: { id: r.nId, name: r.nName },
      status: r.status,
      partners: partners
        .filter((p) => p.studyId === r.id)
        .map((p) => ({ name: p.name, role: p.role, status: p.status })),
      createdAt: iso(r.createdAt),
    })),
  };
}
