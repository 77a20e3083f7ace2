import path from 'node:path';
import { loadConfig } from '../config.js';
import { backupTo } from '../db/backup.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

/** `npm run backup -- FILE`: logical backup of PGlite (DATA_DIR) or DATABASE_URL into FILE (.jsonl.gz). */
const file = process.argv[2];
if (!file) {
  console.error('Aufruf: npm run backup -- DATEI (z. B. sicherung-2026-11-27.jsonl.gz)');
  process.exit(2);
}
const config = loadConfig();
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrateToLatest(handle.db);
const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
const counts = await backupTo(handle.db, target);
console.log(`Sicherung geschrieben: ${target}`);
for (const [t, n] of Object.entries(counts)) console.log(`  ${t}: ${n}`);
await handle.close();
