import { fmtDate } from '@dz/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import { createTestContext, login, type TestContext } from '../../../test/helpers.js';
import { expectTaggedPdf } from '../../../test/pdf-tags.js';
import { pdfText } from '../../../test/pdf-text.js';
import { disposition } from '../../lib/download.js';
import { accessRequestFileName, markdownSection } from './export.context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|T\d{2}:\d{2}:\d{2}/;
const today = () => fmtDate(new Date().toISOString()).split('.').reverse().join('-');

describe('the readable access-request PDF (Art. 15)', () => {
  it('reads as German words with the Art. 15 information, names instead of ids, and a download name', async () => {
    const m = await buildMunicipality(ctx.db, { name: 'Auskunftsdorf', landCode: '09' });
    const admin = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' })).email);
    const coordUser = await buildUser(ctx.db, {
      municipalityId: m.id,
      role: 'coordinator',
      name: 'Konrad Koordinator',
    });
    const coord = await login(ctx.app, coordUser.email);
    const u = await buildUser(ctx.db, {
      municipalityId: m.id,
      role: 'staff',
      name: 'Maria Muster',
      email: `maria.muster.${Date.now()}@example.org`,
    });
    const maria = await login(ctx.app, u.email);
    // her own things, things others gave her, and the name change in the audit trail
    expect(
      (await maria.patch('/api/v1/auth/profile', { name: 'Maria Müller-Lüdenscheidt', locale: 'de' })).statusCode,
    ).toBe(200);
    expect(
      (await maria.post('/api/v1/ideas', { title: 'Urlaubsanträge digital', description: 'Statt Papier' })).statusCode,
    ).toBe(201);
    const post = (await coord.post('/api/v1/news', { title: 'Neue Telefonanlage', body: 'Ab Montag.' })).json();
    expect((await coord.post(`/api/v1/news/${post.id}/publish`, { version: post.version })).statusCode).toBe(200);
    expect((await maria.post(`/api/v1/news/${post.id}/comments`, { body: 'Gibt es eine Schulung?' })).statusCode).toBe(
      201,
    );
    for (const p of (await coord.get('/api/v1/news/comments/pending')).json().items) {
      await coord.put(`/api/v1/news/${post.id}/comments/${p.id}`, { status: 'approved' });
    }
    const project = (await coord.post('/api/v1/projects', { title: 'Digitale Akte' })).json();
    const task = await coord.post(`/api/v1/projects/${project.id}/tasks`, {
      title: 'Aktenplan prüfen',
      assigneeId: u.id,
      dueOn: '2026-12-24',
    });
    expect(task.statusCode, task.body).toBe(201);
    // a staff survey of a network she is invited to, and the municipality's retention periods
    const mod = await buildUser(ctx.db);
    const net = await buildNetwork(ctx.db, mod.id, [m.id]);
    const moderator = await login(ctx.app, mod.email);
    const survey = await moderator.post('/api/v1/surveys', {
      networkId: net.id,
      title: 'Stimmung 2026',
      mode: 'person',
      source: 'template',
    });
    expect(survey.statusCode, survey.body).toBe(201);
    const draft = (await moderator.get(`/api/v1/surveys/${survey.json().id}`)).json();
    expect((await moderator.post(`/api/v1/surveys/${draft.id}/open`, { version: draft.version })).statusCode).toBe(200);
    const retention = await admin.put('/api/v1/privacy/retention', {
      version: 0,
      surveyAnswersMonths: 6,
      workshopNamesDays: 30,
    });
    expect(retention.statusCode, retention.body).toBe(200);

    const own = await maria.get('/api/v1/privacy/me/export.pdf');
    expect(own.statusCode).toBe(200);
    await expectTaggedPdf(own.rawPayload);
    const fileName = `Auskunft-Maria-Müller-Lüdenscheidt-${today()}`;
    expect(own.headers['content-disposition']).toBe(disposition(`${fileName}.pdf`));
    expect(own.headers['content-disposition']).toContain(
      `filename="Auskunft-Maria-Mueller-Luedenscheidt-${today()}.pdf"`,
    );
    const text = await pdfText(own.rawPayload);
    // the information Art. 15(1) and (2) asks for
    for (const s of [
      'Informationen nach Art. 15 Abs. 1 DSGVO',
      'Verantwortliche Stelle',
      'Herkunft der Daten',
      'Empfänger und Übermittlung in Drittländer',
      'Automatisierte Entscheidungen',
      'Art. 16 DSGVO',
      'Art. 17 DSGVO',
      'Art. 18 DSGVO',
      'Art. 20 DSGVO',
      'Art. 21 DSGVO',
      'Art. 77 DSGVO',
      'für die Kommune zuständige Landesdatenschutzbehörde',
      'Auskunftsdorf: Bayern',
      'Zwecke, Rechtsgrundlagen und Speicherdauer',
      'Benutzerkonten, Anmeldung und Rollen',
      'Rechtsgrundlage',
      'Art. 6 Abs. 1 lit. e DSGVO',
      'Kategorien von Daten',
      'Speicherdauer',
      'Rohantworten werden 6 Monate nach Abschluss der Umfrage gelöscht',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/ist die Kommune, für die Sie die Plattform nutzen: Auskunftsdorf/);
    // German labels, words for codes, names for ids
    expect(text).toMatch(/Kommune\s+Auskunftsdorf/);
    expect(text).toMatch(/Projekt\s+Digitale Akte/);
    expect(text).toMatch(/Titel\s+Aktenplan prüfen/);
    expect(text).toMatch(/Fällig am\s+24\.12\.2026/);
    expect(text).toMatch(/Zugewiesen an\s+Sie selbst/);
    expect(text).toMatch(/Text\s+Gibt es eine Schulung\?/);
    expect(text).toMatch(/Freigabe entschieden von\s+eine andere Person/);
    expect(text).toMatch(/Rolle\s+Mitarbeitende/);
    expect(text).toMatch(/Status\s+(neu|offen)/);
    expect(text).toMatch(/Angelegt am\s+\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    expect(text).toContain('Benutzerkonto: geändert');
    expect(text).toMatch(/Eintrag 1: Stimmung 2026\s+Umfrage\s+Stimmung 2026/);
    expect(text).toMatch(/Änderungen\s+Titel: Urlaubsanträge digital/);
    expect(text).toMatch(/Name: vorher: Maria Muster; jetzt: Maria Müller-Lüdenscheidt/);
    // no database dump: no ids, no ISO timestamps, no column names, no JSON, no colleague's name
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(ISO_TIME);
    expect(text).not.toMatch(/created at|municipality id|createdAt|municipalityId|Tabelle \w+_\w+/i);
    expect(text).not.toMatch(/[{}"]/);
    expect(text).not.toContain('Konrad Koordinator');

    // the administration's copy for her: the same document under the same name; the JSON too
    const pdf = await admin.get(`/api/v1/privacy/people/${u.id}/export.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toBe(disposition(`${fileName}.pdf`));
    const colleagueText = await pdfText(pdf.rawPayload);
    expect(colleagueText).toContain('Informationen nach Art. 15 Abs. 1 DSGVO');
    expect(colleagueText).not.toMatch(UUID);
    const json = await admin.get(`/api/v1/privacy/people/${u.id}/export.json`);
    expect(json.headers['content-disposition']).toBe(disposition(`${fileName}.json`));
    expect(json.json().tables.find((t: { table: string }) => t.table === 'tasks')).toMatchObject({
      activity: 'projects',
      rows: [{ assigneeId: u.id }],
    });
    const ownJson = await maria.get('/api/v1/privacy/me/export.json');
    expect(ownJson.headers['content-disposition']).toBe(disposition(`${fileName}.json`));

    // once the operator names the controller and the supervisory authority, the PDF quotes them (no placeholders)
    const op = await login(ctx.app, (await buildUser(ctx.db, { isPlatformAdmin: true })).email);
    const notice = [
      '# Datenschutzerklärung',
      '',
      '## Verantwortliche Stelle',
      '',
      'Kommunale IT Musterland, Musterstraße 1, 80000 München',
      'E-Mail: [datenschutz@example.org]',
      '',
      '## Beschwerde bei der Aufsichtsbehörde',
      '',
      '**Der Bayerische Landesbeauftragte für den Datenschutz**, [Webseite](https://www.datenschutz-bayern.de)',
      '',
      '## Ihre Rechte',
      '',
      'Auskunft, Berichtigung, Löschung.',
    ].join('\n');
    expect((await op.put('/api/v1/legal/privacy', { version: 0, markdown: notice })).statusCode).toBe(200);
    const edited = await pdfText((await maria.get('/api/v1/privacy/me/export.pdf')).rawPayload);
    expect(edited).toContain('Kommunale IT Musterland, Musterstraße 1, 80000 München');
    expect(edited).toContain(
      'Der Bayerische Landesbeauftragte für den Datenschutz, Webseite (https://www.datenschutz-bayern.de)',
    );
    expect(edited).not.toContain('[datenschutz@example.org]');
    expect(edited).not.toContain('Auskunft, Berichtigung, Löschung.');
    expect(edited).not.toContain('für die Kommune zuständige Landesdatenschutzbehörde');
  });

  it('names downloads safely and reads the operator texts section by section', () => {
    const at = '2026-12-03T10:00:00.000Z';
    expect(accessRequestFileName('Maria Muster', at, 'pdf')).toBe('Auskunft-Maria-Muster-2026-12-03.pdf');
    expect(accessRequestFileName('  ../../etc/passwd  ', at, 'json')).toBe('Auskunft-etc-passwd-2026-12-03.json');
    expect(accessRequestFileName('"; filename=evil.exe', at, 'pdf')).toBe('Auskunft-filename-evil-exe-2026-12-03.pdf');
    expect(accessRequestFileName('✨', at, 'pdf')).toBe('Auskunft-Person-2026-12-03.pdf');
    // German time: late evening UTC on New Year's Eve is already the next day
    expect(accessRequestFileName('Jörg Groß', '2026-12-31T23:30:00Z', 'pdf')).toBe('Auskunft-Jörg-Groß-2027-01-01.pdf');
    expect(disposition('Auskunft-Jörg-Groß-2027-01-01.pdf')).toContain(
      'filename="Auskunft-Joerg-Gross-2027-01-01.pdf"',
    );
    const md = '# A\n\n## Verantwortliche Stelle\n\n- **Stadt X**\n- [Name]\n\n### Kontakt\n\nTel. 1\n\n## Rechte\n\nZ';
    expect(markdownSection(md, /Verantwortlich/)).toEqual(['Stadt X', 'Kontakt', 'Tel. 1']);
    expect(markdownSection(md, /Aufsicht/)).toEqual([]);
    const defaults =
      '## Verantwortliche Stelle\n\nVerantwortlich ist die Kommune. Die Plattform betreibt:\n\n[Name]\n[Anschrift]';
    expect(markdownSection(defaults, /Verantwortlich/)).toEqual(['Verantwortlich ist die Kommune.']);
  });
});
