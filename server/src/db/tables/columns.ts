import type { ColumnType } from 'kysely';

/** Column kinds shared by the table types: timestamps (Date in, Date or ISO text out) and JSON stored as text. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** JSON of no fixed shape (e.g. a settings value); prefer `JsonText<T>` where the shape is known. */
export type Json = ColumnType<unknown, string, string>;
/**
 * A jsonb column of a known shape: read as T (PGlite and node-postgres both parse jsonb), written as JSON text
 * (`JSON.stringify`, so arrays are never sent as PostgreSQL arrays). `Insert` adds `undefined` where the column has a
 * default, `null` where it is nullable.
 */
export type JsonText<T, Insert = string> = ColumnType<T, Insert, Exclude<Insert, undefined>>;
