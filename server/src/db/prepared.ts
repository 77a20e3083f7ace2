import { createHash } from 'node:crypto';
import { type PGlite, parse, protocol, type Results } from '@electric-sql/pglite';
import type pg from 'pg';

/** Prepared statements per connection at most (the server keeps a plan for each). */
export const MAX_PREPARED_PER_CONNECTION = 500;

/** Only plain data statements are prepared: never DDL, never multi-statement text. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/** The server rejects a prepared statement whose result columns changed (DDL since it was prepared). */
const CACHED_PLAN_CHANGED = '0A000';

type Query = (...args: unknown[]) => unknown;

/**
 * Names statement texts by their hash and sends each under its name, or unnamed when it is not a
 * parameterised data statement, is over the cap, or was refused after a schema change.
 */
function namedSender() {
  const names = new Map<string, string | null>();
  const nameOf = (text: string, params: unknown[]): string | null => {
    if (params.length === 0 || !PREPARABLE.test(text)) return null;
    const known = names.get(text);
    if (known !== undefined) return known;
    if (names.size >= MAX_PREPARED_PER_CONNECTION) return null;
    const name = `dz_${createHash('sha1').update(text).digest('base64url')}`;
    names.set(text, name);
    return name;
  };
  return async function send<R>(
    text: string,
    params: unknown[],
    named: (name: string) => Promise<R>,
    unnamed: () => Promise<R>,
  ): Promise<R> {
    const name = nameOf(text, params);
    if (!name) return unnamed();
    try {
      return await named(name);
    } catch (err) {
      if ((err as { code?: string } | null)?.code !== CACHED_PLAN_CHANGED) throw err;
      names.set(text, null); // from now on unnamed
      return unnamed();
    }
  };
}

/**
 * Named prepared statements on the PostgreSQL server for the parameterised data statements Kysely sends.
 * The server then parses and plans each statement text once per connection instead of once per request,
 * which is most of its work for the short lookups every request makes (session, scope, single rows);
 * measured in bench/results.md. Names are a hash of the text, so the same text always maps to the same
 * name; each connection prepares at most MAX_PREPARED_PER_CONNECTION texts and sends the rest unnamed.
 * A statement the server no longer accepts after a schema change is sent again unnamed.
 */
export function usePreparedStatements(pool: pg.Pool) {
  pool.on('connect', (client) => {
    const send = namedSender();
    const query = client.query.bind(client) as Query;
    const prepared: Query = (text, values, callback) => {
      if (typeof text !== 'string' || !Array.isArray(values) || callback !== undefined) {
        return query(text, values, callback);
      }
      return send(
        text,
        values,
        (name) => query({ name, text, values }) as Promise<pg.QueryResult>,
        () => query(text, values) as Promise<pg.QueryResult>,
      );
    };
    (client as unknown as { query: Query }).query = prepared;
  });
}

/**
 * The same for the embedded database: PGlite plans every statement in WebAssembly, and planning is most of
 * a short lookup's time there. Parameterised data statements are parsed once under their name (Parse,
 * Describe), then only bound and executed — the extended-protocol messages PGlite's own query() sends,
 * with a statement name. Results are parsed with PGlite's own parsers; everything else goes to query().
 * Callers serialise access (one connection, see pglitePool).
 */
export function pglitePreparedQuery(pgl: PGlite) {
  const sendNamed = namedSender();
  const paramTypes = new Map<string, number[]>();
  const { serialize } = protocol;
  const send = (message: Uint8Array) => pgl.execProtocolStream(message, { syncToFs: false });

  async function run(name: string, text: string, params: unknown[]): Promise<Results> {
    const messages = await pgl.runExclusive(async () => {
      const out: Awaited<ReturnType<typeof send>> = [];
      try {
        let types = paramTypes.get(name);
        if (!types) {
          await send(serialize.parse({ name, text, types: [] }));
          const described = await send(serialize.describe({ type: 'S', name }));
          const description = described.find((m) => m.name === 'parameterDescription') as
            | { dataTypeIDs: number[] }
            | undefined;
          types = description?.dataTypeIDs ?? [];
          paramTypes.set(name, types);
        }
        const values = params.map((v, i) => {
          if (v === null || v === undefined) return null;
          const serializer = pgl.serializers[types[i]!];
          return serializer ? serializer(v) : String(v);
        });
        out.push(...(await send(serialize.bind({ statement: name, values }))));
        out.push(...(await send(serialize.describe({ type: 'P' }))));
        out.push(...(await send(serialize.execute({}))));
      } finally {
        out.push(...(await send(serialize.sync())));
      }
      return out;
    });
    await pgl.syncToFs();
    return parse.parseResults(messages, pgl.parsers, { rowMode: 'object' })[0]!;
  }

  return (text: string, params: unknown[]): Promise<Results> =>
    sendNamed(
      text,
      params,
      (name) => run(name, text, params),
      () => pgl.query(text, params, { rowMode: 'object' }),
    );
}
