import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiIn } from './support/api';
import { baseUrl, DEMO_PASSWORD, expectAccessible, launch, loginAs, newPage } from './support/browser';

/**
 * The first login works from every entry point (issue 17): through `/`, through a deep link and through a
 * mailed link that names its municipality — the app switches to it, says so, and shows the linked page.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Fill the login form the app redirected to (the first and only attempt). */
async function signInHere(page: Page, email: string) {
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: false }).first().fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

/** Survey links mailed to `to` for a survey id (quoted-printable undone); mails leave just after the answer. */
async function surveyLinks(to: string, surveyId: string): Promise<string[]> {
  for (let i = 0; i < 50; i++) {
    const links = mailedSurveyLinks(to, surveyId);
    if (links.length) return links;
    await new Promise((r) => setTimeout(r, 100));
  }
  return [];
}

function mailedSurveyLinks(to: string, surveyId: string): string[] {
  const outbox = path.join(inject('dataDir'), 'outbox');
  const links: string[] = [];
  for (const f of fs.existsSync(outbox) ? fs.readdirSync(outbox) : []) {
    const raw = fs
      .readFileSync(path.join(outbox, f), 'utf8')
      .replace(/=\r?\n/g, '')
      .replace(/=3D/g, '=');
    if (!raw.toLowerCase().includes(`to: ${to.toLowerCase()}`)) continue;
    for (const m of raw.matchAll(/https?:\/\/\S+\/umfragen\/([\w-]+)\/antworten\?kommune=[\w-]+/g))
      if (m[1] === surveyId) links.push(m[0]);
  }
  return links;
}

describe('journey: the first login from every entry point', () => {
  it('through the start page: the first attempt signs in', async () => {
    const page = await newPage(browser);
    await page.goto(`${baseUrl()}/`);
    await signInHere(page, 'ploen@digitalzirkel.example');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.close();
  });

  it('through a deep link: lands on the page the link pointed to', async () => {
    const page = await newPage(browser);
    await page.goto(`${baseUrl()}/projekte`);
    await signInHere(page, 'ploen@digitalzirkel.example');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
    await page.waitForURL((u) => u.pathname === '/projekte');
    await page.close();
  });

  it('through a mailed link of another municipality: switches to it, says so, shows the survey', async () => {
    // the moderator sends a survey to the circle; Kastellaun's coordinator also works for Bell
    const mod = await newPage(browser);
    await loginAs(mod, 'moderation@digitalzirkel.example');
    const nets = await apiIn<{ items: { id: string; isModerator: boolean }[] }>(mod, 'GET', '/networks');
    const networkId = nets.items.find((n) => n.isModerator)?.id;
    const created = await apiIn<{ id: string }>(mod, 'POST', '/surveys', {
      networkId,
      title: 'Kurzumfrage Einstiegspunkte',
      mode: 'municipality',
      source: 'template',
    });
    const d = await apiIn<{ version: number }>(mod, 'GET', `/surveys/${created.id}`);
    await apiIn(mod, 'POST', `/surveys/${created.id}/open`, { version: d.version });
    await mod.close();

    const links = await surveyLinks('kastellaun@digitalzirkel.example', created.id);
    expect(links.length).toBeGreaterThan(0);
    // who is active right after signing in decides which link needs a switch: take another municipality's link
    const probe = await newPage(browser);
    await loginAs(probe, 'kastellaun@digitalzirkel.example');
    const session = await apiIn<{ activeMunicipalityId: string; municipalities: { id: string; name: string }[] }>(
      probe,
      'GET',
      '/auth/session',
    );
    await probe.close();
    const other = session.municipalities.find((m) => m.id !== session.activeMunicipalityId);
    const link = links.find((l) => other && l.endsWith(`kommune=${other.id}`)) ?? links[0]!;
    // the mail is opened in a fresh browser, not signed in
    const page = await newPage(browser);
    await page.goto(link);
    await signInHere(page, 'kastellaun@digitalzirkel.example');
    await page.getByRole('heading', { level: 1, name: /Kurzumfrage Einstiegspunkte/ }).waitFor();
    if (other && link.endsWith(`kommune=${other.id}`))
      await page.getByText(`Sie arbeiten jetzt für ${other.name}`).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/umfragen/${created.id}/antworten`);
    expect(new URL(page.url()).searchParams.get('kommune')).toBeNull();
    await expectAccessible(page, 'Umfrage über einen Link einer anderen Kommune');
    await page.close();
  });
});
