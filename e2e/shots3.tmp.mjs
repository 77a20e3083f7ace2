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
// two more answers via the API in the browser
for (const email of ['uslar@digitalzirkel.example', 'ploen@digitalzirkel.example', 'nieheim@digitalzirkel.example']) {
  const p = await login(email);
  await p.evaluate(async (sid) => {
    const s = await (await fetch('/api/v1/auth/session')).json();
    const cur = await (await fetch(`/api/v1/surveys/${sid}/response`)).json();
    const answers = {
      personal: 4 + Math.round(Math.random()),
      finanzen: 4,
      wissen: 3,
      stunden: 10,
      bereitschaft: { fuehrung: 4, mittlere: 3, mitarbeitende: 2 },
      kommunikation: 3,
      kommunikationsstrategie: 'teilweise',
      strategie_stand: 'in_arbeit',
      strategie: 4,
      management: { prozess: 4, projekt: 3 },
      ikz_erfahrung: 'einzelne',
      ikz_interesse: 4,
      ikz_raum: ['kreisuebergreifend'],
      shared_services: ['bauhof', 'it'],
      rangfolge: ['personal', 'finanzen', 'wissen', 'veraenderung', 'strategie', 'prozesse'],
      groesster: 'Zu wenig Zeit neben dem Tagesgeschäft.',
    };
    await fetch(`/api/v1/surveys/${sid}/response/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
      body: JSON.stringify({ version: cur.version, answers }),
    });
  }, id);
  await p.context().close();
}
const m = await login('moderation@digitalzirkel.example');
await m.goto(`${base}/umfragen/${id}/ergebnisse`);
await m.getByText(/Antworten ausgewertet/).waitFor();
await m.waitForTimeout(1500);
await m.screenshot({ path: '/tmp/shots/8-results.png', fullPage: false });
await m.getByLabel('Vergleichen nach').selectOption('sizeClass');
await m.waitForTimeout(1500);
await m.screenshot({ path: '/tmp/shots/9-results-grouped.png', fullPage: false });
await m.goto(`${base}/workshops`);
await m.getByRole('button', { name: 'Workshop anlegen' }).click();
await m.getByLabel('Vorab-Umfrage').selectOption({ index: 1 });
await m.getByRole('button', { name: 'Workshop anlegen' }).last().click();
await m.getByRole('heading', { name: 'Tagesordnung' }).waitFor();
await m.screenshot({ path: '/tmp/shots/10-workshop.png', fullPage: true });
const code = (await m.locator('.join-code').first().textContent()).trim();
await m.getByRole('link', { name: 'Präsentation starten' }).click();
await m.getByRole('heading', { level: 1 }).waitFor();
await m.waitForTimeout(500);
await m.screenshot({ path: '/tmp/shots/11-present-title.png' });
await m.keyboard.press('ArrowRight');
await m.waitForTimeout(300);
await m.keyboard.press('ArrowRight');
await m.getByRole('heading', { level: 1, name: 'Personelle und finanzielle Ressourcen' }).waitFor();
const pctx = await b.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 } });
const pp = await pctx.newPage();
await pp.goto(`${base}/mitmachen?code=${code}`);
await pp.screenshot({ path: '/tmp/shots/12-join.png' });
await pp.getByLabel('Ihr Name').fill('Anna');
await pp.getByRole('button', { name: 'Teilnehmen' }).click();
await pp.getByLabel('Neue Idee').fill('Interkommunale Zusammenarbeit');
await pp.getByRole('button', { name: 'Idee hinzufügen' }).click();
await pp
  .getByRole('button', { name: /Punkt geben/ })
  .first()
  .click();
await pp.waitForTimeout(800);
await pp.screenshot({ path: '/tmp/shots/13-participant.png' });
await m.waitForTimeout(1000);
await m.screenshot({ path: '/tmp/shots/14-present-topic.png', fullPage: true });
await b.close();
