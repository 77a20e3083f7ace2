import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess } from '@dz/server/test/server-process.js';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiIn } from './support/api';
import { baseUrl, expectAccessible, launch, loginAs, mailLink, newPage } from './support/browser';

/**
 * The first hour of a new user (issue 17): the platform administration's start page, a new municipality's
 * first-steps checklist that ticks itself from real data and can be hidden, what waits for the user on the start
 * page, and setup or invitation links that say before any typing that they were already used.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

// Beltheim: Bell has a member of staff of its own in the demo (it files work orders to the shared yard)
const BELL = 'Beltheim';
const COLLEAGUE = 'kollegin.beltheim@digitalzirkel.example';

/** One step of a checklist, found by its title. */
const step = (list: Locator, title: string) =>
  list.getByRole('listitem').filter({ has: list.page().getByRole('heading', { level: 3, name: title }) });

/** Kastellaun's coordinator also works for Beltheim, a municipality with hardly any data of its own. */
async function coordinatorInBell(page: Page) {
  await loginAs(page, 'kastellaun@digitalzirkel.example');
  const h1 = page.getByRole('heading', { level: 1, name: /^Start: (Beltheim|Bell \(Hunsrück\)|Kastellaun)$/ });
  await h1.waitFor();
  if (!(await h1.textContent())?.includes(BELL)) {
    await page.getByLabel('Aktive Kommune').selectOption({ label: BELL });
    await page.getByRole('button', { name: 'Wechseln' }).click();
  }
  await page.getByRole('heading', { level: 1, name: `Start: ${BELL}` }).waitFor();
}

