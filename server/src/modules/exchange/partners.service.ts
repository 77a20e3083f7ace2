import {
  AppError,
  type contactRequestInput,
  distanceKm,
  MUNICIPALITY_ROLE_LABELS,
  type MunicipalityRole,
  matchScore,
  type needPartnerSearch,
  sizeClassOf,
} from '@dz/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { appLink, MAILS } from '../../mail/templates.js';
import { orQuery } from '../needs/needs.service.js';
import { notify } from '../notifications/notify.js';
import { loadProject } from '../projects/projects.access.js';
import { coordinators, visible } from './exchange.access.js';
import { fieldsOfProject, toRef } from './publications.service.js';

async function sourceOf(deps: Deps, scope: TenantScope, q: { needId?: string; projectId?: string }) {
  if (q.projectId) {
    const p = await loadProject(deps, scope, q.projectId);
    const [needs, fields, pub] = await Promise.all([
      deps.db
        .selectFrom('projectNeeds as pn')
        .innerJoin('needs as n', 'n.id', 'pn.needId')
        .select(['n.title'])
        .where('pn.projectId', '=', p.id)
        .execute(),
      fieldsOfProject(deps.db, p.id),
      deps.db.selectFrom('publications').select('fieldOfAction').where('projectId', '=', p.id).executeTakeFirst(),
    ]);
    const all = [...new Set([...fields, ...(pub?.fieldOfAction ? [pub.fieldOfAction] : [])])];
    return {
      kind: 'project' as const,
      id: p.id,
      title: p.title,
      text: [p.title, ...needs.map((n) => n.title)].join(' '),
      fields: all,
    };
  }
  const n = await deps.db
    .selectFrom('needs')
    .select(['id', 'title', 'service'])
    .where('id', '=', q.needId as string)
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (!n) throw new AppError('not_found');
  const fields = await deps.db
    .selectFrom('goalNeeds as gn')
    .innerJoin('goals as g', 'g.id', 'gn.goalId')
    .innerJoin('fieldsOfAction as f', 'f.id', 'g.fieldId')
    .select('f.name')
    .where('gn.needId', '=', n.id)
    .groupBy('f.name')
    .execute();
  return {
    kind: 'need' as const,
    id: n.id,
    title: n.title,
    text: `${n.title} ${n.service}`,
    fields: fields.map((f) => f.name),
  };
}

/**
 * Partner suggestions for one of my needs or projects: municipalities that published a similar project
 * (German full-text, same field of action) or opened a similar need for partner search, scored with size
 * class and nearness (same Kreis, neighbouring Kreis by coordinates, across district borders). Only
 * published entries and needs opened for partner search are considered — nothing private.
 */
