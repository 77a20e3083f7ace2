import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import { createTestContext, login, mailTexts, type TestContext } from '../../../test/helpers.js';
import { sendNotificationDigests } from '../../jobs/notification-digest.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** A coordinator and a colleague of one municipality, each signed in, and a project to comment on. */
async function setup() {
  const m = await buildMunicipality(ctx.db);
  const name = `Rita Rechnung ${m.id.slice(0, 6)}`;
  const coordUser = await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' });
  const colleagueUser = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff', name });
  const coord = await login(ctx.app, coordUser.email);
  const colleague = await login(ctx.app, colleagueUser.email);
  const project = (await coord.post('/api/v1/projects', { title: 'E-Rechnung im Rathaus' })).json().id as string;
  const mention = async (text: string) =>
    expect((await coord.post(`/api/v1/projects/${project}/comments`, { body: `@${name} ${text}` })).statusCode).toBe(
      201,
    );
  return { m, coord, colleague, colleagueUser, project, mention };
}

describe('notifications', () => {
  it('lists an event in the app, mails it at once by default, and counts it unread until read', async () => {
    const { colleague, colleagueUser, project, mention } = await setup();
    await mention('bitte die Freigabe prüfen');
    const list = (await colleague.get('/api/v1/notifications')).json();
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({
      event: 'mention',
      title: expect.stringContaining('E-Rechnung im Rathaus'),
      path: `/projekte/${project}`,
      readAt: null,
    });
    // the list reads the unread state from readAt and puts createdAt into <time dateTime>: an ISO instant
    expect(new Date(list.items[0].createdAt).toISOString()).toBe(list.items[0].createdAt);
    expect((await mailTexts(ctx.outbox, colleagueUser.email)).length).toBe(1);
    expect((await colleague.get('/api/v1/notifications/unread')).json()).toEqual({ unread: 1 });
    const read = await colleague.post('/api/v1/notifications/read', { ids: [list.items[0].id] });
    expect(read.json()).toEqual({ unread: 0 });
    expect((await colleague.get('/api/v1/notifications?unread=true')).json().items).toEqual([]);
  });

  it('collects events chosen for the weekly overview into one mail a week, and mails nothing for "off"', async () => {
    const { colleague, colleagueUser, mention } = await setup();
    const prefs = await colleague.put('/api/v1/notifications/preferences', { channels: { mention: 'digest' } });
    expect(prefs.statusCode, prefs.body).toBe(200);
    expect(prefs.json().channels).toMatchObject({ mention: 'digest', contact_request: 'immediate' });
    await mention('erste Frage');
    await mention('zweite Frage');
    expect(await mailTexts(ctx.outbox, colleagueUser.email)).toEqual([]);
    expect((await colleague.get('/api/v1/notifications')).json().unread).toBe(2);

    const later = new Date(Date.now() + 60_000);
    await sendNotificationDigests({ db: ctx.db, outbox: ctx.app.outbox, publicUrl: 'http://localhost:3000' }, later);
    const mails = await mailTexts(ctx.outbox, colleagueUser.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain('Wochen');
    expect(mails[0]).toContain('/benachrichtigungen');
    // the same week again: nothing new
    await sendNotificationDigests({ db: ctx.db, outbox: ctx.app.outbox, publicUrl: 'http://localhost:3000' }, later);
    expect(await mailTexts(ctx.outbox, colleagueUser.email)).toHaveLength(1);

    await colleague.put('/api/v1/notifications/preferences', { channels: { mention: 'off' } });
    await mention('dritte Frage');
    expect((await colleague.get('/api/v1/notifications')).json().unread).toBe(3);
    const nextWeek = new Date(Date.now() + 8 * 86_400_000);
    await sendNotificationDigests({ db: ctx.db, outbox: ctx.app.outbox, publicUrl: 'http://localhost:3000' }, nextWeek);
    expect(await mailTexts(ctx.outbox, colleagueUser.email)).toHaveLength(1);
  });

  it('keeps the weekly news mail and the notification mails apart: one setting never changes the other', async () => {
    // the profile page shows both with what each is for; they are two settings of their own
    const { colleague, colleagueUser, mention } = await setup();
    expect((await colleague.get('/api/v1/news/digest')).json()).toEqual({ weekly: true });
    expect((await colleague.put('/api/v1/news/digest', { weekly: false })).json()).toEqual({ weekly: false });
    const prefs = (await colleague.get('/api/v1/notifications/preferences')).json();
    expect(Object.values(prefs.channels).every((c) => c === 'immediate')).toBe(true);
    await mention('trotz abbestellter Wochenmail');
    expect((await mailTexts(ctx.outbox, colleagueUser.email)).length).toBe(1);

    await colleague.put('/api/v1/notifications/preferences', { channels: { mention: 'off', exchange_post: 'digest' } });
    await colleague.put('/api/v1/news/digest', { weekly: true });
    expect((await colleague.get('/api/v1/news/digest')).json()).toEqual({ weekly: true });
    expect((await colleague.get('/api/v1/notifications/preferences')).json().channels).toMatchObject({
      mention: 'off',
      exchange_post: 'digest',
    });
  });

  it('keeps each list to its person: nobody reads or marks another one', async () => {
    const a = await setup();
    const b = await setup();
    await a.mention('nur für A');
    const mine = (await a.colleague.get('/api/v1/notifications')).json();
    expect((await b.colleague.get('/api/v1/notifications')).json().items).toEqual([]);
    expect((await b.colleague.post('/api/v1/notifications/read', { ids: [mine.items[0].id] })).json()).toEqual({
      unread: 0,
    });
    expect((await a.colleague.get('/api/v1/notifications/unread')).json()).toEqual({ unread: 1 });
    expect((await b.colleague.post('/api/v1/notifications/read', { all: true })).statusCode).toBe(200);
    expect((await a.colleague.get('/api/v1/notifications/unread')).json()).toEqual({ unread: 1 });
  });

  it('refuses bad input with German field errors', async () => {
    const { colleague } = await setup();
    const bad = await colleague.put('/api/v1/notifications/preferences', { channels: { mention: 'sms' } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('sofort, im Wochenüberblick oder gar nicht');
    expect(
      (await colleague.put('/api/v1/notifications/preferences', { channels: { unknown: 'off' } })).statusCode,
    ).toBe(400);
    const none = await colleague.post('/api/v1/notifications/read', {});
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].message).toBe('Bitte wählen Sie mindestens eine Benachrichtigung.');
    expect((await colleague.get('/api/v1/notifications?limit=0')).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});
