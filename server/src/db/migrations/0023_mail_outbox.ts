import { type Kysely, sql } from 'kysely';

/**
 * Mails leave the request: they are written here in the transaction of the change they report and sent
 * by the delivery job (jobs/mail-outbox.ts) with retries; what could not be sent stays visible as failed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE mail_outbox (
      id uuid PRIMARY KEY,
      municipality_id uuid REFERENCES municipalities(id) ON DELETE CASCADE,
      template text NOT NULL,
      recipient text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      claimed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status IN ('pending', 'sending')`.execute(
    db,
  );
  await sql`CREATE INDEX mail_outbox_failed ON mail_outbox (municipality_id, created_at) WHERE status = 'failed'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE mail_outbox`.execute(db);
}
