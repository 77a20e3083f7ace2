import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newId } from '../lib/ids.js';
import { openDatabase } from './database.js';
import { MIGRATION_NAMES, migrateToLatest } from './migrate.js';

describe('embedded database', () => {
  it('persists in DATA_DIR: a restart keeps all data, migrations are not re-applied', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-persist-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      expect(await migrateToLatest(first.db)).toEqual(MIGRATION_NAMES);
      const id = newId();
      await first.db
        .insertInto('networks')
        .values({ id, name: 'Bleibt bestehen', type: 'circle', description: '' })
        .execute();
      await first.close();
      const second = await openDatabase({ dataDir: dir });
      expect(await migrateToLatest(second.db)).toEqual([]);
      const row = await second.db.selectFrom('networks').select('name').where('id', '=', id).executeTakeFirst();
      expect(row?.name).toBe('Bleibt bestehen');
      await second.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs one transaction at a time on the single embedded connection (no interleaving)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-tx-'));
    const h = await openDatabase({ dataDir: dir });
    try {
      await migrateToLatest(h.db);
      const id = newId();
      await h.db
        .insertInto('networks')
        .values({ id, name: 'Zähler', type: 'circle', description: '', version: 1 })
        .execute();
      // read-modify-write in parallel transactions: serialised, so no increment is lost
      await Promise.all(
        Array.from({ length: 10 }, () =>
          h.db.transaction().execute(async (trx) => {
            const r = await trx.selectFrom('networks').select('version').where('id', '=', id).executeTakeFirstOrThrow();
            await trx
              .updateTable('networks')
              .set({ version: r.version + 1 })
              .where('id', '=', id)
              .execute();
          }),
        ),
      );
      const r = await h.db.selectFrom('networks').select('version').where('id', '=', id).executeTakeFirstOrThrow();
      expect(r.version).toBe(11);
    } finally {
      await h.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('data dir lock', () => {
  it('refuses a second process on the same embedded data dir and takes over stale locks', async () => {
    const { lockDataDir } = await import('./database.js');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-lock-'));
    try {
      fs.writeFileSync(path.join(dir, 'digitalzirkel.lock'), String(process.ppid));
      expect(() => lockDataDir(dir)).toThrow(/wird gerade von Prozess/);
      fs.writeFileSync(path.join(dir, 'digitalzirkel.lock'), '999999999');
      const release = lockDataDir(dir);
      expect(fs.readFileSync(path.join(dir, 'digitalzirkel.lock'), 'utf8')).toBe(String(process.pid));
      release();
      expect(fs.existsSync(path.join(dir, 'digitalzirkel.lock'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
