import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launch, loginAs, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const ITEMS = [
  'awareness_warum',
  'awareness_was',
  'desire_mittragen',
  'knowledge_wie',
  'knowledge_hilfe',
  'ability_alltag',
  'reinforcement_anerkennung',
];
/** Five in the administration and one trainee: the trainee is too few, and showing the administration would give the trainee away. */
const STAFF: [string, string][] = [
  ['kaemmerei.ploen', 'Verwaltung'],
  ['buergerbuero.ploen', 'Verwaltung'],
  ['standesamt.ploen', 'Verwaltung'],
  ['bauverwaltung.ploen', 'Verwaltung'],
  ['kasse.ploen', 'Verwaltung'],
  ['azubi.ploen', 'Auszubildende'],
];

async function answerPulse(page: Page, group: string, first: boolean) {
  await page.goto(`${baseUrl()}/puls`);
  await page.getByRole('heading', { level: 1, name: 'Veränderungspuls' }).waitFor();
  const call = page.getByText(/Ihre Antwort dauert etwa zwei Minuten und bleibt anonym/);
  await call.waitFor();
  if (first) await expectAccessible(page, 'Veränderungspuls mit Aufruf zur Teilnahme');
  await page.getByRole('link', { name: 'Jetzt antworten' }).click();
  await page.getByRole('heading', { name: 'Ihre Einschätzung' }).waitFor();
  for (const id of ITEMS)
    await page.locator(`input[name="${id}"][value="${id.startsWith('knowledge') ? 2 : 4}"]`).check();
  await page.getByLabel(group, { exact: true }).check();
  if (first) await expectAccessible(page, 'Veränderungspuls beantworten');
  await page.getByRole('button', { name: 'Antwort abschicken' }).click();
  await page.locator('#submitted').waitFor();
}

describe('journey: the change-readiness pulse', () => {
  it('coordinator starts a round → staff answer → closed on the survey page → the trend shows it, small groups hidden', async () => {
    const c = await newPage(browser);
    await loginAs(c, 'ploen@digitalzirkel.example');
    await c
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Veränderungspuls', exact: true })
      .click();
    await c.getByRole('heading', { level: 1, name: 'Veränderungspuls' }).waitFor();
    // the demo's two past rounds already make a trend, with knowledge as the weak spot
    await c.getByRole('heading', { name: 'Empfohlene Maßnahmen' }).waitFor();
    await c.getByRole('link', { name: 'Zur Qualifizierung' }).first().waitFor();
    await expectAccessible(c, 'Veränderungspuls der Koordination');
    const start = c.getByRole('button', { name: /^Runde Q[1-4]\/\d{4} jetzt starten$/ });
    const round = /Q[1-4]\/\d{4}/.exec((await start.textContent()) ?? '')![0];
    await c.getByLabel('Persönliches Wort an die Mitarbeitenden').fill('Danke, dass Sie sich zwei Minuten nehmen!');
    await start.click();
    await c.getByText(`Die Runde ${round} läuft. Alle Mitarbeitenden wurden per E-Mail eingeladen.`).waitFor();

    for (const [i, [who, group]] of STAFF.entries()) {
      const p = await newPage(browser);
      await loginAs(p, `${who}@digitalzirkel.example`);
      await answerPulse(p, group, i === 0);
      await p.close();
    }

    // closing goes through the survey's own page
    await c.reload();
    await c.getByRole('link', { name: `Umfrage ${round} verwalten` }).click();
    await c.getByRole('heading', { level: 1, name: `Veränderungspuls ${round}` }).waitFor();
    await c.getByRole('button', { name: 'Umfrage schließen' }).click();
    await c.getByRole('button', { name: 'Endgültig schließen' }).click();
    await c.getByText('Die Umfrage ist geschlossen.').waitFor();

    await c.goto(`${baseUrl()}/puls`);
    const table = c.getByRole('table', { name: `Runde ${round}: Mittelwerte je Gruppe` });
    await table.waitFor();
    expect(await table.getByRole('row', { name: /^Alle 6 / }).count()).toBe(1);
    await c.getByLabel('Gruppieren nach').selectOption('staffGroup');
    await table
      .getByRole('row', { name: /Auszubildende/ })
      .getByText('verborgen (zu wenige)')
      .waitFor();
    // five in the administration, yet hidden: total minus the administration would be the one trainee
    await table
      .getByRole('row', { name: /Verwaltung/ })
      .getByText('verborgen (Schutz)')
      .waitFor();
    await expectAccessible(c, 'Verlauf des Veränderungspulses nach Gruppen');
    await c.close();
  });
});
