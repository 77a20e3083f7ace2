import { FORMER_STAFF_NAME } from '@dz/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import { type Client, createTestContext, login, TEST_PASSWORD, type TestContext } from '../../../test/helpers.js';
import { expectTaggedPdf } from '../../../test/pdf-tags.js';
import { pdfText } from '../../../test/pdf-text.js';
import { textColumns } from './free-text.js';
import { BY_EMAIL, NOT_EXPORTED, PERSONAL_DATA } from './personal-data.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** Every column that references a person: foreign keys to users.id, and columns named like a user reference. */
async function userReferenceColumns(): Promise<string[]> {
  const fks = await sql<{ tableName: string; columnName: string }>`
    SELECT cl.relname AS table_name, a.attname AS column_name
    FROM pg_constraint c
    JOIN pg_class cl ON cl.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = cl.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
    WHERE c.contype = 'f' AND n.nspname = current_schema()
      AND c.confrelid = (SELECT oid FROM pg_class WHERE relname = 'users' AND relnamespace = n.oid)`.execute(ctx.db);
  const named = await sql<{ tableName: string; columnName: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name <> 'users'
      AND column_name ~ '(_by|_user_id|^user_id|^author_id|^owner_id|^actor_id|^assignee_id)$'`.execute(ctx.db);
  return [...new Set([...fks.rows, ...named.rows].map((r) => `${r.tableName}.${r.columnName}`))].sort();
}

describe('personal-data registry', () => {
  it('covers every table with a user reference (a new one fails here until export and erasure know it)', async () => {
    const covered = new Set(
      Object.entries(PERSONAL_DATA).flatMap(([t, d]) => Object.keys(d.columns).map((c) => `${t}.${c}`)),
    );
    const missing = (await userReferenceColumns()).filter((k) => !covered.has(k) && !(k in NOT_EXPORTED));
    expect(missing).toEqual([]);
    // and the registry names only columns that exist
    const all = await sql<{ k: string }>`
      SELECT table_name || '.' || column_name AS k FROM information_schema.columns WHERE table_schema = current_schema()`.execute(
      ctx.db,
    );
    const existing = new Set(all.rows.map((r) => r.k));
    const stale = [
      ...covered,
      ...Object.entries(BY_EMAIL).map(([t, d]) => `${t}.${d.column}`),
      ...Object.keys(NOT_EXPORTED),
    ].filter((k) => !existing.has(k));
    expect(stale).toEqual([]);
  });
});

/** A colleague with content in several places, about to leave. */
async function leavingColleague(M: string, coord: Client, name = 'Zacharias Löschmann') {
  const u = await buildUser(ctx.db, {
    municipalityId: M,
    role: 'staff',
    name: 'Zacharias Loeschmann',
    email: `zacharias.loeschmann.${Date.now()}@example.org`,
  });
  const zach = await login(ctx.app, u.email);
  // a profile change: the audit trail holds the old and the new spelling of the name
  expect((await zach.patch('/api/v1/auth/profile', { name, locale: 'en' })).statusCode).toBe(200);
  const post = (await coord.post('/api/v1/news', { title: 'Neue Telefonanlage', body: 'Ab Montag.' })).json();
  expect((await coord.post(`/api/v1/news/${post.id}/publish`, { version: post.version })).statusCode).toBe(200);
  const c = await zach.post(`/api/v1/news/${post.id}/comments`, { body: 'Gibt es eine Schulung dazu?' });
  expect(c.statusCode).toBe(201);
  // a colleague mentions them by name
  await coord.post(`/api/v1/news/${post.id}/comments`, { body: `Danke an ${name} für die Vorbereitung!` });
  for (const p of (await coord.get('/api/v1/news/comments/pending')).json().items) {
    await coord.put(`/api/v1/news/${post.id}/comments/${p.id}`, { status: 'approved' });
  }
  const idea = await zach.post('/api/v1/ideas', { title: 'Urlaubsanträge digital', description: 'Statt Papier' });
  expect(idea.statusCode).toBe(201);
  await zach.put(`/api/v1/news/${post.id}/helpful`, { helpful: true });
  // a password-reset link: a token row and a mail to the address
  await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: u.email } });
  await ctx.app.detached.settled();
  return { ...u, client: zach, postId: post.id as string, ideaId: idea.json().id as string };
}

describe('access requests (Art. 15/20)', () => {
  it('everyone exports their own data as JSON and as a tagged PDF; the administration answers for its colleagues', async () => {
    const m = await buildMunicipality(ctx.db, { name: 'Auskunftshausen' });
    const other = await buildMunicipality(ctx.db, { name: 'Fremdhausen' });
    const admin = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' })).email);
    const coord = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' })).email);
    const foreignAdmin = await login(
      ctx.app,
      (await buildUser(ctx.db, { municipalityId: other.id, role: 'admin' })).email,
    );
    // (a name of its own: the erasure test below searches every table for its colleague's name)
    const z = await leavingColleague(m.id, coord, 'Zacharias Auskunftsmann');

    const own = await z.client.get('/api/v1/privacy/me/export.json');
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-disposition']).toContain('attachment');
    const data = own.json();
    expect(data.person).toMatchObject({ id: z.id, name: 'Zacharias Auskunftsmann', email: z.email, locale: 'en' });
    const table = (t: string) => data.tables.find((x: { table: string }) => x.table === t);
    expect(table('news_comments').rows[0]).toMatchObject({ body: 'Gibt es eine Schulung dazu?' });
    expect(table('ideas').rows[0]).toMatchObject({ title: 'Urlaubsanträge digital' });
    expect(table('memberships').rows).toHaveLength(1);
    expect(table('sessions').rows.length).toBeGreaterThan(0);
    expect(table('audit_log').rows.some((r: { entity: string }) => r.entity === 'user')).toBe(true);
    expect(table('mail_outbox (E-Mail)').rows.length).toBeGreaterThan(0);
    // every registered table appears, secrets never
    expect(data.tables).toHaveLength(Object.keys(PERSONAL_DATA).length + Object.keys(BY_EMAIL).length + 1);
    // and where colleagues wrote their name (what the erasure would pseudonymise)
    expect(table('mentions').rows).toEqual([
      {
        fundstelle: PERSONAL_DATA.news_comments!.purpose,
        text: 'Danke an Zacharias Auskunftsmann für die Vorbereitung!',
      },
    ]);
    expect(own.body).not.toMatch(/passwordHash|tokenHash|csrfToken/);

    const pdf = await z.client.get('/api/v1/privacy/me/export.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    await expectTaggedPdf(pdf.rawPayload);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Zacharias Auskunftsmann');
    expect(text).toContain('Gibt es eine Schulung dazu?');

    // the administration: a summary and the same export; nobody else, and not for another municipality
    const summary = await admin.get(`/api/v1/privacy/people/${z.id}`);
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({ name: 'Zacharias Auskunftsmann', erasable: true, can: { manage: true } });
    expect(summary.json().tables.find((t: { table: string }) => t.table === 'sessions')).toMatchObject({
      onErase: 'delete',
    });
    expect((await admin.get(`/api/v1/privacy/people/${z.id}/export.json`)).json().person.email).toBe(z.email);
    expect((await admin.get(`/api/v1/privacy/people/${z.id}/export.pdf`)).statusCode).toBe(200);
    expect((await coord.get(`/api/v1/privacy/people/${z.id}`)).statusCode).toBe(403);
    expect((await z.client.get(`/api/v1/privacy/people/${z.id}/export.json`)).statusCode).toBe(403);
    expect((await foreignAdmin.get(`/api/v1/privacy/people/${z.id}`)).statusCode).toBe(404);
    expect((await foreignAdmin.get(`/api/v1/privacy/people/${z.id}/export.json`)).statusCode).toBe(404);
    // exports are recorded (who gave whose data out), without personal fields
    const logged = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'actorId'])
      .where('entityId', '=', z.id)
      .where('action', 'like', 'privacy.%')
      .execute();
    expect(logged.map((l) => l.action).sort()).toEqual([
      'privacy.export',
      'privacy.export',
      'privacy.export_own',
      'privacy.export_own',
    ]);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/privacy/me/export.json' })).statusCode).toBe(401);
  });

  it('never hands on a working one-time link, nor data beyond the municipality (found by an outside attack)', async () => {
    const m = await buildMunicipality(ctx.db, { name: 'Linkhausen' });
    const other = await buildMunicipality(ctx.db, { name: 'Zweithausen' });
    const admin = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' })).email);
    const victim = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' });
    // anyone may ask for a reset link for the victim; the mail waits in the outbox with a working token
    await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: victim.email } });
    await ctx.app.detached.settled(); // the mail is queued after the answer
    const mail = await ctx.db
      .selectFrom('mailOutbox')
      .select('body')
      .where('recipient', '=', victim.email)
      .executeTakeFirstOrThrow();
    const token = mail.body.match(/token=([^\s&]+)/)?.[1];
    expect(token).toBeTruthy();
    for (const url of [
      `/api/v1/privacy/people/${victim.id}/export.json`,
      `/api/v1/privacy/people/${victim.id}/export.pdf`,
    ]) {
      const res = await admin.get(url);
      expect(res.statusCode).toBe(200);
      const text = url.endsWith('.pdf') ? await pdfText(res.rawPayload) : res.body;
      expect(text).not.toContain(token!);
      expect(text).toContain('token=[entfernt]');
    }
    // someone who also works for another municipality or moderates a network: only they export their data
    const twoPlaces = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' });
    await ctx.db
      .insertInto('memberships')
      .values({ userId: twoPlaces.id, municipalityId: other.id, role: 'coordinator' })
      .execute();
    const moderator = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' });
    await buildNetwork(ctx.db, moderator.id, [m.id]);
    for (const person of [twoPlaces, moderator]) {
      expect((await admin.get(`/api/v1/privacy/people/${person.id}/export.json`)).statusCode).toBe(409);
      expect((await admin.get(`/api/v1/privacy/people/${person.id}/export.pdf`)).statusCode).toBe(409);
      const summary = (await admin.get(`/api/v1/privacy/people/${person.id}`)).json();
      expect(summary).toMatchObject({ erasable: false, tables: [] });
      expect(summary.notErasableReason).toContain('selbst in ihrem Profil');
      const erase = await admin.post(`/api/v1/privacy/people/${person.id}/erase`, { confirmEmail: person.email });
      expect(erase.statusCode).toBe(409);
    }
  });
});

describe('erasure (Art. 17)', () => {
  it('erases a leaving colleague: no login, no personal field anywhere, content shown pseudonymised, audit ids kept', async () => {
    const m = await buildMunicipality(ctx.db, { name: 'Löschstadt' });
    const other = await buildMunicipality(ctx.db, { name: 'Nachbarstadt' });
    const adminUser = await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' });
    const admin = await login(ctx.app, adminUser.email);
    const coord = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' })).email);
    const staff = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' })).email);
    const foreignAdmin = await login(
      ctx.app,
      (await buildUser(ctx.db, { municipalityId: other.id, role: 'admin' })).email,
    );
    const z = await leavingColleague(m.id, coord);
    // a colleague elsewhere who happens to share the name keeps it
    const namesake = await buildUser(ctx.db, { municipalityId: other.id, role: 'staff', name: 'Zacharias Löschmann' });
    const auditBefore = await ctx.db
      .selectFrom('auditLog')
      .select(['id', 'actorId', 'entityId', 'action', 'entity', 'at'])
      .where((eb) => eb.or([eb('actorId', '=', z.id), eb('entityId', '=', z.id)]))
      .orderBy('id')
      .execute();
    expect(auditBefore.length).toBeGreaterThan(0);
    const allAudit = Number(
      (
        await ctx.db
          .selectFrom('auditLog')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

    // refused: others, wrong confirmation, someone who also works elsewhere
    const erase = (c: Client, confirmEmail: string) => c.post(`/api/v1/privacy/people/${z.id}/erase`, { confirmEmail });
    expect((await erase(coord, z.email)).statusCode).toBe(403);
    expect((await erase(foreignAdmin, z.email)).statusCode).toBe(404);
    const wrong = await erase(admin, 'jemand@example.org');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('body.confirmEmail');
    expect((await erase(admin, '')).statusCode).toBe(400);
    expect(
      (await admin.post(`/api/v1/privacy/people/${adminUser.id}/erase`, { confirmEmail: adminUser.email })).statusCode,
    ).toBe(409);
    const twoPlaces = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' });
    await ctx.db
      .insertInto('memberships')
      .values({ userId: twoPlaces.id, municipalityId: other.id, role: 'staff' })
      .execute();
    const blocked = await admin.get(`/api/v1/privacy/people/${twoPlaces.id}`);
    expect(blocked.json()).toMatchObject({ erasable: false });
    expect(blocked.json().notErasableReason).toContain('andere Kommune');
    expect(
      (await admin.post(`/api/v1/privacy/people/${twoPlaces.id}/erase`, { confirmEmail: twoPlaces.email })).statusCode,
    ).toBe(409);
    // nothing happened so far
    expect((await z.client.get('/api/v1/auth/session')).statusCode).toBe(200);

    const done = await erase(admin, z.email.toUpperCase());
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ userId: z.id });
    expect(done.json().deletedRows).toBeGreaterThan(0);
    expect(done.json().pseudonymisedRows).toBeGreaterThan(0);
    expect(done.json().redactedAuditEntries).toBeGreaterThan(0);

    // the account is gone: the session ends, sign-in is impossible, a second erasure finds nobody
    expect((await z.client.get('/api/v1/auth/session')).statusCode).toBe(401);
    const signIn = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: z.email, password: TEST_PASSWORD },
    });
    expect(signIn.statusCode).toBe(401);
    expect((await erase(admin, z.email)).statusCode).toBe(404);
    expect((await admin.get('/api/v1/members')).body).not.toContain(z.id);

    // no personal field left: the name and the email are in no text or JSON column of any table (but the namesake's)
    await ctx.app.detached.settled();
    const hits: string[] = [];
    for (const c of await textColumns(ctx.db)) {
      for (const needle of ['Zacharias Löschmann', 'Löschmann', z.email, z.email.split('@')[0]!]) {
        const r = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM ${sql.table(c.tableName)} WHERE ${sql.ref(c.columnName)}::text ILIKE ${`%${needle}%`}`.execute(
          ctx.db,
        );
        if ((r.rows[0]?.n ?? 0) > 0) hits.push(`${c.tableName}.${c.columnName}: ${needle}`);
      }
    }
    expect(hits).toEqual([`users.name: Zacharias Löschmann`, `users.name: Löschmann`]);
    const kept = await ctx.db
      .selectFrom('users')
      .select('name')
      .where('id', '=', namesake.id)
      .executeTakeFirstOrThrow();
    expect(kept.name).toBe('Zacharias Löschmann');

    // the app still shows the content, under the pseudonym
    const comments = (await staff.get(`/api/v1/news/${z.postId}/comments`)).json().items;
    expect(comments.find((c: { body: string }) => c.body === 'Gibt es eine Schulung dazu?').author).toBe(
      FORMER_STAFF_NAME,
    );
    expect(comments.find((c: { body: string }) => c.body.startsWith('Danke an')).body).toBe(
      `Danke an ${FORMER_STAFF_NAME} für die Vorbereitung!`,
    );
    const idea = (await coord.get(`/api/v1/ideas/${z.ideaId}`)).json();
    expect(idea).toMatchObject({ title: 'Urlaubsanträge digital', submittedBy: FORMER_STAFF_NAME });

    // the audit trail: every entry stays with its ids; the profile change lost its personal fields
    const auditAfter = await ctx.db
      .selectFrom('auditLog')
      .select(['id', 'actorId', 'entityId', 'action', 'entity', 'at', 'changes', 'redactedAt'])
      .where((eb) => eb.or([eb('actorId', '=', z.id), eb('entityId', '=', z.id)]))
      .orderBy('id')
      .execute();
    for (const b of auditBefore) {
      expect(auditAfter.find((a) => a.id === b.id)).toMatchObject({
        actorId: b.actorId,
        entityId: b.entityId,
        action: b.action,
        entity: b.entity,
      });
    }
    const profile = auditAfter.find((a) => a.entity === 'user' && a.action !== 'privacy.erase' && 'name' in a.changes);
    expect(profile?.changes.name).toEqual({ before: null, after: null });
    expect(profile?.redactedAt).not.toBeNull();
    const total = Number(
      (
        await ctx.db
          .selectFrom('auditLog')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(total).toBeGreaterThan(allAudit); // nothing removed; the erasure itself is recorded
    // the append-only rule still holds outside the erasure
    await expect(
      sql`UPDATE audit_log SET action = 'x' WHERE id = ${auditBefore[0]!.id}`.execute(ctx.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE id = ${auditBefore[0]!.id}`.execute(ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('dz.audit_redaction', 'on', true)`.execute(trx);
        await sql`UPDATE audit_log SET actor_id = NULL WHERE id = ${auditBefore[0]!.id}`.execute(trx);
      }),
    ).rejects.toThrow(/append-only/);
    const erasure = await ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'privacy.erase')
      .where('entityId', '=', z.id)
      .executeTakeFirstOrThrow();
    expect(erasure.actorId).toBe(adminUser.id);
  });
});

