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
    await page.getByText(/ähnliche Bedarfe sind schon erfasst/).waitFor(); // incl. the demo portfolio's Bauhof need
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
    await page.getByRole('table', { name: '2 Bedarfe' }).waitFor();
    await expectAccessible(page, 'Bedarfe');
    await page.close();
  });

  it('idea box: staff submit, colleagues support, the coordinator takes it over, the submitter sees what became of it', async () => {
    const staff = await newPage(browser);
    await loginAs(staff, 'hauptamt.ploen@digitalzirkel.example');
    await staff.getByRole('link', { name: 'Ideenbox' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Ideenbox' }).waitFor();
    await expectAccessible(staff, 'Ideenbox');
    await staff.getByLabel(/Ihre Idee in einem Satz/).fill('Urlaubsanträge digital stellen');
    await staff.getByLabel('Was würde dadurch besser?').fill('Keine Papierformulare mehr, schnellere Freigabe.');
    await staff.getByRole('button', { name: 'Idee einreichen' }).click();
    await staff.getByText('Danke! Ihre Idee ist eingereicht.').waitFor();

    const coord = await newPage(browser);
    await loginAs(coord, 'ploen@digitalzirkel.example');
    await coord.getByRole('link', { name: 'Ideenbox' }).click();
    await coord.getByRole('button', { name: 'Unterstützen: Urlaubsanträge digital stellen' }).click();
    await coord.getByText('1 Unterstützung').waitFor();
    await coord.getByRole('link', { name: 'Urlaubsanträge digital stellen' }).click();
    await coord.getByRole('heading', { level: 1, name: 'Urlaubsanträge digital stellen' }).waitFor();
    await expectAccessible(coord, 'Idee (Koordination)');
    await coord.getByRole('button', { name: 'Als Bedarf übernehmen' }).click();
    await coord.getByText('Die Idee ist jetzt ein Bedarf.').waitFor();
    await coord.getByRole('link', { name: 'Zum Bedarf' }).click();
    await coord.getByRole('heading', { level: 1, name: 'Urlaubsanträge digital stellen' }).waitFor();
    await coord.locator('dl.facts').getByText('Mitarbeitende', { exact: true }).waitFor();

    await staff.getByRole('button', { name: 'Meine Ideen' }).click();
    await staff.getByText('Als Bedarf in das Bedarfsregister übernommen.').waitFor();
    await expectAccessible(staff, 'Meine Ideen');
    await staff.close();
    await coord.close();
  });
});
