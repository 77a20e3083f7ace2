import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { BATCH_SHARED_BUFFERS, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { importDirectoryFile } from '../modules/imports/imports.service.js';

/** `npm run import:gemeinden -- FILE`: imports GV100AD (.txt) or an "Auszug GV" workbook (.xlsx). */
const file = process.argv[2];
if (!file) {
  console.error('Aufruf: npm run import:gemeinden -- DATEI (GV100AD-Text oder Auszug-GV-XLSX)');
  process.exit(2);
}
const abs = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
if (!fs.existsSync(abs)) {
  console.error(`Datei nicht gefunden: ${abs}`);
  process.exit(2);
}
const config = loadConfig();
const handle = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  sharedBuffers: BATCH_SHARED_BUFFERS,
});
await migrateToLatest(handle.db);
const started = Date.now();
let last = -1;
const report = await importDirectoryFile(handle.db, abs, (p) => {
  const pct = Math.floor(p * 10) * 10;
  if (pct !== last) {
    last = pct;
    process.stderr.write(`\r${pct} %`);
  }
});
process.stderr.write('\n');
console.log(
  `Import ${report.format} (Gebietsstand ${report.referenceDate ?? 'unbekannt'}) in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
    `${report.created} neu, ${report.updated} aktualisiert, ${report.unchanged} unverändert, ${report.rejectedCount} abgelehnt, ` +
    `${report.unincorporated} gemeindefreie Gebiete, ${report.vanished.length} nicht mehr enthalten.`,
);
for (const r of report.rejected.slice(0, 20)) console.log(`  Zeile ${r.line}: ${r.reason}`);
for (const v of report.vanished.slice(0, 50)) {
  const into = v.likelyMergedInto.map((c) => `${c.name} (${c.ags})`).join(', ');
  console.log(`  nicht mehr enthalten: ${v.ags} ${v.name}${into ? ` – vermutlich aufgegangen in ${into}` : ''}`);
}
await handle.close();
