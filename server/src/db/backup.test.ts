import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, multipart, type TestContext } from '../../test/helpers.js';
import { DEMO_PASSWORD, demoEmail, seedDemo } from '../demo/demo-data.js';
import { DEMO_PEERS } from '../demo/demo-maturity.js';
import { backupTo, restoreFrom, tablesInDependencyOrder } from './backup.js';

let source: TestContext;
let target: TestContext;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-backup-'));

beforeAll(async () => {
  source = await createTestContext();
  target = await createTestContext();
});
afterAll(async () => {
  await source?.close();
  await target?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips: backup → restore into an empty instance → backup again gives identical data', async () => {
    await seedDemo(source.db);
    const admin = await login(source.app, demoEmail('hauptamt.ploen'), DEMO_PASSWORD);
    await admin.post('/api/v1/departments', { code: '99', name: 'Sicherungsamt <b>fett</b> ÄÖÜ 😀' });
    await admin.post('/api/v1/invitations', { email: 'neu@example.org', role: 'staff' });
    // needs carry a generated full-text column and a self-reference (merged duplicates)
    const keep = (await admin.post('/api/v1/needs', { title: 'Bauhof digital planen', source: 'employee' })).json().id;
    const dup = (await admin.post('/api/v1/needs', { title: 'Bauhöfe digitalisieren', source: 'citizen' })).json().id;
    await admin.post(`/api/v1/needs/${dup}/merge`, { version: 1, intoId: keep });
    // attachments are binary (bytea), every byte value must survive
    const project = (await admin.post('/api/v1/projects', { title: 'Bauhof-App', needIds: [keep] })).json().id;
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const up = await admin.inject({
      method: 'POST',
      url: `/api/v1/projects/${project}/files`,
      ...multipart('alle-bytes.bin', bytes),
    });
    expect(up.statusCode).toBe(201);
    const first = path.join(dir, 'first.jsonl.gz');
    const counts = await backupTo(source.db, first);
    // eight demo towns, Bell and Beltheim of the Verbandsgemeinde Kastellaun, the peers of the key-figure ring
    expect(counts.municipalities).toBe(10 + DEMO_PEERS.length);
    // four from the demo portfolio of Plön, one Hünfelden opened for partners, five of Ebersberg, two merged here
    expect(counts.needs).toBe(12);
    expect(counts.audit_log).toBeGreaterThan(5);

    const restored = await restoreFrom(target.db, first);
    expect(restored).toEqual(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)));
    const second = path.join(dir, 'second.jsonl.gz');
    await backupTo(target.db, second);
    expect(gunzipSync(fs.readFileSync(second)).toString()).toBe(gunzipSync(fs.readFileSync(first)).toString());

    // the restored instance works: same logins, same data
    const again = await login(target.app, demoEmail('hauptamt.ploen'), DEMO_PASSWORD);
    const deps = (await again.get('/api/v1/departments')).json().items.map((d: { name: string }) => d.name);
    expect(deps).toContain('Sicherungsamt <b>fett</b> ÄÖÜ 😀');
    const p = (await again.get(`/api/v1/projects/${project}`)).json();
    const file = await again.get(`/api/v1/projects/${project}/files/${p.files[0].id}`);
    expect(file.rawPayload.equals(bytes)).toBe(true);
  });

  it('refuses to restore into a database that already holds data', async () => {
    const file = path.join(dir, 'first.jsonl.gz');
    await expect(restoreFrom(target.db, file)).rejects.toThrow(/nicht leer/);
  });

  it('covers every table of the schema (new tables are backed up without extra work)', async () => {
    const tables = await tablesInDependencyOrder(source.db);
    for (const t of [
      'municipalities',
      'users',
      'memberships',
      'sessions',
      'audit_log',
      'networks',
      'network_members',
      'departments',
    ]) {
      expect(tables).toContain(t);
    }
    expect(tables.indexOf('municipalities')).toBeLessThan(tables.indexOf('memberships'));
    expect(tables.indexOf('users')).toBeLessThan(tables.indexOf('sessions'));
  });
});
