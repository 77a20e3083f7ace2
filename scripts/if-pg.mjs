#!/usr/bin/env node
// Runs the given command only when TEST_DATABASE_URL is set (the PostgreSQL pass of the server tests).
import { spawnSync } from 'node:child_process';

if (!process.env.TEST_DATABASE_URL) {
  console.log('TEST_DATABASE_URL not set: PostgreSQL pass skipped (CI sets it; see README).');
  process.exit(0);
}
console.log('PostgreSQL pass against TEST_DATABASE_URL');
const [cmd, ...args] = process.argv.slice(2);
const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DZ_TEST_DB: 'postgres' } });
process.exit(r.status ?? 1);
