import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../lib/redact.js';
import { createMailer } from './mailer.js';

describe('mailer', () => {
  const received: { to: string[]; data: string }[] = [];
  let server: SMTPServer;
  let port = 0;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (c: Buffer) => {
          data += c.toString('utf8');
        });
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          cb();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends over SMTP when SMTP_URL is configured', async () => {
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'Digitalzirkel <dz@example.org>',
      dataDir: os.tmpdir(),
    });
    await mailer.send({
      to: 'kollegin@example.org',
      subject: 'Einladung zum Digitalzirkel',
      text: 'Guten Tag, bitte öffnen Sie den Link.',
    });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['kollegin@example.org']);
    expect(received[0]!.data).toContain('Subject: Einladung zum Digitalzirkel');
  });

  it('writes .eml files into DATA_DIR/outbox without SMTP', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-mail-'));
    const mailer = createMailer({ from: 'dz@example.org', dataDir: dir });
    await mailer.send({ to: 'a@example.org', subject: 'Test', text: 'Hallo' });
    const files = fs.readdirSync(path.join(dir, 'outbox'));
    expect(files).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'outbox', files[0]!), 'utf8')).toMatch(/^To: a@example.org/m);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps secret tokens out of logged URLs', () => {
    expect(redactUrl('/api/v1/auth/invitations/abcDEF123_-xyz')).toBe('/api/v1/auth/invitations/[redacted]');
    expect(redactUrl('/passwort-zuruecksetzen?token=geheim&x=1')).toBe('/passwort-zuruecksetzen?token=[redacted]&x=1');
  });
});
