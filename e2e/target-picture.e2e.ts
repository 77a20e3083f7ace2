import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, loginAs, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('journey: target picture', () => {
  it('the coordinator writes a vision, adds a goal with an indicator and records a measured value', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'loitz@digitalzirkel.example');
    await page.getByRole('link', { name: 'Zielbild', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Zielbild' }).waitFor();
    await page.getByText('Vorschlag mit Standard-Handlungsfeldern').waitFor();
    await expectAccessible(page, 'Zielbild (Vorschlag)');
    await page.getByLabel('Leitbild in wenigen Sätzen').fill('Loitz ist digital erreichbar und arbeitet papierarm.');
    const field = page.locator('section.panel', { hasText: 'Interne Prozesse und E-Akte' });
    await field.getByRole('button', { name: 'Ziel hinzufügen' }).click();
    await field.getByRole('textbox', { name: /^Strategisches Ziel/ }).fill('Rechnungen vollständig digital bearbeiten');
    await field.getByRole('button', { name: 'Indikator hinzufügen' }).click();
    await field.getByRole('textbox', { name: /^Name des Indikators/ }).fill('Anteil E-Rechnungen');
    await field.getByLabel('Einheit').fill('%');
    await field.getByLabel('Ausgangswert').fill('10');
    await field.getByLabel('Zielwert').fill('90');
    await page.getByRole('button', { name: 'Zielbild speichern' }).click();
    await page.getByText('Änderungen gespeichert.').waitFor();
    await page.getByText('Gespeicherte Fassung 1.').waitFor();
    await field.getByLabel('Wert', { exact: true }).fill('35');
    await field.getByRole('button', { name: 'Messwert eintragen' }).click();
    await page.getByRole('table', { name: 'Messwerte: Anteil E-Rechnungen' }).waitFor();
    await expectAccessible(page, 'Zielbild mit Messwert');
    await page.reload();
    await page.getByRole('table', { name: 'Messwerte: Anteil E-Rechnungen' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Als PDF für den Rat herunterladen' }).click();
    const file = await (await download).path();
    expect(fs.readFileSync(file).subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });
});
