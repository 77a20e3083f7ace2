import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { Listen } from '../lib/realtime.js';
import type { Scope } from '../lib/scope.js';

/** Channel of the triggers of migration 0025: payload `<kind>:<id>:<schema>`. */
export const SCOPE_CHANNEL = 'dz_scope';

/** A loaded scope with what it was read from (the keys notifications name) and the session's expiry. */
export interface ScopeEntry {
  scope: Scope;
  /** The session's active municipality, even without a role there (its networks are part of the scope). */
  activeMunicipalityId: string | null;
  expiresAt: Date;
}

interface Cached extends ScopeEntry {
  cachedAt: number;
}

export interface ScopeCacheOptions {
  /** Entries kept at most; the least recently used go first. */
  max?: number;
  /** Safety net only: notifications keep entries exact, this bounds the damage of a lost one. */
  ttlMs?: number;
}

/**
 * Scopes by session token hash (never the raw token), so an authenticated request needs no database round trip.
 * Exactness comes from invalidation, not from the TTL (ADR 0006):
 * - database triggers notify every instance of each committed change to sessions, users, memberships, network
 *   members and moderators;
 * - the own instance also clears everything when a write request ends (before its answer is sent), so its next
 *   request is exact even before the notification has arrived;
 * - a load that overlapped any invalidation is not stored (generation counter), so a scope read just before a
 *   commit cannot outlive the notification of that commit;
 * - while the listening connection is down nothing is served from or stored in the cache.
 */
export class ScopeCache {
  private readonly entries = new Map<string, Cached>();
  private readonly max: number;
  private readonly ttlMs: number;
  private generation = 0;
  private listening = false;
  private schema = '';
  private stop: (() => Promise<void>) | null = null;
  private readonly fences = new Map<string, () => void>();

  constructor(
    private readonly listen: Listen,
    opts: ScopeCacheOptions = {},
  ) {
    this.max = opts.max ?? 10_000;
    this.ttlMs = opts.ttlMs ?? 60_000;
  }

  async start(db: Database): Promise<void> {
    const r = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
    this.schema = r.rows[0]?.schema ?? 'public';
    this.stop = await this.listen(
      SCOPE_CHANNEL,
      (payload) => this.onNotification(payload),
      (up) => {
        // notifications may have been missed while the connection was down: forget everything either way
        this.listening = up;
        this.clear();
      },
    );
    this.listening = true;
  }

  async close(): Promise<void> {
    this.listening = false;
    this.clear();
    await this.stop?.();
    this.stop = null;
  }

  /** The cached scope of a session, unless it expired, is older than the TTL or the cache is not listening. */
  get(tokenHash: string, now = Date.now()): Cached | null {
    if (!this.listening) return null;
    const e = this.entries.get(tokenHash);
    if (!e) return null;
    if (e.expiresAt.getTime() <= now || e.cachedAt + this.ttlMs <= now) {
      this.entries.delete(tokenHash);
      return null;
    }
    // least recently used first: a hit moves the entry to the end of the insertion order
    this.entries.delete(tokenHash);
    this.entries.set(tokenHash, e);
    return e;
  }

  /** Call before loading from the database; pass the result to `set`. */
  begin(): number {
    return this.generation;
  }

  /** Stores a loaded scope unless an invalidation arrived since `begin` (the load may predate that commit). */
  set(tokenHash: string, entry: ScopeEntry, generation: number): void {
    if (!this.listening || generation !== this.generation) return;
    this.entries.delete(tokenHash);
    while (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(tokenHash, { ...entry, cachedAt: Date.now() });
  }

  /** After the sliding-expiry update of the session was written. */
  touch(tokenHash: string, lastSeenAt: Date, expiresAt: Date): void {
    const e = this.entries.get(tokenHash);
    if (!e) return;
    e.scope = { ...e.scope, lastSeenAt };
    e.expiresAt = expiresAt;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  size(): number {
    return this.entries.size;
  }

  /**
   * Resolves once every invalidation committed before the call has been applied here: it sends a fence through
   * the same channel and waits for it, since PostgreSQL delivers notifications in commit order. For tests of
   * several instances (a change through A, then B's next request) and anything that must read its writes
   * across instances.
   */
  async sync(db: Database): Promise<void> {
    const nonce = randomUUID();
    const arrived = new Promise<void>((resolve) => this.fences.set(nonce, resolve));
    await sql`SELECT pg_notify(${SCOPE_CHANNEL}, ${`fence:${nonce}:${this.schema}`})`.execute(db);
    await arrived;
  }

  private onNotification(payload: string): void {
    const first = payload.indexOf(':');
    const second = payload.indexOf(':', first + 1);
    if (first < 0 || second < 0) {
      this.clear();
      return;
    }
    const kind = payload.slice(0, first);
    const id = payload.slice(first + 1, second);
    if (payload.slice(second + 1) !== this.schema) return;
    if (kind === 'fence') {
      this.fences.get(id)?.();
      this.fences.delete(id);
      return;
    }
    this.generation++;
    if (kind === 'session') this.drop((e) => e.scope.sessionId === id);
    else if (kind === 'user') this.drop((e) => e.scope.user.id === id);
    else if (kind === 'municipality') this.drop((e) => e.activeMunicipalityId === id);
    // 'all' and anything unknown: correctness first
    else this.entries.clear();
  }

  private drop(match: (e: Cached) => boolean): void {
    for (const [key, e] of this.entries) if (match(e)) this.entries.delete(key);
  }
}
