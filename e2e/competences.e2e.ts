import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, loginAs, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('journey: digital competences', () => {
  it('a staff member assesses themselves; the coordinator sees the overview and assigns a training for the weakest competence', async () => {
    const staff = await newPage(browser);
    await loginAs(staff, 'mitarbeit.ploen@digitalzirkel.example');
    await staff.getByRole('link', { name: 'Kompetenzen', exact: true }).click();
    await staff.getByRole('heading', { level: 1, name: 'Kompetenzen' }).waitFor();
    await staff.getByRole('heading', { level: 2, name: '1 Umgang mit Informationen und Daten' }).waitFor();
    await expectAccessible(staff, 'Kompetenzen (leer)');
    await staff.getByLabel('Ihr Fachbereich').selectOption({ label: 'Hauptamt' });
    const row = (code: string) => staff.getByRole('group', { name: new RegExp(`^${code.replace('.', '\\.')} `) });
    await row('1.1').getByLabel('Ihre Stufe').selectOption('4');
    await row('1.1').getByLabel('Ihr Ziel').selectOption('5');
    await row('4.2').getByLabel('Ihre Stufe').selectOption('2');
    await row('4.2').getByLabel('Ihr Ziel').selectOption('4');
    await row('5.1').getByLabel('Ihre Stufe').selectOption('3');
    await staff.getByRole('button', { name: 'Einschätzung speichern' }).click();
    await staff.getByText('Ihre Einschätzung wurde gespeichert.').waitFor();
    await expectAccessible(staff, 'Kompetenzen (gespeichert)');
    await staff.reload();
    await row('4.2').getByLabel('Ihre Stufe').waitFor();
    expect(await row('4.2').getByLabel('Ihre Stufe').inputValue()).toBe('2');
    expect(await staff.getByLabel('Meine Einschätzung für die Koordination freigeben').isChecked()).toBe(false);
    // the staff member sees only what is planned for them or their department, and the anonymous overview
    await staff.getByRole('link', { name: /Zur Qualifizierung/ }).click();
    await staff.getByRole('heading', { level: 1, name: 'Qualifizierung' }).waitFor();
    await staff.getByText('Sie sehen die Schulungen, die für Sie oder Ihren Fachbereich geplant sind.').waitFor();
    await expectAccessible(staff, 'Qualifizierung (Mitarbeitende)');
    await staff.close();

    const page = await newPage(browser);
    await loginAs(page, 'ploen@digitalzirkel.example');
    await page.getByRole('link', { name: 'Kompetenzen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kompetenzen' }).waitFor();
    await expectAccessible(page, 'Kompetenzen (Koordination)');
    await page.getByRole('link', { name: /Zur Qualifizierung/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Qualifizierung' }).waitFor();
    const heatmap = page.getByRole('table', { name: /Mittlere Stufe \(1–8\) je Fachbereich/ });
    await heatmap.getByRole('rowheader', { name: 'Hauptamt' }).waitFor();
    await heatmap.getByRole('rowheader', { name: 'Bauhof' }).waitFor();
    const weakest = page.getByRole('region', { name: 'Schwächste Kompetenzen und passende Schulungen' });
    await weakest.getByText('4.2 Schützen personenbezogener Daten und der Privatsphäre').waitFor();
    await expectAccessible(page, 'Qualifizierung (Koordination)');

    await weakest.getByRole('button', { name: 'Zuweisen: Informationssicherheit in der Verwaltung (MOOC)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Schulung zuweisen' });
    await dialog.waitFor();
    await dialog.getByLabel('Fachbereich').selectOption({ label: 'Bauhof' });
    await dialog.getByLabel('Zu erledigen bis').fill('2027-03-31');
    await expectAccessible(page, 'Schulung zuweisen');
    await dialog.getByRole('button', { name: 'Schulung zuweisen' }).click();
    await page.getByText('Die Schulung wurde in den Schulungsplan aufgenommen.').waitFor();
    const plan = page.getByRole('region', { name: 'Schulungsplan' });
    const assigned = plan.getByRole('row', { name: /Informationssicherheit in der Verwaltung \(MOOC\).*Bauhof/ });
    await assigned.waitFor();
    await assigned.getByRole('combobox').selectOption({ label: 'Angemeldet' });
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'Qualifizierung mit Zuweisung');
    await page.close();
  });
});
