import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, loginAs, mailLink, newPage } from './support/browser';

const GV100AD = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../shared/data/destatis/GV100AD_30112025.txt',
);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('journey: the platform admin imports the official municipality directory', () => {
  it('uploads GV100AD with progress, reads the report and finds the municipalities in the directory', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'admin@digitalzirkel.example');
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gemeindeverzeichnis importieren' }).waitFor();
    await expectAccessible(page, 'Import');
    await page.getByRole('button', { name: 'Import starten' }).click();
    await page.getByText('Bitte wählen Sie eine Datei aus.').waitFor();

    await page.getByLabel('Datei').setInputFiles(GV100AD);
    await page.getByRole('button', { name: 'Import starten' }).click();
    await page.getByText('Verarbeitung', { exact: true }).waitFor();
    expect(await page.locator('progress').count()).toBe(2);
    await page.getByText('Import abgeschlossen.').waitFor({ timeout: 60_000 });
    const report = page.getByRole('table', { name: 'Ergebnis' });
    await report.waitFor();
    const text = await report.textContent();
    expect(text).toContain('10.953'); // Satzart-60 records
    // created (34 demo municipalities existed: 8 towns, Bell and Beltheim, the 24 peers of the key-figure ring)
    expect(text).toContain('10.717');
    expect(text).toContain('202'); // gemeindefreie Gebiete kept apart
    await expectAccessible(page, 'Import-Ergebnis');
    // the administration's start page has ticked the import
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Start' }).click();
    await page
      .getByRole('region', { name: 'Nächste Schritte' })
      .getByRole('heading', { level: 3, name: 'Gemeindeverzeichnis importieren (erledigt)' })
      .waitFor();

    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Kommunenverzeichnis' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Kommunenverzeichnis' }).waitFor();
    await page.getByText('10.751 Kommunen').waitFor();
    await page.getByLabel('Größenklasse').selectOption('7');
    await page.getByLabel('Land').selectOption('01');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('cell', { name: 'Schleswig-Holstein' }).first().waitFor();
    expect(await page.getByRole('cell', { name: 'GK 7 (unter 10.000 Einwohner)' }).count()).toBeGreaterThan(10);
    await expectAccessible(page, 'Kommunenverzeichnis');

    // onboarding: the platform administration invites the first admin of a municipality without members
    await page.getByLabel('Name oder AGS').fill('Eckernförde');
    await page.getByLabel('Größenklasse').selectOption('');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('button', { name: 'Einladen: Eckernförde, Stadt' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Erste Person für Eckernförde, Stadt einladen' }).waitFor();
    expect(await dialog.getByLabel('Rolle').inputValue()).toBe('admin');
    await expectAccessible(page, 'Einladungsdialog');
    await dialog.getByLabel('E-Mail-Adresse').fill('hauptamt@eckernfoerde.example');
    await dialog.getByRole('button', { name: 'Einladung senden' }).click();
    await dialog.getByText('Einladung an hauptamt@eckernfoerde.example gesendet.').waitFor();
    await dialog.getByRole('button', { name: 'Schließen' }).click();
    const invitee = await newPage(browser);
    await invitee.goto(await mailLink('hauptamt@eckernfoerde.example'));
    await invitee.getByLabel('Vor- und Nachname').fill('Erika Eckernförde');
    await invitee.getByLabel('Neues Passwort').fill('Eckernförde digital 2026');
    await invitee.getByRole('button', { name: 'Einladung annehmen' }).click();
    await invitee.getByRole('heading', { level: 1, name: 'Start: Eckernförde' }).waitFor();
    // the first person of a new municipality is greeted with its first steps
    await invitee.getByRole('heading', { level: 2, name: 'Erste Schritte für Eckernförde' }).waitFor();
    expect(await invitee.getByText('GK 6').first().isVisible()).toBe(true);
    await invitee.close();
    await page.close();
  });
});
