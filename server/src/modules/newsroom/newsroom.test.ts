import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import {
  type Client,
  createTestContext,
  login,
  mailTexts,
  multipart,
  type TestContext,
} from '../../../test/helpers.js';
import { sendNewsDigests } from '../../jobs/news-digest.js';

let ctx: TestContext;
let m: { id: string };
let coord: Client;
let staff: Client;
let yard: Client;
let council: Client;
let staffEmail = '';
let yardEmail = '';
let depts: { id: string; name: string }[] = [];
beforeAll(async () => {
  ctx = await createTestContext();
  m = await buildMunicipality(ctx.db, { name: 'Nieheim' });
  const c = await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator', name: 'Clara Koordination' });
  const s = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff', name: 'Sven Sachbearbeitung' });
  const y = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff', name: 'Bernd Bauhof' });
  const k = await buildUser(ctx.db, { municipalityId: m.id, role: 'council' });
  staffEmail = s.email;
  yardEmail = y.email;
  [coord, staff, yard, council] = (await Promise.all([c, s, y, k].map((u) => login(ctx.app, u.email)))) as [
    Client,
    Client,
    Client,
    Client,
  ];
  depts = await ctx.db.selectFrom('departments').select(['id', 'name']).where('municipalityId', '=', m.id).execute();
  // Bernd works in the building yard
  const bauhof = depts.find((d) => d.name.startsWith('Bauhof '))!;
  await ctx.db.updateTable('memberships').set({ departmentId: bauhof.id }).where('userId', '=', y.id).execute();
});
afterAll(() => ctx?.close());

const drafts = async () =>
  (await coord.get('/api/v1/news?status=draft')).json().items as {
    id: string;
    title: string;
    body: string;
    version: number;
    source: string;
    sourcePath: string;
  }[];

