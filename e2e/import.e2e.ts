import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, loginAs, newPage } from './support/browser';

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
    expect(text).toContain('10.743'); // created (8 demo municipalities existed)
    expect(text).toContain('202'); // gemeindefreie Gebiete kept apart
    await expectAccessible(page, 'Import-Ergebnis');

    await page.getByRole('link', { name: 'Kommunenverzeichnis' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kommunenverzeichnis' }).waitFor();
    await page.getByText('10.751 Kommunen').waitFor();
    await page.getByLabel('Größenklasse').selectOption('7');
    await page.getByLabel('Land').selectOption('01');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('cell', { name: 'Schleswig-Holstein' }).first().waitFor();
    expect(await page.getByRole('cell', { name: 'GK 7 (unter 10.000 Einwohner)' }).count()).toBeGreaterThan(10);
    await expectAccessible(page, 'Kommunenverzeichnis');
    await page.close();
  });
});
