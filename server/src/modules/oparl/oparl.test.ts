import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import { type Client, createTestContext, login, type TestContext } from '../../../test/helpers.js';
import { oparlProblems } from '../../../test/oparl-schema.js';
import { sharedFile } from '../../../test/shared-data.js';

const PUBLIC_URL = 'https://ratsinfo.example.org/';
const BASE = 'https://ratsinfo.example.org/oparl/v1';

let ctx: TestContext;
const ids = { body: '', hiddenBody: '', emptyBody: '', v1: '', v2Hidden: '', v3: '', otherHidden: '', projectId: '' };

async function paper(client: Client, projectId: string, over: Record<string, unknown>) {
  const res = await client.post(`/api/v1/projects/${projectId}/decision-papers`, {
    reference: 'BV/2026/007',
    paperDate: '2026-03-02',
    subject: 'Einführung der E-Akte',
    resolution: 'Die Gemeindevertretung beschließt die Einführung der E-Akte.',
    consultation: [
      { body: 'Hauptausschuss', date: '2026-03-10', role: 'preliminary' },
      { body: 'Gemeindevertretung', date: null, role: 'decision' },
    ],
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  ctx = await createTestContext({ publicUrl: PUBLIC_URL });
  const m = await buildMunicipality(ctx.db, { name: 'Gemeinde Offenbach am Test' });
  const hidden = await buildMunicipality(ctx.db, { name: 'Gemeinde Verschwiegen' });
  const empty = await buildMunicipality(ctx.db, { name: 'Gemeinde Ohne Vorlagen' });
  Object.assign(ids, { body: m.id, hiddenBody: hidden.id, emptyBody: empty.id });
  const coord = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' })).email);
  const projectId = (await coord.post('/api/v1/projects', { title: 'E-Akte' })).json().id as string;
  Object.assign(ids, { projectId });
  coordinator = coord;
  ids.v1 = await paper(coord, projectId, {});
  ids.v2Hidden = await paper(coord, projectId, {
    public: false,
    consultation: [{ body: 'Geheimer Ältestenrat', date: null, role: 'decision' }],
  });
  ids.v3 = await paper(coord, projectId, { subject: 'Einführung der E-Akte (ergänzt)' });
  const other = await login(
    ctx.app,
    (await buildUser(ctx.db, { municipalityId: hidden.id, role: 'coordinator' })).email,
  );
  const otherProject = (await other.post('/api/v1/projects', { title: 'Geheimprojekt' })).json().id as string;
  ids.otherHidden = await paper(other, otherProject, { public: false, subject: 'Geheime Vorlage' });
});
afterAll(() => ctx?.close());
let coordinator: Client;

const get = (url: string) =>
  ctx.app.inject({ method: 'GET', url: url.startsWith(BASE) ? url.slice(BASE.length - '/oparl/v1'.length) : url });

/** Every string in a JSON value. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

describe('OParl 1.1 validator', () => {
  it('accepts the official examples and rejects a File without accessUrl', () => {
    for (const f of fs.readdirSync(sharedFile('oparl/examples'))) {
      const example = JSON.parse(fs.readFileSync(sharedFile(`oparl/examples/${f}`), 'utf8'));
      // Paper/File get the stricter project encoding as well; the official Meeting example lacks the
      // `order` its own AgendaItem schema requires (an inconsistency in the specification repository)
      if (['Paper', 'File', 'Meeting'].some((t) => f.startsWith(t))) continue;
      expect(oparlProblems(example), f).toEqual([]);
    }
    const file = JSON.parse(fs.readFileSync(sharedFile('oparl/examples/File-01.json'), 'utf8'));
    delete file.accessUrl;
    expect(oparlProblems(file).join()).toContain('accessUrl');
    expect(
      oparlProblems({ id: `${BASE}/x`, type: 'https://schema.oparl.org/1.1/Paper', date: '2.3.2026' }),
    ).not.toEqual([]);
  });
});

describe('OParl 1.1 interface', () => {
  it('is crawlable without a cookie from System to every list, object and file; all schema-valid', async () => {
    const seen = new Set<string>();
    const queue = [`${BASE}/system`];
    const objects = new Map<string, Record<string, unknown>>();
    const files: string[] = [];
    const problems: string[] = [];
    const check = (obj: unknown, where: string) => {
      for (const p of oparlProblems(obj)) problems.push(`${where}: ${p}`);
      const o = obj as { id: string };
      objects.set(o.id, o as Record<string, unknown>);
    };
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const res: LightMyRequestResponse = await get(url);
      expect(res.statusCode, `${url} ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.headers['access-control-allow-origin'], url).toBe('*');
      expect(res.headers['set-cookie'], url).toBeUndefined();
      if (/\/files\/[^/]+\/(access|download)$/.test(url)) {
        files.push(url);
        continue;
      }
      expect(res.headers['content-type'], url).toBe('application/json; charset=utf-8');
      const json = res.json();
      if ('pagination' in json) {
        expect(Object.keys(json).sort(), url).toEqual(['data', 'links', 'pagination']);
        expect(Object.keys(json.pagination).sort()).toEqual([
          'currentPage',
          'elementsPerPage',
          'totalElements',
          'totalPages',
        ]);
        expect(json.links.first).toBeTruthy();
        expect(json.links.last).toBeTruthy();
        for (const item of json.data) check(item, url);
      } else {
        // an object is served at its own id
        expect(json.id, url).toBe(url);
        check(json, url);
      }
      for (const s of strings(json)) {
        if (s.startsWith('https://schema.oparl.org/')) continue;
        if (/^https?:\/\//.test(s)) {
          expect(s.startsWith(`${BASE}/`), `foreign URL ${s} in ${url}`).toBe(true);
          if (!seen.has(s)) queue.push(s);
        }
      }
    }
    expect(problems).toEqual([]);

    const types = [...objects.values()].map((o) => String(o.type).split('/').pop());
    for (const t of ['System', 'Body', 'Paper', 'File', 'Consultation', 'Organization']) expect(types, t).toContain(t);
    // bodies: only the municipality with public papers
    expect(
      [...objects.values()].filter((o) => o.type === 'https://schema.oparl.org/1.1/Body').map((o) => o.name),
    ).toEqual(['Gemeinde Offenbach am Test']);
    // the public versions and nothing of the hidden ones
    const papers = [...objects.values()].filter((o) => o.type === 'https://schema.oparl.org/1.1/Paper');
    expect(papers.map((p) => p.id).sort()).toEqual([`${BASE}/papers/${ids.v1}`, `${BASE}/papers/${ids.v3}`].sort());
    const crawled = [...seen].join('\n') + JSON.stringify([...objects.values()]);
    for (const secret of [ids.v2Hidden, ids.otherHidden, ids.hiddenBody, ids.emptyBody, 'Geheim'])
      expect(crawled).not.toContain(secret);
    const orgs = [...objects.values()].filter((o) => o.type === 'https://schema.oparl.org/1.1/Organization');
    expect(orgs.map((o) => o.name).sort()).toEqual(['Gemeindevertretung', 'Hauptausschuss']);

    // paper details: ISO date, timestamps with zone, consultations (Beratungsfolge), versions related
    const v1 = objects.get(`${BASE}/papers/${ids.v1}`)!;
    expect(v1).toMatchObject({
      body: `${BASE}/bodies/${ids.body}`,
      reference: 'BV/2026/007',
      date: '2026-03-02',
      paperType: 'Beschlussvorlage',
      relatedPaper: [`${BASE}/papers/${ids.v3}`],
    });
    expect(v1.created).toMatch(/T.*(Z|[+-]\d\d:\d\d)$/);
    const consultations = v1.consultation as Record<string, unknown>[];
    expect(consultations.map((c) => [c.role, c.authoritative])).toEqual([
      ['Vorberatung', false],
      ['Entscheidung', true],
    ]);
    expect(objects.get(`${BASE}/papers/${ids.v1}/consultations/1`)).toEqual(consultations[0]);

    // files: inline and attachment, with the announced size and checksum
    expect(files.sort()).toEqual(
      [ids.v1, ids.v3].flatMap((id) => [`${BASE}/files/${id}/access`, `${BASE}/files/${id}/download`]).sort(),
    );
    const file = objects.get(`${BASE}/files/${ids.v1}`)!;
    expect(file).toMatchObject({ mimeType: 'application/pdf', fileName: 'Beschlussvorlage-BV_2026_007-Fassung-1.pdf' });
    for (const [suffix, disposition] of [
      ['access', 'inline'],
      ['download', 'attachment'],
    ]) {
      const res = await get(`${BASE}/files/${ids.v1}/${suffix}`);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`${disposition}; filename="${file.fileName}"`);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(res.rawPayload.length).toBe(file.size);
      expect(createHash('sha512').update(res.rawPayload).digest('hex')).toBe(file.sha512Checksum);
    }
  });

  it('the members’ export of a public version is the interface’s Paper, whose ids resolve', async () => {
    const exported = (
      await coordinator.get(`/api/v1/projects/${ids.projectId}/decision-papers/${ids.v1}/oparl`)
    ).json();
    expect(exported).toEqual((await get(`/oparl/v1/papers/${ids.v1}`)).json());
    expect(exported.id).toBe(`${BASE}/papers/${ids.v1}`);
  });

  it('answers 404 (with CORS) for non-public papers, their files, consultations and bodies', async () => {
    for (const url of [
      `/oparl/v1/papers/${ids.v2Hidden}`,
      `/oparl/v1/papers/${ids.otherHidden}`,
      `/oparl/v1/papers/${ids.v2Hidden}/consultations/1`,
      `/oparl/v1/files/${ids.v2Hidden}`,
      `/oparl/v1/files/${ids.v2Hidden}/access`,
      `/oparl/v1/files/${ids.v2Hidden}/download`,
      `/oparl/v1/papers/${ids.v1}/consultations/3`,
      `/oparl/v1/bodies/${ids.hiddenBody}`,
      `/oparl/v1/bodies/${ids.hiddenBody}/papers`,
      `/oparl/v1/bodies/${ids.hiddenBody}/organizations`,
      `/oparl/v1/bodies/${ids.emptyBody}/meetings`,
      `/oparl/v1/bodies/${ids.body}/organizations/${Buffer.from('Geheimer Ältestenrat').toString('base64url')}`,
      '/oparl/v1/nothing-here',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['access-control-allow-origin'], url).toBe('*');
      expect(res.body, url).not.toContain('Geheim');
    }
    // a signed-in member of the municipality gets no more than anyone else
    const member = await login(
      ctx.app,
      (await buildUser(ctx.db, { municipalityId: ids.hiddenBody, role: 'admin' })).email,
    );
    expect((await member.get(`/oparl/v1/papers/${ids.otherHidden}`)).statusCode).toBe(404);
  });

  it('pages lists with first/prev/next/last that keep the filters', async () => {
    const url = `/oparl/v1/bodies/${ids.body}/papers?limit=1`;
    const p1 = (await get(url)).json();
    expect(p1.pagination).toEqual({ totalElements: 2, elementsPerPage: 1, currentPage: 1, totalPages: 2 });
    expect(p1.links).toEqual({
      first: `${BASE}/bodies/${ids.body}/papers?limit=1`,
      next: `${BASE}/bodies/${ids.body}/papers?limit=1&page=2`,
      last: `${BASE}/bodies/${ids.body}/papers?limit=1&page=2`,
    });
    const p2 = (await get(p1.links.next)).json();
    expect(p2.links.prev).toBe(p1.links.first);
    expect(p2.links.next).toBeUndefined();
    expect([...p1.data, ...p2.data].map((p: { id: string }) => p.id)).toEqual([
      `${BASE}/papers/${ids.v1}`,
      `${BASE}/papers/${ids.v3}`,
    ]);
    // filters by creation and modification time
    const future = encodeURIComponent('2999-01-01T00:00:00+01:00');
    const none = (await get(`/oparl/v1/bodies/${ids.body}/papers?created_since=${future}`)).json();
    expect(none.pagination.totalElements).toBe(0);
    expect(none.links.first).toBe(`${BASE}/bodies/${ids.body}/papers?created_since=${future}`);
    const all = (await get(`/oparl/v1/bodies/${ids.body}/organizations?modified_until=${future}&limit=1`)).json();
    expect(all.pagination.totalElements).toBe(2);
    expect(all.links.next).toContain('modified_until=');
    expect((await get('/oparl/v1/bodies?limit=1000')).statusCode).toBe(400);
  });
});
