#!/usr/bin/env node
// Shortens the start of the app on a slow line. Without help the browser loads index.html, then the entry
// script, runs it, then asks for the session, then loads the page's chunk, then the page's data: four round
// trips in a row. A tiny boot script (async, same origin, so the CSP without inline scripts holds) starts the
// session request and the modulepreload of the current route's chunks while the entry script still downloads.
// The route → chunk map comes from the Vite manifest and the route table in src/app/router.tsx.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(web, 'dist');
const manifestFile = path.join(dist, '.vite/manifest.json');
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
const router = fs.readFileSync(path.join(web, 'src/app/router.tsx'), 'utf8');

// `const X = lazy(() => import('../features/…/Page')` → component name → source module
const lazyModules = new Map(
  [...router.matchAll(/const (\w+) = lazy\(\s*\(\) =>\s*import\('\.\.\/([^']+)'\)/g)].map((m) => [
    m[1],
    `src/${m[2]}.tsx`,
  ]),
);
// the routes before the first signed-in shell need no session
const shellAt = router.indexOf('<Route element={<Authenticated');
const routes = [...router.matchAll(/<Route path="([^"]+)" element=\{<(\w+)/g)].map((m) => ({
  path: m[1],
  component: m[2],
  public: m.index < shellAt,
}));
if (lazyModules.size === 0 || routes.length === 0 || shellAt < 0) throw new Error('boot: router.tsx not understood');

const entry = Object.values(manifest).find((c) => c.isEntry);
/** A chunk and the chunks it imports statically (the ones the entry already loads are left out). */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(dep, seen);
  return seen;
}
const initial = new Set(
  [...closure(Object.keys(manifest).find((k) => manifest[k].isEntry))].map((k) => manifest[k].file),
);
const files = (component) => {
  const mod = lazyModules.get(component);
  if (!mod) return []; // part of the entry bundle
  // a page module that another chunk also imports statically is listed under its chunk name, not its source
  const key = manifest[mod]
    ? mod
    : Object.keys(manifest).find((k) => !manifest[k].src && manifest[k].name === path.basename(mod, '.tsx'));
  if (!key) throw new Error(`boot: ${mod} not in the Vite manifest`);
  return [...closure(key)].map((k) => manifest[k].file).filter((f) => !initial.has(f));
};
const toRegExp = (p) => `^${p.replace(/:\w+/g, '[^/]+').replace(/\*/g, '.*')}/?$`;
// static segments before parameters, as React Router ranks them (/projekte/neu before /projekte/:projectId)
const table = routes
  .map((r) => ({ ...r, params: (r.path.match(/:|\*/g) ?? []).length, files: files(r.component) }))
  .sort((a, b) => a.params - b.params);
const map = table.filter((r) => r.files.length).map((r) => [toRegExp(r.path), r.files]);
const publicPaths = table.filter((r) => r.public).map((r) => toRegExp(r.path));

// window.__dzBooted: the app already started (boot script slower than the entry) — then it asks by itself
const source = `(function(){if(window.__dzBooted)return;var p=location.pathname;
var pub=${JSON.stringify(publicPaths)};
if(!pub.some(function(r){return new RegExp(r).test(p)}))window.__dzSession=fetch('/api/v1/auth/session',{credentials:'same-origin'});
var m=${JSON.stringify(map)};
for(var i=0;i<m.length;i++)if(new RegExp(m[i][0]).test(p)){m[i][1].forEach(function(f){var l=document.createElement('link');l.rel='modulepreload';l.href='/'+f;document.head.appendChild(l)});break}})();
`;
const name = `assets/boot-${crypto.createHash('sha256').update(source).digest('base64url').slice(0, 8)}.js`;
fs.writeFileSync(path.join(dist, name), source);
const htmlFile = path.join(dist, 'index.html');
const html = fs.readFileSync(htmlFile, 'utf8');
fs.writeFileSync(
  htmlFile,
  html.replace('<script type="module"', `<script async src="/${name}"></script>\n    <script type="module"`),
);
// the manifest is a build aid, not something to serve
fs.rmSync(path.join(dist, '.vite'), { recursive: true, force: true });
console.log(`boot script: session request and chunk preloads for ${map.length} route(s), ${entry.file}`);