export async function suggestPartners(deps: Deps, scope: TenantScope, q: { needId?: string; projectId?: string }) {
  const src = await sourceOf(deps, scope, q);
  const words = orQuery(src.text);
  const fields = src.fields;
  const tsq = words ? sql`to_tsquery('german', ${words})` : null;
  const [pubs, needs, me] = await Promise.all([
    deps.db
      .selectFrom('publications as p')
      .where('p.status', '=', 'published')
      .where(visible(scope))
      .where('p.municipalityId', '<>', scope.municipalityId)
      .where((eb) => {
        const any = [];
        if (tsq) any.push(sql<boolean>`p.search @@ ${tsq}`);
        if (fields.length) any.push(eb('p.fieldOfAction', 'in', fields));
        return any.length ? eb.or(any) : eb.val(false);
      })
      .select([
        'p.id',
        'p.title',
        'p.municipalityId',
        'p.fieldOfAction',
        (tsq ? sql<number>`ts_rank(p.search, ${tsq})` : sql<number>`0`).as('rank'),
      ])
      .orderBy('rank', 'desc')
      .limit(200)
      .execute(),
    tsq
      ? deps.db
          .selectFrom('needs as n')
          .where('n.seekingPartners', '=', true)
          .where('n.municipalityId', '<>', scope.municipalityId)
          .where('n.status', 'not in', ['merged', 'rejected', 'done'])
          .where(sql<boolean>`n.search @@ ${tsq}`)
          .select(['n.id', 'n.title', 'n.municipalityId', sql<number>`ts_rank(n.search, ${tsq})`.as('rank')])
          .orderBy('rank', 'desc')
          .limit(200)
          .execute()
      : [],
    deps.db
      .selectFrom('municipalities')
      .select(['population', 'kreisKey', 'lat', 'lon'])
      .where('id', '=', scope.municipalityId)
      .executeTakeFirstOrThrow(),
  ]);
  const ids = [...new Set([...pubs.map((p) => p.municipalityId), ...needs.map((n) => n.municipalityId)])];
  if (!ids.length) return { source: { kind: src.kind, id: src.id, title: src.title, fields: src.fields }, items: [] };
  const [places, requests] = await Promise.all([
    deps.db
      .selectFrom('municipalities')
      .select(['id', 'name', 'population', 'landCode', 'kreis', 'kreisKey', 'lat', 'lon'])
      .where('id', 'in', ids)
      .execute(),
    deps.db
      .selectFrom('contactRequests')
      .select(['toMunicipalityId', 'status'])
      .where('fromMunicipalityId', '=', scope.municipalityId)
      .where('toMunicipalityId', 'in', ids)
      .orderBy('createdAt')
      .execute(),
  ]);
  const maxRank = Math.max(1e-9, ...pubs.map((p) => Number(p.rank)), ...needs.map((n) => Number(n.rank)));
  const request = new Map(requests.map((r) => [r.toMunicipalityId, r.status]));
  const mySize = sizeClassOf(me.population);
  const items = places.map((m) => {
    const theirPubs = pubs.filter((p) => p.municipalityId === m.id);
    const theirNeeds = needs.filter((n) => n.municipalityId === m.id);
    const pubText = Math.max(0, ...theirPubs.map((p) => Number(p.rank)));
    const needText = Math.max(0, ...theirNeeds.map((n) => Number(n.rank)));
    const distance =
      me.lat !== null && me.lon !== null && m.lat !== null && m.lon !== null
        ? Math.round(distanceKm({ lat: me.lat, lon: me.lon }, { lat: m.lat, lon: m.lon }))
        : null;
    const base = {
      sameField: theirPubs.some((p) => src.fields.includes(p.fieldOfAction)),
      sizeClassDiff: Math.abs(sizeClassOf(m.population) - mySize),
      sameKreis: m.kreisKey === me.kreisKey,
      distanceKm: distance,
    };
    const byProject = matchScore({ ...base, kind: 'project', text: pubText / maxRank });
    const byNeed = matchScore({ ...base, kind: 'need', text: needText / maxRank });
    const best = byNeed.score > byProject.score ? byNeed : byProject;
    const reasons = [...new Set([...byProject.reasons, ...(needText > 0 ? byNeed.reasons : [])])];
    return {
      municipality: (({ population: _p, kreisKey: _k, ...ref }) => ref)(toRef(m)),
      score: best.score,
      distanceKm: distance,
      reasons,
      matches: [
        ...theirPubs.slice(0, 3).map((p) => ({ kind: 'project' as const, id: p.id as string | null, title: p.title })),
        ...theirNeeds.slice(0, 3).map((n) => ({ kind: 'need' as const, id: null, title: n.title })),
      ],
      request: request.get(m.id) ?? null,
    };
  });
  items.sort((a, b) => b.score - a.score || a.municipality.name.localeCompare(b.municipality.name, 'de'));
  return { source: { kind: src.kind, id: src.id, title: src.title, fields: src.fields }, items: items.slice(0, 25) };
}

