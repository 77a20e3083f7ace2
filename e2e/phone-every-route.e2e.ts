import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launch } from './support/browser';
import {
  type Account,
  demoIds,
  horizontalOverflow,
  type Ids,
  ROUTES,
  routerPaths,
  signedIn,
  urlOf,
} from './support/routes';

const WIDTH = 360;
let browser: Browser;
let ids: Ids & { liveCode: string };
const contexts = new Map<Account, BrowserContext>();

beforeAll(async () => {
  browser = await launch();
  ids = await demoIds(browser, baseUrl());
});
afterAll(async () => {
  for (const ctx of contexts.values()) await ctx.close();
  await browser?.close();
});

async function contextOf(account: Account) {
  let ctx = contexts.get(account);
  if (!ctx) {
    ctx = await signedIn(browser, baseUrl(), account, { width: WIDTH, height: 740 });
    contexts.set(account, ctx);
  }
  return ctx;
}

describe('every route on a 360 px phone', () => {
  it('the route table covers every path of the web router', () => {
    expect(Object.keys(ROUTES).sort()).toEqual([...new Set(routerPaths())].sort());
  });

  for (const [pattern, route] of Object.entries(ROUTES)) {
    it(`${pattern} fits without scrolling sideways and passes axe`, async () => {
      const page = await (await contextOf(route.as)).newPage();
      const url = urlOf(pattern, ids);
      await page.goto(`${baseUrl()}${url}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const problem = await horizontalOverflow(page, WIDTH);
      expect(problem, `${pattern} (${url} as ${route.as}) scrolls sideways at ${WIDTH} px:\n  ${problem}`).toBeNull();
      await expectAccessible(page, `${pattern} at ${WIDTH} px`);
      await page.close();
    });
  }

  it('the participant view of a live workshop with long German words fits too', async () => {
    const ctx = await contextOf('public');
    const page = await ctx.newPage();
    await page.goto(`${baseUrl()}/mitmachen?code=${ids.liveCode}`);
    await page.getByLabel('Ihr Name').fill('Anna Uslar');
    await page.getByRole('button', { name: 'Teilnehmen' }).click();
    await page.getByRole('heading', { level: 2, name: /Informationssicherheitsmanagementsystem/ }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(page, WIDTH)).toBeNull();
    await expectAccessible(page, 'Teilnehmen (live, 360 px)');
    await page.close();
  });
});
