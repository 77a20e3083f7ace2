import {
  AppError,
  fieldError,
  type JointCostKey,
  type JointPartnerStatus,
  type JointRole,
  type jointCreate,
  jointShares,
  type jointUpdate,
} from '@dz/core';
import { type Insertable, sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB, JointPartners, JointSplit } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { MAILS } from '../../mail/templates.js';

import { inviteCoordinators, loadVisible, visible } from './exchange.access.js';

type Create = z.infer<typeof jointCreate>;

export const COST_KEY_LABELS: Record<JointCostKey, string> = {
  population: 'nach Einwohnerzahl',
  equal: 'zu gleichen Teilen',
  case_volume: 'nach Fallzahlen',
  base_variable: 'Sockelbetrag und Einwohnerzahl',
  custom: 'nach vereinbarten Prozentsätzen',
};

/** The joint project if my municipality takes part (declined partners no longer see it), else 404. */
export async function membership(db: Deps['db'] | Transaction<DB>, scope: TenantScope, id: string) {
  const row = await db
    .selectFrom('jointProjects as j')
    .innerJoin('jointPartners as jp', 'jp.jointProjectId', 'j.id')
    .selectAll('j')
    .select(['jp.status as myStatus', 'jp.role as myRole'])
    .where('j.id', '=', id)
    .where('jp.municipalityId', '=', scope.municipalityId)
    .where('jp.status', '<>', 'declined')
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

/** The facts of the joint rule (core/domain/permissions.ts) for the acting municipality. */
export function jointRole(
  scope: TenantScope,
  j: { leadMunicipalityId: string; myStatus: JointPartnerStatus },
): JointRole {
  return { isLead: j.leadMunicipalityId === scope.municipalityId, myStatus: j.myStatus };
}

function sharesOf(
  costKey: JointCostKey,
  baseShare: number,
  lines: Create['costLines'],
  partners: { population: number; caseVolume: number; customPercent: number; status: JointPartnerStatus }[],
) {
  const total = lines.reduce((s, l) => s + l.amountCents, 0);
  // declined partners carry no share; the others share the whole total
  const active = partners.map((p, i) => ({ p, i })).filter((x) => x.p.status !== 'declined');
  const split = jointShares(
    total,
    costKey,
    active.map((x) => x.p),
    baseShare,
  );
  const shares = partners.map(() => 0);
  active.forEach((x, k) => {
    shares[x.i] = split[k] ?? 0;
  });
  return { total, shares };
}

/** The partners in their order with the figures the key uses (current populations). */
function partnersOf(db: Deps['db'] | Transaction<DB>, id: string) {
  return db
    .selectFrom('jointPartners as jp')
    .innerJoin('municipalities as m', 'm.id', 'jp.municipalityId')
    .select([
      'jp.municipalityId',
      'm.name',
      'm.population',
      'jp.role',
      'jp.status',
      'jp.caseVolume',
      'jp.customPercent',
      'jp.sharesAccepted',
    ])
    .where('jp.jointProjectId', '=', id)
    .orderBy('jp.position')
    .execute();
}

/** The split the current figures give (key, cost lines, partners, populations). */
function liveSplit(
  j: { costKey: JointCostKey; baseShare: number; costLines: Create['costLines'] },
  partners: Awaited<ReturnType<typeof partnersOf>>,
): JointSplit {
  const { total, shares } = sharesOf(j.costKey, j.baseShare, j.costLines, partners);
  return {
    totalCents: total,
    shares: partners.map((p, i) => ({ municipalityId: p.municipalityId, shareCents: shares[i] ?? 0 })),
  };
}

function sameSplit(a: JointSplit | null, b: JointSplit | null): boolean {
  if (!a || !b) return false;
  const key = (x: JointSplit) =>
    JSON.stringify([
      x.totalCents,
      x.shares
        .filter((s) => s.shareCents !== 0)
        .map((s) => `${s.municipalityId}:${s.shareCents}`)
        .sort(),
    ]);
  return key(a) === key(b);
}

/**
 * After anything that may change the split: when the current figures give another split than the one agreed
 * (or proposed), it becomes the new proposal — the agreed shares stay in force, every partner but the lead has
 * to accept again. A split equal to the agreed one withdraws a pending proposal. Returns whether it changed.
 */
async function repropose(trx: Transaction<DB>, scope: TenantScope, id: string, bumpVersion: boolean) {
  const j = await trx
    .selectFrom('jointProjects')
    .select(['costKey', 'baseShare', 'costLines', 'sharesAgreed', 'sharesProposed', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const live = liveSplit(j, await partnersOf(trx, id));
  const agreed = j.sharesAgreed;
  const proposed = j.sharesProposed;
  let changed = false;
  if (sameSplit(live, agreed)) {
    if (proposed) {
      await trx
        .updateTable('jointProjects')
        .set({ sharesProposed: null, sharesProposedAt: null })
        .where('id', '=', id)
        .execute();
      await trx.updateTable('jointPartners').set({ sharesAccepted: true }).where('jointProjectId', '=', id).execute();
      changed = true;
    }
  } else if (!sameSplit(live, proposed)) {
    await trx
      .updateTable('jointProjects')
      .set({ sharesProposed: JSON.stringify(live), sharesProposedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('jointPartners')
      .set({ sharesAccepted: sql<boolean>`role = 'lead'` })
      .where('jointProjectId', '=', id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'propose_shares',
      entity: 'joint_project',
      entityId: id,
      municipalityId: scope.municipalityId,
      before: agreed ? { shares: agreed.shares } : null,
      after: { totalCents: live.totalCents, shares: live.shares },
    });
    changed = true;
  }
  if (changed && bumpVersion)
    await trx
      .updateTable('jointProjects')
      .set({ version: j.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
  await settle(trx, scope, id);
  return changed;
}

/** When every participating partner has accepted the pending proposal, it becomes the agreed (frozen) split. */
async function settle(trx: Transaction<DB>, scope: TenantScope, id: string) {
  const j = await trx
    .selectFrom('jointProjects')
    .select('sharesProposed')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (!j.sharesProposed) return;
  const open = await trx
    .selectFrom('jointPartners')
    .select('municipalityId')
    .where('jointProjectId', '=', id)
    .where('status', '<>', 'declined')
    .where((eb) => eb.or([eb('status', '<>', 'accepted'), eb('sharesAccepted', '=', false)]))
    .execute();
  if (open.length) return;
  await trx
    .updateTable('jointProjects')
    .set({
      sharesAgreed: JSON.stringify(j.sharesProposed),
      sharesAgreedAt: new Date(),
      sharesProposed: null,
      sharesProposedAt: null,
    })
    .where('id', '=', id)
    .execute();
  await writeAudit(trx, scope, {
    action: 'agree_shares',
    entity: 'joint_project',
    entityId: id,
    municipalityId: scope.municipalityId,
    after: j.sharesProposed,
  });
}

export async function getJoint(deps: Deps, scope: TenantScope, id: string) {
  const j = await membership(deps.db, scope, id);
  const [partners, entries, lead, publication] = await Promise.all([
    partnersOf(deps.db, id),
    deps.db
      .selectFrom('jointEntries as e')
      .innerJoin('municipalities as m', 'm.id', 'e.municipalityId')
      .leftJoin('users as u', 'u.id', 'e.authorId')
      .select([
        'e.id',
        'e.kind',
        'e.private',
        'e.title',
        'e.body',
        'e.light',
        'e.fileName',
        'e.size',
        'e.municipalityId',
        'm.name as municipality',
        'u.name as author',
        'e.createdAt',
      ])
      .where('e.jointProjectId', '=', id)
      // a partner's private notes stay with that partner
      .where((eb) => eb.or([eb('e.private', '=', false), eb('e.municipalityId', '=', scope.municipalityId)]))
      .orderBy('e.createdAt', 'desc')
      .execute(),
    deps.db
      .selectFrom('municipalities')
      .select(['id', 'name'])
      .where('id', '=', j.leadMunicipalityId)
      .executeTakeFirstOrThrow(),
    // the linked entry only for partners in its audience (the exchange's one visibility rule)
    j.publicationId
      ? deps.db
          .selectFrom('publications as p')
          .select(['p.id', 'p.title'])
          .where('p.id', '=', j.publicationId)
          .where('p.status', '=', 'published')
          .where(visible(scope))
          .executeTakeFirst()
      : undefined,
  ]);
  const lines = j.costLines;
  const live = liveSplit(j, partners);
  const agreed = j.sharesAgreed;
  const proposed = j.sharesProposed;
  // shown: the agreed shares while they are in force, else the proposal being agreed (legacy rows: live)
  const shown = agreed ?? proposed ?? live;
  const total = shown.totalCents;
  const shareOf = (split: JointSplit | null, municipalityId: string) =>
    split?.shares.find((x) => x.municipalityId === municipalityId)?.shareCents ?? 0;
  const isLead = j.leadMunicipalityId === scope.municipalityId;
  const mine = partners.find((p) => p.municipalityId === scope.municipalityId);
  return {
    id: j.id,
    version: j.version,
    title: j.title,
    description: j.description,
    costKey: j.costKey,
    baseShare: j.baseShare,
    costLines: lines,
    totalCents: total,
    lead,
    publication: publication ?? null,
    partners: partners.map((p) => ({
      municipalityId: p.municipalityId,
      name: p.name,
      role: p.role,
      status: p.status,
      population: p.population,
      caseVolume: p.caseVolume,
      customPercent: p.customPercent,
      shareCents: shareOf(shown, p.municipalityId),
      sharePercent: total > 0 ? Math.round((shareOf(shown, p.municipalityId) / total) * 10_000) / 100 : 0,
      proposedShareCents: proposed ? shareOf(proposed, p.municipalityId) : null,
      sharesAccepted: p.status === 'accepted' && p.sharesAccepted,
    })),
    shares: {
      agreedAt: iso(j.sharesAgreedAt),
      pending: proposed !== null,
      proposedAt: iso(j.sharesProposedAt),
      proposedTotalCents: proposed?.totalCents ?? null,
      outdated: !sameSplit(live, proposed ?? agreed),
    },
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      private: e.private,
      title: e.title,
      body: e.body,
      light: e.light,
      fileName: e.fileName,
      size: e.size,
      municipality: e.municipality,
      author: e.author,
      createdAt: iso(e.createdAt),
      mine: e.municipalityId === scope.municipalityId,
    })),
    myStatus: j.myStatus,
    can: presentCan(scope, 'jointView', {
      isLead,
      myStatus: j.myStatus,
      proposalPending: proposed !== null,
      sharesAccepted: Boolean(mine?.sharesAccepted),
      splitOutdated: !sameSplit(live, proposed ?? agreed),
    }),
  };
}

export async function listJoint(deps: Deps, scope: TenantScope) {
  const rows = await deps.db
    .selectFrom('jointPartners as me')
    .innerJoin('jointProjects as j', 'j.id', 'me.jointProjectId')
    .innerJoin('municipalities as lm', 'lm.id', 'j.leadMunicipalityId')
    .select(['j.id', 'j.title', 'lm.name as lead', 'j.costKey', 'j.updatedAt', 'me.status as myStatus'])
    .where('me.municipalityId', '=', scope.municipalityId)
    .where('me.status', '<>', 'declined')
    .orderBy('j.updatedAt', 'desc')
    .limit(200)
    .execute();
  const items = [];
  for (const r of rows) {
    const d = await getJoint(deps, scope, r.id);
    items.push({
      id: r.id,
      title: r.title,
      lead: r.lead,
      partners: d.partners.filter((p) => p.status !== 'declined').length,
      costKey: r.costKey,
      totalCents: d.totalCents,
      myShareCents: d.partners.find((p) => p.municipalityId === scope.municipalityId)?.shareCents ?? 0,
      myStatus: r.myStatus,
      updatedAt: iso(r.updatedAt),
    });
  }
  return { items, can: presentCan(scope, 'joints') };
}

async function checkInput(deps: Deps, scope: TenantScope, input: Create) {
  if (!input.partners.some((p) => p.municipalityId === scope.municipalityId))
    throw fieldError('partners', 'lead_missing', 'Ihre eigene Kommune muss beteiligt sein.');
  const ids = input.partners.map((p) => p.municipalityId);
  const found = await deps.db.selectFrom('municipalities').select('id').where('id', 'in', ids).execute();
  if (found.length !== ids.length)
    throw fieldError('partners', 'unknown_municipality', 'Eine der Kommunen gibt es nicht.');
  if (input.publicationId)
    await loadVisible(deps, scope, input.publicationId).catch(() => {
      throw fieldError('publicationId', 'unknown_publication', 'Dieses veröffentlichte Projekt gibt es nicht.');
    });
}

function invite(deps: Deps, scope: TenantScope, id: string, title: string, municipalityIds: string[]) {
  return inviteCoordinators(
    deps,
    { municipality: scope.municipalityId },
    municipalityIds,
    `/austausch/gemeinsam/${id}`,
    (p) => MAILS.jointInvitation({ ...p, title }),
  );
}

/**
 * The partner rows in their order: the lead has accepted, others keep their answer (and their acceptance of
 * the split, which repropose() withdraws if the split changes) or are invited.
 */
async function insertPartners(
  trx: Transaction<DB>,
  scope: TenantScope,
  id: string,
  partners: Create['partners'],
  status: Map<string, JointPartnerStatus>,
  accepted: Map<string, boolean> = new Map(),
) {
  await trx
    .insertInto('jointPartners')
    .values(
      partners.map((p, position): Insertable<JointPartners> => {
        const lead = p.municipalityId === scope.municipalityId;
        return {
          jointProjectId: id,
          municipalityId: p.municipalityId,
          role: lead ? 'lead' : 'partner',
          status: lead ? 'accepted' : (status.get(p.municipalityId) ?? 'invited'),
          sharesAccepted: lead || (accepted.get(p.municipalityId) ?? false),
          caseVolume: p.caseVolume,
          customPercent: p.customPercent,
          position,
        };
      }),
    )
    .execute();
}

/** The lead's fields as stored, for creating and for updating. */
function storedFields(input: Create) {
  return {
    title: input.title,
    description: input.description,
    costKey: input.costKey,
    baseShare: input.baseShare,
    costLines: JSON.stringify(input.costLines),
    publicationId: input.publicationId,
  };
}

export async function createJoint(deps: Deps, scope: TenantScope, input: Create) {
  authorize(scope, 'joints', 'create');
  await checkInput(deps, scope, input);
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('jointProjects')
      .values({
        id,
        leadMunicipalityId: scope.municipalityId,
        ...storedFields(input),
        createdBy: scope.user.id,
      })
      .execute();
    await insertPartners(trx, scope, id, input.partners, new Map());
    await repropose(trx, scope, id, false);
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'joint_project',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: { title: input.title, key: input.costKey, partners: input.partners.length },
    });
  });
  await invite(
    deps,
    scope,
    id,
    input.title,
    input.partners.map((p) => p.municipalityId).filter((m) => m !== scope.municipalityId),
  );
  return { id };
}

