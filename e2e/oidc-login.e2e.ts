import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestProvider, type TestProvider } from '@dz/server/test/oidc-provider.js';
import { freePort, startServerProcess } from '@dz/server/test/server-process.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiIn } from './support/api';
import { expectAccessible, launch, mailLink, newPage } from './support/browser';
import { pdfText } from './support/pdf';

/**
 * Signing in through the municipality's identity provider: a real OpenID provider (oidc-provider) on a loopback
 * port and a server of its own configured for it by environment alone, with the password sign-in switched off.
 */
let browser: Browser;
let op: TestProvider;
let server: ChildProcess;
let base: string;
let dataDir: string;

beforeAll(async () => {
  browser = await launch();
  // the provider's port first: the server is configured with its issuer before the provider knows the server
  const opPort = await freePort();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-e2e-oidc-'));
  ({ child: server, base } = await startServerProcess({
    DATA_DIR: dataDir,
    DEMO: 'true',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_AUTH: '1000',
    OIDC_ISSUER: `http://127.0.0.1:${opPort}`,
    OIDC_CLIENT_ID: 'digitalzirkel',
    OIDC_CLIENT_SECRET: 'testanbieter-geheimnis-0123456789abcdef',
    OIDC_DISPLAY_NAME: 'Testanbieter',
    OIDC_CLAIM_MAPPING: JSON.stringify([
      { value: 'dz-uslar', ags: '03155012', role: 'staff' },
      { value: 'dz-ploen', ags: '01057057', role: 'staff' },
    ]),
    PASSWORD_LOGIN: 'false',
  }));
  op = await startTestProvider({
    port: opPort,
    redirectUris: [`${base}/api/v1/auth/oidc/callback`],
    postLogoutRedirectUris: [`${base}/anmelden`],
  });
  op.accounts.set('ploen', {
    email: 'ploen@digitalzirkel.example',
    email_verified: true,
    name: 'Digitalisierung Plön',
  });
  op.accounts.set('neu', {
    email: 'neu.uslar@kreis.example',
    email_verified: true,
    given_name: 'Nora',
    family_name: 'Neu',
    groups: ['dz-uslar'],
  });
  op.accounts.set('ines', {
    email: 'ines.abschied@ploen.example',
    email_verified: true,
    given_name: 'Ines',
    family_name: 'Abschied',
    groups: ['dz-ploen'],
  });
  op.accounts.set('hauptamt', {
    email: 'hauptamt.ploen@digitalzirkel.example',
    email_verified: true,
    name: 'Hauptamtsleitung Plön',
  });
  op.accounts.set('paul', { email: 'paul.neu@ploen.example', email_verified: true, name: 'Paul Neu' });
  op.accounts.set('fremd', { email: 'fremd@example.org', email_verified: true, groups: ['andere'] });
  op.accounts.set('ohne-bestaetigung', { email: 'ploen@digitalzirkel.example', email_verified: false });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await op?.close();
  if (server) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/**
 * Clicks a download link and returns the file's bytes. A download the browser cancelled under load is clicked once
 * more (the reason is in the message when that fails too).
 */
async function download(page: Page, name: string, attempt = 1): Promise<Buffer> {
  const event = page.waitForEvent('download');
  await page.getByRole('link', { name }).click();
  const file = await event;
  const failure = await file.failure();
  if (failure && attempt < 2) return download(page, name, attempt + 1);
  if (failure) throw new Error(`download of „${name}“ failed: ${failure}`);
  return fs.readFileSync((await file.path())!);
}

/** From the platform's sign-in page through the provider's page, as `account`. */
async function signInAt(page: Page, account: string) {
  await page.getByRole('link', { name: 'Mit Testanbieter anmelden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Anmeldung beim Testanbieter' }).waitFor();
  expect(new URL(page.url()).origin).toBe(op.issuer);
  await page.getByLabel('Benutzername').fill(account);
  await page.getByRole('button', { name: 'Weiter' }).click();
}

describe('journey: signing in through the identity provider', () => {
  it('signs in a known person, ends the session at the provider, and explains a refusal', async () => {
    const page = await newPage(browser);
    await page.goto(`${base}/projekte`);
    await page.waitForURL(/\/anmelden\?weiter=/);
    await page.getByRole('link', { name: 'Mit Testanbieter anmelden' }).waitFor();
    // the password sign-in is switched off: no form, no reset link
    expect(await page.getByLabel('Passwort').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Passwort vergessen?' }).count()).toBe(0);
    await page.getByText('Melden Sie sich über den Anmeldedienst Ihrer Verwaltung an.').waitFor();
    await expectAccessible(page, 'Anmelden (nur Anmeldedienst)');

    // matched by the verified email of the demo account, back at the page asked for
    await signInAt(page, 'ploen');
    await page.waitForURL(`${base}/projekte`);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'Projekte nach der Anmeldung über den Anmeldedienst');

    // logout here and at the provider: its confirmation page, then back to the sign-in page
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Abmelden beim Testanbieter' }).waitFor();
    expect(new URL(page.url()).origin).toBe(op.issuer);
    await page.getByRole('button', { name: 'Ja, abmelden' }).click();
    await page.waitForURL(`${base}/anmelden`);
    await page.getByRole('link', { name: 'Mit Testanbieter anmelden' }).waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).status);
    expect(session).toBe(401);

    // a person the platform does not know and the mapping does not place: a German explanation, no session
    await signInAt(page, 'fremd');
    await page.waitForURL(/\/anmelden\?fehler=oidc_no_account/);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Sie haben im Digitalzirkel noch keinen Zugang');
    await expectAccessible(page, 'Anmelden mit abgelehnter Anmeldung');
    expect(await page.evaluate(async () => (await fetch('/api/v1/auth/session')).status)).toBe(401);

    // an unverified email does not open the account with that address (another person at the provider: the
    // refused one is still signed in there, so the browser forgets the provider's cookies first)
    await page.context().clearCookies();
    await signInAt(page, 'ohne-bestaetigung');
    await page.waitForURL(/\/anmelden\?fehler=oidc_email_unverified/);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Ihre E-Mail-Adresse ist beim Anmeldedienst nicht bestätigt');
    await page.close();
  });

  it('an invited person the mapping does not place signs in through the provider and accepts the invitation', async () => {
    const admin = await newPage(browser);
    await admin.goto(`${base}/anmelden`);
    await signInAt(admin, 'hauptamt');
    await admin.getByRole('heading', { level: 1, name: /Plön/ }).waitFor();
    await apiIn(admin, 'POST', '/invitations', { email: 'paul.neu@ploen.example', role: 'staff' });
    const link = new URL(await mailLink('paul.neu@ploen.example', dataDir));

    // password sign-in is off: the invitation page offers the provider only, and comes back after it
    const paul = await newPage(browser);
    await paul.goto(`${base}${link.pathname}${link.search}`);
    await paul.getByRole('heading', { level: 1, name: 'Einladung annehmen' }).waitFor();
    expect(await paul.getByLabel('Passwort', { exact: false }).count()).toBe(0);
    await expectAccessible(paul, 'Einladung (nur Anmeldedienst)');
    await signInAt(paul, 'paul');
    await paul.getByText('Sie sind als paul.neu@ploen.example angemeldet.', { exact: false }).waitFor();
    await expectAccessible(paul, 'Einladung nach der Anmeldung');
    await paul.getByRole('button', { name: 'Einladung annehmen' }).click();
    await paul.getByRole('heading', { level: 1, name: /Plön/ }).waitFor();
    await paul.context().close();
    await admin.context().close();
  });

  it('opens an account for a new colleague the group mapping places in a municipality', async () => {
    const page = await newPage(browser);
    await page.goto(`${base}/anmelden`);
    await signInAt(page, 'neu');
    await page.getByRole('heading', { level: 1, name: /Uslar/ }).waitFor();
    await page.goto(`${base}/profil`);
    await expect.poll(() => page.getByLabel('Vor- und Nachname').inputValue()).toBe('Nora Neu');
    await page.close();
  });
});

