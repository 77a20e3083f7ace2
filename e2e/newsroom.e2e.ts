import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, loginAs, newPage } from './support/browser';
import { pdfText } from './support/pdf';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('journey: the newsroom tells every employee what digitalisation brings', () => {
  it('milestone reached → the draft waits → edited and published → a colleague reads it on the start page, finds it helpful and comments → approved', async () => {
    const c = await newPage(browser);
    await loginAs(c, 'ploen@digitalzirkel.example');
    await c
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Portfolio', exact: true })
      .click();
    await c.getByRole('link', { name: 'E-Rechnung und digitaler Rechnungsworkflow' }).first().click();
    await c.getByRole('heading', { level: 1, name: 'E-Rechnung und digitaler Rechnungsworkflow' }).waitFor();
    // a communication plan from the go-live template: its items are tasks of the project with due dates
    await c
      .getByRole('region', { name: 'Kommunikation', exact: true })
      .getByRole('button', { name: 'Vorlage anwenden' })
      .click();
    const dialog = c.getByRole('dialog');
    await dialog.getByLabel('Phase').selectOption({ index: 1 });
    await dialog.getByLabel('Stichtag').fill('2027-02-01');
    await dialog.getByRole('button', { name: 'Vorlage anwenden' }).click();
    await c.getByText(/Punkte wurden hinzugefügt/).waitFor();
    await c
      .getByRole('region', { name: 'Aufgaben', exact: true })
      .getByRole('link', { name: /^Kommunikation: / })
      .first()
      .waitFor();
    await expectAccessible(c, 'Projekt mit Kommunikationsplan');
    await c.getByRole('button', { name: 'Als erreicht markieren: „Prozessaufnahme abgeschlossen“' }).click();
    await c.getByRole('button', { name: 'Wieder öffnen: „Prozessaufnahme abgeschlossen“' }).waitFor();

    // the start page says a draft waits; the editorial desk has it, written from the milestone
    await c.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Neuigkeiten' }).click();
    await c.getByRole('heading', { level: 1, name: 'Neuigkeiten' }).waitFor();
    await c.getByRole('link', { name: /Zur Redaktion/ }).click();
    await c.getByRole('heading', { level: 1, name: 'Redaktion Neuigkeiten' }).waitFor();
    const draft = c.getByRole('article', { name: 'Meilenstein erreicht: Prozessaufnahme abgeschlossen' });
    await draft.waitFor();
    await expectAccessible(c, 'Redaktion mit Entwürfen');
    await draft.getByRole('button', { name: 'Bearbeiten' }).click();
    const body = draft.getByLabel('Text');
    await body.fill(`${await body.inputValue()}\n\nAb Februar prüfen Sie Rechnungen **im Workflow**.`);
    // empty headline: a clear message, nothing saved
    const headline = draft.getByLabel('Überschrift');
    const title = await headline.inputValue();
    await headline.fill('');
    await draft.getByRole('button', { name: 'Speichern' }).click();
    await draft.locator('.field-error').first().waitFor();
    await headline.fill(title);
    await draft.getByRole('button', { name: 'Speichern' }).click();
    await c.getByText('Gespeichert.').waitFor();
    await c.getByRole('button', { name: `Veröffentlichen: ${title}` }).click();
    await c.getByText(`„${title}“ ist veröffentlicht.`).waitFor();

    // a colleague of the treasury reads it on the start page
    const k = await newPage(browser);
    await loginAs(k, 'kaemmerei.ploen@digitalzirkel.example');
    const start = k.getByRole('region', { name: 'Neuigkeiten' });
    await start.getByRole('link', { name: title }).click();
    await k.getByRole('heading', { level: 1, name: 'Neuigkeiten' }).waitFor();
    const post = k.getByRole('article', { name: title });
    await post.getByText('im Workflow').waitFor();
    expect(await post.locator('strong', { hasText: 'im Workflow' }).count()).toBe(1);
    await post.getByRole('button', { name: 'Hilfreich (0)' }).click();
    await post.getByRole('button', { name: 'Hilfreich (1)' }).waitFor();
    await post.getByRole('button', { name: '0 Kommentare' }).click();
    await post.getByLabel('Kommentar').fill('Gibt es dazu eine kurze Schulung?');
    await post.getByRole('button', { name: 'Kommentar senden' }).click();
    await post.getByText(/erscheint, sobald die Koordination ihn freigegeben hat/).waitFor();
    await expectAccessible(k, 'Neuigkeiten für Beschäftigte');

    // the coordination approves the comment; everyone sees it
    await c.reload();
    await c.getByRole('heading', { name: 'Kommentare zur Freigabe (1)' }).waitFor();
    await c.getByRole('button', { name: 'Freigeben' }).click();
    await c.getByText('Der Kommentar ist freigegeben.').waitFor();
    await k.reload();
    await k.getByRole('article', { name: title }).getByRole('button', { name: '1 Kommentar' }).click();
    await k.getByText('Gibt es dazu eine kurze Schulung?').waitFor();

    // the quarter's progress report for the council names the milestone and the published success
    await c.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kommunikation' }).click();
    const report = c.getByRole('link', { name: /Sachstandsbericht Q\d\/\d{4} \(PDF\)/ });
    const href = await report.getAttribute('href');
    const pdf = await c.request.get(new URL(href!, c.url()).toString());
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const text = (await pdfText(await pdf.body())).replace(/\s+/g, ' ');
    expect(text).toContain('Prozessaufnahme abgeschlossen');
    expect(text).toContain(title);
    await expectAccessible(c, 'Kommunikation mit Sachstandsbericht');
    await k.close();
    await c.close();
  });
});
