import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launch } from './support/browser';
import { apiCall, signedIn } from './support/routes';

let browser: Browser;
const ids = { projectId: '', surveyId: '' };
beforeAll(async () => {
  browser = await launch();
  const ctx = await signedIn(browser, baseUrl(), 'ploen');
  const projects = await apiCall<{ items: { id: string; title: string }[] }>(ctx, baseUrl(), '/projects');
  ids.projectId = projects.items.find((p) => p.title.includes('Terminvergabe'))!.id;
  // a closed survey: only closed surveys ask for results
  ids.surveyId = (await apiCall<{ items: { id: string; status: string }[] }>(ctx, baseUrl(), '/surveys')).items.find(
    (s) => s.status === 'closed',
  )!.id;
  await ctx.close();
});
afterAll(() => browser?.close());

/** Representative pages: the request that fails, and what the page shows once it loads. */
const CASES: { name: string; url: () => string; api: RegExp; loaded: RegExp }[] = [
  { name: 'Start', url: () => '/', api: /\/api\/v1\/dashboard$/, loaded: /Einwohnerinnen|Größenklasse/ },
  { name: 'Portfolio', url: () => '/projekte', api: /\/api\/v1\/projects\?/, loaded: /Online-Terminvergabe/ },
  {
    name: 'Projekt',
    url: () => `/projekte/${ids.projectId}`,
    api: /\/api\/v1\/projects\/[\w-]+$/,
    loaded: /Online-Terminvergabe/,
  },
  {
    name: 'Umfrageergebnisse',
    url: () => `/umfragen/${ids.surveyId}/ergebnisse`,
    api: /\/api\/v1\/surveys\/[\w-]+\/results\?/,
    loaded: /Verteilung: /,
  },
  {
    name: 'Finanzen: Einstellungen',
    url: () => '/finanzen/einstellungen',
    api: /\/api\/v1\/finance\/settings$/,
    loaded: /Kalkulationszins/,
  },
  { name: 'Projektbörse', url: () => '/austausch/projekte', api: /\/api\/v1\/exchange(\?|$)/, loaded: /Terminvergabe/ },
  { name: 'Kommunenverzeichnis', url: () => '/kommunen', api: /\/api\/v1\/municipalities\?/, loaded: /Plön/ },
  { name: 'Reifegrad', url: () => '/reifegrad', api: /\/api\/v1\/maturity$/, loaded: /Reifegrad je Dimension/ },
  {
    name: 'Kennzahlen',
    url: () => '/reifegrad/kennzahlen',
    api: /\/api\/v1\/maturity\/key-figures\?/,
    loaded: /Anteil der Leistungen online/,
  },
  {
    name: 'Kennzahlenvergleich',
    url: () => '/reifegrad/vergleich',
    api: /\/api\/v1\/maturity\/benchmark\?/,
    loaded: /So bleibt der Vergleich anonym/,
  },
];

describe('failed requests never load forever', () => {
  it('shows the error with "Erneut versuchen", and the retry loads the page once the server answers', async () => {
    const ctx = await signedIn(browser, baseUrl(), 'ploen', { width: 1280, height: 900 });
    for (const c of CASES) {
      const page = await ctx.newPage();
      const fail = (url: URL) => c.api.test(url.pathname + url.search);
      let failed = 0;
      await page.route(fail, (route) => {
        failed++;
        return route.fulfill({
          status: 500,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'about:blank',
            title: 'Internal Server Error',
            status: 500,
            code: 'internal_error',
          }),
        });
      });
      await page.goto(`${baseUrl()}${c.url()}`);
      const alert = page.getByRole('alert').filter({ hasText: 'unerwarteter Fehler' });
      await alert.waitFor().catch((e) => {
        throw new Error(`${c.name}: no error with a retry (${failed} failed requests): ${e}`);
      });
      expect(failed, `${c.name}: the request was made and failed`).toBeGreaterThan(0);
      expect(await page.getByText('Wird geladen …').count(), `${c.name}: no endless loading`).toBe(0);
      await expectAccessible(page, `${c.name} (Anfrage fehlgeschlagen)`);

      await page.unroute(fail);
      await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
      await page.getByText(c.loaded).first().waitFor();
      expect(await alert.count(), `${c.name}: the error is gone after the retry`).toBe(0);
      await page.close();
    }
    await ctx.close();
  });

  it('says when the server cannot be reached at all', async () => {
    const ctx = await signedIn(browser, baseUrl(), 'ploen', { width: 1280, height: 900 });
    const page = await ctx.newPage();
    const dashboard = (url: URL) => url.pathname === '/api/v1/dashboard';
    await page.route(dashboard, (route) => route.abort('connectionrefused'));
    await page.goto(`${baseUrl()}/`);
    const alert = page.getByRole('alert').filter({ hasText: 'Keine Verbindung zum Server' });
    await alert.waitFor();
    await page.unroute(dashboard);
    await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Start: Plön' }).waitFor();
    await ctx.close();
  });

  it('says so when the session cannot be read — instead of sending a signed-in person to the sign-in page', async () => {
    const ctx = await signedIn(browser, baseUrl(), 'ploen', { width: 1280, height: 900 });
    const page = await ctx.newPage();
    // the boot script's session request and the app's own both fail
    const session = (url: URL) => url.pathname === '/api/v1/auth/session';
    await page.route(session, (route) => route.abort('connectionrefused'));
    await page.goto(`${baseUrl()}/projekte`);
    await page.getByRole('heading', { level: 1, name: 'Digitalzirkel ist gerade nicht erreichbar' }).waitFor();
    const alert = page.getByRole('alert').filter({ hasText: 'Keine Verbindung zum Server' });
    await alert.waitFor();
    expect(new URL(page.url()).pathname).toBe('/projekte');
    await expectAccessible(page, 'Sitzung nicht lesbar');
    await page.unroute(session);
    await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
    await page
      .getByText(/Online-Terminvergabe/)
      .first()
      .waitFor();
    await ctx.close();
  });
});
