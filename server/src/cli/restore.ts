import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { restoreFrom } from '../db/backup.js';
import { openDatabase } from '../db/database.js';

/** `npm run restore -- FILE`: restores a backup into an empty PGlite data dir or DATABASE_URL. Stop the server first. */
const file = process.argv[2];
if (!file) {
  console.error('Aufruf: npm run restore -- DATEI');
  process.exit(2);
}
const source = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
if (!fs.existsSync(source)) {
  console.error(`Datei nicht gefunden: ${source}`);
  process.exit(2);
}
const config = loadConfig();
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const counts = await restoreFrom(handle.db, source);
  console.log('Wiederhergestellt:');
  for (const [t, n] of Object.entries(counts)) console.log(`  ${t}: ${n}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await handle.close();
}
