import { fmtEuro, splitCents } from '@dz/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDocxInWriter } from '../server/test/libreoffice';
import { baseUrl, expectAccessible, launch, loginAs, newPage } from './support/browser';
import { pdfText } from './support/pdf';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name, exact: true }).click();

/** One partner's status quo of a building yard: staff, one vehicle, material and work orders. */
async function enterStatusQuo(page: Page, o: { fte: string; truck: string; orders: string }) {
  await page.getByRole('button', { name: 'Stelle hinzufügen' }).first().click();
  await page.getByLabel('Vollzeitstellen').first().fill(o.fte);
  await page.getByRole('button', { name: 'Fahrzeug oder Gerät hinzufügen' }).first().click();
  await page.getByLabel('Bezeichnung').first().fill('Unimog');
  await page.getByLabel('Anschaffung (€)').first().fill(o.truck);
  await page.getByLabel('Laufende Kosten pro Jahr (€)').first().fill('8.000');
  await page.getByLabel('Material pro Jahr (€)').fill('20.000');
  await page.getByLabel('Aufträge').first().fill(o.orders);
  await page.getByRole('button', { name: 'Ist-Stand speichern' }).click();
  await page.getByText('Gespeichert. Die Berechnung ist aktualisiert.').waitFor();
}

describe('journey: shared service feasibility study', () => {
  it('A starts a building-yard study → B accepts → both enter their status quo → A sets the pool → both see alone vs. pool', async () => {
    const a = await newPage(browser);
    await loginAs(a, 'badwildbad@digitalzirkel.example');
    await nav(a, 'Gemeinsame Dienste');
    await a.getByRole('heading', { level: 1, name: 'Gemeinsame Dienste' }).waitFor();
    await expectAccessible(a, 'Gemeinsame Dienste');
    await a.getByRole('link', { name: 'Neue Machbarkeitsstudie' }).click();
    // starting without a partner is refused with a clear message
    await a.getByRole('button', { name: 'Studie starten und einladen' }).click();
    await a.locator('.field-error').first().waitFor();
    await a.getByLabel('Kommune suchen').fill('Uslar');
    await a.getByRole('button', { name: 'Uslar, Stadt einladen' }).click();
    await expectAccessible(a, 'Neue Machbarkeitsstudie');
    await a.getByRole('button', { name: 'Studie starten und einladen' }).click();
    await a.getByRole('heading', { level: 1, name: 'Gemeinsamer Dienst: Bauhof' }).waitFor();
    await a.getByText('Die Berechnung erscheint, sobald mindestens zwei Kommunen zugesagt haben.').waitFor();
    await enterStatusQuo(a, { fte: '6', truck: '180.000', orders: '900' });
    await expectAccessible(a, 'Machbarkeitsstudie der Federführung');
    const url = a.url();

    const b = await newPage(browser);
    await loginAs(b, 'uslar@digitalzirkel.example');
    await b.goto(url);
    await b.getByText(/lädt Ihre Kommune zu dieser Machbarkeitsstudie ein/).waitFor();
    // an invited partner sees nothing of A's figures
    expect(await b.getByText('Winterdienst').count()).toBe(0);
    await expectAccessible(b, 'Einladung zur Machbarkeitsstudie');
    await b.getByRole('button', { name: 'Zusagen' }).click();
    await b.getByRole('heading', { name: 'Ihr Ist-Stand' }).waitFor();
    await enterStatusQuo(b, { fte: '1,5', truck: '120.000', orders: '150' });

    await a.reload();
    await a.getByRole('heading', { name: 'Zielmodell und Kostenschlüssel' }).waitFor();
    const pool = a.getByRole('region', { name: 'Zielmodell und Kostenschlüssel' });
    await pool.getByRole('button', { name: 'Stelle hinzufügen' }).click();
    await pool.getByLabel('Vollzeitstellen').fill('6,5');
    await pool.getByLabel('Aufträge').fill('20');
    await pool.getByLabel('Einmalige Umstellungskosten (€)').fill('30.000');
    await pool.getByLabel('Der Dienst braucht einen eigenen Haushalt, eigenes Vermögen oder Kredite.').check();
    await pool.getByText(/Empfehlung:/).waitFor();
    await pool.getByRole('button', { name: 'Zielmodell speichern und neu berechnen' }).click();
    const table = a.getByRole('table', { name: /Jährliche Kosten je Kommune/ });
    await table.getByRole('row', { name: /Zusammen/ }).waitFor();
    // Bad Wildbad alone: 6 × 1,600 h × 55 € + 18,000 € + 8,000 € + 20,000 € = 574,000 €
    const wildbad = table.getByRole('row', { name: /Bad Wildbad/ });
    if (process.env.SHOT) await a.screenshot({ path: '/tmp/study-a.png', fullPage: true });
    expect(await wildbad.getByRole('cell').nth(1).textContent()).toMatch(/^574\.000\s€$/);
    await expectAccessible(a, 'Machbarkeitsstudie mit Berechnung');
    // the key: by the partners' order volumes (900 : 150) instead of population
    await pool.getByLabel('Kostenschlüssel').selectOption({ label: 'nach Mengen' });
    const saved = a.waitForResponse(
      (r) =>
        r.request().method() === 'PUT' &&
        r.url() === `${baseUrl()}/api/v1/shared-services/studies/${url.split('/').pop()}`,
    );
    await pool.getByRole('button', { name: 'Zielmodell speichern und neu berechnen' }).click();
    expect((await saved).status()).toBe(200);
    // the draft agreement downloads as Word file and PDF; both name the parties, the key and the shares
    const download = async (name: string) => {
      const href = await a.getByRole('link', { name }).getAttribute('href');
      const res = await a.request.get(new URL(href!, a.url()).toString());
      expect(res.status()).toBe(200);
      return res;
    };
    const docx = await download('Vereinbarung als Word-Datei (DOCX)');
    expect(docx.headers()['content-type']).toContain('wordprocessingml');
    const word = openDocxInWriter(await docx.body());
    const pdf = await download('Vereinbarung als PDF');
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const pdfWords = (await pdfText(await pdf.body())).replace(/\s+/g, ' ');
    for (const text of [word.replace(/\s+/g, ' '), pdfWords]) {
      expect(text).toContain('Öffentlich-rechtliche Vereinbarung über Bauhof');
      expect(text).toContain('Uslar');
      expect(text).toContain('im Verhältnis der Mengen des Vorjahres');
      expect(text).toContain('§ 2b');
    }

    await b.reload();
    await b
      .getByRole('table', { name: /Jährliche Kosten je Kommune/ })
      .getByRole('row', { name: /Uslar/ })
      .waitFor();
    await expectAccessible(b, 'Machbarkeitsstudie als Partner');
    // each partner decides in its own council: the paper takes its share as the financial effects
    await b.getByRole('button', { name: 'Beschlussvorlage für unsere Kommune vorbereiten' }).click();
    await expect.poll(() => new URL(b.url()).pathname).toMatch(/^\/projekte\/[^/]+\/beschlussvorlage$/);
    await b.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(b, 'Beschlussvorlage aus der Machbarkeitsstudie');

    // the councils agreed: A records it and takes the service live from this month
    await a.goto(url);
    await a.getByRole('button', { name: 'Beschluss der Räte festhalten' }).click();
    await a.getByRole('alertdialog').getByRole('button', { name: 'Beschluss festhalten' }).click();
    await a.getByRole('button', { name: 'Dienst in Betrieb nehmen' }).click();
    await a.getByText(/Der Dienst ist in Betrieb seit/).waitFor();
    // A's coordinator joins the service team herself
    const team = a.getByRole('region', { name: 'Service-Team' });
    await team.getByLabel('Kollegin oder Kollege').selectOption({ index: 0 });
    await team.getByLabel('Entgeltgruppe').selectOption('EG 5');
    await team.getByRole('button', { name: 'Ins Service-Team aufnehmen' }).click();
    await team.getByText(/ist jetzt im Service-Team/).waitFor();
    await expectAccessible(a, 'Gemeinsamer Dienst in Betrieb');

    // B files a work order from a phone
    const phone = await newPage(browser);
    await loginAs(phone, 'uslar@digitalzirkel.example');
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.goto(url);
    await phone.getByRole('link', { name: 'Aufträge' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Aufträge' }).waitFor();
    await phone.getByText('Sie sehen die Aufträge Ihrer Kommune.').waitFor();
    await expectAccessible(phone, 'Auftragsliste auf dem Telefon');
    await phone.getByRole('link', { name: 'Neuer Auftrag' }).click();
    await phone.getByLabel('Art des Auftrags').selectOption('Winterdienst');
    await phone.getByLabel('Titel').fill('Streugut am Schulweg nachfüllen');
    await phone.getByLabel('Ort/Adresse').fill('Schulweg 3');
    await phone.getByLabel('Priorität').selectOption({ label: 'Hoch' });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(phone, 'Neuer Auftrag auf dem Telefon');
    await phone.getByRole('button', { name: 'Auftrag anlegen' }).click();
    await phone.getByRole('heading', { level: 1, name: /^Auftrag 1: Streugut am Schulweg nachfüllen/ }).waitFor();
    await expectAccessible(phone, 'Auftrag auf dem Telefon');

    // the team (A) sees B's order, records two hours and marks it done
    await a.getByRole('link', { name: 'Aufträge' }).click();
    await a.getByText('Sie gehören zum Service-Team und sehen alle Aufträge des Dienstes.').waitFor();
    await expectAccessible(a, 'Auftragsliste des Service-Teams');
    await a.getByRole('link', { name: 'Streugut am Schulweg nachfüllen' }).click();
    await a.getByRole('heading', { level: 1, name: /^Auftrag 1: Streugut am Schulweg nachfüllen/ }).waitFor();
    await a.getByLabel('Status').selectOption({ label: 'In Arbeit' });
    await a.getByRole('button', { name: 'Bearbeitung speichern' }).click();
    await a.getByText(/Gespeichert um/).waitFor();
    const time = a.getByRole('region', { name: 'Zeit und Material' });
    await time.getByLabel('Stunden').fill('2');
    await time.getByRole('button', { name: 'Zeit erfassen' }).click();
    await a.getByText('Die Zeit ist erfasst.').waitFor();
    if (process.env.SHOT) await a.screenshot({ path: '/tmp/order-a.png', fullPage: true });
    await a.getByLabel('Status').selectOption({ label: 'Erledigt' });
    await a.getByRole('button', { name: 'Bearbeitung speichern' }).click();
    await a.getByRole('cell', { name: '2 Std. 0 Min.' }).waitFor();
    await expectAccessible(a, 'Auftrag des Service-Teams');

    // the month closes; the statement PDF shows B's amount: its share of the fixed costs by orders plus one order
    await a.goto(url);
    await a.getByRole('link', { name: 'Abrechnung' }).click();
    await a.getByRole('heading', { level: 1, name: 'Abrechnung' }).waitFor();
    await expectAccessible(a, 'Abrechnung, Monat offen');
    await a.getByRole('button', { name: 'Monat abschließen' }).click();
    await a.getByRole('alertdialog').getByRole('button', { name: 'Monat abschließen' }).click();
    await a.getByText(/Abgeschlossen am/).waitFor();
    await expectAccessible(a, 'Abrechnung, Monat abgeschlossen');
    const now = new Date();
    // 6.5 FTE × 1,600 h × 55 €/h a year; this month's twelfth (to the cent), split 900 : 150, plus 1 order × 20 €
    const monthly = splitCents(
      57_200_000,
      Array.from({ length: 12 }, () => 1),
    )[now.getUTCMonth()]!;
    const uslarCents = splitCents(monthly, [900, 150])[1]! + 2_000;
    const euro = fmtEuro(uslarCents).replace(/\s/g, ' ');
    const statementHref = await a.getByRole('link', { name: 'PDF' }).getAttribute('href');
    const statementPdf = await a.request.get(new URL(statementHref!, a.url()).toString());
    expect(statementPdf.headers()['content-type']).toContain('application/pdf');
    const statement = (await pdfText(await statementPdf.body())).replace(/\s+/g, ' ');
    expect(statement).toContain('Uslar');
    expect(statement).toContain(euro);
    await phone.close();
  });
});

describe('journey: a network’s moderation starts a feasibility study', () => {
  it('the moderator names the lead and a partner → the lead accepts → the moderation sees who accepted', async () => {
    const mod = await newPage(browser);
    await loginAs(mod, 'moderation@digitalzirkel.example');
    await mod.getByRole('link', { name: 'Innovationszirkel Kleine Kommunen' }).click();
    await mod.getByRole('heading', { level: 2, name: 'Machbarkeitsstudien im Verbund' }).waitFor();
    await mod.getByRole('button', { name: 'Machbarkeitsstudie anstoßen' }).click();
    await mod.getByLabel('Aufgabe', { exact: true }).selectOption({ label: 'IT-Betrieb und -Support' });
    await mod.getByLabel('Federführende Kommune').selectOption({ label: 'Ebersberg' });
    // without a partner the form says what is missing
    await mod.getByRole('button', { name: 'Einladungen verschicken' }).click();
    await mod.locator('.field-error').first().waitFor();
    await mod.getByRole('checkbox', { name: 'Loitz' }).check();
    await expectAccessible(mod, 'Machbarkeitsstudie anstoßen');
    await mod.getByRole('button', { name: 'Einladungen verschicken' }).click();
    await mod.getByText(/Die Machbarkeitsstudie „Gemeinsamer Dienst: IT-Betrieb und -Support“ ist angelegt/).waitFor();
    await mod.getByText(/Ebersberg[^;]* \(federführend\) – eingeladen; Loitz[^;]* – eingeladen/).waitFor();

    const lead = await newPage(browser);
    await loginAs(lead, 'ebersberg@digitalzirkel.example');
    await nav(lead, 'Gemeinsame Dienste');
    await lead.getByRole('link', { name: 'Gemeinsamer Dienst: IT-Betrieb und -Support' }).click();
    await lead.getByText(/bittet Ihre Kommune, die Federführung zu übernehmen/).waitFor();
    await expectAccessible(lead, 'Einladung zur Federführung');
    await lead.getByRole('button', { name: 'Zusagen' }).click();
    await lead.getByRole('heading', { name: 'Ihr Ist-Stand' }).waitFor();

    await mod.reload();
    await mod.getByText(/Ebersberg[^;]* \(federführend\) – zugesagt; Loitz[^;]* – eingeladen/).waitFor();
    await lead.close();
    await mod.close();
  });
});
