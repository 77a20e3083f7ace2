import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiIn } from './support/api';
import { baseUrl, expectAccessible, launch, loginAs, newPage } from './support/browser';
import { pdfText } from './support/pdf';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const PROJECT = 'E-Rechnung und digitaler Rechnungsworkflow';

describe('journey: staff council involvement', () => {
  it('the check on the project page → consulted with a date → the result → the decision paper names it', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'ploen@digitalzirkel.example');
    const plan = await apiIn<{ items: { project: string | null; projectId: string | null }[] }>(
      page,
      'GET',
      '/communication',
    );
    const projectId = plan.items.find((i) => i.project === PROJECT)?.projectId;
    expect(projectId).toBeTruthy();
    await page.goto(`${baseUrl()}/projekte/${projectId}`);
    await page.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
    const section = page.getByRole('region', { name: 'Beteiligung des Personalrats' });
    await section.getByRole('heading', { name: 'Ergebnis der Prüfung' }).waitFor();
    // the demo: informed already; the legal note says which law applies
    expect(await section.getByLabel('Stand', { exact: true }).inputValue()).toBe('informed');
    await section.getByText(/keine Rechtsberatung/).waitFor();
    await expectAccessible(page, 'Projekt mit Personalratsprüfung');

    await section
      .getByRole('group', { name: /Verändert das Vorhaben Arbeitsplätze/ })
      .getByLabel('Ja', { exact: true })
      .check();
    await section.getByLabel('Stand', { exact: true }).selectOption('consulted');
    // a date before the information is refused with a German message at the field
    await section.getByLabel('Erörtert am', { exact: false }).fill('2020-01-02');
    await section.getByRole('button', { name: 'Prüfung speichern' }).click();
    await section
      .getByRole('alert')
      .getByText(/liegt vor dem Datum eines früheren Schritts/)
      .waitFor();
    await expectAccessible(page, 'Personalratsprüfung mit Fehler');
    const today = new Date().toISOString().slice(0, 10);
    await section.getByLabel('Erörtert am', { exact: false }).fill(today);
    await section.getByRole('button', { name: 'Prüfung speichern' }).click();
    await section.getByText('Die Prüfung wurde gespeichert.').waitFor();
    await section.getByText('Mitbestimmung des Personalrats wahrscheinlich erforderlich').waitFor();
    await section
      .getByText(/Gestaltung der Arbeitsplätze/)
      .first()
      .waitFor();
    await page.reload();
    expect(await section.getByLabel('Stand', { exact: true }).inputValue()).toBe('consulted');
    await expectAccessible(page, 'Projekt nach der Personalratsprüfung');

    // the section's own checklist, opened with this project's ticks
    await section.getByRole('link', { name: 'Checkliste dazu: Checkliste Personalratsbeteiligung' }).click();
    await page.getByRole('heading', { level: 1, name: 'Checkliste Personalratsbeteiligung' }).waitFor();
    await expect.poll(() => page.url()).toContain(`projekt=${projectId}`);
    await expect.poll(async () => page.getByLabel('Abhaken für').locator('option:checked').textContent()).toBe(PROJECT);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: PROJECT }).waitFor();

    // the council decision paper carries the result and the state with its dates
    const draft = await apiIn<Record<string, unknown>>(page, 'GET', `/projects/${projectId}/decision-papers/draft`);
    const { figures: _f, basedOnVersion: _b, ...input } = draft;
    const made = await apiIn<{ id: string }>(page, 'POST', `/projects/${projectId}/decision-papers`, input);
    const pdf = await page.request.get(`${baseUrl()}/api/v1/projects/${projectId}/decision-papers/${made.id}/pdf`);
    expect(pdf.status()).toBe(200);
    const text = (await pdfText(await pdf.body())).replace(/\s+/g, ' ');
    const day = today.split('-').reverse().join('.');
    expect(text).toContain('Beteiligung des Personalrats');
    expect(text).toContain('Ergebnis der Prüfung: Mitbestimmung des Personalrats wahrscheinlich erforderlich.');
    expect(text).toContain(`Erörterung am ${day}`);
    await page.close();
  });
});
