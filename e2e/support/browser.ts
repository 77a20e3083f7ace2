import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'Digitalzirkel-Demo-2026';
export const baseUrl = () => inject('baseUrl');

/** The system Chromium with the flags this machine needs (no downloads, no background networking). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** axe with WCAG 2.1 A/AA rules; the page must have no violations. */
export async function expectAccessible(page: Page, label: string) {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe on ${label}`).toEqual([]);
  expect(await page.locator('h1').count(), `one h1 on ${label}`).toBe(1);
}

export async function loginAs(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl()}/anmelden`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: false }).first().fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
}

/** The newest .eml in DATA_DIR/outbox addressed to `to`, and the first link in it. */
export async function mailLink(to: string, dataDir: string = inject('dataDir')): Promise<string> {
  const outbox = path.join(dataDir, 'outbox');
  for (let i = 0; i < 50; i++) {
    const files = fs.existsSync(outbox) ? fs.readdirSync(outbox).sort().reverse() : [];
    for (const f of files) {
      const raw = fs
        .readFileSync(path.join(outbox, f), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '=');
      if (!raw.toLowerCase().includes(`to: ${to.toLowerCase()}`)) continue;
      const link = /https?:\/\/\S+token=[\w-]+/.exec(raw)?.[0];
      if (link) return link;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to}`);
}

/** A page in its own context (axe needs pages from browser.newContext()). */
export async function newPage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'de-DE' });
  return ctx.newPage();
}
