import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launch, loginAs, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Whether the element is fully inside the visible part of the page (nothing scrolled). */
async function inView(page: Page, el: Locator) {
  const box = await el.boundingBox();
  const height = await page.evaluate(() => window.innerHeight);
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

describe('journey: moderator shortcuts and error messages (issue 17)', () => {
  let surveyUrl = '';

  it('warns before sending when the threshold leaves nothing or no comparison, and a server-side limit reads like a client-side one', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'moderation@digitalzirkel.example');
    await page.goto(`${baseUrl()}/umfragen`);
    await page.getByRole('button', { name: 'Umfrage anlegen' }).click();
    // the circle (32 members since the key-figure ring's peers joined) allows a comparison at the preset threshold (5)
    await page.getByRole('textbox', { name: /^Titel/ }).fill('Kurzumfrage Moderationswege');
    expect(await page.getByText(/Zu klein für einen Gruppenvergleich/).count()).toBe(0);
    await expectAccessible(page, 'Umfrage anlegen');
    await page.getByRole('button', { name: 'Anlegen und bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: /Bearbeiten: Kurzumfrage Moderationswege/ }).waitFor();
    // the template's English title belonged to the template's German title
    expect(await page.getByLabel('Titel (Englisch)').inputValue()).toBe('');
    await page.getByText(/Beim Versand geht die Umfrage an \d+ Kommunen\./).waitFor();
    // a threshold above half the members leaves the total only, one above all members nothing
    await page.getByLabel('Anonymitätsschwelle').fill('20');
    await page.getByText(/Zu klein für einen Gruppenvergleich: Die Umfrage erreicht \d+ Kommunen/).waitFor();
    await page.getByLabel('Anonymitätsschwelle').fill('40');
    await page.getByText(/Bei einer Anonymitätsschwelle von 40 kann sie keine Ergebnisse zeigen/).waitFor();
    await page.getByLabel('Anonymitätsschwelle').fill('3');
    await expect
      .poll(() => page.getByText(/Zu klein für einen Gruppenvergleich|keine Ergebnisse zeigen/).count())
      .toBe(0);

    // a limit only the server checks: named at the field and in the summary, which takes focus
    const titleEn = page.getByLabel('Titel (Englisch)');
    await titleEn.fill('Pain points '.repeat(20));
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Eingaben' });
    await summary
      .getByRole('link', { name: 'Titel (Englisch): Bitte kürzen Sie die Eingabe auf höchstens 200 Zeichen.' })
      .waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await inView(page, summary)).toBe(true);
    expect(await titleEn.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await titleEn.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toContain(
      'höchstens 200 Zeichen',
    );
    await expectAccessible(page, 'Fehler vom Server am Feld');
    // the link in the summary leads to the field
    await summary.getByRole('link').click();
    expect(await titleEn.evaluate((el) => el === document.activeElement)).toBe(true);

    // send from the editor: saved first, then confirmed with who is asked
    await titleEn.fill('Short survey on moderation');
    await page.getByRole('button', { name: 'Umfrage versenden' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText(/Beim Versand geht die Umfrage an \d+ Kommunen\./).waitFor();
    await expectAccessible(page, 'Versenden aus dem Editor');
    await dialog.getByRole('button', { name: 'Versenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kurzumfrage Moderationswege' }).waitFor();
    await page.getByText('Die Umfrage ist geöffnet; die Einladungen sind verschickt.').waitFor();
    expect(await titleEn.count()).toBe(0);
    surveyUrl = page.url();
    await expectAccessible(page, 'Umfrage nach dem Versand aus dem Editor');
    // before closing: how many answers have arrived
    await page.getByRole('button', { name: 'Umfrage schließen' }).click();
    await dialog.getByText(/Antworten bisher: 0 von \d+\./).waitFor();
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await page.getByRole('link', { name: 'Einstellungen' }).click();
    await page.getByText(/Antworten bisher: 0 von \d+\./).waitFor();
    await page.close();
  });

  it('"Workshop aus dieser Umfrage" opens a workshop prefilled from the survey; its slides show live ideas without scrolling', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'moderation@digitalzirkel.example');
    // the open survey offers it on its page too
    await page.goto(surveyUrl);
    await page.getByRole('button', { name: 'Workshop aus dieser Umfrage' }).waitFor();
    await page.goto(`${baseUrl()}/umfragen`);
    await page.getByRole('link', { name: /Vorab-Umfrage zur Sondersitzung/ }).click();
    await page.getByRole('link', { name: 'Ergebnisse' }).click();
    await page.getByRole('button', { name: 'Workshop aus dieser Umfrage' }).click();
    await page.getByRole('heading', { level: 1, name: /^Workshop: Vorab-Umfrage zur Sondersitzung/ }).waitFor();
    await page.getByText('Was sind die Schmerzpunkte bei der Umsetzung').first().waitFor();
    const agenda = page.locator('ol.agenda');
    await agenda.getByRole('heading', { name: 'Ergebnisse der Umfrage (Impuls)' }).waitFor();
    await agenda.getByRole('heading', { name: 'Personelle und finanzielle Ressourcen (Thema)' }).waitFor();
    await page.getByText('Plön (GK7, Schleswig-Holstein)').waitFor();
    await expectAccessible(page, 'Workshop aus der Umfrage');
    // a title of its own (the demo session's name stays unique for other journeys)
    await page.getByText('Angaben zum Workshop bearbeiten').click();
    await page
      .getByRole('textbox', { name: /^Titel/ })
      .first()
      .fill('Nachbereitung Schmerzpunkte');
    await page.getByRole('button', { name: 'Speichern' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Nachbereitung Schmerzpunkte' }).waitFor();

    await page.getByRole('link', { name: 'Präsentation starten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nachbereitung Schmerzpunkte' }).waitFor();
    const code = (await page.locator('.join-code').first().textContent())?.trim() ?? '';
    // first turn with the button, the next with the keyboard (paging from the keyboard: survey-workshop.e2e.ts)
    await page.getByRole('button', { name: 'Weiter →' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ergebnisse der Umfrage' }).waitFor();
    await page.keyboard.press('ArrowRight');
    const title = page.getByRole('heading', { level: 1, name: 'Personelle und finanzielle Ressourcen' });
    await title.waitFor();
    await page.getByText('8 Antworten ausgewertet (Anonymitätsschwelle 5).').waitFor();
    // the title has focus for screen readers, but no ring is drawn after the page turn
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    const ring = await title.evaluate((el) => {
      const s = getComputedStyle(el);
      return { outline: s.outlineStyle, shadow: s.boxShadow };
    });
    expect(ring).toEqual({ outline: 'none', shadow: 'none' });

    const ctx = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 } });
    const phone = await ctx.newPage();
    await phone.goto(`${baseUrl()}/mitmachen?code=${code}`);
    await phone.getByLabel('Ihr Name').fill('Clara Kastellaun');
    await phone.getByRole('button', { name: 'Teilnehmen' }).click();
    await phone.getByRole('heading', { name: 'Personelle und finanzielle Ressourcen' }).waitFor();
    await phone.getByLabel('Neue Idee').fill('Digitalisierungslotsen teilen');
    await phone.getByRole('button', { name: 'Idee hinzufügen' }).click();
    await phone.getByText('Ihre Idee ist eingetragen.').waitFor();
    await phone.getByRole('button', { name: 'Punkt geben: Digitalisierungslotsen teilen' }).click();
    await phone.getByText(/Sie haben noch 2 von 3 Punkten/).waitFor();
    await ctx.close();
    // on the projector: arrived live, counted in the singular, visible without scrolling past the results
    const idea = page.locator('.idea-bars li', { hasText: 'Digitalisierungslotsen teilen' });
    await idea.getByText('1 Punkt', { exact: true }).waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await inView(page, idea)).toBe(true);
    // reading further down the results, the ideas stay in view
    await page.mouse.wheel(0, 1500);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await inView(page, idea)).toBe(true);
    await expectAccessible(page, 'Präsentation mit Ideen');
    await page.close();
  });

  it('the agenda does not repeat a kind its title already says ("Impuls: …", not "… (Impuls)")', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'ploen@digitalzirkel.example');
    await page.getByRole('link', { name: 'Workshops' }).click();
    await page.getByRole('link', { name: 'Sondersitzung „Big Picture Digitalisierung“' }).click();
    const agenda = page.locator('ol.agenda');
    await agenda.getByRole('heading', { name: 'Impuls: Digitalisierung in kleineren Kommunen', exact: true }).waitFor();
    expect(await agenda.getByText('(Impuls)').count()).toBe(0);
    await agenda.getByRole('heading', { name: 'Kommunikation (Thema)' }).waitFor();
    await page.close();
  });

  it('a new import clears the previous import’s error', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'admin@digitalzirkel.example');
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gemeindeverzeichnis importieren' }).waitFor();
    const bogus = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dz-import-')), 'kein-verzeichnis.txt');
    fs.writeFileSync(bogus, 'Dies ist kein Gemeindeverzeichnis.\n');
    await page.getByLabel('Datei').setInputFiles(bogus);
    await page.getByRole('button', { name: 'Import starten' }).click();
    await page.getByText(/Import fehlgeschlagen/).waitFor();
    await page.getByLabel('Datei').setInputFiles([]);
    await page.getByRole('button', { name: 'Import starten' }).click();
    await page.getByText('Bitte wählen Sie eine Datei aus.').waitFor();
    expect(await page.getByText(/Import fehlgeschlagen/).count()).toBe(0);
    await expectAccessible(page, 'Import nach einem Fehler');
    await page.close();
  });
});