describe('journey: the first hour on the start pages', () => {
  it('the platform administration gets a start page of its own with next steps that tick themselves', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'admin@digitalzirkel.example');
    await page.getByRole('heading', { level: 1, name: 'Start: Plattform' }).waitFor();
    const steps = page.getByRole('region', { name: 'Nächste Schritte' });
    await steps.waitFor();
    expect(await steps.getByRole('listitem').count()).toBe(5);
    // the legal texts: public, so the operator is reminded until the sample's placeholders are gone
    await step(steps, 'Datenschutzhinweise und Impressum ausfüllen').waitFor();
    // the demo already has municipalities with accounts and a moderated network
    await step(steps, 'Erste Kommunen einladen (erledigt)').waitFor();
    await step(steps, 'Verbund anlegen (erledigt)').waitFor();
    await step(steps, 'Moderation einladen (erledigt)').waitFor();
    // written for an administrator: no municipal monitoring cards
    expect(await page.getByRole('heading', { name: 'Was jetzt Aufmerksamkeit braucht' }).count()).toBe(0);
    await expectAccessible(page, 'Start der Plattform-Administration');

    // a network of its own, with Bell invited: the administrator moderates it, so the moderation step stays done
    const created = await apiIn<{ id: string }>(page, 'POST', '/networks', {
      name: 'Zirkel Erste Schritte',
      type: 'circle',
      description: 'Verbund für die ersten Schritte',
    });
    const bell = await apiIn<{ items: { id: string; name: string }[] }>(page, 'GET', '/municipalities?q=Beltheim');
    const bellId = bell.items.find((m) => m.name === BELL)?.id;
    const joinedOn = new Date().toISOString().slice(0, 10);
    await apiIn(page, 'POST', `/networks/${created.id}/members`, { municipalityId: bellId, joinedOn });
    await page.reload();
    await step(steps, 'Moderation einladen (erledigt)').waitFor();

    await page.getByRole('link', { name: 'Zum Kommunenverzeichnis' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kommunenverzeichnis' }).waitFor();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Start' }).click();
    await page.getByRole('heading', { level: 1, name: 'Start: Plattform' }).waitFor();
    await page.close();
  });

  it('a new municipality: checklist, a step followed and ticked, what waits, and the list hidden and shown again', async () => {
    const page = await newPage(browser);
    await coordinatorInBell(page);
    const list = page.getByRole('region', { name: `Erste Schritte für ${BELL}` });
    await list.waitFor();
    await step(list, 'Stammdaten prüfen (erledigt)').waitFor();
    const colleagues = step(list, 'Kolleginnen und Kollegen einladen (offen)');
    await colleagues.waitFor();
    await step(list, 'Einem Verbund beitreten (offen)').getByText('Eine Einladung wartet auf Ihre Antwort.').waitFor();
    // nothing to monitor yet is said as such, never as "all in plan"
    await page.getByText('Noch keine laufenden Projekte – es gibt nichts zu melden.').waitFor();
    expect(await page.getByText(/im Plan/).count()).toBe(0);
    // the network invitation waits on the start page too, with a direct link
    const waiting = page.getByRole('region', { name: 'Was auf Sie wartet' });
    await waiting.getByText('Zirkel Erste Schritte').waitFor();
    expect(await waiting.getByRole('link', { name: 'Einladung beantworten' }).getAttribute('href')).toBe('/verbuende');
    await expectAccessible(page, 'Start einer neuen Kommune mit ersten Schritten');

    // a survey for the staff of Bell waits for the coordinator's own answer
    const survey = await apiIn<{ id: string }>(page, 'POST', '/surveys', {
      networkId: null,
      title: 'Kurzumfrage Bell',
      mode: 'person',
      source: 'template',
    });
    const detail = await apiIn<{ version: number }>(page, 'GET', `/surveys/${survey.id}`);
    await apiIn(page, 'POST', `/surveys/${survey.id}/open`, { version: detail.version });
    await page.reload();
    await waiting.getByRole('link', { name: 'Kurzumfrage Bell' }).click();
    await page.waitForURL((u) => u.pathname === `/umfragen/${survey.id}/antworten`);
    await page.getByRole('heading', { level: 1, name: /Kurzumfrage Bell/ }).waitFor();
    await expectAccessible(page, 'Umfrage vom Start aus');
    await page.goBack();

    // follow a step's link, do it, and come back: the step has ticked itself
    await colleagues.getByRole('link', { name: 'Kolleginnen und Kollegen einladen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Benutzer und Rollen' }).waitFor();
    await expectAccessible(page, 'Benutzer und Rollen aus den ersten Schritten');
    await page.getByLabel('E-Mail-Adresse').fill(COLLEAGUE);
    await page.getByRole('button', { name: 'Einladung senden' }).click();
    await page.getByText(`Einladung an ${COLLEAGUE} gesendet.`).waitFor();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Start' }).click();
    const ticked = step(list, 'Kolleginnen und Kollegen einladen (erledigt)');
    await ticked.waitFor();
    await ticked.getByText('1 Einladung offen').waitFor();
    await list.getByText('2 von 7 Schritten erledigt').waitFor();

    // hidden for this person and municipality: focus goes to "show again", and it stays hidden after a reload
    await list.getByRole('button', { name: 'Liste ausblenden' }).click();
    const showAgain = page.getByRole('button', { name: 'Erste Schritte wieder anzeigen' });
    await showAgain.waitFor();
    await expect.poll(() => showAgain.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await list.count()).toBe(0);
    await page.getByText('Erste Schritte: 2 von 7 erledigt. Die Liste ist für Sie ausgeblendet.').waitFor();
    await expectAccessible(page, 'Start mit ausgeblendeten ersten Schritten');
    await page.reload();
    await showAgain.click();
    const heading = page.getByRole('heading', { level: 2, name: `Erste Schritte für ${BELL}` });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true);
    await page.close();
  });

  it('the invited colleague joins; the used invitation link then says so before anything is typed', async () => {
    const link = await mailLink(COLLEAGUE);
    const page = await newPage(browser);
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Einladung annehmen' }).waitFor();
    // the password rules are shown before typing
    await page.getByText('Mindestens 10 und höchstens 200 Zeichen.', { exact: false }).waitFor();
    await page.getByLabel('Vor- und Nachname').fill('Klara Kollegin');
    await page.getByLabel('Neues Passwort').fill('kurz');
    await page.getByRole('button', { name: 'Einladung annehmen' }).click();
    await page.getByText('Das Passwort muss mindestens 10 Zeichen lang sein.').first().waitFor();
    await page.getByLabel('Neues Passwort').fill('Bell im Hunsrück 2026');
    await page.getByRole('button', { name: 'Einladung annehmen' }).click();
    await page.getByRole('heading', { level: 1, name: `Start: ${BELL}` }).waitFor();
    // staff do not get the coordinator's checklist
    await page.getByRole('heading', { name: 'Was jetzt Aufmerksamkeit braucht' }).waitFor();
    expect(await page.getByRole('region', { name: `Erste Schritte für ${BELL}` }).count()).toBe(0);
    await page.close();

    const again = await newPage(browser);
    await again.goto(link);
    await again.getByText('Diese Einladung wurde bereits angenommen. Melden Sie sich mit Ihrem Konto an.').waitFor();
    expect(await again.getByLabel('Neues Passwort').count()).toBe(0);
    await expectAccessible(again, 'Bereits angenommene Einladung');
    await again.getByRole('link', { name: 'Zur Anmeldung' }).click();
    await again.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await again.close();
  });

  it('a setup link of an installation that is already set up says so on load, with the way to sign in', async () => {
    const page = await newPage(browser);
    await page.goto(`${baseUrl()}/einrichtung?token=${'b'.repeat(43)}`);
    await page.getByRole('heading', { level: 1, name: 'Digitalzirkel einrichten' }).waitFor();
    await page.getByText('Digitalzirkel ist bereits eingerichtet', { exact: false }).waitFor();
    expect(await page.getByLabel('Neues Passwort').count()).toBe(0);
    await expectAccessible(page, 'Bereits verwendeter Einrichtungslink');
    await page.getByRole('link', { name: 'Zur Anmeldung' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await expectAccessible(page, 'Anmeldung nach dem Einrichtungslink');
    await page.close();
  });
});

