import type { FastifyBaseLogger } from 'fastify';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { Mailer } from '../jobs/mailer.js';
import type { Detached } from '../lib/detached.js';
import { newId } from '../lib/ids.js';
import type { Composed } from './templates.js';

/** Attempts before a mail counts as failed; waits grow 30 s, 1 min, 2 min, 4 min between them. */
export const MAX_ATTEMPTS = 5;
const BATCH = 20;
/** A mail claimed by an instance that died while sending is claimed again after this long. */
const STALE_CLAIM = "interval '10 minutes'";

type Db = Database | Transaction<DB>;

/**
 * The mail outbox: services queue mails in the transaction of the change they report (so a rolled-back
 * change sends nothing, and a committed one is never lost), the delivery job sends them afterwards with
 * retries. Several app instances share the table: each claims its rows with SKIP LOCKED.
 */
export class MailOutbox {
  private due = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly mailer: Mailer,
    private readonly detached: Detached,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Writes a mail into the outbox with `db` — the transaction of the change it reports, where there is one. */
  async queue(db: Db, to: string, mail: Composed, municipalityId: string | null = null): Promise<void> {
    await db
      .insertInto('mailOutbox')
      .values({
        id: newId(),
        municipalityId,
        template: mail.template,
        recipient: to,
        subject: mail.subject,
        body: mail.text,
      })
      .execute();
    this.due = true;
  }

  /** A failed mail was put back: deliver it after this answer. */
  requeued(): void {
    this.due = true;
  }

  /** After an answer: deliver what the request queued (a no-op when it queued nothing). */
  kick(): void {
    if (!this.due) return;
    this.due = false;
    this.detached.run('mail delivery', () => this.drain());
  }

  /** Sends every due mail; resolves when none is left (one run at a time per instance). */
  drain(): Promise<void> {
    this.running ??= this.deliver().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Polls for due mails (retries, mails queued by other instances) until stopped. */
  start(everyMs = 5_000): void {
    this.timer = setInterval(() => {
      this.drain().catch((err) => this.log.error({ err }, 'mail delivery failed'));
    }, everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async deliver(): Promise<void> {
    for (;;) {
      const batch = await this.claim();
      if (!batch.length) return;
      for (const m of batch) {
        try {
          await this.mailer.send({ to: m.recipient, subject: m.subject, text: m.body });
          await this.db
            .updateTable('mailOutbox')
            .set({ status: 'sent', sentAt: new Date(), claimedAt: null, lastError: null })
            .where('id', '=', m.id)
            .execute();
        } catch (err) {
          const failed = m.attempts >= MAX_ATTEMPTS;
          this.log.warn({ err, template: m.template, attempt: m.attempts }, 'mail not delivered');
          await this.db
            .updateTable('mailOutbox')
            .set({
              status: failed ? 'failed' : 'pending',
              claimedAt: null,
              lastError: String((err as Error)?.message ?? err).slice(0, 500),
              nextAttemptAt: new Date(Date.now() + 30_000 * 2 ** (m.attempts - 1)),
            })
            .where('id', '=', m.id)
            .execute();
        }
      }
    }
  }

  /** Claims due mails for this instance (and counts the attempt) in one statement. */
  private async claim() {
    const rows = await sql<{
      id: string;
      template: string;
      recipient: string;
      subject: string;
      body: string;
      attempts: number;
    }>`
      UPDATE mail_outbox SET status = 'sending', claimed_at = now(), attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM mail_outbox
        WHERE (status = 'pending' AND next_attempt_at <= now())
           OR (status = 'sending' AND claimed_at < now() - ${sql.raw(STALE_CLAIM)})
        ORDER BY created_at LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, template, recipient, subject, body, attempts`.execute(this.db);
    return rows.rows;
  }
}
