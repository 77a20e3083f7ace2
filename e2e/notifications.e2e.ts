import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launch } from './support/browser';
import { apiCall, signedIn } from './support/routes';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('notifications', () => {
  it('a contact request lands in the list with an unread count; the person chooses the weekly overview for it', async () => {
    // Kastellaun asks Plön (through the API: this test is about Plön's pages)
    const sender = await signedIn(browser, baseUrl(), 'kastellaun');
    const ploenId = (
      await apiCall<{ items: { id: string; name: string }[] }>(sender, baseUrl(), '/municipalities?q=Plön')
    ).items.find((m) => m.name.startsWith('Plön'))!.id;
    await apiCall(sender, baseUrl(), '/contact-requests', {
      toMunicipalityId: ploenId,
      about: 'Bauhof-Software',
      message: 'Guten Tag, wie zufrieden sind Sie mit Ihrer Bauhof-Software?',
    });
    await sender.close();

    const ctx = await signedIn(browser, baseUrl(), 'ploen', { width: 1280, height: 900 });
    const page = await ctx.newPage();
    await page.goto(`${baseUrl()}/`);
    const link = page.getByRole('link', { name: /^Benachrichtigungen \d+ ungelesen$/ });
    await link.waitFor();
    const before = Number((await link.textContent())?.match(/\d+/)?.[0]);
    expect(before).toBeGreaterThan(0);
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Benachrichtigungen' }).waitFor();
    const item = page
      .getByRole('listitem')
      .filter({ hasText: /Kontaktanfrage von Kastellaun/ })
      .first();
    await item.getByText('neu').waitFor();
    await expectAccessible(page, 'Benachrichtigungen');

    // the mail for contact requests: weekly from now on
    await page.getByLabel('Kontaktanfrage an Ihre Kommune').selectOption({ label: 'Im Wochenüberblick' });
    await page.getByText('Gespeichert: Kontaktanfrage an Ihre Kommune – Im Wochenüberblick.').waitFor();
    const prefs = await apiCall<{ channels: Record<string, string> }>(ctx, baseUrl(), '/notifications/preferences');
    expect(prefs.channels.contact_request).toBe('digest');

    // opening it leads to the contact requests and counts it read
    await item.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Kontaktanfragen' }).waitFor();
    const unread = await apiCall<{ unread: number }>(ctx, baseUrl(), '/notifications/unread');
    expect(unread.unread).toBe(before - 1);
    await ctx.close();
  });
});
