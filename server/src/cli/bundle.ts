import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The production server runs as one plain JavaScript file, not through tsx: tsx compiles in a module-hooks
 * thread with its own V8 heap (about 90 MB of RSS under load, measured in issue 24). The bundle sits two
 * folders below server/ like src/lib and src/plugins, so their `import.meta.url`-relative paths (fonts, web
 * build) resolve the same. npm packages stay external (loaded from node_modules as before); the workspace
 * package @dz/core is TypeScript and is bundled.
 */
export const BUNDLE = path.join(serverDir, 'dist/bundle/main.js');

/** Bundles src/main.ts into BUNDLE (written to a temp file and renamed: parallel test workers never read half a file). */
export async function bundleServer(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(serverDir, 'src/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outfile: BUNDLE,
    logLevel: 'warning',
    plugins: [
      {
        name: 'packages-external',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (a) => (a.path.startsWith('@dz/') ? undefined : { external: true }));
        },
      },
    ],
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('esbuild wrote no bundle');
  fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
  const tmp = `${BUNDLE}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, file.contents);
  fs.renameSync(tmp, BUNDLE);
  return BUNDLE;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundleServer();
