import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launch, loginAs, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const q = (page: Page, text: RegExp) => page.getByRole('group', { name: text }).first();

/** Answers the pain-point template through the form, with a chosen staff-capacity score. */
async function fillPainPoints(page: Page, personal: string, biggest: string) {
  await q(page, /fehlende personelle Kapazität/)
    .getByLabel(personal)
    .check();
  await q(page, /fehlende finanzielle Mittel/)
    .getByLabel('4 – großes Problem')
    .check();
  await q(page, /Fachwissen und Erfahrung/)
    .getByLabel('3 – mittleres Problem')
    .check();
  await q(page, /Wie viele Stunden/)
    .getByRole('spinbutton')
    .fill('12');
  for (const level of ['Verwaltungsführung', 'Mittlere Führungsebene', 'Mitarbeitende'])
    await page.getByRole('group', { name: level, exact: true }).getByLabel('3 – mittel').check();
  await q(page, /nach innen zu kommunizieren/)
    .getByLabel('3 – mittleres Problem')
    .check();
  await q(page, /Kommunikationsstrategie/)
    .getByLabel('Teilweise')
    .check();
  await q(page, /Digitalisierungsstrategie mit einem Zielbild/)
    .getByLabel('In Arbeit')
    .check();
  await q(page, /fehlende Strategie und fehlendes Zielbild/)
    .getByLabel('4 – großes Problem')
    .check();
  await page.getByRole('group', { name: 'Prozessmanagement', exact: true }).getByLabel('4 – großes Problem').check();
  await page.getByRole('group', { name: 'Projektmanagement', exact: true }).getByLabel('3 – mittleres Problem').check();
  await q(page, /Welche Erfahrung hat Ihre Kommune/)
    .getByLabel('Einzelne gemeinsame Vorhaben')
    .check();
  await q(page, /Interesse an \(mehr\) interkommunaler/)
    .getByLabel('4 – hoch')
    .check();
  // show-if: appears only with interest ≥ 3
  await q(page, /Mit wem würden Sie zusammenarbeiten/)
    .getByLabel('Kommunen über Kreisgrenzen hinweg')
    .check();
  await q(page, /Shared Service/)
    .getByLabel(/Bauhof/)
    .check();
  await q(page, /Shared Service/)
    .getByLabel('IT-Betrieb')
    .check();
  await page.getByRole('button', { name: 'Finanzen nach oben' }).click();
  // moving an entry answers the ranking question
  await page.getByText('Reihenfolge übernommen.').waitFor();
  await q(page, /Ihr größter Schmerzpunkt/)
    .getByRole('textbox')
    .fill(biggest);
}

