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

  it('the alternatives chart shows its bars with German amounts and no overlapping labels', async () => {
    const page = await (await contextOf('ploen')).newPage();
    await page.goto(`${baseUrl()}/projekte/${ids.projectId}/finanzen`);
    // a chart is drawn once it comes near the screen
    await page.locator('section[aria-labelledby="h-alt"]').scrollIntoViewIfNeeded();
    const chart = page.locator('section[aria-labelledby="h-alt"] .chart svg');
    await chart.waitFor();
    const drawn = await chart.evaluate((svg) => {
      const boxes = Array.from(svg.querySelectorAll('text')).map((t) => ({
        text: t.textContent ?? '',
        box: t.getBoundingClientRect(),
      }));
      const overlaps = boxes.flatMap((a, i) =>
        boxes
          .slice(i + 1)
          .filter(
            (b) =>
              a.box.left < b.box.right - 1 &&
              b.box.left < a.box.right - 1 &&
              a.box.top < b.box.bottom - 1 &&
              b.box.top < a.box.bottom - 1,
          )
          .map((b) => `${a.text} / ${b.text}`),
      );
      // bars are filled paths in the primary colour, as wide as their value
      const bars = Array.from(svg.querySelectorAll('path'))
        .filter((p) => (p.getAttribute('fill') ?? '').toLowerCase() === '#1f4e8c')
        .map((p) => Math.round(p.getBoundingClientRect().width));
      return { texts: boxes.map((b) => b.text), overlaps, bars };
    });
    expect(drawn.overlaps, 'no label covers another').toEqual([]);
    expect(drawn.bars.length, 'one bar per alternative').toBe(4);
    expect(Math.max(...drawn.bars), 'the largest bar is visible').toBeGreaterThan(40);
    // amounts as "38.981 €": thousands with a point, no decimals, no English "38,981"
    const amounts = drawn.texts.filter((t) => t.includes('€'));
    expect(amounts.length).toBeGreaterThan(4);
    for (const a of amounts) expect(a).toMatch(/^\d{1,3}(\.\d{3})*(\u00a0Tsd\.)?\u00a0€$/);
    await page.close();
  });
});
