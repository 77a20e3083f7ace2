import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, loginAs, newPage } from './support/browser';
import { pdfText } from './support/pdf';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('journey: costs and risks of a project', () => {
  it('cost lines and a risk → lifecycle and NPV → browser simulation → alternatives → decision paper PDF and OParl', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'ebersberg@digitalzirkel.example');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Portfolio' }).click();
    await page.getByRole('link', { name: 'Projekt anlegen' }).click();
    await page.getByLabel('Projekttitel', { exact: false }).fill('E-Rechnung im Rathaus');
    await page.getByLabel('Beginn', { exact: true }).fill('2027-01-01');
    await page.getByLabel('Ende', { exact: true }).fill('2027-09-30');
    await page.getByRole('button', { name: 'Projekt anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'E-Rechnung im Rathaus' }).waitFor();
    await page.getByRole('link', { name: 'Kosten und Risiken' }).click();
    await page.getByRole('heading', { level: 1, name: /Kosten und Risiken: E-Rechnung im Rathaus/ }).waitFor();
    await expectAccessible(page, 'Kosten und Risiken (leer)');

    // one-time software with VAT, yearly licence, staff hours, 40 % funding, saved hours
    await page.getByRole('button', { name: 'Kostenzeile hinzufügen' }).click();
    await page.getByLabel('Bezeichnung, Zeile 1').first().fill('Rechnungsworkflow-Software');
    await page.getByLabel('Mindestens (€), Zeile 1').fill('8.000');
    await page.getByLabel('Wahrscheinlich (€), Zeile 1').fill('10.000');
    await page.getByLabel('Höchstens (€), Zeile 1').fill('15.000');
    await page.getByRole('button', { name: 'Kostenzeile hinzufügen' }).click();
    await page.getByLabel('Bezeichnung, Zeile 2').first().fill('Lizenz');
    // the category decides: licences are recurring
    await page.getByLabel('Kategorie, Zeile 2').selectOption({ label: 'Lizenzen' });
    await page.getByLabel('Ab Jahr, Zeile 2').first().selectOption({ label: 'Jahr 2' });
    await page.getByLabel('USt., Zeile 2').uncheck();
    await page.getByLabel('Mindestens (€), Zeile 2').fill('2.000');
    await page.getByLabel('Wahrscheinlich (€), Zeile 2').fill('2.400');
    await page.getByLabel('Höchstens (€), Zeile 2').fill('3.000');
    await page.getByRole('button', { name: 'Förderung hinzufügen' }).click();
    await page.getByLabel('Programm, Zeile 1').fill('Digitalbonus');
    await page.getByLabel('oder Anteil an den Einmalkosten (%), Zeile 1').fill('40');
    await page.getByLabel('Stand, Zeile 1').selectOption({ label: 'bewilligt' });
    // funding only planned is listed apart and not counted
    await page.getByRole('button', { name: 'Förderung hinzufügen' }).click();
    await page.getByLabel('Programm, Zeile 2').fill('Landesprogramm Digitale Verwaltung');
    await page.getByLabel('Betrag (€), Zeile 2').fill('1.000');
    await page.getByRole('button', { name: 'Kostenplan speichern' }).click();
    await page.getByText('Kostenplan gespeichert.').waitFor();
    // 10,000 € + 19 % VAT = 11,900 €; four years of licences 9,600 € → 21,500 €; 40 % of 11,900 € funded
    await page.getByText('21.500,00 €').first().waitFor();
    await page.getByText('4.760,00 €').first().waitFor();
    await page.getByText('Förderung beantragt oder geplant (nicht eingerechnet)').first().waitFor();
    await expectAccessible(page, 'Kosten und Risiken mit Kostenplan');

    // a risk with its three-point cost impact
    await page.getByRole('button', { name: 'Risiko erfassen' }).click();
    await page.getByRole('textbox', { name: /^Risiko/ }).fill('Lieferant liefert verspätet');
    await page.getByLabel('Kategorie', { exact: true }).selectOption({ label: 'Anbieter' });
    await page.getByLabel('Eintrittswahrscheinlichkeit (%)').fill('30');
    await page.getByLabel('Kosten mindestens (€)').fill('1.000');
    await page.getByLabel('Kosten wahrscheinlich (€)').fill('2.000');
    await page.getByLabel('Kosten höchstens (€)').fill('6.000');
    await page.getByLabel('Verzug (Wochen)').fill('4');
    await page.getByRole('button', { name: 'Risiko speichern' }).click();
    await page.getByText('Risiko gespeichert.').waitFor();
    await page
      .getByRole('table', { name: /Risikomatrix/ })
      .getByText('Lieferant liefert verspätet')
      .waitFor();

    // Monte Carlo in a web worker
    await page.getByRole('button', { name: 'Simulation starten' }).click();
    await page.getByText(/Empfohlenes risikoangepasstes Budget \(P80\): [\d.]+\s€/).waitFor();
    await page.getByRole('table', { name: 'Budget und Wahrscheinlichkeit, dass es reicht' }).waitFor();
    // planned 2027-01-01 to 2027-09-30 (39 weeks); the risk (30 %) adds four weeks only above P70
    await page
      .locator('dt:has-text("Voraussichtliches Ende") + dd')
      .getByText(/P50 01\.10\.2027 · P80 29\.10\.2027/)
      .waitFor();
    await expectAccessible(page, 'Simulation');

    // alternatives: doing it alone vs. the shared service offer
    await page.getByLabel('Shared Service: Einstieg einmalig (€)').fill('1.000');
    await page.getByLabel('Shared Service: Entgelt pro Jahr (€)').fill('2.000');
    await page.getByRole('button', { name: 'Kostenplan speichern' }).click();
    await page.getByText('Kostenplan gespeichert.').waitFor();
    await page.getByRole('row', { name: /Als Shared Service 11\.000\s€/ }).waitFor();
    await page.getByRole('row', { name: /Allein umsetzen 16\.740\s€/ }).waitFor();
    await expectAccessible(page, 'Alternativen');

    // the council decision paper: prepared, the resolution edited, generated as PDF and checked
    const simText = (await page.getByText(/Empfohlenes risikoangepasstes Budget/).textContent()) ?? '';
    const screenP80 = Number(/P80\): ([\d.]+)\s€/.exec(simText)?.[1]?.replace(/\./g, ''));
    await page.getByRole('button', { name: 'Beschlussvorlage vorbereiten' }).click();
    await page
      .getByLabel('Beschlussvorschlag')
      .fill('Der Gemeinderat beschließt die Einführung der E-Rechnung im Rathaus.');
    const figures = page.locator('.figures-preview');
    const p80Text = (await figures.locator('dt:has-text("Risikoangepasstes Budget (P80)") + dd').textContent()) ?? '';
    const perInhabitant =
      (await figures.locator('dt:has-text("Kosten je Einwohnerin und Einwohner") + dd').textContent()) ?? '';
    // the simulation on the screen (whole euros) and the paper's P80 (cents) are the same number
    expect(Math.round(Number(p80Text.replace(/[^\d,]/g, '').replace(',', '.')))).toBe(screenP80);
    await expectAccessible(page, 'Beschlussvorlage vorbereiten');
    await page.getByRole('button', { name: 'Beschlussvorlage erzeugen' }).click();
    await page.getByText('Fassung 1 der Beschlussvorlage wurde erzeugt.').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'PDF der Fassung 1' }).click();
    const text = (await pdfText(fs.readFileSync(await (await download).path()))).replace(/\s+/g, ' ');
    const norm = (x: string) => x.replace(/\s+/g, ' ').trim();
    expect(text).toContain('Der Gemeinderat beschließt die Einführung der E-Rechnung im Rathaus.');
    expect(text).toContain(`Risikoangepasstes Budget (P80, 2027–2031, vor Förderung) ${norm(p80Text)}`);
    expect(text).toContain(
      `Kosten je Einwohnerin und Einwohner (2027–2031, nach bewilligter Förderung) ${norm(perInhabitant)}`,
    );
    expect(text).toContain('Förderung beantragt oder geplant (nicht eingerechnet) 1.000,00 €');
    expect(text).toContain('Landesprogramm Digitale Verwaltung geplant, noch nicht beantragt 1.000,00 €');
    // the appendices are part of the PDF
    expect(text).toContain('Anlage 1: Kostenplan und Lebenszykluskosten Kostenzeilen');
    expect(text).toContain('Anlage 2: Risikoregister Risiko');
    expect(text).toContain('Lieferant liefert verspätet');
    const href = (await page.getByRole('link', { name: 'OParl-Daten der Fassung 1' }).getAttribute('href')) ?? '';
    const oparl = await page.request.get(new URL(href, page.url()).toString());
    expect((await oparl.json()).type).toBe('https://schema.oparl.org/1.1/Paper');

    // the municipality's budget overview across projects
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Haushaltsübersicht' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Haushaltsübersicht der Projekte' }).waitFor();
    await page
      .getByRole('table', { name: 'Kosten je Jahr und Kategorie' })
      .getByRole('row', { name: /^Investition 11\.900\s€/ })
      .waitFor();
    await expectAccessible(page, 'Haushaltsübersicht');
    await page.close();
  });
});
