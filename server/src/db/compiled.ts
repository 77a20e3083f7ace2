import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { DB } from './schema.js';

/** Stands for one value while a query is compiled; replaced by the request's value when it runs. */
class Slot {
  constructor(readonly key: string) {}
}

/**
 * A read statement built and compiled once per shape, then only bound and executed. Building a Kysely query,
 * running the camelCase plugin over its tree and compiling it were the largest share of the server's own CPU
 * per request on the one-statement read endpoints (profile in bench/results.md); the SQL text of a shape never
 * changes, so each request only swaps its values in.
 *
 * `build` receives stand-ins for the defined `values` (undefined ones are absent, so `if (v.x)` tells whether a
 * filter is present) and must use each only as a bound value (where, sql`${…}`, limit), never inspect it or
 * spread it into a list. The shape is `shape` plus which values are defined; `shape` (passed on to `build`)
 * names whatever else changes the SQL text (the sort, for instance).
 */
export function compiledQuery<V extends object, R>(build: (db: Kysely<DB>, values: V, shape: string) => Compilable<R>) {
  const compiled = new Map<string, CompiledQuery<R>>();
  return async function execute(db: Kysely<DB>, shape: string, values: V): Promise<R[]> {
    const given = values as Record<string, unknown>;
    const keys = Object.keys(given).filter((k) => given[k] !== undefined);
    const key = `${shape}|${keys.join(',')}`;
    let query = compiled.get(key);
    if (!query) {
      const slots = Object.fromEntries(keys.map((k) => [k, new Slot(k)])) as unknown as V;
      query = build(db, slots, shape).compile();
      compiled.set(key, query);
    }
    const parameters = query.parameters.map((p) => (p instanceof Slot ? given[p.key] : p));
    const { rows } = await db.executeQuery<R>({ ...query, parameters });
    return rows;
  };
}
