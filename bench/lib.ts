import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const SHARED = path.resolve(BENCH_DIR, '../../shared/data');
export const PGLITE_DIR = path.join(BENCH_DIR, '.data-pglite');
export const BENCH_EMAIL = 'bench@digitalzirkel.example';
export const BENCH_PASSWORD = 'Benchmark-Passwort-2026';

/** Deterministic PRNG (mulberry32), so every run builds the same data set. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Replaces one section of bench/results.md (between HTML comments), keeping the others. */
export function writeSection(name: string, markdown: string) {
  const file = path.join(BENCH_DIR, 'results.md');
  const start = `<!-- ${name} -->`;
  const end = `<!-- /${name} -->`;
  let text = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '# Benchmarks\n\nWritten by `npm run bench`; ratios are against a baseline measured in the same run.\n';
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  text = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, text);
}
