import { type Kysely, sql } from 'kysely';

/**
 * Names imported before the directory parsers wrote Destatis abbreviations out: "Altötting, St" →
 * "Altötting, Stadt", "Marktl, M" → "Marktl, Markt", "Dachau, GKSt" → "Dachau, Große Kreisstadt",
 * "Emmerting (VGem)" → "Emmerting (Verwaltungsgemeinschaft)", "…, gemfr. Gebiet" → "…, gemeindefreies Gebiet"
 * (the same rules as readableDirectoryName in core, frozen here as SQL).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const rewrite = (table: string) => `
UPDATE ${table} SET name = regexp_replace(name, ',\\s*St$', ', Stadt') WHERE name ~ ',\\s*St$';
UPDATE ${table} SET name = regexp_replace(name, ',\\s*M$', ', Markt') WHERE name ~ ',\\s*M$';
UPDATE ${table} SET name = regexp_replace(name, ',\\s*GKSt$', ', Große Kreisstadt') WHERE name ~ ',\\s*GKSt$';
UPDATE ${table} SET name = regexp_replace(name, '\\s*\\(VGem\\)$', ' (Verwaltungsgemeinschaft)') WHERE name ~ '\\(VGem\\)$';
UPDATE ${table} SET name = regexp_replace(name, ',\\s*gemfr\\.\\s*(Gebiet|Geb\\.)$', ', gemeindefreies Gebiet')
  WHERE name ~ ',\\s*gemfr\\.\\s*(Gebiet|Geb\\.)$';
UPDATE ${table} SET name = regexp_replace(name, ',\\s*gemfr\\.\\s*Bezirk$', ', gemeindefreier Bezirk')
  WHERE name ~ ',\\s*gemfr\\.\\s*Bezirk$';
`;
  for (const table of ['municipalities', 'administering_bodies', 'unincorporated_areas'])
    for (const stmt of rewrite(table)
      .split(/;\s*\n/)
      .map((s) => s.trim())
      .filter(Boolean))
      await sql.raw(stmt).execute(db);
}

/** The abbreviations are not restored: the written-out names are what the directory means. */
export async function down(_db: Kysely<unknown>): Promise<void> {}
