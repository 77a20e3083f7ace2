import { chromium } from 'playwright-core';

const base = 'http://localhost:3100';
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
const m = await login('moderation@digitalzirkel.example');
await m.goto(`${base}/umfragen`);
await m.getByRole('button', { name: 'Umfrage anlegen' }).click();
await m.screenshot({ path: '/tmp/shots/1-create.png', fullPage: true });
await m.getByRole('button', { name: 'Anlegen und bearbeiten' }).click();
await m.getByRole('heading', { level: 1, name: /Bearbeiten/ }).waitFor();
await m.getByLabel('Anonymitätsschwelle').fill('3');
await m.locator('summary').nth(2).click();
await m.screenshot({ path: '/tmp/shots/2-builder.png', fullPage: false });
await m.getByRole('button', { name: 'Speichern' }).click();
await m.getByText('Änderungen gespeichert.').waitFor();
const id = m.url().split('/')[4];
await m.goto(`${base}/umfragen/${id}`);
await m.getByRole('button', { name: 'Versenden und öffnen' }).click();
await m.getByRole('alertdialog').getByRole('button', { name: 'Versenden' }).click();
await m.getByText('Die Umfrage ist geöffnet').waitFor();
await m.screenshot({ path: '/tmp/shots/3-survey.png', fullPage: true });
const u = await login('uslar@digitalzirkel.example', { width: 390, height: 844 });
await u.goto(`${base}/umfragen/${id}/antworten`);
await u.getByRole('heading', { level: 1 }).waitFor();
await u
  .getByRole('group', { name: /personelle Kapazität/ })
  .getByLabel('4 – großes Problem')
  .check();
await u.waitForTimeout(2000);
await u.screenshot({ path: '/tmp/shots/4-answer-mobile.png', fullPage: false });
await u.getByRole('button', { name: 'Antwort abschicken' }).click();
await u.waitForTimeout(500);
await u.screenshot({ path: '/tmp/shots/5-answer-errors.png', fullPage: false });
console.log(id);
await b.close();