describe('journey: an empty installation gets its first administrator', () => {
  it('the setup link shows the password rules before typing, leads to the next steps, and is spent afterwards', async () => {
    // a second server of its own without demo data: it prints the one-time setup link
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-e2e-empty-'));
    const { child, base } = await startServerProcess(
      { DATA_DIR: dataDir, DEMO: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_AUTH: '1000' },
      { output: 'pipe' },
    );
    let printed = '';
    child.stdout?.on('data', (d) => {
      printed += String(d);
    });
    child.stderr?.resume();
    try {
      await expect.poll(() => /https?:\/\/\S+\/einrichtung\?token=[\w-]+/.exec(printed)?.[0]).toBeTruthy();
      const link = /https?:\/\/\S+\/einrichtung\?token=[\w-]+/.exec(printed)![0];
      expect(link.startsWith(`${base}/einrichtung?token=`)).toBe(true);
      const page = await newPage(browser);
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Digitalzirkel einrichten' }).waitFor();
      await page.getByText('Legen Sie das erste Konto als Plattform-Administrator/in an.', { exact: false }).waitFor();
      // what a valid password is, before anything is typed
      const password = page.getByLabel('Neues Passwort');
      expect(await password.getAttribute('aria-describedby')).toBeTruthy();
      await page.getByText('Mindestens 10 und höchstens 200 Zeichen.', { exact: false }).waitFor();
      await expectAccessible(page, 'Einrichtung (leere Installation)');
      await page.getByLabel('Vor- und Nachname').fill('Erika Einrichtung');
      await page.getByLabel('E-Mail-Adresse').fill('plattform@digitalzirkel.example');
      await password.fill('zu kurz');
      await page.getByRole('button', { name: 'Konto anlegen' }).click();
      await page.getByText('Das Passwort muss mindestens 10 Zeichen lang sein.').first().waitFor();
      await password.fill('Digitalzirkel für alle 2026');
      await page.getByRole('button', { name: 'Konto anlegen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Gemeindeverzeichnis importieren' }).waitFor();

      // the start page of the administration: nothing done yet, each step says where to do it
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Start' }).click();
      await page.getByRole('heading', { level: 1, name: 'Start: Plattform' }).waitFor();
      const steps = page.getByRole('region', { name: 'Nächste Schritte' });
      await steps.getByText('0 von 5 Schritten erledigt').waitFor();
      for (const title of [
        'Gemeindeverzeichnis importieren',
        'Erste Kommunen einladen',
        'Verbund anlegen',
        'Datenschutzhinweise und Impressum ausfüllen',
      ])
        await step(steps, `${title} (offen)`).waitFor();
      await expectAccessible(page, 'Start nach leerer Installation');
      await steps.getByRole('link', { name: 'Amtliches Verzeichnis hochladen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Gemeindeverzeichnis importieren' }).waitFor();
      await page.close();

      // the link a second time: already used, said on load, with the way to sign in
      const again = await newPage(browser);
      await again.goto(link);
      await again.getByText('Digitalzirkel ist bereits eingerichtet', { exact: false }).waitFor();
      expect(await again.getByLabel('Neues Passwort').count()).toBe(0);
      await expect(again.getByRole('link', { name: 'Zur Anmeldung' }).getAttribute('href')).resolves.toBe('/anmelden');
      await again.close();
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
