import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launch, loginAs, mailLink, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('journey: coordinator signs in, invites a colleague who accepts, the admin changes the role', () => {
  it('works end to end with keyboard-reachable, accessible pages', async () => {
    const page = await newPage(browser);
    await page.goto(`${baseUrl()}/`);
    await page.waitForURL(/\/anmelden/);
    await expectAccessible(page, 'Anmelden');
    // wrong password gives a German error at the top of the form
    await page.getByLabel('E-Mail-Adresse').fill('ploen@digitalzirkel.example');
    await page.getByLabel('Passwort').fill('falsch-falsch');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('E-Mail-Adresse oder Passwort sind falsch');
    await expectAccessible(page, 'Anmelden mit Fehler');

    await loginAs(page, 'ploen@digitalzirkel.example');
    await page.getByRole('heading', { level: 1, name: 'Start: Plön' }).waitFor();
    expect(await page.getByText('GK 7').first().isVisible()).toBe(true);
    await expectAccessible(page, 'Start');

    // after a fresh load the skip link is the first tab stop and jumps to main
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Start: Plön' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Zum Inhalt springen');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    await page.getByRole('link', { name: 'Benutzer und Rollen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Benutzer und Rollen' }).waitFor();
    // focus moves to the new page's heading
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expectAccessible(page, 'Benutzer und Rollen');

    // invalid email is caught with a German message
    await page.getByLabel('E-Mail-Adresse').fill('kein-at');
    await page.getByRole('button', { name: 'Einladung senden' }).click();
    await page.getByText('Bitte geben Sie eine gültige E-Mail-Adresse an').first().waitFor();
    await expectAccessible(page, 'Benutzer mit Fehler');

    await page.getByLabel('E-Mail-Adresse').fill('bauhof.ploen@digitalzirkel.example');
    await page.getByLabel('Rolle', { exact: true }).selectOption('staff');
    await page.getByRole('button', { name: 'Einladung senden' }).click();
    await page.getByText('Einladung an bauhof.ploen@digitalzirkel.example gesendet.').waitFor();
    await page.getByRole('cell', { name: 'bauhof.ploen@digitalzirkel.example' }).first().waitFor();

    // the colleague opens the link from the e-mail in their own browser
    const link = await mailLink('bauhof.ploen@digitalzirkel.example');
    const colleague = await browser.newContext();
    const cp = await colleague.newPage();
    await cp.goto(link);
    await cp.getByRole('heading', { level: 1, name: 'Einladung annehmen' }).waitFor();
    await cp.getByText('Plön').first().waitFor();
    await expectAccessible(cp, 'Einladung annehmen');
    await cp.getByLabel('Vor- und Nachname').fill('Bernd Bauhof');
    await cp.getByLabel('Neues Passwort').fill('kurz');
    await cp.getByRole('button', { name: 'Einladung annehmen' }).click();
    await cp.getByText('mindestens 10 Zeichen').first().waitFor();
    await cp.getByLabel('Neues Passwort').fill('Bauhof und Digitalisierung 2026');
    await cp.getByRole('button', { name: 'Einladung annehmen' }).click();
    await cp.getByRole('heading', { level: 1, name: 'Start: Plön' }).waitFor();
    expect(await cp.getByRole('link', { name: 'Bernd Bauhof' }).isVisible()).toBe(true);
    // staff do not see user administration
    expect(await cp.getByRole('link', { name: 'Benutzer und Rollen' }).count()).toBe(0);
    await colleague.close();

    // the admin changes the new colleague's role
    const admin = await browser.newContext();
    const ap = await admin.newPage();
    await loginAs(ap, 'hauptamt.ploen@digitalzirkel.example');
    await ap.getByRole('link', { name: 'Benutzer und Rollen' }).click();
    await ap.getByLabel('Rolle von Bernd Bauhof', { exact: true }).selectOption('coordinator');
    await ap.getByRole('button', { name: 'Speichern: Rolle von Bernd Bauhof' }).click();
    await ap.getByText('Bernd Bauhof hat jetzt die Rolle „Digitalisierungsbeauftragte/r“.').waitFor();
    await expectAccessible(ap, 'Benutzer nach Rollenwechsel');

    // and sees it in the audit trail
    await ap.getByRole('link', { name: 'Protokoll' }).click();
    await ap.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor();
    await ap.getByRole('cell', { name: /role: staff → coordinator/ }).waitFor();
    await expectAccessible(ap, 'Protokoll');
    await admin.close();

    // password reset page is reachable from the login page
    const anon = await browser.newContext();
    const rp = await anon.newPage();
    await rp.goto(`${baseUrl()}/anmelden`);
    await rp.getByRole('link', { name: 'Passwort vergessen?' }).click();
    await rp.getByRole('heading', { level: 1, name: 'Passwort zurücksetzen' }).waitFor();
    await expectAccessible(rp, 'Passwort zurücksetzen');
    await rp.getByLabel('E-Mail-Adresse').fill('nieheim@digitalzirkel.example');
    await rp.getByRole('button', { name: 'Link anfordern' }).click();
    await rp.getByText('ist der Link unterwegs', { exact: false }).waitFor();
    await rp.goto(await mailLink('nieheim@digitalzirkel.example'));
    await rp.getByLabel('Neues Passwort').fill('Nieheim ist schön 2026');
    await rp.getByRole('button', { name: 'Passwort speichern' }).click();
    await rp.getByText('Ihr Passwort wurde geändert').waitFor();
    await loginAs(rp, 'nieheim@digitalzirkel.example', 'Nieheim ist schön 2026');
    await rp.getByRole('heading', { level: 1, name: 'Start: Nieheim' }).waitFor();
    // the accessibility statement with its feedback channel is reachable from every page
    await rp.getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).click();
    await rp.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' }).waitFor();
    await rp.getByRole('link', { name: 'barrierefreiheit@digitalzirkel.localhost' }).waitFor();
    await expectAccessible(rp, 'Erklärung zur Barrierefreiheit');
    await anon.close();
    await page.close();
  });
});
