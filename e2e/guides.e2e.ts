import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launch, loginAs, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const RISK_ITEM = 'Risiken mit Wahrscheinlichkeit und Kostenspanne im Risikoregister';

describe('method library („Hilfen“)', () => {
  it('a coordinator follows „Hilfe zu dieser Seite“, reads a guide, ticks a checklist item for a project and searches', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'ploen@digitalzirkel.example');

    // a module page: the budget overview of Finanzen & Risiken
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Haushaltsübersicht' })
      .click();
    await expect.poll(() => page.url()).toMatch(/\/finanzen$/);
    const help = page.locator('a.help-link[href="/hilfen?modul=finance"]');
    await help.waitFor();
    expect(await help.textContent()).toContain('Hilfe zu dieser Seite');
    await help.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/\/hilfen\?modul=finance$/);
    await page.getByRole('heading', { level: 1, name: 'Hilfen' }).waitFor();
    await expect.poll(() => page.getByLabel('Bereich').inputValue()).toBe('finance');
    const article = page.getByRole('link', { name: 'Finanzielle Risiken für den Gemeinderat verständlich machen' });
    await article.waitFor();
    // the filter holds only the finance guides
    expect(await page.getByRole('link', { name: 'Den Personalrat frühzeitig beteiligen' }).count()).toBe(0);
    await expectAccessible(page, 'Hilfen (Finanzen)');

    // the article: rendered Markdown, facts, versions
    await article.click();
    await page
      .getByRole('heading', { level: 1, name: 'Finanzielle Risiken für den Gemeinderat verständlich machen' })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: '1. Lebenszykluskosten statt Anschaffungspreis' }).waitFor();
    await page.getByText('Erstfassung der Plattform (Startinhalte)').waitFor();
    await expectAccessible(page, 'Hilfe: Leitfaden');

    // the checklist of the council paper, ticked for the e-invoice project (the demo ticked two items already)
    await page.goto(`${baseUrl()}/hilfen?modul=finance&art=checklist`);
    await page.getByRole('link', { name: 'Checkliste Beschlussvorlage mit Kosten und Risiken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Checkliste Beschlussvorlage mit Kosten und Risiken' }).waitFor();
    await page.getByLabel('Abhaken für').selectOption({ label: 'E-Rechnung und digitaler Rechnungsworkflow' });
    await expect.poll(() => page.url()).toMatch(/projekt=/);
    const lifecycle = page.getByRole('checkbox', { name: /Kosten über mindestens fünf Jahre/ });
    await expect.poll(() => lifecycle.isChecked()).toBe(true);
    await page
      .getByText(/abgehakt von Digitalisierung Plön am/)
      .first()
      .waitFor();
    const risk = page.getByRole('checkbox', { name: RISK_ITEM });
    if (await risk.isChecked()) {
      // a run before left it ticked: untick first, so this run ticks it itself
      await risk.focus();
      await page.keyboard.press('Space');
      await expect.poll(() => risk.isChecked()).toBe(false);
    }
    const before = Number((await page.getByText(/von 10 erledigt/).textContent())?.match(/^(\d+)/)?.[1]);
    await risk.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByText(`${before + 1} von 10 erledigt`).count()).toBe(1);
    await expect.poll(() => risk.isChecked()).toBe(true);
    // the box keeps the focus while the tick is saved (keyboard users go on from there)
    expect(await risk.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'Hilfe: Checkliste für ein Projekt');
    // the tick is kept, and it belongs to the project: the municipality's own list does not show it
    await page.reload();
    await expect.poll(() => page.getByRole('checkbox', { name: RISK_ITEM }).isChecked()).toBe(true);
    await page.getByLabel('Abhaken für').selectOption({ index: 0 });
    await expect.poll(() => page.getByRole('checkbox', { name: RISK_ITEM }).isChecked()).toBe(false);

    // search: German word forms, from the list page
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Hilfen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hilfen' }).waitFor();
    await page.getByLabel('Hilfen durchsuchen').fill('Umfragen');
    await page.getByLabel('Hilfen durchsuchen').press('Enter');
    await page.getByText('Ergebnisse für „Umfragen“').waitFor();
    await page.getByRole('link', { name: 'Eine Vorab-Umfrage im Verbund durchführen' }).waitFor();
    await page.getByRole('link', { name: 'Checkliste Vorab-Umfrage' }).waitFor();
    expect(await page.getByRole('link', { name: 'Vorlage: Kostenschlüssel berechnen' }).count()).toBe(0);
    await expectAccessible(page, 'Hilfen (Suche)');
    await page.getByLabel('Hilfen durchsuchen').fill('Zwiebelkuchen');
    await page.getByLabel('Hilfen durchsuchen').press('Enter');
    await page.getByText('Keine Hilfe passt zu Ihrer Suche.', { exact: false }).waitFor();
    await expectAccessible(page, 'Hilfen (keine Treffer)');

    // the circle's own guide is there for its members, and the processing agreement downloads as DOCX
    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await page.getByText('Nur für Innovationszirkel Kleine Kommunen').first().waitFor();
    await page.getByRole('link', { name: 'Muster: Vertrag zur Auftragsverarbeitung nach Art. 28 DSGVO' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Muster-Auftragsverarbeitung-Art-28-DSGVO\.docx/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Muster-Auftragsverarbeitung-Art-28-DSGVO.docx');
    await expectAccessible(page, 'Hilfe: Vorlage');
    await page.context().close();
  });

  it('the moderation writes a guide for its network, edits it with a change note, and sees both versions', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'moderation@digitalzirkel.example');
    await page.goto(`${baseUrl()}/hilfen`);
    await page.getByRole('link', { name: 'Neue Hilfe schreiben' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neue Hilfe' }).waitFor();
    await expectAccessible(page, 'Neue Hilfe');
    // nothing filled: the summary names the missing fields
    await page.getByRole('button', { name: 'Hilfe anlegen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Eingaben' });
    await summary
      .getByRole('link', { name: /^Bereiche \(mindestens einer\): Bitte wählen Sie mindestens einen Eintrag/ })
      .waitFor();
    await summary.getByRole('link', { name: /^Titel/ }).waitFor();
    const title = `Zirkeltreffen vorbereiten ${Date.now()}`;
    await page.getByLabel('Art der Hilfe').selectOption('checklist');
    await page.getByLabel('Titel').fill(title);
    await page.getByLabel('Punkt 1', { exact: true }).fill('Raum und Technik reservieren');
    await page.getByRole('button', { name: 'Punkt hinzufügen' }).click();
    await page.getByLabel('Punkt 2', { exact: true }).fill('Tagesordnung zwei Wochen vorher verschicken');
    await page.getByRole('checkbox', { name: 'Verbünde' }).check();
    await page.getByRole('button', { name: 'Hilfe anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Nur für Innovationszirkel Kleine Kommunen').waitFor();

    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hilfe bearbeiten' }).waitFor();
    await page.getByLabel('Punkt 2', { exact: true }).fill('Tagesordnung drei Wochen vorher verschicken');
    await page.getByRole('button', { name: 'Hilfe speichern' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /^Was hat sich geändert\?: Bitte geben Sie mindestens 3 Zeichen ein/ })
      .waitFor();
    await page.getByLabel('Was hat sich geändert?').fill('Frist auf drei Wochen verlängert');
    await expectAccessible(page, 'Hilfe bearbeiten');
    await page.getByRole('button', { name: 'Hilfe speichern' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Frist auf drei Wochen verlängert').waitFor();
    await page.getByRole('button', { name: 'Fassung 1 ansehen' }).click();
    await page.getByRole('heading', { level: 3, name: `Fassung 1: ${title}` }).waitFor();
    await page.getByText('Tagesordnung zwei Wochen vorher verschicken').waitFor();
    await expectAccessible(page, 'Hilfe mit früherer Fassung');
    await page.context().close();
  });
});
