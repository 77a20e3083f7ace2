import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from './factories.js';
import { type Client, createTestContext, login, multipart, type TestContext } from './helpers.js';

/** Security review (issue 15, item 8): what the app serves from uploads, and how it takes broken uploads. */
let ctx: TestContext;
let a: Client;
let admin: Client;
let projectId = '';
let jointId = '';

beforeAll(async () => {
  ctx = await createTestContext();
  const mA = await buildMunicipality(ctx.db, { population: 9_000 });
  const mB = await buildMunicipality(ctx.db, { population: 18_000 });
  const ua = await buildUser(ctx.db, { municipalityId: mA.id, role: 'coordinator' });
  await buildUser(ctx.db, { municipalityId: mB.id, role: 'coordinator' });
  await buildNetwork(ctx.db, ua.id, [mA.id, mB.id]);
  const ad = await buildUser(ctx.db, { isPlatformAdmin: true });
  a = await login(ctx.app, ua.email);
  admin = await login(ctx.app, ad.email);
  projectId = (await a.post('/api/v1/projects', { title: 'Uploads' })).json().id;
  const j = await a.post('/api/v1/joint-projects', {
    title: 'Gemeinsame Uploads',
    costKey: 'equal',
    partners: [{ municipalityId: mA.id }, { municipalityId: mB.id }],
  });
  expect(j.statusCode).toBe(201);
  jointId = j.json().id;
});
afterAll(() => ctx?.close());

/** Every route that takes a multipart upload, with the client allowed to use it. */
const uploadRoutes = () => [
  { url: `/api/v1/projects/${projectId}/files`, client: a },
  { url: `/api/v1/joint-projects/${jointId}/documents`, client: a },
  { url: '/api/v1/imports', client: admin },
];

async function fileRows() {
  const [files, entries, imports] = await Promise.all([
    ctx.db
      .selectFrom('projectFiles')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('jointEntries')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('importJobs')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return [Number(files.n), Number(entries.n), Number(imports.n)];
}

describe('downloads of uploaded files', () => {
  it('serves active content (HTML, JavaScript, SVG) as an inert attachment in a sandbox', async () => {
    const cases = [
      { name: 'angriff.html', type: 'text/html', body: '<script>alert(document.cookie)</script>' },
      { name: 'angriff.js', type: 'text/javascript', body: 'alert(document.cookie)' },
      {
        name: 'bild.svg',
        type: 'image/svg+xml',
        body: '<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>',
      },
      { name: 'x.xml', type: 'application/xml', body: '<x/>' },
      { name: 'tarn.html', type: 'Text/HTML ; charset=utf-8', body: '<b>x</b>' },
    ];
    for (const c of cases) {
      const up = await a.inject({
        method: 'POST',
        url: `/api/v1/projects/${projectId}/files`,
        ...multipart(c.name, Buffer.from(c.body), c.type),
      });
      expect(up.statusCode, c.name).toBe(201);
      const f = up.json().files.find((x: { fileName: string }) => x.fileName === c.name);
      const dl = await a.get(`/api/v1/projects/${projectId}/files/${f.id}`);
      expect(dl.headers['content-type'], c.name).toBe('application/octet-stream');
      expect(dl.headers['content-disposition'], c.name).toMatch(/^attachment;/);
      expect(dl.headers['x-content-type-options'], c.name).toBe('nosniff');
      expect(dl.headers['content-security-policy'], c.name).toMatch(/^sandbox/);
    }
  });

  it('keeps the bare type of allow-listed formats, still as attachment with nosniff and sandbox', async () => {
    const txt = await a.inject({
      method: 'POST',
      url: `/api/v1/projects/${projectId}/files`,
      ...multipart('notiz.txt', Buffer.from('<b>x</b>'), 'text/plain; charset=utf-8, text/html'),
    });
    const t = txt.json().files.find((x: { fileName: string }) => x.fileName === 'notiz.txt');
    expect((await a.get(`/api/v1/projects/${projectId}/files/${t.id}`)).headers['content-type']).toBe('text/plain');
    const up = await a.inject({
      method: 'POST',
      url: `/api/v1/joint-projects/${jointId}/documents`,
      ...multipart('plan.pdf', Buffer.from('%PDF-1.4 plan'), 'application/pdf'),
    });
    expect(up.statusCode).toBe(201);
    const entry = up.json().entries.find((e: { title: string }) => e.title === 'plan.pdf');
    const dl = await a.get(`/api/v1/joint-projects/${jointId}/entries/${entry.id}/file`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-security-policy']).toMatch(/^sandbox/);
  });
});

describe('broken uploads', () => {
  it('answers a multipart body cut off in the middle with 400 in German and stores nothing', async () => {
    const before = await fileRows();
    for (const { url, client } of uploadRoutes()) {
      const full = multipart('teil.pdf', Buffer.alloc(64 * 1024, 0x41), 'application/pdf');
      const cut = full.payload.subarray(0, full.payload.length - 20_000); // no closing boundary
      const res = await client.inject({ method: 'POST', url, payload: cut, headers: full.headers });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
      expect(res.json().detail, url).toMatch(/unvollständig/);
    }
    expect(await fileRows()).toEqual(before);
  });

  it('answers a file over the limit with 413, not 500, and stores nothing', async () => {
    const before = await fileRows();
    for (const { url, client } of uploadRoutes().slice(0, 2)) {
      const big = multipart('gross.pdf', Buffer.alloc(10 * 1024 * 1024 + 10, 0x41), 'application/pdf');
      const res = await client.inject({ method: 'POST', url, ...big });
      expect(res.statusCode, url).toBe(413);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
      expect(res.json().detail, url).toMatch(/größer/);
    }
    expect(await fileRows()).toEqual(before);
  });
});
