// Structure rules the linter cannot express (run by `npm run lint`, so by `npm test` and CI):
// 1. no source file over 600 lines — split by use case instead;
// 2. a shared web component never imports a feature;
// 3. web features and components reach the API only through their `queries.ts` (query options and mutation
//    hooks): no `api()`/`upload()` call and no literal query key anywhere else.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const MAX_LINES = 600;
const SOURCES = ['core/src', 'core/test', 'server/src', 'server/test', 'web/src', 'e2e', 'bench', 'scripts'];
const SKIP = new Set(['node_modules', 'dist', '.vite']);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx|mjs|css)$/.test(name)) yield path;
  }
}

const problems = [];
for (const base of SOURCES) {
  for (const path of files(join(root, base))) {
    const rel = relative(root, path).split(sep).join('/');
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n').length;
    if (lines > MAX_LINES) problems.push(`${rel}: ${lines} lines (at most ${MAX_LINES}; split it by use case)`);
    if (!rel.startsWith('web/src/')) continue;
    if (rel.startsWith('web/src/components/') && /from '\.\.\/features\//.test(text))
      problems.push(`${rel}: a shared component imports a feature`);
    const inDataLayer = rel.endsWith('/queries.ts') || rel.startsWith('web/src/lib/');
    if (!inDataLayer && (rel.startsWith('web/src/features/') || rel.startsWith('web/src/components/'))) {
      if (/\b(api|upload)\s*(<|\()/.test(text)) problems.push(`${rel}: calls the API outside its feature's queries.ts`);
      if (/queryKey:\s*\[/.test(text)) problems.push(`${rel}: literal query key outside queries.ts`);
    }
  }
}
if (problems.length) {
  console.error(`Structure check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Structure check passed.');
