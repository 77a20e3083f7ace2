import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../test/factories.js';
import { createTestContext, login, mailTexts, type TestContext } from '../../test/helpers.js';
import type { Mail, Mailer } from '../jobs/mailer.js';
import { Detached } from '../lib/detached.js';
import { MAX_ATTEMPTS, MailOutbox } from './outbox.js';
import { appLink, MAILS } from './templates.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  // the app's own poll would deliver the test's mails with the real mailer; these tests drive delivery themselves
  ctx.app.outbox.stop();
});
afterAll(() => ctx?.close());

const mail = MAILS.passwordReset({ name: 'Test', link: 'https://example.org/x?token=abc' });

/** A mailer that fails the first `failures` sends, then records what it sends. */
function flaky(failures: number): Mailer & { sent: Mail[] } {
  let left = failures;
  const sent: Mail[] = [];
  return {
    sent,
    async send(m) {
      if (left-- > 0) throw new Error('SMTP 451 try again later');
      sent.push(m);
    },
  };
}

describe('mail links', () => {
  it('name the municipality they belong to', () => {
    expect(appLink('https://dz.example', '/verbuende', 'm-1')).toBe('https://dz.example/verbuende?kommune=m-1');
    expect(appLink('https://dz.example', '/x?a=1', 'm-1')).toBe('https://dz.example/x?a=1&kommune=m-1');
    expect(appLink('https://dz.example', '/x', null)).toBe('https://dz.example/x');
  });
});

describe('mail outbox', () => {
  it('sends nothing when the change that queued the mail rolls back', async () => {
    const m = flaky(0);
    const box = new MailOutbox(ctx.db, m, new Detached(ctx.app.log), ctx.app.log);
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await box.queue(trx, 'rollback@example.org', mail);
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    await box.drain();
    expect(m.sent.filter((x) => x.to === 'rollback@example.org')).toEqual([]);
  });

  it('retries with growing waits and keeps what never went out as failed, visible to the admins', async () => {
    const muni = await buildMunicipality(ctx.db);
    const admin = await buildUser(ctx.db, { municipalityId: muni.id, role: 'admin' });
    const m = flaky(100);
    const box = new MailOutbox(ctx.db, m, new Detached(ctx.app.log), ctx.app.log);
    await box.queue(ctx.db, 'nie@example.org', mail, muni.id);
    const waits: number[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await box.drain();
      const row = await ctx.db
        .selectFrom('mailOutbox')
        .selectAll()
        .where('recipient', '=', 'nie@example.org')
        .executeTakeFirstOrThrow();
      expect(row.attempts).toBe(i + 1);
      expect(row.lastError).toContain('451');
      waits.push(new Date(row.nextAttemptAt).getTime() - Date.now());
      // make the next attempt due now
      await ctx.db
        .updateTable('mailOutbox')
        .set({ nextAttemptAt: new Date(0) })
        .where('id', '=', row.id)
        .execute();
      expect(row.status).toBe(i + 1 < MAX_ATTEMPTS ? 'pending' : 'failed');
    }
    expect(waits[1]! > waits[0]!).toBe(true);
    await box.drain();
    expect(m.sent).toEqual([]);
    // the municipality's admin sees it and sends it again
    const c = await login(ctx.app, admin.email);
    const list = (await c.get('/api/v1/audit/mail-failures')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ recipient: 'nie@example.org', attempts: MAX_ATTEMPTS });
    expect(list.items[0].lastError).toContain('451');
    const again = await c.post(`/api/v1/audit/mail-failures/${list.items[0].id}/retry`);
    expect(again.statusCode).toBe(200);
    expect(again.json().items).toEqual([]);
    // the app's own outbox delivers it into DATA_DIR/outbox
    expect((await mailTexts(ctx.outbox, 'nie@example.org')).length).toBe(1);
  });

  it('delivers each mail once when two instances drain at the same time', async () => {
    const a = flaky(0);
    const b = flaky(0);
    const one = new MailOutbox(ctx.db, a, new Detached(ctx.app.log), ctx.app.log);
    const two = new MailOutbox(ctx.db, b, new Detached(ctx.app.log), ctx.app.log);
    for (let i = 0; i < 30; i++) await one.queue(ctx.db, `viele-${i}@example.org`, mail);
    await Promise.all([one.drain(), two.drain()]);
    const to = [...a.sent, ...b.sent].map((x) => x.to).filter((x) => x.startsWith('viele-'));
    expect(to.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `viele-${i}@example.org`).sort());
  });
});
