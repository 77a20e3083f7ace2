import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, expectAccessible, launch, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Presses Tab until the focused element matches, like a keyboard user scanning the page. */
async function tabTo(page: Page, match: (el: { tag: string; text: string; label: string }) => boolean, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName ?? '', text: (a?.textContent ?? '').trim(), label: a?.getAttribute('aria-label') ?? '' };
    });
    if (match(el)) return;
  }
  throw new Error('element not reachable by Tab');
}

describe('journey: keyboard only through sign-in and the main navigation', () => {
  it('signs in and visits every navigation entry without a mouse', async () => {
    const page = await newPage(browser);
    await page.goto(`${baseUrl()}/anmelden`);
    await tabTo(page, (e) => e.tag === 'INPUT');
    await page.keyboard.type('hauptamt.ploen@digitalzirkel.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Start: Plön' }).waitFor();
    for (const [link, heading] of [
      ['Kommune', 'Kommune'],
      ['Benutzer und Rollen', 'Benutzer und Rollen'],
      ['Verbünde', 'Verbünde'],
      ['Kommunenverzeichnis', 'Kommunenverzeichnis'],
      ['Protokoll', 'Protokoll'],
      ['Portfolio', 'Projektportfolio'],
      ['Priorisierung', 'Priorisierung'],
      ['Kapazität', 'Kapazität'],
      ['Nachverfolgung', 'Nachverfolgung: Bedarf → Ziel → Projekt'],
      ['Projektbörse', 'Projektbörse'],
      ['Gemeinsame Projekte', 'Gemeinsame Projekte'],
      ['Kontaktanfragen', 'Kontaktanfragen'],
      ['Start', 'Start: Plön'],
    ]) {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await tabTo(page, (e) => e.tag === 'A' && e.text === link);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.tagName), `focus on the heading of ${heading}`).toBe(
        'H1',
      );
      await expectAccessible(page, `${heading} (Tastatur)`);
    }
    // the project exchange: search by keyboard and open a hit
    await page.getByRole('link', { name: 'Projektbörse', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Projektbörse' }).waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, (e) => e.tag === 'INPUT');
    await page.keyboard.type('Terminvergaben');
    await page.keyboard.press('Enter');
    await page.getByText('1 Projekt gefunden').waitFor();
    await tabTo(page, (e) => e.tag === 'A' && e.text === 'Online-Terminvergabe im Bürgerbüro');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Online-Terminvergabe im Bürgerbüro' }).waitFor();
    await expectAccessible(page, 'Veröffentlichtes Projekt (Tastatur)');
    // a confirm dialog opens and closes with the keyboard, focus returns to its trigger
    await page.getByRole('link', { name: 'Kommune', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kommune' }).waitFor();
    await tabTo(page, (e) => e.label.startsWith('Löschen: '));
    const trigger = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    // focus returns once the dialog has finished closing (asynchronously after it leaves the DOM)
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(trigger);
    await page.close();
  });
});
