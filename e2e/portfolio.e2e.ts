import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, loginAs, newPage } from './support/browser';
import { pdfText } from './support/pdf';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const IDEA = 'Bauanträge digital einreichen';
const PROJECT = 'Digitaler Bauantrag';

async function nav(page: Page, link: string, heading: string | RegExp) {
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: link, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('journey: from a staff idea to a prioritised, planned project', () => {
  it('idea → need → goal with indicator → project with milestones and report → ranked → board, timeline, capacity → PDF', async () => {
    // a staff member submits an idea
    const staff = await newPage(browser);
    await loginAs(staff, 'bauamt.huenfelden@digitalzirkel.example');
    await nav(staff, 'Ideenbox', 'Ideenbox');
    await staff.getByLabel(/Ihre Idee in einem Satz/).fill(IDEA);
    await staff.getByRole('button', { name: 'Idee einreichen' }).click();
    await staff.getByText('Danke! Ihre Idee ist eingereicht.').waitFor();
    await staff.close();

    // the coordinator turns it into a need
    const page = await newPage(browser);
    await loginAs(page, 'huenfelden@digitalzirkel.example');
    await nav(page, 'Ideenbox', 'Ideenbox');
    await page.getByRole('link', { name: IDEA }).click();
    await page.getByRole('button', { name: 'Als Bedarf übernehmen' }).click();
    await page.getByText('Die Idee ist jetzt ein Bedarf.').waitFor();

    // … and answers it with a goal and an indicator in the target picture
    await nav(page, 'Zielbild', 'Zielbild');
    const field = page.locator('section.panel', { hasText: 'Digitale Verwaltungsleistungen' });
    await field.getByRole('button', { name: 'Ziel hinzufügen' }).click();
    await field.getByRole('textbox', { name: /^Strategisches Ziel/ }).fill('Bauanträge vollständig online');
    await field.getByRole('checkbox', { name: IDEA }).check();
    await field.getByRole('button', { name: 'Indikator hinzufügen' }).click();
    await field.getByRole('textbox', { name: /^Name des Indikators/ }).fill('Anteil digitaler Bauanträge');
    await field.getByLabel('Einheit').fill('%');
    await field.getByLabel('Ausgangswert').fill('0');
    await field.getByLabel('Zielwert').fill('80');
    await page.getByRole('button', { name: 'Zielbild speichern' }).click();
    await page.getByText('Gespeicherte Fassung 1.').waitFor();

    // traceability shows the gap and starts the project from the goal
    await nav(page, 'Nachverfolgung', /Nachverfolgung/);
    await expectAccessible(page, 'Nachverfolgung (Lücke)');
    const goalRow = page.getByRole('row', { name: /^Bauanträge vollständig online/ });
    await goalRow.getByText('kein Projekt').waitFor();
    await goalRow.getByRole('link', { name: /Projekt anlegen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Projekt anlegen' }).waitFor();
    expect(await page.getByRole('checkbox', { name: /Bauanträge vollständig online/ }).isChecked()).toBe(true);
    await page.getByLabel('Projekttitel', { exact: false }).fill(PROJECT);
    await page.getByRole('checkbox', { name: IDEA }).check();
    await page.getByLabel('Beginn', { exact: true }).fill('2027-01-01');
    await page.getByLabel('Ende', { exact: true }).fill('2027-12-31');
    await page.getByRole('checkbox', { name: 'Bauamt Hünfelden' }).check();
    await expectAccessible(page, 'Projekt anlegen');
    await page.getByRole('button', { name: 'Projekt anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: PROJECT }).waitFor();

    // milestones, a status report, scores and the effort plan
    await page.getByLabel('Meilenstein', { exact: true }).fill('Fachverfahren angebunden');
    await page.getByLabel('Geplant am').fill('2027-04-30');
    await page.getByRole('button', { name: 'Meilenstein hinzufügen' }).click();
    await page.getByRole('cell', { name: 'Fachverfahren angebunden', exact: true }).waitFor();
    await page.getByLabel('Meilenstein', { exact: true }).fill('Start für alle Antragsteller');
    await page.getByLabel('Geplant am').fill('2027-10-01');
    await page.getByRole('button', { name: 'Meilenstein hinzufügen' }).click();
    await page.getByRole('cell', { name: 'Start für alle Antragsteller', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Statusbericht schreiben' }).click();
    await page.getByLabel('Termine', { exact: true }).selectOption({ label: 'gefährdet' });
    await page.getByLabel('Gesamt', { exact: true }).selectOption({ label: 'gefährdet' });
    await page.getByLabel('Bericht', { exact: true }).fill('Die Schnittstelle zum Fachverfahren fehlt noch.');
    await page.getByRole('button', { name: 'Statusbericht speichern' }).click();
    await page.getByText('Statusbericht gespeichert.').waitFor();
    const scores = page.locator('section', {
      has: page.getByRole('heading', { name: 'Bewertung für die Priorisierung' }),
    });
    await scores.getByLabel(/Nutzen für Bürgerinnen und Bürger/).selectOption('5');
    await scores.getByLabel(/Nutzen für die Beschäftigten/).selectOption('4');
    await scores.getByLabel(/Rechtliche Pflicht/).selectOption('5');
    await scores.getByLabel(/Dringlichkeit/).selectOption('3');
    await scores.getByLabel(/Aufwand/).selectOption('3');
    await scores.getByLabel(/Risiko/).selectOption('2');
    await scores.getByLabel(/Kosten/).selectOption('2');
    await scores.getByRole('button', { name: 'Bewertung speichern' }).click();
    await page.getByText('Aktuelle Priorität: 80,0').waitFor();
    const effort = page.locator('section', { has: page.getByRole('heading', { name: 'Geplanter Aufwand' }) });
    await effort.getByRole('button', { name: 'Zeile hinzufügen' }).click();
    await effort.getByLabel('Person in Zeile 1').selectOption({ label: 'Digitalisierung Hünfelden' });
    await effort.getByLabel('Monat in Zeile 1').fill('2027-03');
    await effort.getByLabel('Stunden in Zeile 1').fill('60');
    await effort.getByRole('button', { name: 'Aufwand speichern' }).click();
    await page.getByText('Summe: 60 Stunden').waitFor();
    await page.getByText('Änderungen gespeichert.').waitFor();
    await expectAccessible(page, 'Projekt');

    // prioritised: first in the ranking; the what-if panel moves weights without saving
    await nav(page, 'Priorisierung', 'Priorisierung');
    await page.getByRole('row', { name: new RegExp(`^1 ${PROJECT}`) }).waitFor();
    await page.getByRole('button', { name: 'Gewichte ausprobieren' }).click();
    await page.getByRole('slider', { name: /Aufwand/ }).focus();
    await page.keyboard.press('End');
    await page.getByRole('heading', { name: /Rangliste mit den ausprobierten Gewichten/ }).waitFor();
    await page.getByRole('cell', { name: 'unverändert' }).waitFor();
    await expectAccessible(page, 'Priorisierung mit Was-wäre-wenn');

    // board: moved from "Idee" to "Planung" by keyboard alone
    await nav(page, 'Portfolio', 'Projektportfolio');
    await page
      .getByRole('row', { name: new RegExp(PROJECT) })
      .getByText('gefährdet')
      .waitFor();
    await page.getByRole('link', { name: 'Board nach Phasen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Board nach Phasen' }).waitFor();
    await expectAccessible(page, 'Board');
    const move = page.getByRole('button', { name: `Verschieben: „${PROJECT}“` });
    await move.focus();
    await page.keyboard.press('Enter');
    await page.getByText(`„${PROJECT}“ aufgenommen.`).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByText(/Planung, Position 1 von 1\./).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(`„${PROJECT}“ abgelegt: Planung, 1.`).waitFor();
    await page
      .getByRole('region', { name: /Planung/ })
      .getByRole('link', { name: PROJECT })
      .waitFor();
    await page.reload();
    await page
      .getByRole('region', { name: /Planung/ })
      .getByRole('link', { name: PROJECT })
      .waitFor();

    // timeline: bar and milestones, readable as a list
    await page.getByRole('link', { name: 'Zeitleiste' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zeitleiste' }).waitFor();
    await page.getByText('Meilenstein „Fachverfahren angebunden“ am 30.04.2027').waitFor();
    await page.getByLabel('Monate').check();
    await expectAccessible(page, 'Zeitleiste');

    // capacity: 4 hours a week cannot carry 60 hours in March 2027
    await nav(page, 'Kapazität', 'Kapazität');
    await page.getByLabel('Von Monat').fill('2027-02');
    await page.getByLabel('Bis Monat').fill('2027-04');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.getByRole('button', { name: 'Wochenstunden ändern: Digitalisierung Hünfelden' }).click();
    await page.getByLabel('Wochenstunden für Digitalisierung').fill('4');
    await page.getByRole('dialog').getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Überlastung bei 1 Person: Digitalisierung Hünfelden.').waitFor();
    await page.getByText('60 / 18,4 h').first().waitFor();
    await page.getByText('41,6 h zu viel').first().waitFor();
    await expectAccessible(page, 'Kapazität mit Überlastung');

    // traceability: the need is now addressed
    await nav(page, 'Nachverfolgung', /Nachverfolgung/);
    await page
      .getByRole('row', { name: new RegExp(`^${IDEA}`) })
      .getByText('wird aufgegriffen')
      .waitFor();

    // the target picture as a PDF names goal, indicator and the project
    await nav(page, 'Zielbild', 'Zielbild');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Als PDF für den Rat herunterladen' }).click();
    const text = await pdfText(fs.readFileSync(await (await download).path()));
    expect(text).toContain('Bauanträge vollständig online');
    expect(text).toContain('Anteil digitaler Bauanträge');
    expect(text).toMatch(new RegExp(`Umgesetzt durch die Projekte:\\s+${PROJECT} \\(Planung\\)`));
    await page.close();
  });

  it('the calendar feed lists milestones behind a secret, revocable address', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'ploen@digitalzirkel.example');
    await nav(page, 'Portfolio', 'Projektportfolio');
    await page.getByRole('button', { name: 'Kalenderadresse erzeugen' }).click();
    const url = (await page.locator('.secret-url').textContent()) ?? '';
    expect(url).toMatch(/\/api\/v1\/calendar\/[\w-]+\.ics$/);
    const ics = await page.request.get(url);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain('Meilenstein: Testbetrieb mit zwei Schaltern');
    await page.getByRole('button', { name: 'Kalenderadresse widerrufen' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Kalenderadresse widerrufen' }).click();
    await page.getByText('Es gibt noch keine Kalenderadresse.').waitFor();
    expect((await page.request.get(url)).status()).toBe(404);
    await expectAccessible(page, 'Portfolio mit Kalender');
    await page.close();
  });
});
