import fs from 'node:fs';
import { readableDirectoryName, sizeClassOf } from '@dz/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import { type Client, createTestContext, login, multipart, type TestContext } from '../../../test/helpers.js';
import { readGemeindenCsv, sharedFile } from '../../../test/shared-data.js';
import { up } from '../../db/migrations/0019_readable_directory_names.js';
import { parseDirectoryPath, parseGv100ad, parseGv100adStream } from './directory.parsers.js';
import { importDirectoryBuffer } from './imports.service.js';

const GV2025 = sharedFile('destatis/GV100AD_30112025.txt');
const GV2022 = sharedFile('destatis/GV100AD_31122022.txt');
const XLSX = sharedFile('destatis/AuszugGV1QAktuell.xlsx');

describe('GV100AD parser', () => {
  it('reads 10,953 Satzart-60 records: 10,751 municipalities and 202 gemeindefreie Gebiete', () => {
    const p = parseGv100ad(fs.readFileSync(GV2025, 'utf8'));
    expect(p.total).toBe(10_953);
    expect(p.municipalities).toHaveLength(10_751);
    expect(p.unincorporated).toHaveLength(202);
    expect(p.rejected).toHaveLength(0);
    expect(p.referenceDate).toBe('2025-11-30');
    expect(p.populationDate).toBe('2024-12-31');
    expect(p.kreise.size).toBe(400);
  });

  it('writes Destatis abbreviations as words and marks the one name that fills the 50-character field', () => {
    const p = parseGv100ad(fs.readFileSync(GV2025, 'utf8'));
    const byAgs = new Map(p.municipalities.map((m) => [m.ags, m]));
    expect(byAgs.get('09171111')?.name).toBe('Altötting, Stadt'); // "Altötting, St" in the file
    expect(byAgs.get('09171123')?.name).toBe('Marktl, Markt'); // "Marktl, M"
    expect(p.municipalities.filter((m) => /, (St|M|GKSt)$|\(VGem\)/.test(m.name))).toEqual([]);
    expect(p.bodies.filter((b) => /, (St|M|GKSt)$|\(VGem\)/.test(b.name))).toEqual([]);
    expect(p.municipalities.filter((m) => m.mayBeCut).map((m) => [m.ags, m.name])).toEqual([
      ['14625020', 'Bautzen / Budyšin, Stadt, Hochschulstadt / Wysokoš'],
    ]);
  });

  it('rejects broken records with line number and reason', () => {
    const lines = fs.readFileSync(GV2025, 'utf8').split('\n').slice(0, 20);
    const idx = lines.findIndex((l) => l.startsWith('60'));
    lines[idx] = lines[idx]!.slice(0, 100); // truncated
    const bad = lines.findIndex((l, i) => i > idx && l.startsWith('60'));
    lines[bad] = `${lines[bad]!.slice(0, 10)}99${lines[bad]!.slice(12)}`; // Land 99
    const p = parseGv100ad(lines.join('\n'));
    expect(p.rejected).toEqual([
      { line: idx + 1, reason: 'Satzlänge 100 statt 220 Zeichen' },
      { line: bad + 1, reason: expect.stringContaining('Landesschlüssel') },
    ]);
  });
});

describe('streamed parsing', () => {
  it('reads GV100AD line by line exactly as the whole text, whatever the chunk boundaries (BOM, CRLF, split characters)', async () => {
    const text = `\uFEFF${fs.readFileSync(GV2025, 'utf8').split('\n').slice(0, 400).join('\r\n')}\r\n${'x'.repeat(30)}`;
    const whole = parseGv100ad(text);
    const bytes = Buffer.from(text);
    for (const size of [1, 7, 219, 4096]) {
      const chunks = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      expect(await parseGv100adStream(chunks)).toEqual(whole);
    }
    expect(whole.rejected).toEqual([{ line: 401, reason: 'Satzlänge 30 statt 220 Zeichen' }]);
    expect(whole.municipalities.length).toBeGreaterThan(100);
  });

  it('parses a file on disk as the same directory as its bytes in memory', async () => {
    const p = await parseDirectoryPath(GV2025);
    expect(p).toEqual(parseGv100ad(fs.readFileSync(GV2025, 'utf8')));
  });
});