describe('journey: pain-point pre-survey of the innovation circle', () => {
  let surveyUrl = '';

  it('the moderator builds the survey from the template, previews and sends it', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'moderation@digitalzirkel.example');
    await page.getByRole('link', { name: 'Umfragen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Umfragen' }).waitFor();
    await expectAccessible(page, 'Umfragen (leer)');
    await page.getByRole('button', { name: 'Umfrage anlegen' }).click();
    await expectAccessible(page, 'Umfrage anlegen');
    await page.getByRole('button', { name: 'Anlegen und bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: /Bearbeiten: Schmerzpunkte/ }).waitFor();
    await page.getByLabel('Anonymitätsschwelle').fill('3');
    await page.getByLabel('Ende', { exact: true }).fill('2099-12-31');
    await expectAccessible(page, 'Umfrage bearbeiten');
    // add an own question to the last section
    const last = page.locator('section.panel').last();
    await last.getByLabel('Typ der neuen Frage').selectOption('number');
    await last.getByRole('button', { name: 'Frage hinzufügen' }).click();
    await last.locator('summary', { hasText: 'Neue Frage' }).click();
    await last
      .locator('details[open]')
      .getByRole('textbox', { name: /^Fragetext \(Pflichtfeld\)/ })
      .fill('Wie viele Verfahren sind schon online?');
    await page.getByRole('button', { name: 'Vorschau' }).click();
    await page.getByRole('group', { name: /Wie viele Verfahren sind schon online/ }).waitFor();
    // show-if in the preview: the follow-up appears only with interest ≥ 3
    expect(await page.getByRole('group', { name: /Mit wem würden Sie/ }).count()).toBe(0);
    await expectAccessible(page, 'Vorschau');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Änderungen gespeichert.').waitFor();
    await page
      .getByRole('navigation', { name: /Brotkrumen|Breadcrumb|Pfad/ })
      .getByRole('link', { name: /Schmerzpunkte/ })
      .click();
    await page.getByRole('heading', { level: 1, name: /Schmerzpunkte/ }).waitFor();
    surveyUrl = page.url();
    await expectAccessible(page, 'Umfrage');
    await page.getByRole('button', { name: 'Versenden und öffnen' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Versenden' }).click();
    await page.getByText('Die Umfrage ist geöffnet').waitFor();
    await page.getByRole('heading', { name: 'Beteiligung' }).waitFor();
    await page.getByText('0 von 8 abgeschickt').waitFor();
    await expectAccessible(page, 'Umfrage geöffnet');
    await page.close();
  });

  it('three municipalities (one GK6, two GK7) answer; drafts save themselves', async () => {
    const answers: [string, string, string][] = [
      ['uslar@digitalzirkel.example', '5 – sehr großes Problem', 'Uns fehlt eine Vollzeitstelle für Digitalisierung.'],
      ['ploen@digitalzirkel.example', '4 – großes Problem', 'Der Bauhof arbeitet noch komplett auf Papier.'],
      ['nieheim@digitalzirkel.example', '4 – großes Problem', 'Veränderungsbereitschaft im Rathaus fehlt.'],
    ];
    for (const [email, personal, biggest] of answers) {
      const page = await newPage(browser);
      await loginAs(page, email);
      await page.goto(`${surveyUrl}/antworten`);
      await page.getByRole('heading', { level: 1, name: /Schmerzpunkte/ }).waitFor();
      await fillPainPoints(page, personal, biggest);
      await page.getByText(/Entwurf gespeichert/).waitFor();
      if (email.startsWith('uslar')) {
        await expectAccessible(page, 'Umfrage beantworten');
        // resume later: the draft is still there after a reload
        await page.reload();
        await expect
          .poll(() =>
            q(page, /Ihr größter Schmerzpunkt/)
              .getByRole('textbox')
              .inputValue(),
          )
          .toBe(biggest);
      }
      await page.getByRole('button', { name: 'Antwort abschicken' }).click();
      await page.getByRole('heading', { name: /Vielen Dank/ }).waitFor();
      if (email.startsWith('uslar')) await expectAccessible(page, 'Bestätigung');
      await page.close();
    }
  });

  it('results show the total and hide size-class groups under the threshold', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'moderation@digitalzirkel.example');
    await page.goto(surveyUrl);
    await page.getByText('3 von 8 abgeschickt').waitFor();
    await page.getByRole('link', { name: 'Ergebnisse' }).click();
    await page.getByText('3 Antworten ausgewertet (Anonymitätsschwelle 3).').waitFor();
    await page.getByRole('table', { name: /Rangfolge nach Borda-Punkten/ }).waitFor();
    await page.getByText('Der Bauhof arbeitet noch komplett auf Papier.').waitFor();
    await expectAccessible(page, 'Ergebnisse');
    await page.getByLabel('Vergleichen nach').selectOption('sizeClass');
    await page.getByText(/2 Gruppen sind ausgeblendet/).waitFor();
    expect(await page.getByRole('row', { name: /GK6.*ausgeblendet/ }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'Ergebnisse nach Größenklasse');
    // the API refuses the small group as a filter too
    const res = await page.evaluate(
      async (u) => (await fetch(u)).json(),
      `${surveyUrl.replace(baseUrl(), `${baseUrl()}/api/v1`).replace('/umfragen/', '/surveys/')}/results?sizeClass=6`,
    );
    expect(res.suppressed).toBe(true);
    await page.close();
  });
});