/** The lead changes title, key, costs and partners (new partners are invited; a stale version gets 409). */
export async function updateJoint(deps: Deps, scope: TenantScope, id: string, input: z.infer<typeof jointUpdate>) {
  const j = await membership(deps.db, scope, id);
  authorize(scope, 'joint', 'edit', jointRole(scope, j));
  await checkInput(deps, scope, input);
  // read before the transaction: the embedded database has one connection, so no reads beside it
  const current = await getJoint(deps, scope, id);
  const added = await deps.db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom('jointProjects')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    assertVersion(cur, input.version, current);
    const before = await trx.selectFrom('jointPartners').selectAll().where('jointProjectId', '=', id).execute();
    const status = new Map(before.map((p) => [p.municipalityId, p.status]));
    const accepted = new Map(before.map((p) => [p.municipalityId, p.sharesAccepted]));
    await trx
      .updateTable('jointProjects')
      .set({
        ...storedFields(input),
        version: sql`version + 1`,
        updatedAt: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('jointPartners').where('jointProjectId', '=', id).execute();
    await insertPartners(trx, scope, id, input.partners, status, accepted);
    // a new key, new costs or partners never change the agreed shares silently: they become a proposal
    await repropose(trx, scope, id, false);
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'joint_project',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: { title: input.title, key: input.costKey, partners: input.partners.length },
    });
    return input.partners.map((p) => p.municipalityId).filter((m) => !status.has(m));
  });
  await invite(deps, scope, id, input.title, added);
  return getJoint(deps, scope, id);
}

