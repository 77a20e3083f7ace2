import { type Expression, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { StoredPaperContent } from '../../db/schema.js';

/**
 * Queries of the public OParl interface. There is no scope: everything here is anonymous and reaches
 * only decision papers whose content says `public: true` — the one rule is `isPublic` below, used by
 * every query (lists, single objects, organizations derived from the Beratungsfolge, files).
 */

/** Created/modified window of an OParl list request (`created_since` … `modified_until`). */
export interface Window {
  createdSince?: Date;
  createdUntil?: Date;
  modifiedSince?: Date;
  modifiedUntil?: Date;
}
export interface Page {
  offset: number;
  limit: number;
}

/**
 * The one visibility rule: a decision-paper version is public when its content says so — and once its PDF is
 * rendered (right after the version's commit), so the File's size and checksum are those of the bytes served.
 */
const isPublic = sql<SqlBool>`((d.content ->> 'public') = 'true' AND d.pdf IS NOT NULL)`;

function windowSql(created: Expression<unknown>, modified: Expression<unknown>, w: Window) {
  const parts = [sql`true`];
  if (w.createdSince) parts.push(sql`${created} >= ${w.createdSince}`);
  if (w.createdUntil) parts.push(sql`${created} <= ${w.createdUntil}`);
  if (w.modifiedSince) parts.push(sql`${modified} >= ${w.modifiedSince}`);
  if (w.modifiedUntil) parts.push(sql`${modified} <= ${w.modifiedUntil}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

export interface BodyRow {
  id: string;
  name: string;
  shortName: string;
  ags: string;
  ars: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const publicPaperOf = (municipalityId: Expression<unknown>) => sql<SqlBool>`exists (
  select 1 from decision_papers d join projects p on p.id = d.project_id
  where p.municipality_id = ${municipalityId} and ${isPublic})`;

function bodies(db: Database, w: Window) {
  return db
    .selectFrom('municipalities as m')
    .where(publicPaperOf(sql.ref('m.id')))
    .where(windowSql(sql.ref('m.createdAt'), sql.ref('m.updatedAt'), w));
}

/** Municipalities with at least one public decision paper (OParl bodies), by name. */
export async function listBodies(db: Database, w: Window, page: Page) {
  const [rows, total] = await Promise.all([
    bodies(db, w)
      .select(['m.id', 'm.name', 'm.shortName', 'm.ags', 'm.ars', 'm.createdAt', 'm.updatedAt'])
      .orderBy('m.name')
      .orderBy('m.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    bodies(db, w)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findBody(db: Database, id: string): Promise<BodyRow | undefined> {
  return bodies(db, {})
    .select(['m.id', 'm.name', 'm.shortName', 'm.ags', 'm.ars', 'm.createdAt', 'm.updatedAt'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export interface PaperRow {
  id: string;
  projectId: string;
  municipalityId: string;
  versionNo: number;
  content: StoredPaperContent;
  createdAt: Date;
  size: number;
  sha512: string;
}

function papers(db: Database) {
  return db
    .selectFrom('decisionPapers as d')
    .innerJoin('projects as p', 'p.id', 'd.projectId')
    .select([
      'd.id',
      'd.projectId',
      'p.municipalityId',
      'd.versionNo',
      'd.content',
      'd.createdAt',
      sql<number>`octet_length(d.pdf)`.as('size'),
      sql<string>`encode(sha512(d.pdf), 'hex')`.as('sha512'),
    ])
    .where(isPublic);
}

/** Public paper versions of one body, oldest first (a stable order for paging). */
export async function listPapers(db: Database, bodyId: string, w: Window, page: Page) {
  const win = windowSql(sql.ref('d.createdAt'), sql.ref('d.createdAt'), w);
  const [rows, total] = await Promise.all([
    papers(db)
      .where('p.municipalityId', '=', bodyId)
      .where(win)
      .orderBy('d.createdAt')
      .orderBy('d.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    db
      .selectFrom('decisionPapers as d')
      .innerJoin('projects as p', 'p.id', 'd.projectId')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(isPublic)
      .where('p.municipalityId', '=', bodyId)
      .where(win)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findPaper(db: Database, id: string): Promise<PaperRow | undefined> {
  return papers(db).where('d.id', '=', id).executeTakeFirst();
}

/** The other public versions of the same projects (OParl `relatedPaper`). */
export async function publicVersions(db: Database, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  return db
    .selectFrom('decisionPapers as d')
    .select(['d.id', 'd.projectId'])
    .where(isPublic)
    .where('d.projectId', 'in', projectIds)
    .orderBy('d.versionNo')
    .execute();
}

/** The PDF of a public paper version. */
export async function findPdf(db: Database, id: string) {
  return db
    .selectFrom('decisionPapers as d')
    .select(['d.pdf', 'd.content', 'd.versionNo'])
    .where('d.id', '=', id)
    .where(isPublic)
    .executeTakeFirst();
}

export interface OrganizationRow {
  name: string;
  created: Date;
  modified: Date;
}

/**
 * Committees and councils of a body: the distinct bodies named in the Beratungsfolge of its public
 * papers, first and last mention as created/modified.
 */
function organizations(bodyId: string, name?: string) {
  return sql`select c.value ->> 'body' as name, min(d.created_at) as created, max(d.created_at) as modified
    from decision_papers d
    join projects p on p.id = d.project_id
    cross join lateral jsonb_array_elements(d.content -> 'consultation') c
    where p.municipality_id = ${bodyId} and ${isPublic}
      ${name === undefined ? sql`` : sql`and c.value ->> 'body' = ${name}`}
    group by 1`;
}

export async function listOrganizations(db: Database, bodyId: string, w: Window, page: Page) {
  const win = windowSql(sql.ref('o.created'), sql.ref('o.modified'), w);
  const rows = await sql<OrganizationRow & { total: string }>`select o.*, count(*) over () as total
    from (${organizations(bodyId)}) o where ${win}
    order by o.name offset ${page.offset} limit ${page.limit}`.execute(db);
  let total = Number(rows.rows[0]?.total ?? 0);
  if (rows.rows.length === 0 && page.offset > 0) {
    const c = await sql<{ n: string }>`select count(*) as n from (${organizations(bodyId)}) o where ${win}`.execute(db);
    total = Number(c.rows[0]?.n ?? 0);
  }
  return { rows: rows.rows.map(({ total: _, ...o }) => o), total };
}

export async function findOrganization(db: Database, bodyId: string, name: string) {
  const r = await sql<OrganizationRow>`select * from (${organizations(bodyId, name)}) o`.execute(db);
  return r.rows[0];
}
