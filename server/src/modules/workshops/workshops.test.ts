import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import { type Client, createTestContext, login, type TestContext } from '../../../test/helpers.js';
import { expectTaggedPdf } from '../../../test/pdf-tags.js';
import { pdfText } from '../../../test/pdf-text.js';
import { buildApp } from '../../app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function setup() {
  const mod = await buildUser(ctx.db, { name: 'Moderation' });
  const a = await buildMunicipality(ctx.db, { population: 8000, name: 'Kleinstadt A' });
  const b = await buildMunicipality(ctx.db, { population: 12000, name: 'Mittelstadt B' });
  const net = await buildNetwork(ctx.db, mod.id, [a.id, b.id]);
  const moderator = await login(ctx.app, mod.email);
  const survey = (
    await moderator.post('/api/v1/surveys', { networkId: net.id, title: 'Vorab-Umfrage', mode: 'municipality' })
  ).json().id as string;
  const res = await moderator.post('/api/v1/workshops', {
    networkId: net.id,
    surveyId: survey,
    title: 'Sondersitzung Big Picture',
    heldOn: '2026-06-10',
    place: 'Videokonferenz',
    leitfrage: 'Was sind die Schmerzpunkte bei der Umsetzung von Digitalisierungsvorhaben?',
    votesPerPerson: 2,
    municipalityIds: [a.id, b.id],
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const w = (await moderator.get(`/api/v1/workshops/${id}`)).json();
  return { moderator, net, a, b, id, w, survey };
}

let address: string | undefined;
/** The app listening on a random port (once per file: several SSE tests share it). */
async function listening(): Promise<string> {
  address ??= await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  return address;
}

async function joinAs(code: string, name: string) {
  const r = await ctx.app.inject({ method: 'POST', url: '/api/v1/live/join', payload: { code, name } });
  expect(r.statusCode, r.body).toBe(201);
  const token = r.json().token as string;
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    ctx.app.inject({ method, url, headers: { 'x-participant-token': token }, ...(payload ? { payload } : {}) });
  return { token, call };
}

describe('workshops', () => {
  it('creates the agenda from the survey sections after an impulse talk', async () => {
    const { w, moderator } = await setup();
    expect(w.items[0]).toMatchObject({ kind: 'impulse', position: 1 });
    expect(w.items.map((i: { title: string }) => i.title)).toContain('Personelle und finanzielle Ressourcen');
    expect(w.joinCode).toMatch(/^[A-Z2-9]{6}$/);
    expect(w.municipalities).toHaveLength(2);
    // the QR code for the projector points to the join page with the code
    const qr = await moderator.get(`/api/v1/workshops/${w.id}/qr.svg`);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
  });

  it('participants join with the code, collect ideas and dot-vote within their budget', async () => {
    const { moderator, id, w } = await setup();
    const topic = w.items[1].id as string;
    const anna = await joinAs(w.joinCode.toLowerCase(), 'Anna aus A');
    const ben = await joinAs(w.joinCode, 'Ben aus B');
    expect((await anna.call('POST', '/api/v1/live/votes', { ideaId: topic })).statusCode).toBe(409); // not live yet
    const idea = await anna.call('POST', '/api/v1/live/ideas', {
      itemId: topic,
      text: 'Interkommunale Zusammenarbeit',
    });
    expect(idea.statusCode).toBe(201);
    await ben.call('POST', '/api/v1/live/ideas', { itemId: topic, text: 'Shared Service Bauhof' });
    await moderator.post(`/api/v1/workshops/${id}/live`, { status: 'live', currentItemId: topic });
    const state = (await anna.call('GET', '/api/v1/live/state')).json();
    expect(state.currentItemId).toBe(topic);
    const ideas = state.items.find((i: { id: string }) => i.id === topic).ideas;
    const ikz = ideas.find((i: { text: string }) => i.text.startsWith('Interkommunale')).id;
    const bauhof = ideas.find((i: { text: string }) => i.text.startsWith('Shared')).id;
    expect((await anna.call('POST', '/api/v1/live/votes', { ideaId: ikz })).statusCode).toBe(201);
    // parallel clicks cannot overspend the two dots
    const burst = await Promise.all([1, 2, 3].map(() => anna.call('POST', '/api/v1/live/votes', { ideaId: ikz })));
    expect(burst.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(burst.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'no_votes_left')).toBe(true);
    await ben.call('POST', '/api/v1/live/votes', { ideaId: ikz });
    await ben.call('POST', '/api/v1/live/votes', { ideaId: bauhof });
    const after = (await ben.call('GET', '/api/v1/live/state')).json();
    const t = after.items.find((i: { id: string }) => i.id === topic);
    expect(t.votesLeft).toBe(0);
    expect(t.ideas.find((i: { id: string }) => i.id === ikz)).toMatchObject({ votes: 3, mine: 1 });
    // withdraw a dot
    expect((await ben.call('DELETE', `/api/v1/live/votes/${bauhof}`)).statusCode).toBe(200);
    const detail = (await moderator.get(`/api/v1/workshops/${id}`)).json();
    expect(detail.items[1].ideas[0]).toMatchObject({ text: 'Interkommunale Zusammenarbeit', votes: 3 });
    expect(detail.participants).toBe(2);
    // unknown token and unknown code
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/live/state' })).statusCode).toBe(401);
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/live/join',
      payload: { code: 'ZZZZZZ', name: 'X Y' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps the dot budget per person across re-joins with the same code', async () => {
    const { moderator, id, w } = await setup();
    const topic = w.items[1].id as string;
    await moderator.post(`/api/v1/workshops/${id}/live`, { status: 'live', currentItemId: topic });
    const seed = await joinAs(w.joinCode, 'Ideengeberin');
    const state = await seed.call('POST', '/api/v1/live/ideas', { itemId: topic, text: 'Gemeinsamer Bauhof' });
    const ideaId = state.json().items.find((i: { id: string }) => i.id === topic).ideas[0].id as string;
    const dots = async () =>
      Number(
        (
          await ctx.db
            .selectFrom('workshopVotes')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('ideaId', '=', ideaId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const spendAll = async (call: (m: 'POST', u: string, b: object) => Promise<{ statusCode: number }>) => {
      for (let i = 0; i < 2; i++) expect((await call('POST', '/api/v1/live/votes', { ideaId })).statusCode).toBe(201);
    };
    const rejected = async (call: (m: 'POST', u: string, b: object) => Promise<LightMyRequestResponse>) => {
      const r = await call('POST', '/api/v1/live/votes', { ideaId });
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json()).toMatchObject({
        code: 'no_votes_left',
        detail: 'Sie haben alle Punkte für dieses Thema vergeben.',
      });
    };

    // anonymous: the participant cookie of the first join names the same person on the re-join
    const first = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/live/join',
      payload: { code: w.joinCode, name: 'Anna' },
    });
    const cookie = first.cookies.find((c) => c.name === 'dz_participant');
    expect(cookie).toMatchObject({ httpOnly: true, path: '/api/v1/live', sameSite: 'Strict' });
    const annaToken = first.json().token as string;
    const anna = (m: 'POST', u: string, b: object, t = annaToken) =>
      ctx.app.inject({ method: m, url: u, headers: { 'x-participant-token': t }, payload: b });
    await spendAll(anna);
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/live/join',
      headers: { cookie: `dz_participant=${cookie!.value}` },
      payload: { code: w.joinCode, name: 'Anna' },
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().token).toBe(annaToken);
    await rejected((m, u, b) => anna(m, u, b, again.json().token));
    // the token sent as a header works the same way (the web app keeps it in session storage)
    const byHeader = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/live/join',
      headers: { 'x-participant-token': annaToken },
      payload: { code: w.joinCode, name: 'Anna' },
    });
    expect(byHeader.json().token).toBe(annaToken);

    // signed in: one person per user, whatever the device, cookie or token
    const user = await buildUser(ctx.db, { name: 'Berta Angemeldet' });
    const berta = await login(ctx.app, user.email);
    const joinSigned = async () => {
      const r = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/live/join',
        headers: { cookie: berta.cookie },
        payload: { code: w.joinCode, name: 'Berta' },
      });
      expect(r.statusCode, r.body).toBe(201);
      const t = r.json().token as string;
      return (m: 'POST', u: string, b: object) =>
        ctx.app.inject({ method: m, url: u, headers: { 'x-participant-token': t }, payload: b });
    };
    await spendAll(await joinSigned());
    // a new device (no participant cookie), and a burst of parallel re-joins: still the same budget
    await rejected(await joinSigned());
    const burst = await Promise.all([1, 2, 3].map(() => joinSigned()));
    for (const call of burst) await rejected(call);
    const rows = await ctx.db
      .selectFrom('workshopParticipants')
      .select(['id', 'userId'])
      .where('workshopId', '=', id)
      .where('userId', '=', user.id)
      .execute();
    expect(rows).toHaveLength(1);
    // Ideengeberin has not voted: 2 dots of Anna, 2 of Berta
    expect(await dots()).toBe(4);
    const detail = (await moderator.get(`/api/v1/workshops/${id}`)).json();
    expect(detail.participants).toBe(3);
  });

  it('streams updates over SSE when anything changes', async () => {
    const { moderator, id, w } = await setup();
    const anna = await joinAs(w.joinCode, 'Anna');
    const address = await listening();
    const ctrl = new AbortController();
    const res = await fetch(`${address}/api/v1/live/events?token=${anna.token}`, { signal: ctrl.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const seen: string[] = [];
    const read = async (until: (s: string) => boolean) => {
      const dec = new TextDecoder();
      while (!until(seen.join(''))) {
        const { value, done } = await reader.read();
        if (done) break;
        seen.push(dec.decode(value));
      }
    };
    await read((s) => s.includes('event: update'));
    const before = seen.join('').split('event: update').length;
    await moderator.post(`/api/v1/workshops/${id}/live`, { status: 'live', currentItemId: w.items[1].id });
    await read((s) => s.split('event: update').length > before);
    expect(seen.join('').split('event: update').length).toBeGreaterThan(before);
    ctrl.abort();
  });

  it('delivers a dot vote posted on one app instance to a presentation connected to another', async () => {
    const { moderator, id, w } = await setup();
    const topic = w.items[1].id as string;
    const anna = await joinAs(w.joinCode, 'Anna');
    await anna.call('POST', '/api/v1/live/ideas', { itemId: topic, text: 'Gemeinsame Vergabestelle' });
    await moderator.post(`/api/v1/workshops/${id}/live`, { status: 'live', currentItemId: topic });
    const ideaId = (await anna.call('GET', '/api/v1/live/state'))
      .json()
      .items.find((i: { id: string }) => i.id === topic).ideas[0].id as string;
    // the presentation (the moderator's stream) hangs on a second instance on the same database
    const other = await ctx.secondInstance();
    const address = await other.app.listen({ port: 0, host: '127.0.0.1' });
    const ctrl = new AbortController();
    const res = await fetch(`${address}/api/v1/workshops/${id}/events`, {
      headers: { cookie: moderator.cookie },
      signal: ctrl.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    let seen = '';
    const updates = () => seen.split('event: update').length - 1;
    const readUntil = async (n: number) => {
      while (updates() < n) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += dec.decode(value);
      }
    };
    await readUntil(1);
    const before = updates();
    // the vote goes to the first instance; its notification reaches the second one's stream
    expect((await anna.call('POST', '/api/v1/live/votes', { ideaId })).statusCode).toBe(201);
    await readUntil(before + 1);
    expect(updates()).toBeGreaterThan(before);
    ctrl.abort();
  });

  it('caps concurrent live streams per participant and per signed-in user, and frees them on disconnect', async () => {
    const { moderator, id, w } = await setup();
    const anna = await joinAs(w.joinCode, 'Anna');
    const ben = await joinAs(w.joinCode, 'Ben');
    const address = await listening();
    const open: AbortController[] = [];
    const stream = async (path: string, headers: Record<string, string> = {}) => {
      const ctrl = new AbortController();
      const res = await fetch(`${address}${path}`, { signal: ctrl.signal, headers });
      if (res.status === 200) {
        open.push(ctrl);
        const reader = res.body!.getReader();
        let seen = '';
        while (!seen.includes('event: update')) seen += new TextDecoder().decode((await reader.read()).value);
      }
      return { res, ctrl };
    };
    const mine = `/api/v1/live/events?token=${anna.token}`;
    try {
      const first = await stream(mine);
      for (let i = 0; i < 2; i++) expect((await stream(mine)).res.status).toBe(200);
      const fourth = await stream(mine);
      expect(fourth.res.status).toBe(429);
      expect(fourth.res.headers.get('content-type')).toContain('application/problem+json');
      expect(await fourth.res.json()).toMatchObject({
        status: 429,
        code: 'too_many_streams',
        detail: expect.stringContaining('Sie haben bereits 3 Live-Ansichten'),
      });
      // another participant is not affected
      expect((await stream(`/api/v1/live/events?token=${ben.token}`)).res.status).toBe(200);
      // closing one stream frees its place
      first.ctrl.abort();
      let again = await stream(mine);
      for (let i = 0; again.res.status === 429 && i < 50; i++) {
        await new Promise((r) => setTimeout(r, 20));
        again = await stream(mine);
      }
      expect(again.res.status).toBe(200);
      // the moderator's own event stream of the workshop: three per user and workshop
      const mod = `/api/v1/workshops/${id}/events`;
      for (let i = 0; i < 3; i++) expect((await stream(mod, { cookie: moderator.cookie })).res.status).toBe(200);
      const extra = await stream(mod, { cookie: moderator.cookie });
      expect(extra.res.status).toBe(429);
      expect(((await extra.res.json()) as { code: string }).code).toBe('too_many_streams');
    } finally {
      for (const c of open) c.abort();
    }
  });

  it('fans updates out to another app instance on the same database (LISTEN/NOTIFY)', async () => {
    const { id, w } = await setup();
    // a second, independent application on the same database, as behind a load balancer
    const second = await buildApp({ config: ctx.config, db: ctx.db, logger: false, listen: ctx.listen });
    const address = await second.listen({ port: 0, host: '127.0.0.1' });
    try {
      const anna = await joinAs(w.joinCode, 'Anna');
      const ctrl = new AbortController();
      const res = await fetch(`${address}/api/v1/live/events?token=${anna.token}`, { signal: ctrl.signal });
      const reader = res.body!.getReader();
      const dec = new TextDecoder();
      let seen = '';
      while (!seen.includes('event: update')) seen += dec.decode((await reader.read()).value);
      const before = seen.split('event: update').length;
      // the idea is written through the first instance
      const r = await anna.call('POST', '/api/v1/live/ideas', {
        itemId: w.items[1].id,
        text: 'Über die andere Instanz',
      });
      expect(r.statusCode).toBe(201);
      while (seen.split('event: update').length <= before) seen += dec.decode((await reader.read()).value);
      expect(seen.split('event: update').length).toBeGreaterThan(before);
      ctrl.abort();
      expect(id).toBeTruthy();
    } finally {
      await second.close();
    }
  });

  it('records outcomes and follow-up actions and produces the report as Markdown and PDF', async () => {
    const { moderator, id, w } = await setup();
    const topic = w.items[1];
    const anna = await joinAs(w.joinCode, 'Anna');
    await moderator.post(`/api/v1/workshops/${id}/live`, { status: 'live', currentItemId: topic.id });
    const idea = (
      await anna.call('POST', '/api/v1/live/ideas', { itemId: topic.id, text: 'Kommunikationsstrategie' })
    ).json();
    const ideaId = idea.items.find((i: { id: string }) => i.id === topic.id).ideas[0].id;
    await anna.call('POST', '/api/v1/live/votes', { ideaId });
    await anna.call('POST', '/api/v1/live/votes', { ideaId });
    const upd = await moderator.patch(`/api/v1/workshops/${id}/items/${topic.id}`, {
      version: topic.version,
      kind: topic.kind,
      title: topic.title,
      description: '',
      speaker: '',
      durationMin: 30,
      surveySectionId: topic.surveySectionId,
      outcome: 'Personal bündeln über Kreisgrenzen hinweg.',
    });
    expect(upd.statusCode).toBe(200);
    const stale = await moderator.patch(`/api/v1/workshops/${id}/items/${topic.id}`, {
      version: topic.version,
      kind: topic.kind,
      title: 'Alt',
    });
    expect(stale.statusCode).toBe(409);
    const act = await moderator.post(`/api/v1/workshops/${id}/actions`, {
      itemId: topic.id,
      what: 'Gemeinsame Stelle für Digitalisierung prüfen',
      who: 'Kleinstadt A',
      dueOn: '2026-09-30',
    });
    expect(act.statusCode).toBe(201);
    const actionId = act.json().actions[0].id as string;
    const md = await moderator.get(`/api/v1/workshops/${id}/report.md`);
    expect(md.statusCode).toBe(200);
    expect(md.body).toContain('**Leitfrage:** Was sind die Schmerzpunkte');
    expect(md.body).toContain('Kleinstadt A (GK7');
    expect(md.body).toContain('Kommunikationsstrategie — 2 Punkte');
    expect(md.body).toContain(actionId);
    const pdf = await moderator.get(`/api/v1/workshops/${id}/report.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await expectTaggedPdf(pdf.rawPayload)).toEqual(expect.arrayContaining(['H1', 'H2', 'H3', 'Table', 'TH']));
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Workshopbericht');
    expect(text).toContain('Personelle und finanzielle Ressourcen');
    expect(text).toContain('Kommunikationsstrategie');
    expect(text).toContain('2 Punkte');
    expect(text).toContain('Gemeinsame Stelle für Digitalisierung prüfen');
    // a member municipality reads the report; a stranger gets 404
    const other = await buildMunicipality(ctx.db);
    const stranger: Client = await login(
      ctx.app,
      (await buildUser(ctx.db, { municipalityId: other.id, role: 'admin' })).email,
    );
    expect((await stranger.get(`/api/v1/workshops/${id}/report.pdf`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/v1/workshops/${id}`)).statusCode).toBe(404);
  });
});
