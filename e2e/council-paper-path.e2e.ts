import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launch, loginAs, newPage } from './support/browser';
import { countInteractions } from './support/interactions';
import { pdfText } from './support/pdf';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Issue 17: a coordinator gets from "new project" to the first council paper in at most 40 interactions. */
const BUDGET = 40;

describe('journey: the first council paper', () => {
  it('start page → new project → guided path (costs from the exchange, risks in one click) → paper PDF, ≤ 40 interactions', async () => {
    const raw = await newPage(browser);
    await raw.setViewportSize({ width: 1280, height: 900 });
    await loginAs(raw, 'loitz@digitalzirkel.example');
    const counter = countInteractions(raw);
    const page = counter.page;

    await page.goto(`${baseUrl()}/`);
    await page.getByRole('heading', { level: 1, name: /^Start/ }).waitFor();
    await expectAccessible(raw, 'Start');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Portfolio' }).click();
    await page.getByRole('link', { name: 'Projekt anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Projekt anlegen' }).waitFor();
    await expectAccessible(raw, 'Projekt anlegen');
    await page.getByLabel('Projekttitel', { exact: false }).fill('Online-Terminvergabe im Rathaus');
    await page.getByLabel('Beginn', { exact: true }).fill('2027-01-01');
    await page.getByRole('button', { name: 'Projekt anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Online-Terminvergabe im Rathaus' }).waitFor();
    await expectAccessible(raw, 'Projekt');

    // ---- step 1: costs, prefilled by project type; Plön's published project as the basis ----
    await page.getByRole('link', { name: 'Beschlussvorlage vorbereiten' }).click();
    await page.getByRole('heading', { name: 'Schritt 1 von 3: Kosten' }).waitFor();
    // the type is recognised from the title, the guide values are there before anyone types
    expect(await page.getByLabel('Art des Vorhabens').inputValue()).toBe('appointments');
    await page.getByLabel('Bezeichnung, Zeile 1').first().waitFor();
    expect(await page.getByLabel('Bezeichnung, Zeile 1').first().inputValue()).toBe(
      'Terminsoftware: Einrichtung und Konfiguration',
    );
    await expectAccessible(raw, 'Beschlussvorlage: Kosten');
    await page.getByRole('radio', { name: /Online-Terminvergabe im Bürgerbüro“ aus Plön/ }).check();
    expect(await page.getByLabel('Bezeichnung, Zeile 1').first().inputValue()).toBe(
      'Terminsoftware (Lizenz, Einrichtung)',
    );
    // net in the field, gross under it: 5,000 € + 19 % VAT
    await page.getByLabel('Wahrscheinlich (€), Zeile 1').fill('5.000');
    await page.getByText('brutto 5.950 €').waitFor();
    // the cost table fits the page at 1280 px: no sideways scrolling, the VAT column inside the viewport
    const vat = page.getByRole('columnheader', { name: /^USt\./ });
    await vat.scrollIntoViewIfNeeded();
    const inView = await vat.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.left >= 0 && r.right <= window.innerWidth && r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView, 'the VAT column header is within the viewport').toBe(true);
    const frame = page.getByRole('region', { name: 'Sachkosten' });
    expect(await frame.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.getByLabel('Verfügbare Haushaltsmittel (€)').fill('20.000');
    await page.getByRole('button', { name: 'Kosten speichern und weiter' }).click();

    // ---- step 2: risks by category, each one click ----
    await page.getByRole('heading', { name: 'Schritt 2 von 3: Risiken' }).waitFor();
    await expectAccessible(raw, 'Beschlussvorlage: Risiken');
    await page.getByRole('button', { name: 'Risiko übernehmen: Schnittstelle zum Meldewesen verzögert sich' }).click();
    await page.getByText('Risiko „Schnittstelle zum Meldewesen verzögert sich“ übernommen.').waitFor();
    await page
      .getByRole('button', { name: 'Risiko übernehmen: Schlüsselpersonen fallen aus oder sind überlastet' })
      .click();
    await page.getByText('Risiko „Schlüsselpersonen fallen aus oder sind überlastet“ übernommen.').waitFor();
    // a 40 % risk sits in the matrix row 40–59 % only
    await page
      .getByRole('table', { name: /Risikomatrix/ })
      .getByRole('row', { name: /^40–59 %.*Schnittstelle zum Meldewesen/ })
      .waitFor();
    await page.getByRole('button', { name: 'Weiter zur Vorlage' }).click();

    // ---- step 3: the paper, prefilled; generated with one click ----
    await page.getByRole('heading', { name: 'Schritt 3 von 3: Vorlage erzeugen' }).waitFor();
    await page.getByLabel('Beschlussvorschlag').waitFor();
    const p80 =
      (await page.locator('.figures-preview dt:has-text("Risikoangepasstes Budget (P80)") + dd').textContent()) ?? '';
    expect(p80).toMatch(/€/);
    await expectAccessible(raw, 'Beschlussvorlage: Vorlage');
    await page.getByRole('button', { name: 'Beschlussvorlage erzeugen' }).click();
    await page.getByText('Fassung 1 der Beschlussvorlage wurde erzeugt.').waitFor();
    await expectAccessible(raw, 'Beschlussvorlage erzeugt');
    const download = raw.waitForEvent('download');
    await page.getByRole('link', { name: 'PDF der Fassung 1' }).click();
    const text = (await pdfText(fs.readFileSync(await (await download).path()))).replace(/\s+/g, ' ');

    const norm = (x: string) => x.replace(/\s+/g, ' ').trim();
    expect(text).toContain('Online-Terminvergabe im Rathaus');
    expect(text).toContain(`Risikoangepasstes Budget (P80, 2027–2031, vor Förderung) ${norm(p80)}`);
    expect(text).toContain('Verfügbare Haushaltsmittel 20.000,00 €');
    // Plön's cost line, the likely value edited: net and gross side by side
    expect(text).toMatch(
      /Terminsoftware \(Lizenz, Einrichtung\) einmalig 2027 [\d.,]+ € 5\.000,00 € [\d.,]+ € ja 5\.950,00 €/,
    );
    expect(text).toContain('Schnittstelle zum Meldewesen verzögert sich');
    expect(text).toContain('Schlüsselpersonen fallen aus oder sind überlastet');
    expect(text).toContain('Kosten je Jahr 2027–2031 (inkl. Umsatzsteuer und eigenem Personal) 2027');

    // the path as walked here takes 16 interactions (76 before the guided path); every click and fill was counted
    expect(counter.count, counter.log.join('\n')).toBeLessThanOrEqual(BUDGET);
    expect(counter.log.filter((l) => /\.(click|fill|check)\(/.test(l)).length).toBe(counter.count - 1);
    await raw.close();
  });
});
