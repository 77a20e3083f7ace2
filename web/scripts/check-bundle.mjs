#!/usr/bin/env node
// Bundle budget: the JavaScript the browser loads before the first page (the entry script and the chunks
// it imports statically) must stay under 200 KB gzip; heavy libraries belong in lazily loaded routes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 200 * 1024;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map(
  (m) => m[1],
);
const seen = new Set();
const queue = [...entries];
while (queue.length) {
  const rel = queue.shift().replace(/^\//, '');
  if (seen.has(rel)) continue;
  seen.add(rel);
  const code = fs.readFileSync(path.join(dist, rel), 'utf8');
  // static imports of other chunks (dynamic import() chunks are lazy and not counted)
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
    queue.push(`assets/${m[1]}`);
  }
}
let total = 0;
for (const rel of seen) total += gzipSync(fs.readFileSync(path.join(dist, rel))).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`initial JavaScript: ${kb(total)} gzip in ${seen.size} file(s), budget ${kb(BUDGET)}`);
if (total > BUDGET) {
  console.error('Bundle budget exceeded: load heavy libraries lazily (React.lazy / dynamic import).');
  process.exit(1);
}
