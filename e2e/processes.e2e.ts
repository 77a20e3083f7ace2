/// <reference path="../server/src/types/bpmn.d.ts" />
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDifferenceAnyOrder, typesIn } from '../server/test/bpmn-compare';
import { baseUrl, expectAccessible, launch, loginAs, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const STEPS: [string, number][] = [
  ['Antrag annehmen', 10],
  ['Daten abtippen', 15],
  ['Antrag prüfen', 20],
  ['An Stellen weiterleiten', 12],
  ['Ablegen', 5],
];

/** Draws a task after an element with bpmn-js' context pad ("append task") and types its name into the diagram. */
async function appendTask(page: Page, after: string, name: string) {
  await page.locator(`.djs-element[data-element-id="${after}"]`).first().click();
  await page.locator('.djs-context-pad [data-action="append.append-task"]').click();
  await page.keyboard.type(name);
  // the new task is the selected element; a click on the empty canvas ends the label editing
  const id = await page.evaluate(
    () => document.querySelector('.djs-element.selected')?.getAttribute('data-element-id') ?? '',
  );
  await page.locator('.djs-container').click({ position: { x: 200, y: 440 } });
  await page.locator('li.dz-step .dz-step-name', { hasText: name }).waitFor();
  expect(id, `task ${name} drawn`).toMatch(/^Activity_/);
  return id;
}

/** Opens a step in the step view and sets its working minutes. */
async function setMinutes(page: Page, name: string, minutes: number) {
  const step = page.locator('li.dz-step', { has: page.locator('.dz-step-name', { hasText: name }) });
  await step.locator('button[data-action="select"]').click();
  const field = step.getByLabel('Bearbeitungszeit (Minuten)');
  await field.fill(String(minutes).replace('.', ','));
  await field.press('Enter');
  await step.getByText(`${minutes} Min.`).waitFor();
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await page.getByText('Das Modell ist gespeichert.').waitFor();
}

describe('processes journey', () => {
  it('starter list → as-is drawn in bpmn-js → to-be in the step view → savings → BPMN out and in → project', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'loitz@digitalzirkel.example');
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Prozesse', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Prozesse und Leistungen' }).waitFor();
    await expectAccessible(page, 'Prozesse (leer)');

    // a service from the starter list
    await page.getByRole('button', { name: 'Aus der Startliste wählen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: /Gewerbe anmelden/ }).check();
    await expectAccessible(page, 'Startliste');
    await dialog.getByRole('button', { name: 'Ausgewählte übernehmen' }).click();
    await page.getByRole('link', { name: 'Gewerbe anmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gewerbe anmelden' }).waitFor();
    await expectAccessible(page, 'Leistung');

    // the as-is process drawn in bpmn-js: five tasks appended one after the other from the start event
    await page.getByRole('button', { name: 'Ist-Prozess modellieren' }).click();
    await page.locator('.djs-container').waitFor();
    let last = await page.evaluate(
      () =>
        document.querySelector('.djs-element[data-element-id^="StartEvent"]')?.getAttribute('data-element-id') ?? '',
    );
    // bpmnlint (recommended rules) in the editor: a process needs an end event
    await page
      .getByText(/end-event-required/)
      .first()
      .waitFor();
    for (const [name] of STEPS) last = await appendTask(page, last, name);
    await page.locator(`.djs-element[data-element-id="${last}"]`).first().click();
    await page.locator('.djs-context-pad [data-action="append.end-event"]').click();
    await page.keyboard.type('Gewerbe angemeldet');
    await page.locator('.djs-container').click({ position: { x: 200, y: 440 } });
    await page.getByText('Keine Prüfhinweise zu diesem Modell.').waitFor();
    for (const [name, minutes] of STEPS) await setMinutes(page, name, minutes);
    const typed = page.locator('li.dz-step', { has: page.locator('.dz-step-name', { hasText: 'Daten abtippen' }) });
    await typed.locator('button[data-action="select"]').click();
    await typed.getByLabel('Medienbruch (Papier/manuell)').check();
    await save(page);
    // 10 + 15 + 20 + 12 + 5 = 62 minutes a case
    await page.getByText('62 Minuten').waitFor();
    await expectAccessible(page, 'Ist-Prozess mit Schrittansicht');

    // duplicate as to-be, remove the typing in the step view: the diagram follows
    await page.getByRole('button', { name: 'Als Soll-Variante duplizieren' }).click();
    await page.getByRole('heading', { level: 1, name: /Soll: Ist-Prozess/ }).waitFor();
    await page.locator('.djs-container').waitFor();
    await page.getByRole('button', { name: 'Schritt „Daten abtippen“ entfernen' }).click();
    await expect.poll(() => page.locator('.djs-element', { hasText: 'Daten abtippen' }).count()).toBe(0);
    // leaving with unsaved changes asks first; staying keeps them
    await page.getByText('ungespeicherte Änderungen', { exact: false }).first().waitFor();
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await page.getByRole('link', { name: 'Gewerbe anmelden' }).click();
    expect(asked).toContain('ungespeicherte Änderungen');
    await page.getByText('ungespeicherte Änderungen', { exact: false }).first().waitFor();
    await setMinutes(page, 'An Stellen weiterleiten', 2);
    await save(page);
    // by hand: 62 minutes a case before, 37 after (no typing, forwarding 2 instead of 12); hours a year each rounded
    const cases = Number(
      (
        await page
          .getByText(/Fälle im Jahr/)
          .first()
          .textContent()
      )
        ?.match(/([\d.]+) Fälle/)?.[1]
        ?.replace('.', ''),
    );
    const perYear = (minutes: number) => Math.round(((cases * minutes) / 60) * 10) / 10;
    const hours = Math.round((perYear(62) - perYear(37)) * 10) / 10;
    await page.getByText(new RegExp(`${String(hours).replace('.', ',')} Stunden \\(`)).waitFor();
    await page.getByText('1 Medienbruch weniger').waitFor();
    await expectAccessible(page, 'Soll-Variante mit Einsparung');

    // export the BPMN file and import it again as another variant: the same model comes back
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'BPMN-Datei herunterladen' }).click(),
    ]);
    const file = await download.path();
    const exported = fs.readFileSync(file!, 'utf8');
    expect(exported).toContain('dz:minutes="2"');
    expect(exported).not.toContain('Daten abtippen');
    for (const [button, check] of [
      ['Als SVG herunterladen', (b: Buffer) => b.toString('utf8').includes('<svg')],
      ['Als PNG herunterladen', (b: Buffer) => b.subarray(1, 4).toString('latin1') === 'PNG'],
    ] as const) {
      const [picture] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: button }).click(),
      ]);
      expect(check(fs.readFileSync((await picture.path())!)), button).toBe(true);
    }
    const toBeUrl = page.url();
    await page.getByRole('link', { name: 'Gewerbe anmelden' }).click();
    await page.getByRole('button', { name: 'BPMN-Datei importieren' }).click();
    await page
      .getByRole('dialog')
      .locator('input[type=file]')
      .setInputFiles({ name: 'gewerbe-soll.bpmn', mimeType: 'application/xml', buffer: Buffer.from(exported) });
    await page.getByRole('dialog').getByRole('button', { name: 'Datei importieren' }).click();
    await page.locator('.djs-container').waitFor();
    await page.getByText(new RegExp(`${String(hours).replace('.', ',')} Stunden \\(`)).waitFor();

    // the project from the to-be variant, its saved hours in the finance plan
    await page.goto(toBeUrl);
    await page.getByRole('button', { name: 'Als Projekt anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: /Gewerbe anmelden: Soll: Ist-Prozess/ }).waitFor();
    await page.getByRole('link', { name: 'Soll: Ist-Prozess' }).waitFor();
    await expectAccessible(page, 'Projekt aus dem Soll-Prozess');
    await page.close();
  });
});

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../server/test/fixtures/bpmn');

