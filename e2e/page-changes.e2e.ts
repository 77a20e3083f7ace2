import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch } from './support/browser';
import { signedIn } from './support/routes';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** The main pages, reached through the app's navigation (link name, path). */
const PAGES: [string, string][] = [
  ['Portfolio', '/projekte'],
  ['Projektbörse', '/austausch/projekte'],
  ['Umfragen', '/umfragen'],
  ['Zielbild', '/zielbild'],
  ['Start', '/'],
  ['Umfragen', '/umfragen'],
  ['Portfolio', '/projekte'],
];

/** The requests of the page until the network is quiet, then forgotten. */
function recorder(page: Page) {
  let urls: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === new URL(baseUrl()).origin) urls.push(url.pathname + url.search);
  });
  return {
    /**
     * Waits until no request has started for a second: a page may start a request after the network was idle for
     * the 500 ms Playwright waits (a chunk evaluated late on a busy machine), and that request belongs to this page,
     * not to the next step.
     */
    async settle() {
      for (let seen = -1; seen !== urls.length; ) {
        seen = urls.length;
        await page.waitForTimeout(1000);
      }
    },
    take() {
      const taken = urls;
      urls = [];
      return taken;
    },
  };
}

const twice = (urls: string[]) => [...new Set(urls.filter((u, i) => urls.indexOf(u) !== i))];

describe('page changes fetch nothing twice', () => {
  it('the first load asks for the session once; every page change asks each API URL once and no asset again', async () => {
    const ctx = await signedIn(browser, baseUrl(), 'ploen', { width: 1280, height: 900 });
    const page = await ctx.newPage();
    const requests = recorder(page);
    await page.goto(`${baseUrl()}/`);
    await page.getByRole('heading', { level: 1, name: /Plön/ }).waitFor();
    await page.waitForLoadState('networkidle');
    await requests.settle();
    const first = requests.take();
    // the boot script's session request is the app's: one request, not two
    expect(first.filter((u) => u === '/api/v1/auth/session')).toHaveLength(1);
    expect(twice(first), 'requested twice on the first load').toEqual([]);
    const assets = new Set(first.filter((u) => u.startsWith('/assets/')));

    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    for (const [name, path] of PAGES) {
      const before = await page.locator('h1').textContent();
      await nav.getByRole('link', { name, exact: true }).click();
      await page.waitForURL((url) => url.pathname === path);
      await page.waitForFunction((old) => document.querySelector('h1')?.textContent !== old, before);
      await page.waitForLoadState('networkidle');
      await requests.settle();
      const urls = requests.take();
      const api = urls.filter((u) => u.startsWith('/api/'));
      expect(twice(api), `API requested twice on the way to ${path}`).toEqual([]);
      // the app's own navigation never reloads the document
      expect(urls, `${path}: no document load`).not.toContain(path);
      const again = urls.filter((u) => u.startsWith('/assets/') && assets.has(u));
      expect(again, `assets downloaded again on the way to ${path}`).toEqual([]);
      expect(twice(urls.filter((u) => u.startsWith('/assets/'))), `assets twice on the way to ${path}`).toEqual([]);
      for (const u of urls) if (u.startsWith('/assets/')) assets.add(u);
    }
    await ctx.close();
  });
});
