import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { MailOutbox } from '../mail/outbox.js';
import type { Detached } from './detached.js';
import type { LiveHub } from './realtime.js';

/** What services need besides the scope: injected once by buildApp. */
export interface Deps {
  db: Database;
  config: Config;
  log: FastifyBaseLogger;
  /** Live updates (workshops) fanned out through PostgreSQL notifications. */
  live: LiveHub;
  /** Work done after the answer is sent (its timing must not tell the client anything). */
  detached: Detached;
  /** Mails: queued in the transaction of the change they report, sent by the delivery job (mail/outbox.ts). */
  outbox: MailOutbox;
}
