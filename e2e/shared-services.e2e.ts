import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, loginAs, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name, exact: true }).click();

/** One partner's status quo of a building yard: staff, one vehicle, material and work orders. */
async function enterStatusQuo(page: Page, o: { fte: string; truck: string; orders: string }) {
  await page.getByRole('button', { name: 'Stelle hinzufügen' }).first().click();
  await page.getByLabel('Vollzeitstellen').first().fill(o.fte);
  await page.getByRole('button', { name: 'Fahrzeug oder Gerät hinzufügen' }).first().click();
  await page.getByLabel('Bezeichnung').first().fill('Unimog');
  await page.getByLabel('Anschaffung (€)').first().fill(o.truck);
  await page.getByLabel('Laufende Kosten pro Jahr (€)').first().fill('8.000');
  await page.getByLabel('Material pro Jahr (€)').fill('20.000');
  await page.getByLabel('Aufträge').first().fill(o.orders);
  await page.getByRole('button', { name: 'Ist-Stand speichern' }).click();
  await page.getByText('Gespeichert. Die Berechnung ist aktualisiert.').waitFor();
}

describe('journey: shared service feasibility study', () => {
  it('A starts a building-yard study → B accepts → both enter their status quo → A sets the pool → both see alone vs. pool', async () => {
    const a = await newPage(browser);
    await loginAs(a, 'badwildbad@digitalzirkel.example');
    await nav(a, 'Gemeinsame Dienste');
    await a.getByRole('heading', { level: 1, name: 'Gemeinsame Dienste' }).waitFor();
    await expectAccessible(a, 'Gemeinsame Dienste');
    await a.getByRole('link', { name: 'Neue Machbarkeitsstudie' }).click();
    // starting without a partner is refused with a clear message
    await a.getByRole('button', { name: 'Studie starten und einladen' }).click();
    await a.locator('.field-error').first().waitFor();
    await a.getByLabel('Kommune suchen').fill('Uslar');
    await a.getByRole('button', { name: 'Uslar, Stadt einladen' }).click();
    await expectAccessible(a, 'Neue Machbarkeitsstudie');
    await a.getByRole('button', { name: 'Studie starten und einladen' }).click();
    await a.getByRole('heading', { level: 1, name: 'Gemeinsamer Dienst: Bauhof' }).waitFor();
    await a.getByText('Die Berechnung erscheint, sobald mindestens zwei Kommunen zugesagt haben.').waitFor();
    await enterStatusQuo(a, { fte: '6', truck: '180.000', orders: '900' });
    await expectAccessible(a, 'Machbarkeitsstudie der Federführung');
    const url = a.url();

    const b = await newPage(browser);
    await loginAs(b, 'uslar@digitalzirkel.example');
    await b.goto(url);
    await b.getByText(/lädt Ihre Kommune zu dieser Machbarkeitsstudie ein/).waitFor();
    // an invited partner sees nothing of A's figures
    expect(await b.getByText('Winterdienst').count()).toBe(0);
    await expectAccessible(b, 'Einladung zur Machbarkeitsstudie');
    await b.getByRole('button', { name: 'Zusagen' }).click();
    await b.getByRole('heading', { name: 'Ihr Ist-Stand' }).waitFor();
    await enterStatusQuo(b, { fte: '1,5', truck: '120.000', orders: '150' });

    await a.reload();
    await a.getByRole('heading', { name: 'Zielmodell und Kostenschlüssel' }).waitFor();
    const pool = a.getByRole('region', { name: 'Zielmodell und Kostenschlüssel' });
    await pool.getByRole('button', { name: 'Stelle hinzufügen' }).click();
    await pool.getByLabel('Vollzeitstellen').fill('6,5');
    await pool.getByLabel('Aufträge').fill('20');
    await pool.getByLabel('Einmalige Umstellungskosten (€)').fill('30.000');
    await pool.getByLabel('Der Dienst braucht einen eigenen Haushalt, eigenes Vermögen oder Kredite.').check();
    await pool.getByText(/Empfehlung:/).waitFor();
    await pool.getByRole('button', { name: 'Zielmodell speichern und neu berechnen' }).click();
    const table = a.getByRole('table', { name: /Jährliche Kosten je Kommune/ });
    await table.getByRole('row', { name: /Zusammen/ }).waitFor();
    // Bad Wildbad alone: 6 × 1,600 h × 55 € + 18,000 € + 8,000 € + 20,000 € = 574,000 €
    const wildbad = table.getByRole('row', { name: /Bad Wildbad/ });
    if (process.env.SHOT) await a.screenshot({ path: '/tmp/study-a.png', fullPage: true });
    expect(await wildbad.getByRole('cell').nth(1).textContent()).toMatch(/^574\.000\s€$/);
    await expectAccessible(a, 'Machbarkeitsstudie mit Berechnung');
    // the draft agreement downloads as Word file and PDF
    for (const [name, type] of [
      ['Vereinbarung als Word-Datei (DOCX)', 'wordprocessingml'],
      ['Vereinbarung als PDF', 'application/pdf'],
    ] as const) {
      const href = await a.getByRole('link', { name }).getAttribute('href');
      const res = await a.request.get(new URL(href!, a.url()).toString());
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain(type);
    }

    await b.reload();
    await b
      .getByRole('table', { name: /Jährliche Kosten je Kommune/ })
      .getByRole('row', { name: /Uslar/ })
      .waitFor();
    await expectAccessible(b, 'Machbarkeitsstudie als Partner');
    // each partner decides in its own council: the paper takes its share as the financial effects
    await b.getByRole('button', { name: 'Beschlussvorlage für unsere Kommune vorbereiten' }).click();
    await expect.poll(() => new URL(b.url()).pathname).toMatch(/^\/projekte\/[^/]+\/beschlussvorlage$/);
    await b.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(b, 'Beschlussvorlage aus der Machbarkeitsstudie');
  });
});