describe('drafts that write themselves', () => {
  it('a reached milestone, a project going live and a status report back to green each draft once', async () => {
    const p = (await coord.post('/api/v1/projects', { title: 'E-Akte' })).json();
    await coord.post(`/api/v1/projects/${p.id}/milestones`, { title: 'Pilot im Bauamt', dueOn: '2026-11-01' });
    let d = (await coord.get(`/api/v1/projects/${p.id}`)).json();
    const ms = d.milestones[0];
    const reach = (version: number, reachedOn: string | null) =>
      coord.patch(`/api/v1/projects/${p.id}/milestones/${ms.id}`, {
        version,
        title: ms.title,
        dueOn: ms.dueOn,
        reachedOn,
      });
    expect((await reach(ms.version, '2026-11-20')).statusCode).toBe(200);
    // set back and reached again: still one draft
    await reach(ms.version + 1, null);
    await reach(ms.version + 2, '2026-11-21');
    const mine = (await drafts()).filter((x) => x.source === 'milestone');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ title: 'Meilenstein erreicht: Pilot im Bauamt', sourcePath: `/projekte/${p.id}` });
    expect(mine[0]!.body).toContain('**E-Akte**');
    // a draft still holding its placeholder is not published
    const unedited = await coord.post(`/api/v1/news/${mine[0]!.id}/publish`, { version: mine[0]!.version });
    expect(unedited.statusCode).toBe(409);
    expect(unedited.json().detail).toContain('Platzhalter');
    // staff do not see drafts, neither listed nor by id
    expect((await staff.get('/api/v1/news?status=draft')).statusCode).toBe(403);
    expect((await staff.get(`/api/v1/news/${mine[0]!.id}`)).statusCode).toBe(404);

    d = (await coord.get(`/api/v1/projects/${p.id}`)).json();
    const patch = {
      version: d.version,
      title: d.title,
      description: '',
      ownerId: null,
      phase: 'operation',
      startsOn: null,
      endsOn: null,
      needIds: [],
      goalIds: [],
      departmentIds: [],
      teamIds: [],
    };
    const live = await coord.patch(`/api/v1/projects/${p.id}`, patch);
    expect(live.statusCode, live.body).toBe(200);
    expect((await drafts()).some((x) => x.source === 'phase' && x.title === 'Jetzt im Einsatz: E-Akte')).toBe(true);

    const report = (overall: string) =>
      coord.post(`/api/v1/projects/${p.id}/reports`, {
        reportedOn: '2026-11-25',
        scope: overall,
        schedule: overall,
        budget: overall,
        overall,
        summary: 'Lieferung ist da.',
      });
    await report('green');
    expect((await drafts()).some((x) => x.source === 'status_green')).toBe(false);
    await report('red');
    expect((await report('green')).statusCode).toBe(201);
    const green = (await drafts()).filter((x) => x.source === 'status_green');
    expect(green).toHaveLength(1);
    expect(green[0]!.body).toContain('Lieferung ist da.');
  });

  it('an implemented idea names its submitter only with their consent', async () => {
    const named = (await staff.post('/api/v1/ideas', { title: 'Online-Terminbuchung', creditConsent: true })).json();
    const quiet = (await yard.post('/api/v1/ideas', { title: 'Tablets für den Bauhof' })).json();
    for (const id of [named.id, quiet.id]) {
      const i = (await coord.get(`/api/v1/ideas/${id}`)).json();
      const r = await coord.post(`/api/v1/ideas/${id}/status`, {
        version: i.version,
        status: 'implemented',
        reason: 'Läuft seit Montag.',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const ideas = (await drafts()).filter((x) => x.source === 'idea_implemented');
    const a = ideas.find((x) => x.title.includes('Online-Terminbuchung'))!;
    const b = ideas.find((x) => x.title.includes('Tablets'))!;
    expect(a.title).toBe('Sie haben es vorgeschlagen – jetzt ist es umgesetzt: Online-Terminbuchung');
    expect(a.body).toContain('Sven Sachbearbeitung hat');
    expect(b.body).not.toContain('Bernd');
    expect(b.body).toContain('Eine Kollegin oder ein Kollege hat');
  });
});

describe('publishing and reading', () => {
  it('staff read what is published for them; drafts, scheduled and other departments’ posts stay hidden', async () => {
    const bad = await coord.post('/api/v1/news', {
      title: 'Nur Bauhof',
      body: 'x',
      audience: 'departments',
      departmentIds: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.departmentIds');
    const other = await buildMunicipality(ctx.db);
    const foreign = await ctx.db
      .selectFrom('departments')
      .select('id')
      .where('municipalityId', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(
      (
        await coord.post('/api/v1/news', {
          title: 'Fremd',
          body: 'x',
          audience: 'departments',
          departmentIds: [foreign.id],
        })
      ).json().errors[0].code,
    ).toBe('unknown_department');
    expect((await staff.post('/api/v1/news', { title: 'Von mir', body: 'x' })).statusCode).toBe(403);

    const bauhof = depts.find((d) => d.name.startsWith('Bauhof '))!;
    const create = async (body: Record<string, unknown>) => {
      const p = (await coord.post('/api/v1/news', body)).json();
      const r = await coord.post(`/api/v1/news/${p.id}/publish`, { version: p.version });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const all = await create({
      title: 'Neue Telefonanlage',
      body: 'Ab **Montag** gilt: <script>alert(1)</script> [Anleitung](javascript:alert(1))',
    });
    expect(all.html).toContain('<strong>Montag</strong>');
    expect(all.html).toContain('&lt;script&gt;');
    expect(all.html).not.toContain('href="javascript:');
    const forYard = await create({
      title: 'Winterdienst-App',
      body: 'Nur für den Bauhof.',
      audience: 'departments',
      departmentIds: [bauhof.id],
    });
    const later = await create({ title: 'Kommt später', body: 'Noch nicht.', publishOn: '2099-01-01' });
    // publishing twice is a conflict, a stale version too
    expect((await coord.post(`/api/v1/news/${all.id}/publish`, { version: all.version })).statusCode).toBe(409);
    expect((await coord.put(`/api/v1/news/${all.id}`, { version: 1, title: 'Alt', body: 'x' })).statusCode).toBe(409);

    const titles = async (c: Client) =>
      (await c.get('/api/v1/news')).json().items.map((x: { title: string }) => x.title);
    expect(await titles(staff)).toContain('Neue Telefonanlage');
    expect(await titles(staff)).not.toContain('Winterdienst-App');
    expect(await titles(staff)).not.toContain('Kommt später');
    expect(await titles(yard)).toContain('Winterdienst-App');
    expect(await titles(council)).toContain('Neue Telefonanlage');
    expect((await staff.get(`/api/v1/news/${forYard.id}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/v1/news/${later.id}`)).statusCode).toBe(404);

    // an image with its text alternative; anything but an image is refused
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const img = await coord.inject({
      method: 'POST',
      url: `/api/v1/news/${all.id}/image`,
      ...multipart('telefon.png', png, 'image/png'),
    });
    expect(img.statusCode, img.body).toBe(200);
    expect(img.json().hasImage).toBe(true);
    const html = await coord.inject({
      method: 'POST',
      url: `/api/v1/news/${all.id}/image`,
      ...multipart('x.html', Buffer.from('<script>'), 'text/html'),
    });
    expect(html.json().errors[0]).toMatchObject({ path: 'body.file', code: 'unsupported_type' });
    expect(
      (
        await staff.inject({
          method: 'POST',
          url: `/api/v1/news/${all.id}/image`,
          ...multipart('telefon.png', png, 'image/png'),
        })
      ).statusCode,
    ).toBe(403);
    const served = await staff.get(`/api/v1/news/${all.id}/image`);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(png)).toBe(true);
    expect((await staff.get(`/api/v1/news/${forYard.id}/image`)).statusCode).toBe(404);

    // helpful marks and moderated comments
    const h = await staff.put(`/api/v1/news/${all.id}/helpful`, { helpful: true });
    expect(h.json()).toMatchObject({ helpful: 1, helpfulByMe: true });
    expect((await yard.get(`/api/v1/news/${all.id}`)).json()).toMatchObject({ helpful: 1, helpfulByMe: false });
    const mine = await staff.post(`/api/v1/news/${all.id}/comments`, { body: 'Gibt es eine Schulung?' });
    expect(mine.statusCode).toBe(201);
    expect(mine.json().items[0]).toMatchObject({ status: 'pending', mine: true });
    expect((await yard.get(`/api/v1/news/${all.id}/comments`)).json().items).toEqual([]);
    expect((await staff.get('/api/v1/news/comments/pending')).statusCode).toBe(403);
    const pending = (await coord.get('/api/v1/news/comments/pending')).json().items;
    expect(pending[0]).toMatchObject({
      body: 'Gibt es eine Schulung?',
      post: 'Neue Telefonanlage',
      author: 'Sven Sachbearbeitung',
    });
    await coord.put(`/api/v1/news/${all.id}/comments/${pending[0].id}`, { status: 'approved' });
    expect((await yard.get(`/api/v1/news/${all.id}/comments`)).json().items[0]).toMatchObject({
      body: 'Gibt es eine Schulung?',
      status: 'approved',
    });
    expect((await yard.get(`/api/v1/news/${all.id}`)).json().comments).toBe(1);
  });

  it('sends the weekly digest once per person and week, with what is theirs, not to those who opted out', async () => {
    const now = new Date();
    expect((await yard.put('/api/v1/news/digest', { weekly: false })).json()).toEqual({ weekly: false });
    const first = await sendNewsDigests(
      { db: ctx.db, outbox: ctx.app.outbox, publicUrl: 'http://localhost:3000' },
      now,
    );
    expect(first.sent).toBeGreaterThan(0);
    const again = await sendNewsDigests(
      { db: ctx.db, outbox: ctx.app.outbox, publicUrl: 'http://localhost:3000' },
      now,
    );
    expect(again.sent).toBe(0);
    const mails = (await mailTexts(ctx.outbox, staffEmail)).filter((t) => t.includes('Neuigkeiten der Woche'));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain('Neue Telefonanlage');
    expect(mails[0]).not.toContain('Winterdienst-App');
    expect(mails[0]).not.toContain('Kommt später');
    expect(mails[0]).toContain('/neuigkeiten');
    expect((await mailTexts(ctx.outbox, yardEmail)).some((t) => t.includes('Neuigkeiten der Woche'))).toBe(false);
  });
});

describe('secret feeds for the intranet', () => {
  it('an Atom feed a feed parser reads and a page to embed, with what all staff may read; revoked: gone', async () => {
    expect((await staff.post('/api/v1/news/feeds', { label: 'Intranet' })).statusCode).toBe(403);
    const f = (await coord.post('/api/v1/news/feeds', { label: 'Intranet' })).json();
    const atomPath = new URL(f.atomUrl).pathname;
    const pagePath = new URL(f.pageUrl).pathname;
    const atom = await ctx.app.inject({ method: 'GET', url: atomPath });
    expect(atom.statusCode).toBe(200);
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    const feed = await new Parser().parseString(atom.body);
    expect(feed.title).toBe('Neuigkeiten – Nieheim');
    const titles = feed.items.map((i) => i.title);
    expect(titles).toContain('Neue Telefonanlage');
    expect(titles).not.toContain('Winterdienst-App');
    expect(titles).not.toContain('Kommt später');
    const page = await ctx.app.inject({ method: 'GET', url: pagePath });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2>Neue Telefonanlage</h2>');
    expect(page.body).not.toContain('<script>');
    expect(page.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(page.headers['x-frame-options']).toBeUndefined();
    expect((await coord.get('/api/v1/news/feeds')).json().items[0]).not.toHaveProperty('atomUrl');
    await coord.del(`/api/v1/news/feeds/${f.id}`);
    expect((await ctx.app.inject({ method: 'GET', url: atomPath })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: pagePath })).statusCode).toBe(404);
  });
});
