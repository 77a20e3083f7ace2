import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '@dz/server/test/server-process.js';
import type { TestProject } from 'vitest/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}

/** Builds the web app and starts the real server (production mode, demo data) on a fresh data dir. */
export default async function setup(project: TestProject) {
  execSync('npm run build -w web', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-e2e-'));
  const { child: server, base: baseUrl } = await startServerProcess(
    { DATA_DIR: dataDir, DEMO: 'true', LOG_LEVEL: 'warn', RATE_LIMIT_AUTH: '1000' },
    { output: 'inherit' },
  );
  // demo data is seeded right after the server answers; wait until a demo login works
  for (let i = 0; i < 100; i++) {
    const r = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'moderation@digitalzirkel.example', password: 'Digitalzirkel-Demo-2026' }),
    });
    if (r.ok) break;
    await new Promise((r2) => setTimeout(r2, 300));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('dataDir', dataDir);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
