import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers.js';

type Operation = {
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string }[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  security?: unknown;
  components: { securitySchemes: Record<string, { type: string; in?: string; name?: string }> };
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let ctx: TestContext;
let doc: Doc;
beforeAll(async () => {
  ctx = await createTestContext();
  doc = (await ctx.app.inject({ url: '/api/docs/json' })).json();
});
afterAll(() => ctx?.close());

const op = (p: string, m = 'get') => {
  const o = doc.paths[p]?.[m];
  if (!o) throw new Error(`${m} ${p} not documented`);
  return o;
};
const mediaTypes = (p: string, m = 'get') => Object.keys(op(p, m).responses?.['200']?.content ?? {});

describe('OpenAPI document', () => {
  it('documents the media types of every file endpoint', () => {
    expect(mediaTypes('/api/v1/projects/export')).toEqual(expect.arrayContaining(['text/csv', XLSX]));
    expect(mediaTypes('/api/v1/audit/export.csv')).toEqual(['text/csv']);
    expect(mediaTypes('/api/v1/surveys/{surveyId}/results.csv')).toEqual(['text/csv']);
    expect(mediaTypes('/api/v1/surveys/{surveyId}/raw.csv')).toEqual(['text/csv']);
    expect(mediaTypes('/api/v1/surveys/{surveyId}/results.xlsx')).toEqual([XLSX]);
    expect(mediaTypes('/api/v1/finance/portfolio.xlsx')).toEqual([XLSX]);
    expect(mediaTypes('/api/v1/calendar/{file}')).toEqual(['text/calendar']);
    expect(mediaTypes('/api/v1/joint-projects/{jointId}/statement')).toEqual(
      expect.arrayContaining(['application/pdf', XLSX]),
    );
    expect(mediaTypes('/api/v1/target-picture.pdf')).toEqual(['application/pdf']);
    // every operation whose route sends a file says so; none claims JSON for it
    for (const [p, ops] of Object.entries(doc.paths))
      for (const [m, o] of Object.entries(ops)) {
        const types = Object.keys(o.responses?.['200']?.content ?? {});
        if (/\.(csv|xlsx|pdf|ics|md)$|export|statement|report|\/pdf$/.test(p) && m === 'get')
          expect(types.length, `${m} ${p}`).toBeGreaterThan(0);
      }
  });

  it('documents the session cookie and the CSRF header; public routes need neither', () => {
    const s = doc.components.securitySchemes;
    expect(s.session).toEqual(expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'dz_session' }));
    expect(s.csrf).toEqual(expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-csrf-token' }));
    expect(op('/api/v1/auth/login', 'post').security).toEqual([]);
    expect(op('/api/v1/calendar/{file}').security).toEqual([]);
    expect(op('/api/v1/meta').security).toEqual([]);
    expect(op('/api/v1/projects').security).toEqual([{ session: [] }]);
    expect(op('/api/v1/projects', 'post').security).toEqual([{ session: [], csrf: [] }]);
    const routes = ctx.app.routeList.filter((r) => r.url.startsWith('/api/v1'));
    for (const r of routes) {
      const p = r.url.replace(/:(\w+)/g, '{$1}');
      const o = op(p, r.method.toLowerCase());
      if (r.access === 'public') expect(o.security, `${r.method} ${r.url}`).toEqual([]);
      else expect(o.security?.[0]?.session, `${r.method} ${r.url}`).toEqual([]);
    }
  });

  it("passes Redocly's recommended ruleset with 0 errors (offline, telemetry off)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      fs.writeFileSync(file, JSON.stringify(doc));
      fs.writeFileSync(path.join(dir, 'redocly.yaml'), 'extends:\n  - recommended\n');
      const bin = path.join(ROOT, 'node_modules/.bin/redocly');
      expect(fs.existsSync(bin), 'npm install: @redocly/cli is a devDependency').toBe(true);
      const run = await promisify(execFile)(bin, ['lint', '--format=json', '--max-problems=100000', file], {
        cwd: dir,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', CI: 'true' },
        maxBuffer: 64 * 1024 * 1024,
      }).catch((e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? '' }));
      const report = JSON.parse(run.stdout) as {
        totals: { errors: number; warnings: number };
        problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
      };
      const errors = report.problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.ruleId}: ${p.message} @ ${p.location[0]?.pointer}`);
      expect(errors).toEqual([]);
      expect(report.totals.errors).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
