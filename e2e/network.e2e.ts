import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, loginAs, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('journey: the moderator manages the member municipalities of the innovation circle', () => {
  it('records a leaving with a date, keeps the history and re-admits the municipality', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'moderation@digitalzirkel.example');
    await page.getByRole('heading', { level: 1, name: 'Verbünde' }).waitFor();
    await expectAccessible(page, 'Verbünde');
    await page.getByRole('link', { name: 'Innovationszirkel Kleine Kommunen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innovationszirkel Kleine Kommunen' }).waitFor();
    await page.getByRole('heading', { name: '8 Mitgliedskommunen' }).waitFor();
    await expectAccessible(page, 'Verbund');

    await page.getByRole('button', { name: 'Austritt eintragen: Hünfelden' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await expectAccessible(page, 'Austritt-Dialog');
    await dialog.getByLabel('Austritt am').fill('2026-12-31');
    await dialog.getByRole('button', { name: 'Austritt eintragen' }).click();
    await page.getByText('Austritt von Hünfelden eingetragen.').waitFor();
    await page.getByRole('heading', { name: '7 Mitgliedskommunen' }).waitFor();
    await page.getByRole('button', { name: '1 ehemaliges Mitglied anzeigen' }).click();
    await page.getByRole('cell', { name: '31.12.2026' }).waitFor();

    // re-admit by searching the directory (keyboard only)
    await page.getByLabel('Kommune suchen').fill('Hünf');
    await page.getByLabel('Kommune suchen').press('Enter');
    const add = page.getByRole('button', { name: 'Aufnehmen: Hünfelden' });
    await add.waitFor();
    await add.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Hünfelden wurde aufgenommen.').waitFor();
    await page.getByRole('heading', { name: '8 Mitgliedskommunen' }).waitFor();
    await expectAccessible(page, 'Verbund nach Aufnahme');

    // a member municipality sees the circle read-only
    const member = await browser.newContext();
    const mp = await member.newPage();
    await loginAs(mp, 'uslar@digitalzirkel.example');
    await mp.getByRole('link', { name: 'Innovationszirkel Kleine Kommunen' }).first().click();
    await mp.getByRole('heading', { level: 1, name: 'Innovationszirkel Kleine Kommunen' }).waitFor();
    expect(await mp.getByRole('button', { name: /Austritt eintragen/ }).count()).toBe(0);
    await expectAccessible(mp, 'Verbund als Mitglied');
    await member.close();
    await page.close();
  });
});
