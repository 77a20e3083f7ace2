import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestProvider, type TestProvider } from '@dz/server/test/oidc-provider.js';
import { freePort, startServerProcess } from '@dz/server/test/server-process.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, newPage } from './support/browser';

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
    OIDC_CLAIM_MAPPING: JSON.stringify([{ value: 'dz-uslar', ags: '03155012', role: 'staff' }]),
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
