import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launch, loginAs, newPage } from './support/browser';
import { pdfText } from './support/pdf';

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
    await page.getByText('0 von 32 abgeschickt').waitFor();
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

  it('results appear once the survey is closed: the total, with size-class groups under the threshold hidden', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'moderation@digitalzirkel.example');
    await page.goto(surveyUrl);
    await page.getByText('3 von 32 abgeschickt').waitFor();
    // while open, nobody sees results — the moderator neither (no differencing before/after a submission)
    await page.getByRole('link', { name: 'Ergebnisse' }).click();
    await page
      .getByText(/Ergebnisse erscheinen erst, wenn die Umfrage geschlossen ist/)
      .first()
      .waitFor();
    await page.getByText('So schützt Digitalzirkel die Anonymität').click();
    await page.getByText(/Freitexte erscheinen nur für alle Antworten zusammen/).waitFor();
    await expectAccessible(page, 'Ergebnisse vor dem Schließen');
    await page.goto(surveyUrl);
    await page.getByRole('button', { name: 'Umfrage schließen' }).click();
    await page
      .getByRole('alertdialog')
      .getByText(/nicht wieder öffnen/)
      .waitFor();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Endgültig schließen' }).click();
    await page.getByText(/Die Umfrage ist geschlossen/).waitFor();
    expect(await page.getByRole('button', { name: 'Versenden und öffnen' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Ergebnisse' }).click();
    await page.getByText('3 Antworten ausgewertet (Anonymitätsschwelle 3).').waitFor();
    await page.getByRole('table', { name: /Rangfolge nach Borda-Punkten/ }).waitFor();
    await page.getByText('Der Bauhof arbeitet noch komplett auf Papier.').waitFor();
    await expectAccessible(page, 'Ergebnisse');
    await page.getByLabel('Vergleichen nach').selectOption('sizeClass');
    await page.getByText(/2 Gruppen sind ausgeblendet/).waitFor();
    // hidden groups are counted, never named
    expect(await page.getByRole('row', { name: /GK6/ }).count()).toBe(0);
    await expectAccessible(page, 'Ergebnisse nach Größenklasse');
    // the API refuses the small group as a filter too
    const res = await page.evaluate(
      async (u) => (await fetch(u)).json(),
      `${surveyUrl.replace(baseUrl(), `${baseUrl()}/api/v1`).replace('/umfragen/', '/surveys/')}/results?sizeClass=6`,
    );
    expect(res.suppressed).toBe(true);
    await page.close();
  });

  it('workshop: presentation with live ideas and dot voting from two devices, then the report', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'moderation@digitalzirkel.example');
    await page.getByRole('link', { name: 'Workshops' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workshops' }).waitFor();
    await page.getByRole('button', { name: 'Workshop anlegen' }).click();
    await page
      .getByLabel('Vorab-Umfrage')
      .selectOption({ label: 'Schmerzpunkte bei der Umsetzung von Digitalisierungsvorhaben' });
    await page.getByLabel('Ort').fill('Videokonferenz');
    await page.getByLabel('Punkte je Person und Thema').fill('2');
    await expectAccessible(page, 'Workshop anlegen');
    await page.getByRole('button', { name: 'Workshop anlegen' }).last().click();
    await page.getByRole('heading', { level: 1, name: /Sondersitzung/ }).waitFor();
    await page.getByRole('heading', { name: 'Tagesordnung' }).waitFor();
    const code = (await page.locator('.join-code').first().textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await expectAccessible(page, 'Workshop');
    const workshopUrl = page.url();
    await page.getByText('Angaben zum Workshop bearbeiten').click();
    await page.getByLabel('Link zur Videokonferenz').fill('https://meet.example.org/innovationszirkel');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Änderungen gespeichert.').waitFor();
    await page.getByRole('link', { name: 'Zur Videokonferenz' }).waitFor();

    await page.getByRole('link', { name: 'Präsentation starten' }).click();
    await page.getByRole('heading', { level: 1, name: /Sondersitzung/ }).waitFor();
    await expectAccessible(page, 'Präsentation Titelfolie');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { level: 1, name: 'Impuls' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { level: 1, name: 'Personelle und finanzielle Ressourcen' }).waitFor();
    await page.getByText('3 Antworten ausgewertet (Anonymitätsschwelle 3).').waitFor();
    await expectAccessible(page, 'Präsentation Thema');

    // two participants on their own devices
    const devices = [];
    for (const [name, idea] of [
      ['Anna Uslar', 'Interkommunale Zusammenarbeit über Kreisgrenzen'],
      ['Bernd Plön', 'Shared Service Bauhof'],
    ] as const) {
      const ctx = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 } });
      const p = await ctx.newPage();
      await p.goto(`${baseUrl()}/mitmachen?code=${code}`);
      await p.getByLabel('Ihr Name').fill(name);
      await p.getByRole('button', { name: 'Teilnehmen' }).click();
      await p.getByRole('heading', { name: 'Personelle und finanzielle Ressourcen' }).waitFor();
      await p.getByLabel('Neue Idee').fill(idea);
      await p.getByRole('button', { name: 'Idee hinzufügen' }).click();
      await p.getByText('Ihre Idee ist eingetragen.').waitFor();
      devices.push({ ctx, p });
    }
    await expectAccessible(devices[0]!.p, 'Teilnehmen (mobil)');
    // both ideas reach the projector without a reload
    await page.getByText('Shared Service Bauhof').waitFor();
    await page.getByText('Interkommunale Zusammenarbeit über Kreisgrenzen').waitFor();
    const [anna, bernd] = devices.map((d) => d.p) as [Page, Page];
    await anna.getByText('Shared Service Bauhof').waitFor();
    await anna.getByRole('button', { name: 'Punkt geben: Interkommunale Zusammenarbeit über Kreisgrenzen' }).click();
    await anna.getByText('Sie haben noch einen von 2 Punkten für dieses Thema.').waitFor();
    await anna.getByRole('button', { name: 'Punkt geben: Interkommunale Zusammenarbeit über Kreisgrenzen' }).click();
    await anna.getByText('Sie haben noch 0 von 2 Punkten für dieses Thema.').waitFor();
    await bernd.getByRole('button', { name: 'Punkt geben: Interkommunale Zusammenarbeit über Kreisgrenzen' }).click();
    await bernd.getByText('Sie haben noch einen von 2 Punkten für dieses Thema.').waitFor();
    await bernd.getByRole('button', { name: 'Punkt geben: Shared Service Bauhof' }).click();
    await bernd.getByText('Sie haben noch 0 von 2 Punkten für dieses Thema.').waitFor();
    // live on the projector and on the other device
    await page.locator('.idea-bars li', { hasText: 'Interkommunale Zusammenarbeit' }).getByText('3 Punkte').waitFor();
    await page.locator('.idea-bars li', { hasText: 'Shared Service Bauhof' }).getByText('1 Punkt').waitFor();
    await anna.locator('.vote-list li', { hasText: 'Shared Service Bauhof' }).getByText('1 Punkt').waitFor();
    await expectAccessible(anna, 'Abstimmen (mobil)');
    for (const d of devices) await d.ctx.close();

    // outcome and follow-up action, then the closing slide
    await page.getByLabel('Ergebnis').fill('Personal über Kreisgrenzen bündeln; Bauhof-Kooperation prüfen.');
    await page.getByRole('button', { name: 'Ergebnis speichern' }).click();
    await page.getByRole('status').getByText('Änderungen gespeichert.').waitFor();
    await page.goto(workshopUrl);
    await page
      .getByRole('textbox', { name: /^Was \(Pflichtfeld\)/ })
      .fill('Gemeinsame Digitalisierungsstelle mit Nachbarkommunen prüfen');
    await page.getByLabel('Wer', { exact: true }).fill('Uslar und Plön');
    await page.getByLabel('Bis', { exact: true }).fill('2027-03-31');
    await page.getByRole('button', { name: 'Nächsten Schritt festhalten' }).click();
    await page.getByText('Nächster Schritt festgehalten.').waitFor();
    await expectAccessible(page, 'Workshop mit Ergebnissen');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Bericht als PDF' }).click();
    const file = await (await download).path();
    const text = await pdfText(fs.readFileSync(file));
    expect(text).toContain('Workshopbericht');
    expect(text).toContain('Was sind die Schmerzpunkte');
    expect(text).toContain('Personelle und finanzielle Ressourcen');
    expect(text).toContain('Interkommunale Zusammenarbeit über Kreisgrenzen');
    expect(text).toMatch(/Interkommunale Zusammenarbeit über Kreisgrenzen[\s\S]*3 Punkte/);
    expect(text).toMatch(/Shared Service Bauhof[\s\S]*1 Punkt/);
    expect(text).toContain('Gemeinsame Digitalisierungsstelle mit Nachbarkommunen prüfen');
    expect(text).toMatch(/Uslar\s+GK6\s+Niedersachsen/);
    await page.close();
  });
});
