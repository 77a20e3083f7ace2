import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemo } from './demo/demo-data.js';
import { scheduleMaintenance } from './jobs/maintenance.js';
import { scheduleWeeklyDigests } from './jobs/news-digest.js';
import { schedulePulse } from './jobs/pulse.js';
import { scheduleRetention } from './jobs/retention.js';
import { ensureSetupLink } from './modules/auth/auth.service.js';

/** config → database → migrate → demo seed → upkeep (PGlite) → listen; shuts down gracefully on SIGINT/SIGTERM. */
async function main() {
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(handle.db);
  const app = await buildApp({
    config,
    db: handle.db,
    web: true,
    poolStats: handle.poolStats,
    statements: handle.statements,
    listen: handle.listen,
  });
  if (config.demo) {
    if (await seedDemo(handle.db)) app.log.info('demo data seeded (see README for the demo logins)');
  } else {
    const link = await ensureSetupLink({
      db: handle.db,
      config,
      log: app.log,
    });
    if (link) {
      // printed once to the console, not into the JSON log stream of requests
      process.stdout.write(
        `\nDigitalzirkel ist leer. Richten Sie das erste Konto als Plattform-Administrator/in ein:\n  ${link}\n\n`,
      );
    }
  }
  // PGlite has no autovacuum (single-user backend); a PostgreSQL server vacuums itself
  const maintenance = handle.kind === 'pglite' ? scheduleMaintenance(handle.db, app.log) : null;
  const digest = scheduleWeeklyDigests({ db: handle.db, outbox: app.outbox, publicUrl: config.publicUrl }, app.log);
  const pulse = schedulePulse({ db: handle.db, outbox: app.outbox, config }, app.log);
  const retention = scheduleRetention(handle.db, app.log);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    try {
      await Promise.all([digest.stop(), pulse.stop(), retention.stop()]);
      await app.close();
      await maintenance?.stop();
      await handle.close();
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Digitalzirkel läuft auf ${config.publicUrl} (${handle.kind})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
