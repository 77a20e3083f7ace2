import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hashSecret, newId, newSecret } from '../src/lib/ids.js';
import { buildMunicipality, buildNetwork, buildUser } from './factories.js';
import { buildGuideResources } from './guides-fixtures.js';
import { type Client, createTestContext, login, multipart, type TestContext } from './helpers.js';
import { buildMaturityResources } from './maturity-fixtures.js';

/**
 * Schema-driven bad-input fuzzing of every registered write route with a JSON body. The actor may do
 * everything (platform admin, admin of A, moderator of A's network), so requests reach validation and
 * the services. Invariants: never a 5xx; errors are problem+json, 400s name the fields; a rejected
 * request writes nothing (no audit entry — every write is audited in the same transaction).
 * New routes are picked up from app.routeList automatically.
 */
const NASTY_STRINGS = [
  '',
  ' ',
  'x'.repeat(100_000),
  "'; DROP TABLE users; --",
  "1' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'Null\u0000Byte',
  '\uD800',
  '\u202Eevil',
  '👩‍💻🇩🇪',
  'Ä'.repeat(300),
  '../../etc/passwd',
  '$' + '{7*7}{{7*7}}', // template injection probe
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '2026-02-30',
  '-1',
];
const nastyValue = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, [], {}, [1, 2], {
    nested: { deep: true },
  }),
  fc.string({ maxLength: 50 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.uuid(),
);

let ctx: TestContext;
let actor: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  const a = await buildMunicipality(ctx.db, { name: 'Fuzzingen' });
  const p = await buildUser(ctx.db, { municipalityId: a.id, role: 'admin', isPlatformAdmin: true });
  const staff = await buildUser(ctx.db, { municipalityId: a.id, role: 'staff' });
  const net = await buildNetwork(ctx.db, p.id, [a.id]);
  const dept = await ctx.db
    .selectFrom('departments')
    .select('id')
    .where('municipalityId', '=', a.id)
    .executeTakeFirstOrThrow();
  const inv = newId();
  await ctx.db
    .insertInto('invitations')
    .values({
      id: inv,
      municipalityId: a.id,
      email: 'offen@example.org',
      role: 'staff',
      tokenHash: hashSecret(newSecret()),
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .execute();
  Object.assign(ids, {
    municipalityId: a.id,
    userId: staff.id,
    page: 'imprint',
    networkId: net.id,
    departmentId: dept.id,
    invitationId: inv,
    importId: newId(),
    file: `${'x'.repeat(43)}.ics`,
  });
  actor = await login(ctx.app, p.email);
  Object.assign(ids, (await buildMaturityResources(actor, net.id, 'Fuzz')).ids);
  ids.surveyId = (
    await actor.post('/api/v1/surveys', { networkId: net.id, title: 'Fuzz-Umfrage', mode: 'municipality' })
  ).json().id;
  const ws = (
    await actor.post('/api/v1/workshops', { networkId: net.id, title: 'Fuzz-Workshop', heldOn: '2026-06-10' })
  ).json().id as string;
  const item = (await actor.get(`/api/v1/workshops/${ws}`)).json().items[0].id as string;
  await actor.post(`/api/v1/workshops/${ws}/ideas`, { itemId: item, text: 'Fuzz-Idee' });
  const detail = (await actor.post(`/api/v1/workshops/${ws}/actions`, { what: 'Fuzz-Aufgabe' })).json();
  Object.assign(ids, {
    needId: (await actor.post('/api/v1/needs', { title: 'Fuzz-Bedarf', source: 'citizen' })).json().id,
    ideaId: (await actor.post('/api/v1/ideas', { title: 'Fuzz-Idee' })).json().id,
    ...(await (async () => {
      const start = (await actor.get('/api/v1/target-picture')).json();
      start.fields[0].goals = [{ title: 'Fuzz-Ziel', indicators: [{ name: 'Fuzz-Indikator' }] }];
      const tp = (await actor.put('/api/v1/target-picture', { version: 0, vision: '', fields: start.fields })).json();
      const indicatorId = tp.fields[0].goals[0].indicators[0].id as string;
      const v = (
        await actor.post(`/api/v1/target-picture/indicators/${indicatorId}/values`, {
          measuredOn: '2026-01-01',
          value: 1,
        })
      ).json();
      return { indicatorId, valueId: v.fields[0].goals[0].indicators[0].values[0].id };
    })()),
    ...(await (async () => {
      const projectId = (await actor.post('/api/v1/projects', { title: 'Fuzz-Projekt' })).json().id as string;
      await actor.post(`/api/v1/projects/${projectId}/milestones`, { title: 'Fuzz-Meilenstein', dueOn: '2027-01-01' });
      await actor.post(`/api/v1/projects/${projectId}/tasks`, { title: 'Fuzz-Aufgabe' });
      await actor.post(`/api/v1/projects/${projectId}/links`, { title: 'Fuzz-Link', url: 'https://example.org' });
      const d = (
        await actor.inject({
          method: 'POST',
          url: `/api/v1/projects/${projectId}/files`,
          ...multipart('fuzz.txt', Buffer.from('fuzz')),
        })
      ).json();
      const riskId = (
        await actor.post(`/api/v1/projects/${projectId}/risks`, {
          title: 'Fuzz-Risiko',
          category: 'financial',
          probability: 10,
          costMin: 1,
          costLikely: 2,
          costMax: 3,
        })
      ).json().items[0].id as string;
      const communicationId = (
        await actor.post('/api/v1/communication', {
          projectId,
          audience: 'all_staff',
          message: 'Fuzz-Botschaft',
          channel: 'newsroom',
          dueOn: '2027-01-01',
        })
      ).json().id as string;
      const serviceId = (
        await actor.post('/api/v1/processes/services', { name: 'Fuzz-Leistung', casesPerYear: 10, minutesPerCase: 5 })
      ).json().id as string;
      const modelId = (
        await actor.post('/api/v1/processes/models', { serviceId, kind: 'as_is', name: 'Fuzz-Modell' })
      ).json().id as string;
      const trainingId = (
        await actor.post('/api/v1/competences/trainings', {
          title: 'Fuzz-Schulung',
          provider: 'Fuzz',
          format: 'online',
        })
      ).json().id as string;
      const assignmentId = (
        await actor.post('/api/v1/competences/plan', { trainingId, userId: staff.id, dueOn: '2027-01-01' })
      ).json().id as string;
      const paperId = (
        await actor.post(`/api/v1/projects/${projectId}/decision-papers`, {
          reference: 'BV/FUZZ/1',
          paperDate: '2027-01-01',
          subject: 'Fuzz-Vorlage',
          resolution: 'Fuzz-Beschluss',
        })
      ).json().id as string;
      const publicationId = (
        await actor.put(`/api/v1/projects/${projectId}/publication`, {
          version: 0,
          visibility: 'all',
          title: 'Fuzz-Veröffentlichung',
          stage: 'running',
          contactRole: 'Fuzz-Rolle',
        })
      ).json().publicationId as string;
      const other = await buildMunicipality(ctx.db, { name: 'Partnerfuzz' });
      const requestId = newId();
      await ctx.db
        .insertInto('contactRequests')
        .values({ id: requestId, fromMunicipalityId: other.id, toMunicipalityId: a.id, message: 'Fuzz-Anfrage' })
        .execute();
      const jointId = (
        await actor.post('/api/v1/joint-projects', {
          title: 'Fuzz-Gemeinschaft',
          costKey: 'equal',
          partners: [{ municipalityId: a.id }, { municipalityId: other.id }],
        })
      ).json().id as string;
      const joint = (
        await actor.post(`/api/v1/joint-projects/${jointId}/entries`, { kind: 'decision', title: 'Fuzz-Beschluss' })
      ).json();
      const studyId = (
        await actor.post('/api/v1/shared-services/studies', {
          title: 'Fuzz-Studie',
          serviceKey: 'bauhof',
          partnerIds: [other.id],
        })
      ).json().id as string;
      // the study is live: the actor on its team, one work order with time and a photo
      await ctx.db
        .updateTable('serviceStudyPartners')
        .set({ status: 'accepted' })
        .where('studyId', '=', studyId)
        .execute();
      const study = `/api/v1/shared-services/studies/${studyId}`;
      for (const status of ['agreed', 'live'])
        await actor.post(`${study}/advance`, { version: (await actor.get(study)).json().version, status });
      await actor.post(`${study}/team`, { userId: p.id, payGroup: 'EG 5' });
      const orderId = (await actor.post(`${study}/orders`, { type: 'Winterdienst', title: 'Fuzz-Auftrag' })).json()
        .id as string;
      const attachmentId = (
        await actor.inject({
          method: 'POST',
          url: `${study}/orders/${orderId}/attachments`,
          ...multipart('fuzz.png', Buffer.from('fuzz'), 'image/png'),
        })
      ).json().id as string;
      const order = (
        await actor.post(`${study}/orders/${orderId}/entries`, {
          kind: 'time',
          userId: p.id,
          minutes: 30,
          workedOn: new Date().toISOString().slice(0, 10),
        })
      ).json();
      const typeId = (
        await actor.post('/api/v1/shared-services/catalogue', {
          networkId: net.id,
          name: 'Fuzz-Diensttyp',
          tasks: ['Fuzzen'],
          units: ['cases'],
        })
      ).json().id as string;
      const post = (await actor.post('/api/v1/news', { title: 'Fuzz-Nachricht', body: 'Text' })).json();
      await actor.post(`/api/v1/news/${post.id}/publish`, { version: post.version });
      const newsComments = (await actor.post(`/api/v1/news/${post.id}/comments`, { body: 'Fuzz-Kommentar' })).json();
      const feed = (await actor.post('/api/v1/news/feeds', { label: 'Fuzz-Intranet' })).json();
      return {
        postId: post.id,
        commentId: newsComments.items[0].id,
        feedId: feed.id,
        typeId,
        orderId,
        attachmentId,
        workEntryId: order.entries[0].id,
        publicationId,
        requestId,
        jointId,
        studyId,
        entryId: joint.entries[0].id,
        paperId,
        riskId,
        communicationId,
        serviceId,
        modelId,
        trainingId,
        assignmentId,
        projectId,
        milestoneId: d.milestones[0].id,
        taskId: d.tasks[0].id,
        linkId: d.links[0].id,
        fileId: d.files[0].id,
      };
    })()),
    workshopId: ws,
    itemId: item,
    workshopIdeaId: detail.items[0].ideas[0].id,
    actionId: detail.actions[0].id,
  });
  Object.assign(ids, (await buildGuideResources(actor, net.id, 'Fuzz', ids.projectId!)).ids);
});
afterAll(() => ctx?.close());

function fill(url: string, bad?: string) {
  return url.replace(/:(\w+)/g, (_, p: string) => {
    if (bad !== undefined) return encodeURIComponent(bad);
    if (!(p in ids)) throw new Error(`no fixture for :${p} — extend the fuzz suite`);
    return ids[p]!;
  });
}

async function auditCount() {
  const r = await ctx.db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The body's fields: an object's, or every option's of a discriminated union (with its tags, to get past them). */
type Body = z.ZodObject | z.ZodDiscriminatedUnion<z.ZodObject[]>;
function fieldsOf(schema: Body): { keys: string[]; tags: Record<string, unknown>[] } {
  if (schema instanceof z.ZodObject) return { keys: Object.keys(schema.shape), tags: [{}] };
  const d = schema.def.discriminator;
  const options = schema.options as z.ZodObject[];
  return {
    keys: [...new Set(options.flatMap((o) => Object.keys(o.shape)))],
    tags: options.map((o) => ({ [d]: (o.shape[d] as z.ZodLiteral).value })),
  };
}

function bodyArbitrary(schema: Body) {
  const { keys, tags } = fieldsOf(schema);
  const fields = fc.record(Object.fromEntries(keys.map((k) => [k, nastyValue])), { requiredKeys: [] });
  const mutated = fc.oneof(
    fields,
    fc.tuple(fields, fc.constantFrom(...tags)).map(([o, t]) => ({ ...o, ...t })),
  );
  const withExtra = mutated.map((o) => ({ ...o, unexpected: '<b>extra</b>', __proto__x: 1 }));
  return fc.oneof(
    mutated,
    withExtra,
    fc.constantFrom(null, 'text', 42, [], [{}]),
    fc.dictionary(fc.string({ maxLength: 8 }), nastyValue, { maxKeys: 5 }),
  );
}

describe('bad-input fuzzing of every write route', () => {
  it('never answers 5xx, always problem+json, and writes nothing when it rejects', async () => {
    const routes = ctx.app.routeList.filter(
      (r) =>
        r.method !== 'GET' &&
        (r.schema?.body instanceof z.ZodObject || r.schema?.body instanceof z.ZodDiscriminatedUnion) &&
        r.url.startsWith('/api/v1'),
    );
    expect(routes.length).toBeGreaterThan(15);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const r of routes) {
      const schema = r.schema!.body as Body;
      await fc.assert(
        fc.asyncProperty(bodyArbitrary(schema), fc.boolean(), async (body, badId) => {
          const url = fill(r.url, badId && r.url.includes(':') ? 'not-a-uuid' : undefined);
          const before = await auditCount();
          const res = await actor.inject({
            method: r.method as 'POST',
            url,
            payload: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const key = `${r.method} ${r.url} ${JSON.stringify(body)?.slice(0, 80)}`;
          if (res.statusCode >= 500) failures.push(`${key} → ${res.statusCode}`);
          if (res.statusCode >= 400) {
            if (!String(res.headers['content-type']).includes('application/problem+json'))
              failures.push(`${key} → not problem+json`);
            if (res.statusCode === 400 && !(res.json().errors?.length > 0))
              failures.push(`${key} → 400 without field errors`);
            if ((await auditCount()) !== before) failures.push(`${key} → rejected (${res.statusCode}) but wrote`);
          }
          return true;
        }),
        { numRuns: 30, seed: 20261127 },
      );
    }
    expect(failures).toEqual([]);
    // the inputs really reached validation: most are rejected with field errors
    expect(statuses.get(400) ?? 0).toBeGreaterThan(routes.length * 15);
    // the session survived every attack
    expect((await actor.get('/api/v1/auth/session')).statusCode).toBe(200);
  }, 180_000); // every write route × fuzzed bodies: about a minute on two cores

  it('answers invalid and unknown ids on every id route with 400/403/404', async () => {
    const failures: string[] = [];
    for (const r of ctx.app.routeList.filter(
      (x) => x.url.includes(':') && (x.url.startsWith('/api/v1') || x.url.startsWith('/oparl/')),
    )) {
      for (const bad of ['not-a-uuid', newId(), "1' OR 1=1", '%00']) {
        const res = await actor.inject({
          method: r.method as 'GET',
          url: fill(r.url, bad),
          payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        });
        // public routes guarded by their own token (workshop participants) answer 401 without it
        const allowed = r.access === 'public' ? [400, 401, 403, 404] : [400, 403, 404];
        if (!allowed.includes(res.statusCode)) failures.push(`${r.method} ${r.url} with ${bad} → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
