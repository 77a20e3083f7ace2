import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE, bundleServer } from '../src/cli/bundle.js';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

let bundled: Promise<string> | undefined;

/**
 * Starts the real server as its own process, as `npm start` runs it (src/main.ts bundled once per test
 * process) on a free port and waits until /ready answers.
 * Used by the crash test, the e2e journeys and the load benchmark; `pipe` lets a test read what the server prints
 * (the setup link of an empty installation).
 */
export async function startServerProcess(
  env: Record<string, string>,
  opts: { output?: 'ignore' | 'inherit' | 'pipe'; timeoutMs?: number } = {},
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  bundled ??= bundleServer();
  await bundled;
  const child = spawn(process.execPath, [BUNDLE], {
    cwd: serverDir,
    env: { ...process.env, PUBLIC_URL: base, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', opts.output ?? 'ignore', opts.output ?? 'ignore'],
  });
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/ready`)).ok) return { child, base };
    } catch {
      /* starting */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('server did not become ready');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
