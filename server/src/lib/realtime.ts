import type { PGlite } from '@electric-sql/pglite';
import type { FastifyBaseLogger } from 'fastify';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { DB } from '../db/schema.js';

/**
 * Subscribes to a PostgreSQL notification channel; resolves to an unsubscribe function. `onState` hears when
 * the listening connection is lost (false: notifications may be missed from now on) and back (true); caches
 * kept exact by notifications (the scope cache) stop trusting themselves in between.
 */
export type Listen = (
  channel: string,
  onMessage: (payload: string) => void,
  onState?: (listening: boolean) => void,
) => Promise<() => Promise<void>>;

/** One channel for all live updates; the payload names the topic (e.g. a workshop id). */
export const LIVE_CHANNEL = 'dz_live';

/**
 * Publishes a live update through the database (pg_notify). Inside a transaction it is delivered
 * on commit, to every app instance listening on the same database — so several processes behind a
 * load balancer all see it.
 */
export async function publishLive(db: Kysely<DB>, topic: string): Promise<void> {
  await sql`SELECT pg_notify(${LIVE_CHANNEL}, ${topic})`.execute(db);
}

/** LISTEN on the embedded database. */
export function pgliteListen(pgl: PGlite): Listen {
  return async (channel, onMessage) => {
    const unsubscribe = await pgl.listen(channel, onMessage);
    return async () => unsubscribe();
  };
}

/** LISTEN on a PostgreSQL server over a dedicated connection that reconnects when it drops. */
export function postgresListen(url: string, log?: FastifyBaseLogger): Listen {
  return async (channel, onMessage, onState) => {
    let client: pg.Client | null = null;
    let stopped = false;
    const connect = async (): Promise<void> => {
      const c = new pg.Client({ connectionString: url });
      c.on('notification', (m) => {
        if (m.channel === channel) onMessage(m.payload ?? '');
      });
      c.on('error', (err) => log?.warn({ err }, 'live listener connection error'));
      c.on('end', () => {
        if (stopped) return;
        onState?.(false);
        setTimeout(() => void connect().catch((err) => log?.error({ err }, 'live listener reconnect failed')), 1000);
      });
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      client = c;
      onState?.(true);
    };
    await connect();
    return async () => {
      stopped = true;
      await client?.end();
    };
  };
}

/** In-process fan-out of database notifications to the open event streams of this instance. */
export class LiveHub {
  private subs = new Map<string, Set<() => void>>();
  private held = new Map<string, number>();
  private stop: (() => Promise<void>) | null = null;

  constructor(private readonly listen: Listen) {}

  async start(): Promise<void> {
    this.stop = await this.listen(LIVE_CHANNEL, (topic) => {
      for (const fn of this.subs.get(topic) ?? []) fn();
    });
  }

  subscribe(topic: string, fn: () => void): () => void {
    let set = this.subs.get(topic);
    if (!set) {
      set = new Set();
      this.subs.set(topic, set);
    }
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0) this.subs.delete(topic);
    };
  }

  /**
   * Reserves one of `max` concurrent streams for `holder` on this instance; null when all are taken.
   * The returned release may be called more than once (only the first call counts).
   */
  acquire(holder: string, max: number): (() => void) | null {
    const n = this.held.get(holder) ?? 0;
    if (n >= max) return null;
    this.held.set(holder, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.held.get(holder) ?? 1) - 1;
      if (left > 0) this.held.set(holder, left);
      else this.held.delete(holder);
    };
  }

  /** Open streams (for /metrics and tests). */
  size(): number {
    let n = 0;
    for (const s of this.subs.values()) n += s.size;
    return n;
  }

  async close(): Promise<void> {
    await this.stop?.();
    this.stop = null;
  }
}
