import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, loginAs, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('journey: the coordinator of a Verbandsgemeinde works for two Ortsgemeinden', () => {
  it('switches the active municipality in the header', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'kastellaun@digitalzirkel.example');
    // the session starts where the coordinator last worked (Kastellaun in the demo; other journeys switch)
    await page.getByRole('heading', { level: 1, name: /^Start: (Bell \(Hunsrück\)|Beltheim|Kastellaun)$/ }).waitFor();
    await expectAccessible(page, 'Start mit Kommunenwechsel');
    const current = await page.locator('h1').textContent();
    const target = current?.includes('Kastellaun') ? 'Bell (Hunsrück)' : 'Kastellaun';
    await page.getByLabel('Aktive Kommune').selectOption({ label: target });
    await page.getByRole('button', { name: 'Wechseln' }).click();
    await page.getByRole('heading', { level: 1, name: `Start: ${target}` }).waitFor();
    expect(await page.getByText('Verbandsgemeinde Kastellaun').isVisible()).toBe(true);
    // a switch keeps the page: the projects of the other municipality, not the start page
    await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Projektportfolio' }).waitFor();
    await page.getByLabel('Aktive Kommune').selectOption({ label: current?.replace('Start: ', '') ?? '' });
    await page.getByRole('button', { name: 'Wechseln' }).click();
    await page.getByLabel('Aktive Kommune').waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/projekte');
    await page.getByRole('heading', { level: 1, name: 'Projektportfolio' }).waitFor();
    await page.close();
  });
});
