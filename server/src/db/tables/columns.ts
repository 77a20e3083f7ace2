import type { ColumnType } from 'kysely';

/** Column kinds shared by the table types: timestamps (Date in, Date or ISO text out) and JSON stored as text. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json = ColumnType<unknown, string, string>;
