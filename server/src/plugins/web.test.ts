import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// the build step that writes the .br/.gz twins (plain ESM script of the web workspace)
import { compressDir } from '../../../web/scripts/compress.mjs';
import { registerNotFound } from './errors.js';
import { registerWeb } from './web.js';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-web-'));
const script = `console.log(${JSON.stringify('Digitalzirkel '.repeat(400))});`;
const html = `<!doctype html><html lang="de"><head><title>Digitalzirkel</title></head><body>${'<!-- - -->'.repeat(200)}</body></html>`;
const app = Fastify();

beforeAll(async () => {
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), html);
  fs.writeFileSync(path.join(dist, 'assets', 'index-Ab12Cd34.js'), script);
  fs.writeFileSync(path.join(dist, 'assets', 'tiny-Ef56.js'), 'export{}');
  expect(compressDir(dist)).toBe(2);
  await registerWeb(app, dist);
  registerNotFound(app, true);
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('web delivery', () => {
  it('sends hashed assets precompressed (brotli, else gzip) and as immutable for a year', async () => {
    const url = '/assets/index-Ab12Cd34.js';
    const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('leaves files too small to gain uncompressed', async () => {
    const res = await app.inject({ url: '/assets/tiny-Ef56.js', headers: { 'accept-encoding': 'br' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe('export{}');
  });

  it('never lets index.html be cached without asking — directly, at / and for client-side routes', async () => {
    for (const url of ['/index.html', '/', '/projekte/123']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(html);
    }
  });
});
