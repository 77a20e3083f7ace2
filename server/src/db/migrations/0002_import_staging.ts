import { type Kysely, sql } from 'kysely';

/** Staging tables: an import writes parsed rows in small chunks, then applies them in one SQL transaction. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE import_rows (
    job_id uuid NOT NULL REFERENCES import_jobs(id),
    line integer NOT NULL,
    new_id uuid NOT NULL,
    ags char(8) NOT NULL,
    ars char(12) NOT NULL,
    name text NOT NULL,
    short_name text NOT NULL,
    land_code char(2) NOT NULL,
    kreis text,
    kreis_key char(5) NOT NULL,
    population integer NOT NULL,
    population_date date,
    area_km2 double precision,
    lat double precision,
    lon double precision,
    body_prefix char(9) NOT NULL,
    PRIMARY KEY (job_id, ags)
  )`.execute(db);
  await sql`CREATE TABLE import_bodies (
    job_id uuid NOT NULL REFERENCES import_jobs(id),
    new_id uuid NOT NULL,
    ars_prefix char(9) NOT NULL,
    name text NOT NULL,
    type text NOT NULL,
    PRIMARY KEY (job_id, ars_prefix)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE import_bodies`.execute(db);
  await sql`DROP TABLE import_rows`.execute(db);
}
