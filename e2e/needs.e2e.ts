import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectAccessible, launch, loginAs, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('journey: needs register', () => {
  it('a workshop follow-up action becomes a need; a duplicate is noticed while typing and merged', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'ploen@digitalzirkel.example');
    // the demo special session: Plön took part
    await page.getByRole('link', { name: 'Workshops' }).click();
    await page.getByRole('link', { name: 'Sondersitzung „Big Picture Digitalisierung“' }).click();
    await page.getByRole('heading', { name: 'Nächste Schritte' }).waitFor();
    await page.getByRole('link', { name: /Als Bedarf übernehmen: Kandidaten für Shared Services sammeln/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Bedarfe' }).waitFor();
    await page.getByLabel('Betroffene Leistung oder Prozess').fill('Bauhof');
    await expectAccessible(page, 'Bedarf aus Workshop erfassen');
    await page.getByRole('button', { name: 'Bedarf speichern' }).click();
    await page.getByRole('heading', { level: 1, name: /Kandidaten für Shared Services/ }).waitFor();
    await page.getByText('Aus Workshop').waitFor();
    await expectAccessible(page, 'Bedarf');

    // a second, similar need: the first one is suggested while typing (other word form)
    await page.getByRole('link', { name: 'Bedarfe' }).first().click();
    await page.getByRole('button', { name: 'Bedarf erfassen' }).click();
    await page.getByLabel('Titel', { exact: false }).first().fill('Bauhöfe gemeinsam betreiben');
    await page.getByText(/ähnlicher Bedarf ist schon erfasst/).waitFor();
    await page
      .locator('.similar')
      .getByRole('link', { name: /Kandidaten für Shared Services/ })
      .waitFor();
    await page.getByRole('button', { name: 'Bedarf speichern' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bauhöfe gemeinsam betreiben' }).waitFor();
    await page
      .getByLabel('Zusammenführen mit')
      .selectOption({ label: 'Kandidaten für Shared Services sammeln (Bauhof, Backoffice Bürgerbüro)' });
    await page.getByRole('button', { name: 'Zusammenführen' }).click();
    await expectAccessible(page, 'Zusammenführen bestätigen');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Zusammenführen' }).click();
    await page.getByText(/Zusammengeführt in/).waitFor();
    await page.getByRole('link', { name: 'Bauhöfe gemeinsam betreiben' }).waitFor();
    await page.getByRole('link', { name: 'Bedarfe' }).first().click();
    await page.getByLabel('Suche').fill('Bauhöfe');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('table', { name: 'Ein Bedarf' }).waitFor();
    await expectAccessible(page, 'Bedarfe');
    await page.close();
  });
});