/**
 * An invited partner accepts (and with it the cost split it was shown) or declines (which changes the split:
 * the others are asked to accept the new one).
 */
export async function answerJoint(deps: Deps, scope: TenantScope, id: string, accept: boolean) {
  const j = await membership(deps.db, scope, id);
  authorize(scope, 'joint', 'answer', { ...jointRole(scope, j), myStatus: 'invited' });
  if (j.myStatus !== 'invited') throw new AppError('conflict', 'Die Einladung wurde bereits beantwortet.');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('jointPartners')
      .set({ status: accept ? 'accepted' : 'declined', sharesAccepted: accept })
      .where('jointProjectId', '=', id)
      .where('municipalityId', '=', scope.municipalityId)
      .execute();
    await trx.updateTable('jointProjects').set({ updatedAt: new Date() }).where('id', '=', id).execute();
    await writeAudit(trx, scope, {
      action: accept ? 'accept' : 'decline',
      entity: 'joint_project',
      entityId: id,
      municipalityId: scope.municipalityId,
    });
    if (accept) await settle(trx, scope, id);
    else await repropose(trx, scope, id, true);
  });
  if (!accept) return { ok: true as const, declined: true };
  return { ok: true as const, declined: false };
}

/**
 * The lead puts the split the current figures give (e.g. after population updates) to the partners as a
 * proposal; the agreed shares stay in force until all have accepted it.
 */
