import { chromium } from 'playwright-core';

const base = 'http://localhost:3100';
const id = process.argv[2];
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
async function login(email, viewport = { width: 1280, height: 900 }) {
  const ctx = await b.newContext({ locale: 'de-DE', viewport });
  const p = await ctx.newPage();
  await p.goto(`${base}/anmelden`);
  await p.getByLabel('E-Mail-Adresse').fill(email);
  await p.getByLabel('Passwort').first().fill('Digitalzirkel-Demo-2026');
  await p.getByRole('button', { name: 'Anmelden' }).click();
  await p.waitForURL((u) => !u.pathname.startsWith('/anmelden'));
  return p;
}
const u = await login('uslar@digitalzirkel.example', { width: 390, height: 844 });
await u.goto(`${base}/umfragen/${id}/antworten`);
await u.getByRole('heading', { level: 1 }).waitFor();
await u.waitForTimeout(800);
await u.screenshot({ path: '/tmp/shots/4-answer-mobile.png', fullPage: false });
await u.getByRole('group', { name: /Veränderungsbereitschaft auf/ }).scrollIntoViewIfNeeded();
await u.screenshot({ path: '/tmp/shots/6-matrix-mobile.png', fullPage: false });
await u.getByRole('group', { name: /Bringen Sie die Themen/ }).scrollIntoViewIfNeeded();
await u.screenshot({ path: '/tmp/shots/7-ranking-mobile.png', fullPage: false });
await b.close();