/** A need is opened for (or closed to) partner search: its title then counts in other municipalities' matching. */
export async function setPartnerSearch(
  deps: Deps,
  scope: TenantScope,
  needId: string,
  input: z.infer<typeof needPartnerSearch>,
) {
  authorize(scope, 'partners', 'send');
  await deps.db.transaction().execute(async (trx) => {
    const n = await trx
      .selectFrom('needs')
      .select(['id', 'version'])
      .where('id', '=', needId)
      .where('municipalityId', '=', scope.municipalityId)
      .forUpdate()
      .executeTakeFirst();
    if (!n) throw new AppError('not_found');
    assertVersion(n, input.version);
    await trx
      .updateTable('needs')
      .set({ seekingPartners: input.seekingPartners, version: sql`version + 1`, updatedAt: new Date() })
      .where('id', '=', needId)
      .execute();
    await writeAudit(trx, scope, {
      action: input.seekingPartners ? 'open_partner_search' : 'close_partner_search',
      entity: 'need',
      entityId: needId,
      municipalityId: scope.municipalityId,
    });
  });
  return { ok: true as const };
}

/** A contact request to another municipality; its coordinators get an email (no contact details yet). */
export async function sendContactRequest(deps: Deps, scope: TenantScope, input: z.infer<typeof contactRequestInput>) {
  authorize(scope, 'partners', 'send');
  if (input.toMunicipalityId === scope.municipalityId)
    throw new AppError('validation_failed', 'Nicht an die eigene Kommune.', [
      { path: 'toMunicipalityId', code: 'own_municipality', message: 'Sie können sich nicht selbst anfragen.' },
    ]);
  const [to, from, open] = await Promise.all([
    deps.db
      .selectFrom('municipalities')
      .select(['id', 'name'])
      .where('id', '=', input.toMunicipalityId)
      .executeTakeFirst(),
    deps.db
      .selectFrom('municipalities')
      .select('name')
      .where('id', '=', scope.municipalityId)
      .executeTakeFirstOrThrow(),
    deps.db
      .selectFrom('contactRequests')
      .select('id')
      .where('fromMunicipalityId', '=', scope.municipalityId)
      .where('toMunicipalityId', '=', input.toMunicipalityId)
      .where('status', '=', 'open')
      .executeTakeFirst(),
  ]);
  if (!to)
    throw new AppError('validation_failed', 'Diese Kommune gibt es nicht.', [
      { path: 'toMunicipalityId', code: 'unknown_municipality', message: 'Diese Kommune gibt es nicht.' },
    ]);
  if (open) throw new AppError('conflict', 'Es gibt bereits eine offene Anfrage an diese Kommune.');
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('contactRequests')
      .values({
        id,
        fromMunicipalityId: scope.municipalityId,
        toMunicipalityId: to.id,
        fromUserId: scope.user.id,
        about: input.about,
        message: input.message,
      })
      .execute();
    await writeAudit(trx, scope, {
      action: 'contact_request',
      entity: 'contact_request',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: { to: to.name },
    });
  });
  const url = appLink(deps.config.publicUrl, '/austausch/kontakte', to.id);
  for (const u of await coordinators(deps, [to.id]))
    await notify(
      deps,
      deps.db,
      u,
      MAILS.contactRequest({ name: u.name, from: from.name, about: input.about ?? null, message: input.message, url }),
      { path: '/austausch/kontakte', municipalityId: to.id },
    );
  return { id };
}

