import { type Kysely, sql } from 'kysely';
import { searchExtra } from '../guides.text.js';
import { STARTER_GUIDES } from './articles.js';
import { STARTER_FILES } from './documents.js';

/**
 * Writes the platform's starter guides (platform-wide, version 1 with its change note) and generates their files.
 * Idempotent by starter key: a guide already there is left as it is (the platform administration may have edited it).
 */
export async function seedStarterGuides(db: Kysely<unknown>): Promise<void> {
  for (const g of STARTER_GUIDES) {
    const files = await Promise.all((g.files ?? []).map((f) => STARTER_FILES[f]()));
    const items = g.items ?? [];
    const extra = searchExtra(items, files);
    const inserted = await sql<{ id: string }>`
      INSERT INTO guides (id, starter_key, kind, title, summary, body, items, modules, phases, search_extra)
      VALUES (gen_random_uuid(), ${g.key}, ${g.kind}, ${g.title}, ${g.summary}, ${g.body}, ${JSON.stringify(items)}::jsonb,
        ${JSON.stringify(g.modules)}::jsonb, ${JSON.stringify(g.phases)}::jsonb, ${extra})
      ON CONFLICT (starter_key) DO NOTHING RETURNING id`.execute(db);
    const id = inserted.rows[0]?.id;
    if (!id) continue;
    for (const f of files)
      await sql`INSERT INTO guide_files (id, guide_id, file_name, content_type, content, size)
        VALUES (gen_random_uuid(), ${id}, ${f.fileName}, ${f.contentType}, ${f.content}, ${f.content.length})`.execute(
        db,
      );
    await sql`INSERT INTO guide_versions (guide_id, version, title, summary, body, items, modules, phases, files, change_note)
      VALUES (${id}, 1, ${g.title}, ${g.summary}, ${g.body}, ${JSON.stringify(items)}::jsonb, ${JSON.stringify(g.modules)}::jsonb,
        ${JSON.stringify(g.phases)}::jsonb, ${JSON.stringify(files.map((f) => f.fileName))}::jsonb,
        'Erstfassung der Plattform (Startinhalte)')`.execute(db);
  }
}