export async function proposeShares(deps: Deps, scope: TenantScope, id: string, version: number) {
  const j = await membership(deps.db, scope, id);
  authorize(scope, 'joint', 'edit', jointRole(scope, j));
  await deps.db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom('jointProjects')
      .select('version')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    assertVersion(cur, version);
    if (!(await repropose(trx, scope, id, true)))
      throw new AppError('conflict', 'Die Kostenanteile entsprechen bereits den aktuellen Zahlen.');
  });
  return getJoint(deps, scope, id);
}

/** A partner accepts the pending proposal of cost shares; with the last acceptance it replaces the agreed ones. */
export async function acceptShares(deps: Deps, scope: TenantScope, id: string, version: number) {
  const j = await membership(deps.db, scope, id);
  authorize(scope, 'joint', 'decideShares', { ...jointRole(scope, j), myStatus: 'accepted' });
  if (j.myStatus !== 'accepted') throw new AppError('forbidden', 'Bitte nehmen Sie die Einladung zuerst an.');
  await deps.db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom('jointProjects')
      .select(['version', 'sharesProposed'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    // the version names the proposal the partner has seen: a newer one has to be read first
    assertVersion(cur, version);
    if (!cur.sharesProposed) throw new AppError('conflict', 'Es liegt kein neuer Vorschlag vor.');
    await trx
      .updateTable('jointPartners')
      .set({ sharesAccepted: true })
      .where('jointProjectId', '=', id)
      .where('municipalityId', '=', scope.municipalityId)
      .execute();
    await writeAudit(trx, scope, {
      action: 'accept_shares',
      entity: 'joint_project',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: cur.sharesProposed,
    });
    await settle(trx, scope, id);
  });
  return getJoint(deps, scope, id);
}
