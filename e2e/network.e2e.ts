import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, loginAs, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('journey: the moderator manages the member municipalities of the innovation circle', () => {
  it('records a leaving with a date, keeps the history and re-invites the municipality, which accepts', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'moderation@digitalzirkel.example');
    await page.getByRole('heading', { level: 1, name: 'Verbünde' }).waitFor();
    await expectAccessible(page, 'Verbünde');
    await page.getByRole('link', { name: 'Innovationszirkel Kleine Kommunen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innovationszirkel Kleine Kommunen' }).waitFor();
    await page.getByRole('heading', { name: '32 Mitgliedskommunen' }).waitFor();
    await expectAccessible(page, 'Verbund');

    await page.getByRole('button', { name: 'Austritt eintragen: Hünfelden' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await expectAccessible(page, 'Austritt-Dialog');
    await dialog.getByLabel('Austritt am').fill('2026-12-31');
    await dialog.getByRole('button', { name: 'Austritt eintragen' }).click();
    await page.getByText('Austritt von Hünfelden eingetragen.').waitFor();
    await page.getByRole('heading', { name: '31 Mitgliedskommunen' }).waitFor();
    await page.getByRole('button', { name: '1 ehemaliges Mitglied anzeigen' }).click();
    await page.getByRole('cell', { name: '31.12.2026' }).waitFor();

    // re-invite by searching the directory (keyboard only): the municipality has to accept
    await page.getByLabel('Kommune suchen').fill('Hünf');
    await page.getByLabel('Kommune suchen').press('Enter');
    const add = page.getByRole('button', { name: 'Einladen: Hünfelden' });
    await add.waitFor();
    await add.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Hünfelden wurde eingeladen.').waitFor();
    await page.getByRole('heading', { name: '31 Mitgliedskommunen' }).waitFor();
    await page.getByRole('table', { name: '1 offene Einladung' }).waitFor();
    await expectAccessible(page, 'Verbund mit Einladung');

    // Hünfelden's coordinator accepts the invitation and allows staff surveys
    const invitee = await browser.newContext();
    const ip = await invitee.newPage();
    await loginAs(ip, 'huenfelden@digitalzirkel.example');
    await ip.getByRole('link', { name: 'Verbünde' }).first().click();
    await ip.getByRole('heading', { level: 2, name: 'Einladungen in Verbünde' }).waitFor();
    await ip.getByRole('heading', { level: 3, name: 'Innovationszirkel Kleine Kommunen' }).waitFor();
    await expectAccessible(ip, 'Einladungen in Verbünde');
    await ip.getByLabel('Persönliche Umfragen an unsere Beschäftigten erlauben', { exact: true }).check();
    await ip.getByRole('button', { name: 'Einladung annehmen: Innovationszirkel Kleine Kommunen' }).click();
    await ip.getByText('Ihre Kommune ist jetzt Mitglied von „Innovationszirkel Kleine Kommunen“.').waitFor();
    await ip
      .getByRole('checkbox', {
        name: 'Persönliche Umfragen an unsere Beschäftigten erlauben: Innovationszirkel Kleine Kommunen',
      })
      .waitFor();
    await invitee.close();

    await page.reload();
    await page.getByRole('heading', { name: '32 Mitgliedskommunen' }).waitFor();
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
