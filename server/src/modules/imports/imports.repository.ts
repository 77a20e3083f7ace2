import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB, ImportBodies, ImportRows } from '../../db/schema.js';

type Q = Database | Transaction<DB>;

/**
 * Set-based SQL for applying a staged directory import. The municipality directory is platform
 * data (not tenant data), so these queries take no scope; the service checks the platform role.
 */
export const importsRepository = {
  async stageRows(db: Q, rows: ImportRows[]) {
    if (rows.length) await db.insertInto('importRows').values(rows).execute();
  },
  async stageBodies(db: Q, rows: ImportBodies[]) {
    if (rows.length) await db.insertInto('importBodies').values(rows).execute();
  },
  async upsertBodies(trx: Q, jobId: string) {
    await sql`
      INSERT INTO administering_bodies (id, ars_prefix, name, type)
      SELECT new_id, ars_prefix, name, type FROM import_bodies WHERE job_id = ${jobId}
      ON CONFLICT (ars_prefix) DO UPDATE SET name = excluded.name, type = excluded.type, updated_at = now()
      WHERE administering_bodies.name <> excluded.name OR administering_bodies.type <> excluded.type`.execute(trx);
  },
  async renamed(trx: Q, jobId: string) {
    const r = await sql<{ ags: string; from: string; to: string }>`
      SELECT m.ags, m.name AS "from", r.name AS "to"
      FROM municipalities m JOIN import_rows r ON r.ags = m.ags AND r.job_id = ${jobId}
      WHERE m.name <> r.name ORDER BY m.ags LIMIT 1000`.execute(trx);
    return r.rows;
  },
  /**
   * Likely successors of AGS that vanish: in the same Kreis, new in this file or grown in area by more
   * than 0.5 km² (a merger adds the dissolved municipality's territory). Must run before the update.
   */
  async mergeCandidates(trx: Q, jobId: string) {
    const r = await sql<{ kreisKey: string; ags: string; name: string }>`
      SELECT r.kreis_key AS "kreisKey", r.ags, r.name FROM import_rows r
      LEFT JOIN municipalities m ON m.ags = r.ags
      WHERE r.job_id = ${jobId} AND (m.id IS NULL OR r.area_km2 > coalesce(m.area_km2, 0) + 0.5)
        AND r.kreis_key IN (
          SELECT m2.kreis_key FROM municipalities m2
          WHERE m2.in_directory AND NOT EXISTS (SELECT 1 FROM import_rows r2 WHERE r2.job_id = ${jobId} AND r2.ags = m2.ags))
      ORDER BY r.ags`.execute(trx);
    return r.rows;
  },
  /** Updates rows whose data differ; GV100AD has no coordinates, so existing ones are kept. */
  async updateChanged(trx: Q, jobId: string, source: string) {
    const r = await sql<{ id: string }>`
      UPDATE municipalities m SET
        ars = x.ars, name = x.name, short_name = x.short_name, kreis = coalesce(x.kreis, m.kreis),
        population = x.population, population_date = x.population_date, area_km2 = x.area_km2,
        lat = coalesce(x.lat, m.lat), lon = coalesce(x.lon, m.lon), administering_body_id = x.body_id,
        in_directory = true, source = ${source}, version = m.version + 1, updated_at = now()
      FROM (
        SELECT r.*, ab.id AS body_id FROM import_rows r
        LEFT JOIN administering_bodies ab ON ab.ars_prefix = r.body_prefix
        WHERE r.job_id = ${jobId}
      ) x
      WHERE m.ags = x.ags AND (
        NOT m.in_directory
        OR m.ars IS DISTINCT FROM x.ars OR m.name <> x.name OR m.kreis IS DISTINCT FROM coalesce(x.kreis, m.kreis)
        OR m.population <> x.population OR m.population_date IS DISTINCT FROM x.population_date
        OR m.area_km2 IS DISTINCT FROM x.area_km2
        OR m.lat IS DISTINCT FROM coalesce(x.lat, m.lat) OR m.lon IS DISTINCT FROM coalesce(x.lon, m.lon)
        OR m.administering_body_id IS DISTINCT FROM x.body_id)
      RETURNING m.id`.execute(trx);
    return r.rows.length;
  },
  async insertNew(trx: Q, jobId: string, source: string) {
    const r = await sql<{ id: string }>`
      INSERT INTO municipalities (id, ags, ars, name, short_name, land_code, kreis, kreis_key, population,
        population_date, area_km2, lat, lon, administering_body_id, source)
      SELECT r.new_id, r.ags, r.ars, r.name, r.short_name, r.land_code, r.kreis, r.kreis_key, r.population,
        r.population_date, r.area_km2, r.lat, r.lon, ab.id, ${source}
      FROM import_rows r LEFT JOIN administering_bodies ab ON ab.ars_prefix = r.body_prefix
      WHERE r.job_id = ${jobId} AND NOT EXISTS (SELECT 1 FROM municipalities m WHERE m.ags = r.ags)
      RETURNING id`.execute(trx);
    return r.rows.length;
  },
  /** AGS missing from the file (merged or dissolved): flagged, never deleted. */
  async flagVanished(trx: Q, jobId: string) {
    const r = await sql<{ ags: string; name: string; kreisKey: string }>`
      UPDATE municipalities m SET in_directory = false, version = m.version + 1, updated_at = now()
      WHERE m.in_directory AND NOT EXISTS (SELECT 1 FROM import_rows r WHERE r.job_id = ${jobId} AND r.ags = m.ags)
      RETURNING m.ags, m.name, m.kreis_key AS "kreisKey"`.execute(trx);
    return r.rows.sort((a, b) => a.ags.localeCompare(b.ags));
  },
  async clearStaging(db: Q, jobId: string) {
    await db.deleteFrom('importRows').where('jobId', '=', jobId).execute();
    await db.deleteFrom('importBodies').where('jobId', '=', jobId).execute();
  },
};
