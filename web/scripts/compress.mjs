#!/usr/bin/env node
// Precompresses the build: next to every text asset a `.br` (brotli, best quality) and a `.gz` (gzip -9), so the
// server sends the small file without compressing on each request (@fastify/static `preCompressed`).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(js|mjs|css|html|svg|json|txt|webmanifest|map)$/;
/** Below this size compression saves less than the extra header costs. */
const MIN_BYTES = 1024;

/** Writes `.br` and `.gz` beside each text file of `dir` (recursively); returns how many files were compressed. */
export function compressDir(dir) {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      n += compressDir(file);
      continue;
    }
    if (!TEXT.test(entry.name)) continue;
    const data = fs.readFileSync(file);
    if (data.length < MIN_BYTES) continue;
    fs.writeFileSync(
      `${file}.br`,
      brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }),
    );
    fs.writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
    n++;
  }
  return n;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
  console.log(`precompressed ${compressDir(dist)} file(s) (brotli and gzip)`);
}
