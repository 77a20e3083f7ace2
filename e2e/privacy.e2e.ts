import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiIn } from './support/api';
import { baseUrl, expectAccessible, launch, loginAs, mailLink, newPage } from './support/browser';
import { pdfText } from './support/pdf';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const LEAVER = 'lena.abschied@digitalzirkel.example';
const LEAVER_NAME = 'Lena Abschied';
const COMMENT = 'Wann gibt es die Schulung zur neuen Telefonanlage?';

/** Clicks a download link and returns the file's bytes. */
async function download(page: Page, name: string): Promise<Buffer> {
  const event = page.waitForEvent('download');
  await page.getByRole('link', { name }).click();
  return fs.readFileSync((await (await event).path())!);
}

describe('journey: data protection — own export, erasure of a leaving colleague, retention, legal pages', () => {
  it('a colleague exports her data, the admin erases her account, her comment shows pseudonymised', async () => {
    // Plön's administration invites a colleague, who accepts and comments on a news post
    const admin = await newPage(browser);
    await loginAs(admin, 'hauptamt.ploen@digitalzirkel.example');
    await apiIn(admin, 'POST', '/invitations', { email: LEAVER, role: 'staff' });
    const lena = await newPage(browser);
    await lena.goto(await mailLink(LEAVER));
    await lena.getByLabel('Vor- und Nachname').fill(LEAVER_NAME);
    await lena.getByLabel('Neues Passwort').fill('Abschied von der Verwaltung 2026');
    await lena.getByRole('button', { name: 'Einladung annehmen' }).click();
    await lena.getByRole('heading', { level: 1, name: 'Start: Plön' }).waitFor();
    const post = await apiIn<{ id: string; version: number }>(admin, 'POST', '/news', {
      title: 'Neue Telefonanlage ab Montag',
      body: 'Die Telefonanlage wird am Montag umgestellt.',
    });
    await apiIn(admin, 'POST', `/news/${post.id}/publish`, { version: post.version });
    await apiIn(lena, 'POST', `/news/${post.id}/comments`, { body: COMMENT });
    const pending = await apiIn<{ items: { id: string; postId: string }[] }>(admin, 'GET', '/news/comments/pending');
    for (const c of pending.items.filter((x) => x.postId === post.id))
      await apiIn(admin, 'PUT', `/news/${post.id}/comments/${c.id}`, { status: 'approved' });

    // she downloads her data on her profile page: a readable PDF and the JSON file
    await lena.getByRole('link', { name: LEAVER_NAME }).click();
    await lena.getByRole('heading', { level: 2, name: 'Meine Daten' }).waitFor();
    await expectAccessible(lena, 'Profil mit Meine Daten');
    const pdf = (await pdfText(await download(lena, 'Meine Daten als PDF herunterladen'))).replace(/\s+/g, ' ');
    expect(pdf).toContain(`Ihre Daten bei Digitalzirkel: ${LEAVER_NAME}`);
    expect(pdf).toContain(COMMENT);
    const json = JSON.parse((await download(lena, 'Meine Daten als JSON herunterladen')).toString('utf8'));
    expect(json.person).toMatchObject({ name: LEAVER_NAME, email: LEAVER });
    expect(json.tables.find((t: { table: string }) => t.table === 'news_comments').rows[0].body).toBe(COMMENT);

    // the administration answers her erasure request: the page names what is stored and what erasure does
    await admin.goto(`${baseUrl()}/`);
    await admin.getByRole('link', { name: 'Auskunft und Löschung' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Auskunft und Löschung' }).waitFor();
    await expectAccessible(admin, 'Auskunft und Löschung');
    await admin.getByLabel('Person').selectOption({ label: `${LEAVER_NAME} (${LEAVER})` });
    await admin.getByRole('heading', { level: 2, name: `Gespeicherte Daten von ${LEAVER_NAME}` }).waitFor();
    await admin.getByRole('rowheader', { name: 'Kommentare zu Neuigkeiten und Entscheidungen darüber' }).waitFor();
    await expectAccessible(admin, 'Auskunft über eine Person');
    await admin.getByRole('button', { name: `Konto von ${LEAVER_NAME} löschen` }).click();
    const dialog = admin.getByRole('alertdialog');
    await dialog.getByText('erscheinen als „ehemalige/r Mitarbeiter/in“').waitFor();
    await expectAccessible(admin, 'Löschen bestätigen');
    // a wrong address is refused at the field
    await dialog.getByLabel('Zur Bestätigung die E-Mail-Adresse der Person').fill('jemand@example.org');
    await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
    await dialog.getByText(`Geben Sie ${LEAVER} ein.`).first().waitFor();
    await dialog.getByLabel('Zur Bestätigung die E-Mail-Adresse der Person').fill(LEAVER);
    await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
    await admin.getByText('Das Konto wurde gelöscht').waitFor();
    await expectAccessible(admin, 'Konto gelöscht');

    // she is signed out for good
    await lena.reload();
    await lena.waitForURL(/\/anmelden/);
    await lena.getByLabel('E-Mail-Adresse').fill(LEAVER);
    await lena.getByLabel('Passwort', { exact: false }).first().fill('Abschied von der Verwaltung 2026');
    await lena.getByRole('button', { name: 'Anmelden' }).click();
    await lena.getByText('E-Mail-Adresse oder Passwort sind falsch').first().waitFor();

    // her comment stays, under the pseudonym
    await admin.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Neuigkeiten' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Neuigkeiten' }).waitFor();
    const article = admin.getByRole('article').filter({ hasText: 'Neue Telefonanlage ab Montag' });
    await article.getByRole('button', { name: /Kommentar/ }).click();
    const item = article.getByRole('listitem').filter({ hasText: COMMENT });
    await item.waitFor();
    expect(await item.textContent()).toBe(`ehemalige/r Mitarbeiter/in: ${COMMENT}`);
    expect(await admin.getByText(LEAVER_NAME).count()).toBe(0);
    await expectAccessible(admin, 'Neuigkeiten mit pseudonymisiertem Kommentar');

    // retention periods with the deletion log
    await admin.getByRole('link', { name: 'Aufbewahrungsfristen' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Aufbewahrungsfristen' }).waitFor();
    await admin.getByLabel(/Rohantworten von Umfragen löschen nach/).fill('0');
    await admin.getByRole('button', { name: 'Fristen speichern' }).click();
    await admin.getByText('Der Wert muss mindestens 1 betragen.').first().waitFor();
    await expectAccessible(admin, 'Aufbewahrungsfristen mit Fehler');
    await admin.getByLabel(/Rohantworten von Umfragen löschen nach/).fill('24');
    await admin.getByLabel(/Namen von Workshop-Teilnehmenden entfernen nach/).fill('90');
    await admin.getByRole('button', { name: 'Fristen speichern' }).click();
    await admin.getByText('Die Fristen wurden gespeichert.').waitFor();
    await admin.getByText('Bisher wurde nichts automatisch gelöscht.').waitFor();
    await expectAccessible(admin, 'Aufbewahrungsfristen');
  });

  it('the operator edits the imprint; everyone reads privacy notice and imprint from the footer', async () => {
    const op = await newPage(browser);
    await loginAs(op, 'admin@digitalzirkel.example');
    await op.getByRole('link', { name: 'Rechtstexte' }).click();
    await op.getByRole('heading', { level: 1, name: 'Rechtstexte und Verarbeitungsverzeichnis' }).waitFor();
    await expectAccessible(op, 'Rechtstexte');
    const records = await pdfText(await download(op, 'Verzeichnis als PDF'));
    expect(records).toContain('Verzeichnis von Verarbeitungstätigkeiten');
    const imprint = op.getByRole('region', { name: 'Impressum' });
    await imprint
      .getByLabel(/Text \(Markdown\)/)
      .fill('# Impressum\n\n## Anbieter\n\nKommunale IT Plön, Hamburger Straße 17, 24306 Plön');
    await imprint.getByRole('button', { name: 'Impressum speichern' }).click();
    await op.getByText('Impressum wurde gespeichert.').waitFor();

    const visitor = await newPage(browser);
    await visitor.goto(`${baseUrl()}/anmelden`);
    await visitor.getByRole('contentinfo').getByRole('link', { name: 'Impressum' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Impressum' }).waitFor();
    await visitor.getByText('Kommunale IT Plön, Hamburger Straße 17, 24306 Plön').waitFor();
    await expectAccessible(visitor, 'Impressum');
    await visitor.getByRole('contentinfo').getByRole('link', { name: 'Datenschutz' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Datenschutz' }).waitFor();
    await visitor.getByRole('heading', { level: 2, name: 'Ihre Rechte' }).waitFor();
    await expectAccessible(visitor, 'Datenschutz');
  });
});