describe('directory import', () => {
  let ctx: TestContext;
  let admin: Client;
  beforeAll(async () => {
    ctx = await createTestContext();
    const u = await buildUser(ctx.db, { isPlatformAdmin: true });
    admin = await login(ctx.app, u.email);
  });
  afterAll(() => ctx?.close());

  it('imports 2022, then 2025: updates names and population, reports vanished AGS, deletes nothing; re-import changes nothing', async () => {
    const first = await importDirectoryBuffer(ctx.db, fs.readFileSync(GV2022));
    expect(first).toMatchObject({ created: 10_784, updated: 0, unchanged: 0, rejectedCount: 0, unincorporated: 209 });
    const second = await importDirectoryBuffer(ctx.db, fs.readFileSync(GV2025));
    expect(second.created + second.updated + second.unchanged).toBe(10_751);
    expect(second.updated).toBeGreaterThan(10_000);
    expect(second.vanished.length).toBeGreaterThan(0);
    // Uder (16061097) merged with neighbours into the new Gemeinde Uder (16061119) in 2024
    const uder = second.vanished.find((v) => v.ags === '16061097');
    expect(uder?.likelyMergedInto.map((c) => c.ags)).toContain('16061119');
    const total = await ctx.db
      .selectFrom('municipalities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(total.n).toBe(10_751 + second.vanished.length);
    const flagged = await ctx.db
      .selectFrom('municipalities')
      .select('inDirectory')
      .where('ags', '=', '16061097')
      .executeTakeFirstOrThrow();
    expect(flagged.inDirectory).toBe(false);
    const third = await importDirectoryBuffer(ctx.db, fs.readFileSync(GV2025));
    expect(third).toMatchObject({ created: 0, updated: 0, unchanged: 10_751, vanished: [] });
  });

  it('stores all 10,751 rows exactly as the reference list, with size classes matching the population', async () => {
    const expected = readGemeindenCsv();
    expect(expected).toHaveLength(10_751);
    const rows = await ctx.db
      .selectFrom('municipalities as m')
      .leftJoin('administeringBodies as ab', 'ab.id', 'm.administeringBodyId')
      .select(['m.ags', 'm.ars', 'm.name', 'm.population', 'm.areaKm2', 'm.kreis', 'ab.name as body'])
      .where('m.inDirectory', '=', true)
      .execute();
    const byAgs = new Map(rows.map((r) => [r.ags, r]));
    expect(byAgs.size).toBe(10_751);
    let mismatches = 0;
    for (const e of expected) {
      const r = byAgs.get(e.ags);
      if (
        !r ||
        r.population !== Number(e.einwohner) ||
        r.ars !== e.ars ||
        r.areaKm2 !== Number(e.flaeche_km2) ||
        r.kreis !== e.kreis ||
        (r.body ?? '') !== (e.gemeindeverband && readableDirectoryName(e.gemeindeverband))
      ) {
        mismatches++;
        continue;
      }
      // the one name GV100AD truncates at 50 characters (Destatis Hinweise.txt)
      const readable = readableDirectoryName(e.name);
      if (r.name !== readable && !(e.ags === '14625020' && readable.startsWith(r.name))) mismatches++;
    }
    expect(mismatches).toBe(0);
    const api = (await admin.get('/api/v1/municipalities?q=01057057')).json();
    expect(api.items[0]).toMatchObject({ name: 'Plön, Stadt', population: 8_844, sizeClass: 7 });
    for (const e of expected.filter((_, i) => i % 500 === 0)) {
      const one = (await admin.get(`/api/v1/municipalities?q=${e.ags}`)).json().items[0];
      expect(one.sizeClass).toBe(sizeClassOf(Number(e.einwohner)));
    }
    const gk7 = (await admin.get('/api/v1/municipalities?sizeClass=7&pageSize=1')).json().total;
    expect(gk7).toBe(expected.filter((e) => Number(e.einwohner) < 10_000).length);
  });

  it('imports the Auszug GV workbook with coordinates; keeps them on a later GV100AD import', async () => {
    const x = await importDirectoryBuffer(ctx.db, fs.readFileSync(XLSX));
    expect(x.format).toBe('auszug_gv');
    expect(x.total).toBe(10_982);
    expect(x.unincorporated).toBe(209);
    expect(x.rejectedCount).toBe(0);
    expect(x.created + x.updated + x.unchanged).toBe(10_773);
    const flensburg = await ctx.db
      .selectFrom('municipalities')
      .select(['population', 'lat', 'lon', 'populationDate'])
      .where('ags', '=', '01001000')
      .executeTakeFirstOrThrow();
    expect(flensburg).toEqual({ population: 91_113, lat: 54.78252, lon: 9.43751, populationDate: '2021-12-31' });
    await importDirectoryBuffer(ctx.db, fs.readFileSync(GV2025));
    const after = await ctx.db
      .selectFrom('municipalities')
      .select(['population', 'lat'])
      .where('ags', '=', '01001000')
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ population: 96_326, lat: 54.78252 });
  }, 180_000); // the whole workbook (10,751 rows, twice): slow when the machine is busy

  it('keeps the full name from the Auszug GV workbook where GV100AD cuts it at 50 characters', async () => {
    const full = 'Bautzen / Budyšin, Stadt, Hochschulstadt / Wysokošulske město';
    const cut = full.slice(0, 50);
    const bautzen = () =>
      ctx.db.selectFrom('municipalities').select('name').where('ags', '=', '14625020').executeTakeFirstOrThrow();
    const before = await importDirectoryBuffer(ctx.db, fs.readFileSync(GV2025));
    expect(before.possiblyCut).toEqual([{ ags: '14625020', name: cut }]); // no longer name known yet
    expect((await bautzen()).name).toBe(cut);
    // a newer Auszug GV workbook (no 50-character limit) brings the full name …
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Onlineprodukt_Gemeinden30092025');
    for (let i = 1; i <= 6; i++) ws.addRow(i === 5 ? [null, null, 'Gebietsstand am 30.09.2025'] : []);
    ws.addRow(['60', '63', '14', '6', '25', '0020', '020', full, 66.66, 37_566]);
    await importDirectoryBuffer(ctx.db, Buffer.from(await wb.xlsx.writeBuffer()));
    expect((await bautzen()).name).toBe(full);
    // … and the next GV100AD import keeps it instead of cutting it again
    const after = await importDirectoryBuffer(ctx.db, fs.readFileSync(GV2025));
    expect((await bautzen()).name).toBe(full);
    expect(after.possiblyCut).toEqual([]);
    expect(after.renamed.filter((r) => r.ags === '14625020')).toEqual([]);
    const api = (await admin.get('/api/v1/municipalities?q=14625020')).json();
    expect(api.items[0]).toMatchObject({ name: full });
    expect((await admin.get('/api/v1/municipalities?q=09171111')).json().items[0].name).toBe('Altötting, Stadt');
  });

  it('runs from the UI endpoint as a job with progress and a report; only platform admins', async () => {
    const small = fs.readFileSync(GV2025, 'utf8').split('\n').slice(0, 200).join('\n');
    const start = await admin.inject({
      method: 'POST',
      url: '/api/v1/imports',
      ...multipart('GV100AD_auszug.txt', Buffer.from(small)),
    });
    expect(start.statusCode).toBe(202);
    const id = start.json().id;
    let job = start.json();
    for (let i = 0; i < 100 && job.status !== 'done' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await admin.get(`/api/v1/imports/${id}`)).json();
    }
    expect(job.status).toBe('done');
    expect(job.progress).toBe(1);
    expect(job.report.unchanged).toBeGreaterThan(0);
    expect((await admin.get('/api/v1/imports')).json().items[0].id).toBe(id);

    const garbage = await admin.inject({
      method: 'POST',
      url: '/api/v1/imports',
      ...multipart('kaputt.txt', Buffer.from('das ist keine GV100AD-Datei')),
    });
    let failed = garbage.json();
    for (let i = 0; i < 50 && failed.status !== 'failed' && failed.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      failed = (await admin.get(`/api/v1/imports/${failed.id}`)).json();
    }
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('Satzart 60');

    const notMultipart = await admin.post('/api/v1/imports', { file: 'x' });
    expect(notMultipart.statusCode).toBe(415);

    const m = await buildMunicipality(ctx.db);
    const localAdmin = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' })).email);
    expect(
      (await localAdmin.inject({ method: 'POST', url: '/api/v1/imports', ...multipart('x.txt', Buffer.from(small)) }))
        .statusCode,
    ).toBe(403);
    expect((await localAdmin.get('/api/v1/imports')).statusCode).toBe(403);
  });
});

describe('migration 0018: readable names of earlier imports', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  it('writes out the abbreviations already stored, leaves other names alone, and can run twice', async () => {
    const names = ['Altötting, St', 'Marktl, M', 'Dachau, GKSt', 'St. Märgen', 'Plön, Stadt', 'Oberammergau, M-Ort'];
    const ids: string[] = [];
    for (const name of names) ids.push((await buildMunicipality(ctx.db, { name })).id);
    await up(ctx.db as never);
    await up(ctx.db as never);
    const rows = await ctx.db.selectFrom('municipalities').select(['id', 'name']).where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    expect(ids.map((id) => byId.get(id))).toEqual([
      'Altötting, Stadt',
      'Marktl, Markt',
      'Dachau, Große Kreisstadt',
      'St. Märgen',
      'Plön, Stadt',
      'Oberammergau, M-Ort',
    ]);
  });
});
