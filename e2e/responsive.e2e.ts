import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, expectAccessible, launch } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('journey: an administrator on a 360 px phone', () => {
  it('reaches every page through the menu button without horizontal scrolling', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'de-DE' });
    const page = await ctx.newPage();
    await page.goto(`${baseUrl()}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill('hauptamt.ploen@digitalzirkel.example');
    await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Start: Plön' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    expect(await nav.isVisible()).toBe(false);
    for (const [link, heading] of [
      ['Kommune', 'Kommune'],
      ['Benutzer und Rollen', 'Benutzer und Rollen'],
      ['Verbünde', 'Verbünde'],
      ['Kommunenverzeichnis', 'Kommunenverzeichnis'],
      ['Protokoll', 'Protokoll'],
    ]) {
      await page.getByRole('button', { name: 'Menü' }).click();
      await nav.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await nav.isVisible(), `menu closes after navigating to ${link}`).toBe(false);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `no horizontal scrolling on ${link}`).toBeLessThanOrEqual(360);
      await expectAccessible(page, `${link} (360 px)`);
    }
    await ctx.close();
  });
});
