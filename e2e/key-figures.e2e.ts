import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiIn } from './support/api';
import { expectAccessible, launch, loginAs, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const YEAR = new Date().getFullYear();
const NETWORK = 'Innovationszirkel Kleine Kommunen';
const IT_SPEND = 'IT-Ausgaben je Einwohnerin und Einwohner';
const ONLINE = 'Anteil der Leistungen online (OZG-Reifegrad ≥ 3)';
const NEW_FIGURE = 'Anteil digital eingereichter Bauanträge';

type KeyFigureList = { figures: { name: string; values: { year: number; value: number; origin: string }[] }[] };

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name, exact: true }).click();
/** A figure's section on the key-figure page or the benchmark, named by its heading. */
const figure = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });

async function ownValue(page: Page, name: string, year = YEAR) {
  const list = await apiIn<KeyFigureList>(page, 'GET', `/maturity/key-figures?year=${year}`);
  return list.figures.find((f) => f.name === name)?.values.find((v) => v.year === year);
}

describe("key-figure ring and benchmark (in this order: the moderation's new figure is the one with too few values)", () => {
  it('the moderation creates a key figure of the network', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'moderation@digitalzirkel.example');
    await page.getByRole('link', { name: NETWORK }).first().click();
    await page.getByRole('link', { name: 'Kennzahlenvergleich des Verbunds' }).click();
    await page.getByRole('heading', { level: 1, name: `Kennzahlenvergleich: ${NETWORK}` }).waitFor();
    // the moderation sees the distributions, never names, and cannot join
    await page.getByRole('table', { name: `Verteilung im Verbund ${YEAR}` }).waitFor();
    await page.getByText(/Beitreten kann die Koordination einer Mitgliedskommune/).waitFor();
    expect(await page.getByRole('switch').count()).toBe(0);
    expect(await page.getByRole('heading', { name: `Werte im offenen Ring ${YEAR}` }).count()).toBe(0);
    await page.getByRole('heading', { level: 2, name: 'Eigene Kennzahlen des Verbunds' }).waitFor();
    await expectAccessible(page, 'Kennzahlenvergleich (Moderation)');

    await page.getByRole('button', { name: 'Neue Kennzahl' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill(NEW_FIGURE);
    // the contract's limit, named at the field
    await dialog.getByLabel('Definition').fill('kurz');
    await dialog.getByRole('button', { name: 'Kennzahl anlegen' }).click();
    await dialog.getByText('Bitte geben Sie mindestens 10 Zeichen ein.').first().waitFor();
    await dialog
      .getByLabel('Definition')
      .fill('Bauanträge, die über das Bauportal digital eingingen, geteilt durch alle Bauanträge des Jahres.');
    await dialog.getByLabel('Einheit').fill('%');
    await dialog.getByLabel('Richtung').selectOption({ label: 'höher ist besser' });
    await dialog.getByLabel('Nachkommastellen').selectOption('0');
    await dialog.getByLabel('Größter zulässiger Wert').fill('100');
    await dialog.getByLabel('Quelle').fill('Bauportal und Posteingangsbuch');
    await expectAccessible(page, 'Neue Kennzahl des Verbunds');
    await dialog.getByRole('button', { name: 'Kennzahl anlegen' }).click();
    await page.getByText(`Die Kennzahl „${NEW_FIGURE}“ ist angelegt.`).waitFor();
    await page
      .getByRole('table', { name: 'Eigene Kennzahlen des Verbunds' })
      .getByRole('rowheader', { name: new RegExp(NEW_FIGURE) })
      .waitFor();
    await expectAccessible(page, 'Kennzahl des Verbunds angelegt');
    await page.context().close();
  });

  it('Ebersberg enters values, takes over computed ones, sees the benchmark and joins the open ring', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'ebersberg@digitalzirkel.example');
    await nav(page, 'Kennzahlen');
    await page.getByRole('heading', { level: 1, name: 'Kennzahlen' }).waitFor();
    await expectAccessible(page, 'Kennzahlen');

    // a value with the German decimal comma; something that is not a number is named at the field
    const spend = figure(page, IT_SPEND);
    const field = spend.getByLabel(`Wert ${YEAR} in €`);
    await field.fill('112,4x');
    await spend.getByRole('button', { name: /^Wert (speichern|ändern)$/ }).click();
    await spend.getByText('Bitte geben Sie eine Zahl an, z. B. 35,98.').first().waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('112,40');
    await spend.getByRole('button', { name: /^Wert (speichern|ändern)$/ }).click();
    await spend.getByText(`Der Wert für ${YEAR} ist gespeichert.`).waitFor();
    await spend.getByText('112,40 €', { exact: true }).first().waitFor();
    await spend.getByText('eingegeben', { exact: true }).first().waitFor();
    expect(await ownValue(page, IT_SPEND)).toMatchObject({ value: 112.4, origin: 'entered' });

    // a percentage above 100 is refused at the field, before anything is sent
    const eFile = figure(page, 'Abdeckung E-Akte');
    await eFile.getByLabel(`Wert ${YEAR} in %`).fill('120');
    await eFile.getByRole('button', { name: /^Wert (speichern|ändern)$/ }).click();
    await eFile.getByText('Der Wert darf höchstens 100 betragen.').first().waitFor();
    await expectAccessible(page, 'Kennzahlen mit Fehler am Feld');

    // the network's own figure is asked for too, marked as the network's
    const own = figure(page, NEW_FIGURE);
    await own.getByText(`Kennzahl des Verbunds ${NETWORK}`).waitFor();
    await own.getByLabel(`Wert ${YEAR} in %`).fill('35');
    await own.getByRole('button', { name: 'Wert speichern' }).click();
    await own.getByText(`Der Wert für ${YEAR} ist gespeichert.`).waitFor();

    // the platform's suggestion says where it comes from; taking it over stores it as computed
    const online = figure(page, ONLINE);
    await online.getByText(/^Die Plattform berechnet: [\d,]+\s% – .*Leistungsverzeichnis/).waitFor();
    await page.getByRole('button', { name: 'Berechnete Werte übernehmen' }).click();
    await page.getByText(`Die berechneten Werte für ${YEAR} sind übernommen.`).waitFor();
    await online.getByText('berechnet aus der Plattform', { exact: true }).first().waitFor();
    expect(await ownValue(page, ONLINE)).toMatchObject({ origin: 'computed' });
    // the value entered by hand stays
    expect(await ownValue(page, IT_SPEND)).toMatchObject({ value: 112.4, origin: 'entered' });
    await expectAccessible(page, 'Kennzahlen nach dem Übernehmen');

    // the benchmark: the own quarter in words and a box plot of the size class
    await nav(page, 'Vergleich');
    await page.getByRole('heading', { level: 1, name: 'Vergleich mit anderen Kommunen' }).waitFor();
    await page.getByText('Ihre Kommune gehört zur Größenklasse GK 6').waitFor();
    const bench = figure(page, ONLINE);
    await bench.scrollIntoViewIfNeeded();
    await bench.getByText('Ebersberg liegt im schwächsten Viertel der GK6-Kommunen in Bayern.').waitFor();
    const plot = bench.getByRole('figure', { name: /^Box-Plot: / });
    await plot.locator('.chart svg').waitFor();
    const numbers = plot.getByRole('table', { name: 'Zahlen zum Box-Plot' });
    await numbers.getByRole('rowheader', { name: 'GK 6 in Bayern' }).waitFor();
    await numbers.getByRole('rowheader', { name: 'GK 6 bundesweit' }).waitFor();
    await bench.getByText(/^Verlauf \d{4}–\d{4}$/).click();
    await bench.getByRole('region', { name: `Verlauf: ${ONLINE}` }).waitFor();
    // the network's new figure has one value: every group is left out, with its reason and without a count
    const few = figure(page, NEW_FIGURE);
    await few.scrollIntoViewIfNeeded();
    await few.getByText(`Für ${YEAR} hat keine Vergleichsgruppe genug Werte, um sie zu zeigen.`).waitFor();
    expect(await few.getByRole('figure').count()).toBe(0);
    await few
      .getByText('GK 6 in Bayern: Weniger als 5 Kommunen mit Wert – aus Datenschutzgründen nicht gezeigt.')
      .waitFor();
    const hidden = await few.locator('.kf-hidden li').allTextContents();
    expect(hidden.length).toBe(5);
    for (const line of hidden) expect(line.replace(/GK 6|Weniger als 5/g, '')).not.toMatch(/\d/);
    await expectAccessible(page, 'Vergleich');

    // the network's ring: distributions without names; joining the open ring shows the names of its members
    await nav(page, 'Verbünde');
    await page.getByRole('link', { name: NETWORK }).first().click();
    await page.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
    await page.getByRole('link', { name: 'Kennzahlenvergleich des Verbunds' }).click();
    await page.getByRole('heading', { level: 1, name: `Kennzahlenvergleich: ${NETWORK}` }).waitFor();
    const distribution = page.getByRole('table', { name: `Verteilung im Verbund ${YEAR}` });
    await distribution.getByRole('row', { name: new RegExp(`^${NEW_FIGURE}.*zu wenige Werte`) }).waitFor();
    await expectAccessible(page, 'Kennzahlenvergleich im Verbund');
    const open = page.getByRole('switch', { name: 'Offenem Ring beitreten' });
    expect(await open.isChecked()).toBe(false);
    expect(await page.getByRole('heading', { name: `Werte im offenen Ring ${YEAR}` }).count()).toBe(0);
    await open.check();
    await page.getByText('Ihre Kommune ist dem offenen Ring beigetreten.').waitFor();
    const named = page.getByRole('region', { name: `Werte im offenen Ring ${YEAR}` });
    const spendNamed = named.getByRole('table', { name: IT_SPEND });
    await spendNamed.getByRole('rowheader', { name: 'Ebersberg, Stadt (Ihre Kommune)' }).waitFor();
    await spendNamed.getByRole('rowheader', { name: 'Plön, Stadt' }).waitFor();
    expect(await open.isChecked()).toBe(true);
    await expectAccessible(page, 'Offener Ring');
    await page.context().close();
  });
});