/** Incoming and outgoing requests; the other side's contact details appear only once accepted. */
export async function listContactRequests(deps: Deps, scope: TenantScope) {
  const rows = await deps.db
    .selectFrom('contactRequests as c')
    .innerJoin('municipalities as fm', 'fm.id', 'c.fromMunicipalityId')
    .innerJoin('municipalities as tm', 'tm.id', 'c.toMunicipalityId')
    .leftJoin('users as fu', 'fu.id', 'c.fromUserId')
    .leftJoin('users as au', 'au.id', 'c.answeredBy')
    .leftJoin('memberships as fms', (j) =>
      j.onRef('fms.userId', '=', 'c.fromUserId').onRef('fms.municipalityId', '=', 'c.fromMunicipalityId'),
    )
    .leftJoin('memberships as ams', (j) =>
      j.onRef('ams.userId', '=', 'c.answeredBy').onRef('ams.municipalityId', '=', 'c.toMunicipalityId'),
    )
    .select([
      'c.id',
      'c.fromMunicipalityId',
      'fm.name as fromName',
      'tm.name as toName',
      'c.about',
      'c.message',
      'c.status',
      'c.createdAt',
      'c.answeredAt',
      'fu.name as fromUser',
      'fu.email as fromEmail',
      'fms.role as fromRole',
      'au.name as answerUser',
      'au.email as answerEmail',
      'ams.role as answerRole',
    ])
    .where((eb) =>
      eb.or([
        eb('c.fromMunicipalityId', '=', scope.municipalityId),
        eb('c.toMunicipalityId', '=', scope.municipalityId),
      ]),
    )
    .orderBy('c.createdAt', 'desc')
    .limit(200)
    .execute();
  const role = (r: MunicipalityRole | null) => (r ? (MUNICIPALITY_ROLE_LABELS[r] ?? r) : null);
  const item = (r: (typeof rows)[number], incoming: boolean) => {
    const accepted = r.status === 'accepted';
    const contact = !accepted
      ? null
      : incoming
        ? r.fromEmail
          ? { name: r.fromUser ?? '', email: r.fromEmail, role: role(r.fromRole) }
          : null
        : r.answerEmail
          ? { name: r.answerUser ?? '', email: r.answerEmail, role: role(r.answerRole) }
          : null;
    return {
      id: r.id,
      municipality: incoming ? r.fromName : r.toName,
      about: r.about,
      message: r.message,
      status: r.status,
      createdAt: iso(r.createdAt),
      answeredAt: iso(r.answeredAt),
      contact,
    };
  };
  return {
    incoming: rows.filter((r) => r.fromMunicipalityId !== scope.municipalityId).map((r) => item(r, true)),
    outgoing: rows.filter((r) => r.fromMunicipalityId === scope.municipalityId).map((r) => item(r, false)),
    can: presentCan(scope, 'partners'),
  };
}

/** Accepts or declines a request to my municipality; on acceptance both sides see each other's contact. */
export async function answerContactRequest(deps: Deps, scope: TenantScope, id: string, accept: boolean) {
  const r = await deps.db
    .selectFrom('contactRequests')
    .selectAll()
    .where('id', '=', id)
    .where('toMunicipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (!r) throw new AppError('not_found');
  authorize(scope, 'partners', 'answer');
  if (r.status !== 'open') throw new AppError('conflict', 'Diese Anfrage wurde bereits beantwortet.');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('contactRequests')
      .set({ status: accept ? 'accepted' : 'declined', answeredBy: scope.user.id, answeredAt: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .execute();
    await writeAudit(trx, scope, {
      action: accept ? 'accept' : 'decline',
      entity: 'contact_request',
      entityId: id,
      municipalityId: scope.municipalityId,
    });
  });
  const [me, requester] = await Promise.all([
    deps.db
      .selectFrom('municipalities')
      .select('name')
      .where('id', '=', scope.municipalityId)
      .executeTakeFirstOrThrow(),
    r.fromUserId
      ? deps.db.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', r.fromUserId).executeTakeFirst()
      : undefined,
  ]);
  if (requester)
    await notify(
      deps,
      deps.db,
      { userId: requester.id, email: requester.email },
      MAILS.contactAnswer({
        name: requester.name,
        municipality: me.name,
        accept,
        contact: `${scope.user.name}, ${scope.user.email}`,
        url: appLink(deps.config.publicUrl, '/austausch/kontakte', r.fromMunicipalityId),
      }),
      { path: '/austausch/kontakte', municipalityId: r.fromMunicipalityId },
    );
  return listContactRequests(deps, scope);
}