describe('legal pages and records of processing', () => {
  it('shows the privacy notice and imprint to everyone; the operator edits them (raw HTML off, 409 on stale)', async () => {
    const anon = await ctx.app.inject({ method: 'GET', url: '/api/v1/legal/privacy' });
    expect(anon.statusCode).toBe(200);
    expect(anon.json()).toMatchObject({ page: 'privacy', version: 0, isDefault: true });
    expect(anon.json().html).toContain('<h1>Datenschutzerklärung</h1>');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/legal/imprint' })).json().markdown).toContain('§ 5');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/legal/agb' })).statusCode).toBe(400);

    const m = await buildMunicipality(ctx.db);
    const admin = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' })).email);
    const op = await login(ctx.app, (await buildUser(ctx.db, { isPlatformAdmin: true })).email);
    const text = '# Impressum\n\nBetrieben von der Kommunalen IT <script>alert(1)</script>.';
    expect((await admin.put('/api/v1/legal/imprint', { version: 0, markdown: text })).statusCode).toBe(403);
    const short = await op.put('/api/v1/legal/imprint', { version: 0, markdown: 'kurz' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('body.markdown');
    const saved = await op.put('/api/v1/legal/imprint', { version: 0, markdown: text });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, isDefault: false });
    expect(saved.json().html).toContain('&lt;script&gt;');
    expect(saved.json().html).not.toContain('<script>');
    expect((await op.put('/api/v1/legal/imprint', { version: 0, markdown: text })).statusCode).toBe(409);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/legal/imprint' })).json().version).toBe(1);
  });

  it('keeps single line breaks and warns while placeholders of the sample are left, also after a save', async () => {
    const op = await login(ctx.app, (await buildUser(ctx.db, { isPlatformAdmin: true })).email);
    const sample = (await op.get('/api/v1/legal/privacy')).json();
    expect(sample).toMatchObject({ isDefault: true, isSample: true });
    expect(sample.placeholders).toContain('[Name der betreibenden Stelle]');
    // the sample's address lines stay lines
    expect(sample.html).toContain('[Name der betreibenden Stelle]<br>\n[Anschrift]<br>');

    const half = sample.markdown
      .replace('[Name der betreibenden Stelle]', 'Kommunale IT Musterland')
      .replace('[Anschrift]', 'Musterstraße 1\n12345 Musterstadt');
    const saved = await op.put('/api/v1/legal/privacy', { version: 0, markdown: half });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, isDefault: false, isSample: true });
    expect(saved.json().placeholders).not.toContain('[Name der betreibenden Stelle]');
    expect(saved.json().placeholders).toContain('[datenschutz@example.org]');
    expect(saved.json().html).toContain('Musterstraße 1<br>\n12345 Musterstadt');

    const done = '# Datenschutzerklärung\n\nKommunale IT Musterland\nMusterstraße 1\n\n[Aufsicht](https://example.org)';
    const final = await op.put('/api/v1/legal/privacy', { version: 1, markdown: done });
    expect(final.json()).toMatchObject({ isDefault: false, isSample: false, placeholders: [] });
    // raw HTML stays off with the line breaks on
    const html = await op.put('/api/v1/legal/privacy', {
      version: 2,
      markdown: `${done}\n<img src=x onerror=alert(1)>`,
    });
    expect(html.json().html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html.json().html).not.toContain('<img');
  });

  it('exports the records of processing (Art. 30) for the operator as tagged PDF and XLSX', async () => {
    const m = await buildMunicipality(ctx.db);
    const admin = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' })).email);
    const op = await login(ctx.app, (await buildUser(ctx.db, { isPlatformAdmin: true })).email);
    expect((await admin.get('/api/v1/privacy/records.pdf')).statusCode).toBe(403);
    const pdf = await op.get('/api/v1/privacy/records.pdf');
    expect(pdf.statusCode).toBe(200);
    await expectTaggedPdf(pdf.rawPayload);
    const text = await pdfText(pdf.rawPayload);
    for (const s of [
      'Verzeichnis von Verarbeitungstätigkeiten',
      'Benutzerkonten',
      'Umfragen',
      'Workshops',
      'Art. 32',
    ]) {
      expect(text).toContain(s);
    }
    const xlsx = await op.get('/api/v1/privacy/records.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const ws = wb.getWorksheet('Verarbeitungstätigkeiten')!;
    expect(ws.getRow(1).getCell(2).value).toBe('Verarbeitungstätigkeit');
    expect(String(ws.getRow(2).getCell(9).value)).toContain('memberships');
  });
});