const STAFF_COUNCIL_CHECKLIST = 'Checkliste Personalratsbeteiligung';
const FIRST_STEP = 'Personalrat über die Projektidee informiert';
const COMMENT = 'Gibt es zur neuen Zeiterfassung eine Schulung für das Bürgerbüro?';

describe('journey: help next to the work and the data-protection duties, signed in through the provider', () => {
  it('a colleague signs in by the provider, finds a checklist from a module page, ticks it, exports her data; the admin erases her account and her content stays pseudonymised', async () => {
    // the administration signs in through the provider too (the password sign-in is off) and publishes a post
    const admin = await newPage(browser);
    await admin.goto(`${base}/anmelden`);
    await signInAt(admin, 'hauptamt');
    await admin.getByRole('heading', { level: 1, name: /Plön/ }).waitFor();
    const post = await apiIn<{ id: string; version: number }>(admin, 'POST', '/news', {
      title: 'Neue Zeiterfassung ab Januar',
      body: 'Ab Januar erfassen alle ihre Arbeitszeit im neuen System.',
    });
    await apiIn(admin, 'POST', `/news/${post.id}/publish`, { version: post.version });

    // a new colleague: the group mapping places her in Plön on her first sign-in
    const ines = await newPage(browser);
    await ines.goto(`${base}/projekte`);
    await ines.waitForURL(/\/anmelden\?weiter=/);
    await signInAt(ines, 'ines');
    await ines.waitForURL(`${base}/projekte`);
    await ines.getByRole('heading', { level: 1, name: 'Projektportfolio' }).waitFor();

    // help next to the work: the module page links to its guides, the checklist is ticked for the municipality
    await ines.getByRole('link', { name: 'Hilfe zu dieser Seite' }).click();
    await ines.getByRole('heading', { level: 1, name: 'Hilfen' }).waitFor();
    await expect.poll(() => ines.getByLabel('Bereich').inputValue()).toBe('projects');
    await expectAccessible(ines, 'Hilfen zu Projekten (nach Anmeldung über den Anmeldedienst)');
    await ines.getByRole('link', { name: STAFF_COUNCIL_CHECKLIST }).click();
    await ines.getByRole('heading', { level: 1, name: STAFF_COUNCIL_CHECKLIST }).waitFor();
    const step = ines.getByRole('checkbox', { name: FIRST_STEP });
    await expect.poll(() => step.isChecked()).toBe(false);
    // (the box shows what the server saved: it turns ticked once the tick is stored)
    await step.click();
    await expect.poll(() => step.isChecked()).toBe(true);
    await ines.getByText(/^abgehakt von Ines Abschied am /).waitFor();
    await expectAccessible(ines, 'Checkliste abgehakt');

    // she comments on the post; the administration approves it
    await ines.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Neuigkeiten' }).click();
    const article = ines.getByRole('article').filter({ hasText: 'Neue Zeiterfassung ab Januar' });
    await article.getByRole('button', { name: /Kommentar/ }).click();
    await article.getByLabel('Kommentar').fill(COMMENT);
    await article.getByRole('button', { name: 'Kommentar senden' }).click();
    await article.getByText('Danke! Ihr Kommentar erscheint').waitFor();
    const pending = await apiIn<{ items: { id: string; postId: string }[] }>(admin, 'GET', '/news/comments/pending');
    for (const c of pending.items.filter((x) => x.postId === post.id))
      await apiIn(admin, 'PUT', `/news/${post.id}/comments/${c.id}`, { status: 'approved' });

    // her own data, from her profile: the readable PDF and the complete JSON (with the provider link)
    await ines.getByRole('link', { name: 'Ines Abschied' }).click();
    await ines.getByRole('heading', { level: 2, name: 'Meine Daten' }).waitFor();
    await expectAccessible(ines, 'Profil (Anmeldung über den Anmeldedienst)');
    const pdf = (await pdfText(await download(ines, 'Meine Daten als PDF herunterladen'))).replace(/\s+/g, ' ');
    expect(pdf).toContain('Ines Abschied');
    expect(pdf).toContain(COMMENT);
    const json = JSON.parse((await download(ines, 'Meine Daten als JSON herunterladen')).toString('utf8'));
    const rows = (table: string) =>
      (json.tables as { table: string; rows: Record<string, unknown>[] }[]).find((t) => t.table === table)?.rows ?? [];
    expect(json.person).toMatchObject({ name: 'Ines Abschied', email: 'ines.abschied@ploen.example' });
    expect(rows('news_comments').map((r) => r.body)).toContain(COMMENT);
    expect(rows('guide_ticks').map((r) => r.itemKey)).toContain('informiert');
    expect(rows('user_identities')[0]).toMatchObject({ email: 'ines.abschied@ploen.example' });

    // she leaves: the administration erases her account on request
    await admin
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Auskunft und Löschung' })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Auskunft und Löschung' }).waitFor();
    await admin.getByLabel('Person').selectOption({ label: 'Ines Abschied (ines.abschied@ploen.example)' });
    await admin.getByRole('heading', { level: 2, name: 'Gespeicherte Daten von Ines Abschied' }).waitFor();
    await expectAccessible(admin, 'Auskunft über eine Person (Anmeldedienst)');
    await admin.getByRole('button', { name: 'Konto von Ines Abschied löschen' }).click();
    const dialog = admin.getByRole('alertdialog');
    await dialog.getByLabel('Zur Bestätigung die E-Mail-Adresse der Person').fill('ines.abschied@ploen.example');
    await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
    await admin.getByText('Das Konto wurde gelöscht').waitFor();
    await expectAccessible(admin, 'Konto gelöscht (Anmeldedienst)');

    // her session ends with the account
    await ines.reload();
    await ines.waitForURL(/\/anmelden/);

    // her comment and her tick stay, under the pseudonym; her name is nowhere
    await admin.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Neuigkeiten' }).click();
    const news = admin.getByRole('article').filter({ hasText: 'Neue Zeiterfassung ab Januar' });
    await news.getByRole('button', { name: /Kommentar/ }).click();
    const item = news.getByRole('listitem').filter({ hasText: COMMENT });
    await item.waitFor();
    expect(await item.textContent()).toBe(`ehemalige/r Mitarbeiter/in: ${COMMENT}`);
    expect(await admin.getByText('Ines Abschied').count()).toBe(0);
    await expectAccessible(admin, 'Neuigkeiten mit pseudonymisiertem Kommentar (Anmeldedienst)');
    await admin.goto(`${base}/hilfen?modul=projects`);
    await admin.getByRole('link', { name: STAFF_COUNCIL_CHECKLIST }).click();
    await admin.getByRole('heading', { level: 1, name: STAFF_COUNCIL_CHECKLIST }).waitFor();
    await admin.getByText(/^abgehakt von ehemalige\/r Mitarbeiter\/in am /).waitFor();
    expect(await admin.getByText('Ines Abschied').count()).toBe(0);
    await expectAccessible(admin, 'Checkliste mit pseudonymisiertem Haken');
  });
});