describe('models made elsewhere', () => {
  it('come back out of the bpmn-js editor element by element after opening and saving', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'uslar@digitalzirkel.example');
    const serviceId = await page.evaluate(async () => {
      const csrf = (await (await fetch('/api/v1/auth/session')).json()).csrfToken as string;
      const res = await fetch('/api/v1/processes/services', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ name: 'Modelle anderer Werkzeuge', casesPerYear: 100, minutesPerCase: 10 }),
      });
      return (await res.json()).id as string;
    });
    await page.goto(`${baseUrl()}/prozesse/leistungen/${serviceId}`);
    for (const file of [
      'signavio-A.2.0.bpmn',
      'adonis-A.3.0.bpmn',
      'trisotech-A.4.0.bpmn',
      'camunda-modeler-C.1.0.bpmn',
    ]) {
      const original = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      await page.getByRole('button', { name: 'BPMN-Datei importieren' }).click();
      await page
        .getByRole('dialog')
        .locator('input[type=file]')
        .setInputFiles({ name: file, mimeType: 'application/xml', buffer: Buffer.from(original) });
      await page.getByRole('dialog').getByRole('button', { name: 'Datei importieren' }).click();
      await page.locator('.djs-container .djs-element').first().waitFor();
      // saved as bpmn-js writes it
      await page.getByRole('button', { name: 'Speichern', exact: true }).click();
      await page.getByText('Das Modell ist gespeichert.').waitFor();
      const modelId = page.url().split('/').pop()!;
      const written = await page.evaluate(
        async (id) => (await fetch(`/api/v1/processes/models/${id}/bpmn`)).text(),
        modelId,
      );
      expect(firstDifferenceAnyOrder(original, written), file).toBeNull();
      for (const type of ['BPMNShape', 'BPMNEdge', 'waypoint'])
        expect(typesIn(written, type)).toBe(typesIn(original, type));
      await page.goto(`${baseUrl()}/prozesse/leistungen/${serviceId}`);
    }
    await page.close();
  });
});
