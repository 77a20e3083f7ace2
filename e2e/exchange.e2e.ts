import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launch, loginAs, newPage } from './support/browser';
import { pdfText } from './support/pdf';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name, exact: true }).click();

/** Downloads a link's target inside the page's session and returns its bytes. */
async function download(page: Page, href: string): Promise<Buffer> {
  const res = await page.request.get(new URL(href, baseUrl()).toString());
  expect(res.status()).toBe(200);
  return res.body();
}

describe('journey: intermunicipal exchange', () => {
  it('A publishes → B finds it by another word form → B adopts with scaled costs → A sees the reuse → joint project with a population key → both get their cost statements', async () => {
    // ---- A (Bad Wildbad, 10,388 inhabitants) publishes a project ----
    const a = await newPage(browser);
    await loginAs(a, 'badwildbad@digitalzirkel.example');
    await nav(a, 'Portfolio');
    await a.getByRole('link', { name: 'Projekt anlegen' }).click();
    await a.getByLabel('Projekttitel', { exact: false }).fill('Digitaler Bauhof');
    await a.getByLabel('Beginn', { exact: true }).fill('2026-01-01');
    await a.getByLabel('Ende', { exact: true }).fill('2026-12-31');
    await a.getByRole('button', { name: 'Projekt anlegen' }).click();
    await a.getByRole('heading', { level: 1, name: 'Digitaler Bauhof' }).waitFor();
    await a.getByLabel('Meilenstein', { exact: true }).fill('Pilot mit zwei Kolonnen');
    await a.getByLabel('Geplant am').fill('2026-03-01');
    await a.getByRole('button', { name: 'Meilenstein hinzufügen' }).click();
    await a.getByRole('cell', { name: 'Pilot mit zwei Kolonnen', exact: true }).waitFor();
    await a.getByRole('link', { name: 'Kosten und Risiken' }).click();
    await a.getByRole('button', { name: 'Kostenzeile hinzufügen' }).click();
    await a.getByLabel('Bezeichnung, Zeile 1').first().fill('Tablets und App');
    await a.getByLabel('USt., Zeile 1').uncheck();
    await a.getByLabel('Mindestens (€), Zeile 1').fill('8.000');
    await a.getByLabel('Wahrscheinlich (€), Zeile 1').fill('10.000');
    await a.getByLabel('Höchstens (€), Zeile 1').fill('12.000');
    await a.getByRole('button', { name: 'Kostenplan speichern' }).click();
    await a.getByText('Kostenplan gespeichert.').waitFor();
    await a.goBack();
    await a.getByRole('heading', { level: 1, name: 'Digitaler Bauhof' }).waitFor();
    await a.getByRole('link', { name: 'Veröffentlichen' }).click();
    await a.getByRole('heading', { level: 1, name: 'Projekt veröffentlichen' }).waitFor();
    await a.getByText('Dieses Projekt ist privat').waitFor();
    await a.getByLabel('Problem und Bedarf').fill('Schäden an Straßen und Spielplätzen wurden auf Papier gemeldet.');
    await a.getByLabel('Lösung', { exact: true }).fill('Mängelmelder-App auf Tablets für die Kolonnen des Bauhofs.');
    await a.getByLabel('Erfahrungen und Lehren').fill('Kolonnenführer früh einbinden.');
    await a.getByLabel('Handlungsfeld').selectOption({ label: 'Interne Prozesse und E-Akte' });
    await a.getByLabel('Ansprechpartner (Funktion)', { exact: false }).fill('Bauhofleitung');
    await a.getByRole('button', { name: 'Vorschau anzeigen' }).click();
    await a.getByRole('heading', { name: 'Vorschau' }).waitFor();
    await a.getByRole('rowheader', { name: 'Tablets und App' }).waitFor();
    await expectAccessible(a, 'Veröffentlichen mit Vorschau');
    await a.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
    await a.getByText('Veröffentlicht.', { exact: true }).waitFor();

    // ---- B (Uslar, 13,536 inhabitants) finds it with another word form and adopts it ----
    const b = await newPage(browser);
    await loginAs(b, 'uslar@digitalzirkel.example');
    await nav(b, 'Projektbörse');
    await b.getByRole('heading', { level: 1, name: 'Projektbörse' }).waitFor();
    await expectAccessible(b, 'Projektbörse');
    await b.getByLabel('Suchbegriffe').fill('Bauhöfe');
    await b.getByRole('button', { name: 'Suchen', exact: true }).click();
    await b.getByText('1 Projekt gefunden').waitFor();
    await expectAccessible(b, 'Projektbörse mit Treffer');
    await b.getByRole('link', { name: 'Digitaler Bauhof' }).click();
    await b.getByRole('heading', { level: 1, name: 'Digitaler Bauhof' }).waitFor();
    await b.getByText('Kolonnenführer früh einbinden.').waitFor();
    await b.getByRole('link', { name: 'Gemeinsames Projekt vorschlagen' }).waitFor();
    await expectAccessible(b, 'Veröffentlichtes Projekt');
    await b.getByLabel('Ihre Frage').fill('Welche App haben Sie gewählt?');
    await b.getByRole('button', { name: 'Frage stellen' }).click();
    await b.getByText('Welche App haben Sie gewählt?').waitFor();
    await b.getByRole('link', { name: 'Übernehmen' }).click();
    await b.getByRole('heading', { level: 1, name: 'Projekt übernehmen' }).waitFor();
    // 13,536 ÷ 10,388 = 1.30: 10,000 € become 13,000 €
    await b.getByText('Faktor 1,30', { exact: false }).waitFor();
    const row = b.getByRole('row', { name: /Tablets und App/ });
    expect(await row.getByRole('textbox').inputValue()).toBe('1,30');
    await row.getByText('13.000,00 €').waitFor();
    await expectAccessible(b, 'Projekt übernehmen');
    await b.getByLabel('Titel Ihres Projekts').fill('Digitaler Bauhof Uslar');
    await b.getByLabel('Projektstart').fill('2027-01-01');
    await b.getByRole('button', { name: 'In mein Portfolio übernehmen' }).click();
    await b.getByRole('heading', { level: 1, name: 'Digitaler Bauhof Uslar' }).waitFor();
    await b.getByText('Übernommen aus:').waitFor();
    await b.getByRole('cell', { name: 'Pilot mit zwei Kolonnen', exact: true }).waitFor();
    await b.getByRole('cell', { name: '01.03.2027' }).waitFor();
    await b.getByRole('link', { name: 'Kosten und Risiken' }).click();
    await b.getByText('13.000,00 €').first().waitFor();

    // ---- B looks for partners for its new project and asks Bad Wildbad for contact ----
    await b.goBack();
    await b.getByRole('link', { name: 'Partner finden' }).click();
    await b.getByRole('heading', { level: 1, name: 'Partner finden' }).waitFor();
    await b.getByRole('heading', { name: 'Bad Wildbad, Stadt' }).waitFor();
    await b.getByText('ähnliches veröffentlichtes Projekt').first().waitFor();
    await b.getByText('über Kreisgrenzen hinweg').first().waitFor();
    await expectAccessible(b, 'Partner finden');
    await b.getByRole('button', { name: 'Kontakt anfragen Bad Wildbad, Stadt' }).click();
    await b.getByLabel('Nachricht').fill('Wir möchten den digitalen Bauhof gemeinsam weiterentwickeln.');
    await expectAccessible(b, 'Kontaktanfrage');
    await b.getByRole('button', { name: 'Anfrage senden' }).click();
    await b.getByText('Ihre Kontaktanfrage wurde gesendet.').waitFor();

    // ---- A sees the reuse, the question and the request ----
    await a.getByRole('link', { name: 'Eintrag ansehen' }).click();
    await a.getByRole('heading', { level: 1, name: 'Digitaler Bauhof' }).waitFor();
    await a.getByText('1-mal von anderen Kommunen übernommen.').waitFor();
    await a.getByRole('cell', { name: 'Niedersachsen' }).waitFor();
    await a.getByText('Welche App haben Sie gewählt?').waitFor();
    expect(await a.getByText('Uslar').count()).toBe(1); // the asker's municipality, never the adopter's name
    await expectAccessible(a, 'Eigener Eintrag mit Nachnutzung');
    await nav(a, 'Kontaktanfragen');
    await a.getByText('Wir möchten den digitalen Bauhof gemeinsam weiterentwickeln.').waitFor();
    await a.getByText('Kontaktdaten nach der Annahme.').waitFor();
    await expectAccessible(a, 'Kontaktanfragen');
    await a.getByRole('button', { name: 'Annehmen Uslar, Stadt' }).click();
    await a.getByRole('link', { name: 'uslar@digitalzirkel.example' }).waitFor();

    // ---- A starts a joint project with B, split by population ----
    await nav(a, 'Gemeinsame Projekte');
    await a.getByRole('heading', { level: 1, name: 'Gemeinsame Projekte' }).waitFor();
    await expectAccessible(a, 'Gemeinsame Projekte (leer)');
    await a.getByRole('link', { name: 'Gemeinsames Projekt anlegen' }).click();
    await a.getByRole('textbox', { name: /^Titel/ }).fill('Gemeinsame Bauhof-App');
    await a.getByLabel('Position 1').fill('App-Lizenz für beide Bauhöfe');
    await a.getByLabel('Betrag 1 (Euro)').fill('10.000');
    await a.getByLabel('Kommune hinzufügen').fill('Uslar');
    await a.getByRole('button', { name: 'Suchen', exact: true }).click();
    await a.getByRole('button', { name: 'Uslar, Stadt hinzufügen' }).click();
    await a
      .getByRole('row', { name: /Uslar, Stadt/ })
      .getByText('5.657,92 €')
      .waitFor();
    await expectAccessible(a, 'Gemeinsames Projekt anlegen');
    await a.getByRole('button', { name: 'Anlegen und Partner einladen' }).click();
    await a.getByRole('heading', { level: 1, name: 'Gemeinsame Bauhof-App' }).waitFor();
    await a
      .getByRole('row', { name: /Bad Wildbad, Stadt/ })
      .getByText('4.342,08 €')
      .waitFor();
    await expectAccessible(a, 'Gemeinsames Projekt');
    const ownPdf = await a.getByRole('link', { name: 'PDF Kostenaufstellung Bad Wildbad, Stadt' }).getAttribute('href');
    const aText = await pdfText(await download(a, ownPdf!));
    expect(aText).toContain('Kostenaufstellung · Bad Wildbad, Stadt');
    expect(aText).toMatch(/Anteil Bad Wildbad, Stadt: 4\.342,08\s€/);
    expect(aText).toContain('nach Einwohnerzahl');

    // ---- B accepts and gets its own statement; it is also in B's portfolio ----
    await nav(b, 'Portfolio');
    await b.getByRole('link', { name: 'Gemeinsame Bauhof-App' }).click();
    await b.getByText('Ihre Kommune ist zu diesem gemeinsamen Projekt eingeladen.').waitFor();
    await expectAccessible(b, 'Einladung zum gemeinsamen Projekt');
    await b.getByRole('button', { name: 'Einladung annehmen' }).click();
    await b.getByText('Sie sind jetzt beteiligt.').waitFor();
    await b.getByLabel('Art').selectOption({ label: 'Private Notiz' });
    await b.getByRole('textbox', { name: /^Titel/ }).fill('Nur für Uslar: Haushaltsrest prüfen');
    await b.getByRole('button', { name: 'Eintrag speichern' }).click();
    await b.getByText('Nur für Uslar: Haushaltsrest prüfen', { exact: true }).first().waitFor();
    await expectAccessible(b, 'Gemeinsames Projekt als Partner');
    const bPdf = await b.getByRole('link', { name: 'PDF Kostenaufstellung Uslar, Stadt' }).getAttribute('href');
    const bText = await pdfText(await download(b, bPdf!));
    expect(bText).toMatch(/Anteil Uslar, Stadt: 5\.657,92\s€/);
    const xlsx = await b.getByRole('link', { name: 'XLSX Kostenaufstellung Uslar, Stadt' }).getAttribute('href');
    expect((await download(b, xlsx!)).subarray(0, 2).toString()).toBe('PK');
    // A never sees B's private note
    await a.reload();
    await a.getByRole('heading', { level: 1, name: 'Gemeinsame Bauhof-App' }).waitFor();
    await a.getByRole('cell', { name: 'beteiligt' }).first().waitFor();
    expect(await a.getByText('Haushaltsrest').count()).toBe(0);
  });
});
