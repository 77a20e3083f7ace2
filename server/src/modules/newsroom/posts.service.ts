import {
  AppError,
  DRAFT_PLACEHOLDER,
  fieldError,
  may,
  type newsCreate,
  type newsQuery,
  type newsUpdate,
} from '@dz/core';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import { renderMarkdown } from '../../lib/markdown.js';
import type { TenantScope } from '../../lib/scope.js';
import type { Upload } from '../../lib/upload.js';
import { assertVersion } from '../../lib/versioning.js';
import { type Db, readableBy } from './newsroom.access.js';

type PostInput = z.infer<typeof newsCreate>;

/** Posts of my municipality with their counts; the image bytes stay in the table. */
function postsQuery(db: Db, scope: TenantScope) {
  return db
    .selectFrom('newsPosts as p')
    .select((eb) => [
      'p.id',
      'p.version',
      'p.title',
      'p.body',
      'p.status',
      'p.audience',
      'p.publishOn',
      'p.publishedAt',
      'p.sourceKind',
      'p.sourcePath',
      'p.imageAlt',
      'p.createdAt',
      eb('p.imageType', 'is not', null).as('hasImage'),
      eb
        .selectFrom('newsHelpful as h')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('h.postId', '=', 'p.id')
        .as('helpful'),
      eb
        .exists(
          eb
            .selectFrom('newsHelpful as h')
            .select('h.postId')
            .whereRef('h.postId', '=', 'p.id')
            .where('h.userId', '=', scope.user.id),
        )
        .as('helpfulByMe'),
      eb
        .selectFrom('newsComments as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.postId', '=', 'p.id')
        .where('c.status', '=', 'approved')
        .as('comments'),
      sql<{ id: string; name: string }[]>`coalesce((
        select json_agg(json_build_object('id', d.id, 'name', d.name) order by d.name)
        from news_post_departments pd join departments d on d.id = pd.department_id
        where pd.post_id = p.id), '[]'::json)`.as('departments'),
    ])
    .where('p.municipalityId', '=', scope.municipalityId);
}
type Row = Awaited<ReturnType<ReturnType<typeof postsQuery>['executeTakeFirstOrThrow']>>;

const present = (r: Row) => ({
  id: r.id,
  version: r.version,
  title: r.title,
  body: r.body,
  html: renderMarkdown(r.body),
  status: r.status,
  audience: r.audience,
  departmentIds: r.departments.map((d) => d.id),
  departments: r.departments.map((d) => d.name),
  publishOn: r.publishOn,
  publishedAt: r.publishedAt ? iso(r.publishedAt) : null,
  source: r.sourceKind,
  sourcePath: r.sourcePath,
  hasImage: Boolean(r.hasImage),
  imageAlt: r.imageAlt,
  helpful: Number(r.helpful ?? 0),
  helpfulByMe: Boolean(r.helpfulByMe),
  comments: Number(r.comments ?? 0),
  createdAt: iso(r.createdAt),
});

/**
 * Staff read what is published for them (all staff, or their department) from its publish date on; the
 * coordination reads every state — drafts waiting for it, published and discarded posts.
 */
export async function listPosts(deps: Deps, scope: TenantScope, q: z.infer<typeof newsQuery>, limit = 50) {
  const editor = may(scope, 'newsroom', 'edit');
  if (q.status !== 'published' && !editor) authorize(scope, 'newsroom', 'edit');
  const rows = await postsQuery(deps.db, scope)
    .where((eb) => (editor ? eb('p.status', '=', q.status) : readableBy(eb, eb.val(scope.user.id))))
    .orderBy(q.status === 'published' ? 'p.publishedAt' : 'p.createdAt', 'desc')
    .limit(limit)
    .execute();
  return { items: rows.map(present), can: presentCan(scope, 'newsroom') };
}

/** A post I may read (anything else: 404). */
export async function visiblePost(db: Db, scope: TenantScope, id: string) {
  const editor = may(scope, 'newsroom', 'edit');
  const row = await postsQuery(db, scope)
    .where('p.id', '=', id)
    .$if(!editor, (qb) => qb.where((eb) => readableBy(eb, eb.val(scope.user.id)) as Expression<SqlBool>))
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getPost(deps: Deps, scope: TenantScope, id: string) {
  return present(await visiblePost(deps.db, scope, id));
}

async function checkDepartments(db: Db, scope: TenantScope, input: PostInput) {
  if (input.audience !== 'departments') return [];
  const ids = [...new Set(input.departmentIds)];
  if (!ids.length)
    throw fieldError(
      'body.departmentIds',
      'too_small',
      'Wählen Sie mindestens einen Fachbereich, der die Nachricht sieht.',
    );
  const found = await db
    .selectFrom('departments')
    .select('id')
    .where('municipalityId', '=', scope.municipalityId)
    .where('id', 'in', ids)
    .execute();
  if (found.length !== ids.length)
    throw fieldError('body.departmentIds', 'unknown_department', 'Diesen Fachbereich gibt es in Ihrer Kommune nicht.');
  return ids;
}

async function setDepartments(db: Db, postId: string, ids: string[]) {
  await db.deleteFrom('newsPostDepartments').where('postId', '=', postId).execute();
  if (ids.length)
    await db
      .insertInto('newsPostDepartments')
      .values(ids.map((departmentId) => ({ postId, departmentId })))
      .execute();
}

export async function createPost(deps: Deps, scope: TenantScope, input: PostInput) {
  authorize(scope, 'newsroom', 'edit');
  const departments = await checkDepartments(deps.db, scope, input);
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('newsPosts')
      .values({
        id,
        municipalityId: scope.municipalityId,
        title: input.title,
        body: input.body,
        audience: input.audience,
        publishOn: input.publishOn,
        imageAlt: input.imageAlt,
        createdBy: scope.user.id,
      })
      .execute();
    await setDepartments(trx, id, departments);
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'news_post',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: { title: input.title },
    });
  });
  return getPost(deps, scope, id);
}

/** Locks the post for a write by the coordination; a stale version is a 409 with the current state. */
async function lockPost(trx: Db, scope: TenantScope, id: string, version: number) {
  authorize(scope, 'newsroom', 'edit');
  const p = await trx
    .selectFrom('newsPosts')
    .select(['id', 'version', 'title', 'status', 'body'])
    .where('id', '=', id)
    .where('municipalityId', '=', scope.municipalityId)
    .forUpdate()
    .executeTakeFirst();
  if (!p) throw new AppError('not_found');
  assertVersion(p, version, { title: p.title, status: p.status, version: p.version });
  return p;
}

export async function updatePost(deps: Deps, scope: TenantScope, id: string, input: z.infer<typeof newsUpdate>) {
  const { version, ...rest } = input;
  const departments = await checkDepartments(deps.db, scope, rest);
  await deps.db.transaction().execute(async (trx) => {
    const p = await lockPost(trx, scope, id, version);
    await trx
      .updateTable('newsPosts')
      .set({
        title: rest.title,
        body: rest.body,
        audience: rest.audience,
        publishOn: rest.publishOn,
        imageAlt: rest.imageAlt,
        version: p.version + 1,
        updatedAt: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await setDepartments(trx, id, departments);
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'news_post',
      entityId: id,
      municipalityId: scope.municipalityId,
      before: { title: p.title },
      after: { title: rest.title },
    });
  });
  return getPost(deps, scope, id);
}

/** Publishes a draft (or brings a discarded one back as published) or discards it. */
export async function decidePost(
  deps: Deps,
  scope: TenantScope,
  id: string,
  version: number,
  status: 'published' | 'discarded',
) {
  await deps.db.transaction().execute(async (trx) => {
    const p = await lockPost(trx, scope, id, version);
    // a draft that wrote itself still holding its placeholder would tell all staff "Ergänzen Sie hier …"
    if (status === 'published' && p.body.includes(DRAFT_PLACEHOLDER))
      throw new AppError(
        'conflict',
        `Der Text enthält noch den Platzhalter „${DRAFT_PLACEHOLDER} …“. Bearbeiten Sie ihn, bevor Sie veröffentlichen.`,
      );
    if (p.status === status)
      throw new AppError(
        'conflict',
        status === 'published' ? 'Die Nachricht ist bereits veröffentlicht.' : 'Die Nachricht ist bereits verworfen.',
      );
    await trx
      .updateTable('newsPosts')
      .set({
        status,
        version: p.version + 1,
        updatedAt: new Date(),
        ...(status === 'published' && { publishedAt: new Date(), publishedBy: scope.user.id }),
      })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope, {
      action: status === 'published' ? 'publish' : 'discard',
      entity: 'news_post',
      entityId: id,
      municipalityId: scope.municipalityId,
      before: { status: p.status },
      after: { status },
    });
  });
  return getPost(deps, scope, id);
}

/** A post of my municipality the coordination may change (else 404, or 403 for those who only read). */
export async function editablePost(deps: Deps, scope: TenantScope, id: string) {
  const p = await visiblePost(deps.db, scope, id);
  authorize(scope, 'newsroom', 'edit');
  return p;
}

export const NEWS_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);
export const MAX_NEWS_IMAGE_BYTES = 5 * 1024 * 1024;

export async function setImage(deps: Deps, scope: TenantScope, id: string, file: Upload) {
  authorize(scope, 'newsroom', 'edit');
  if (!NEWS_IMAGE_TYPES.has(file.contentType))
    throw fieldError('body.file', 'unsupported_type', 'Bitte laden Sie ein Bild (PNG, JPEG, WebP oder GIF) hoch.');
  const r = await deps.db
    .updateTable('newsPosts')
    .set({ image: file.content, imageType: file.contentType, updatedAt: new Date() })
    .where('id', '=', id)
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new AppError('not_found');
  return getPost(deps, scope, id);
}

export async function getImage(deps: Deps, scope: TenantScope, id: string) {
  await visiblePost(deps.db, scope, id);
  const img = await deps.db
    .selectFrom('newsPosts')
    .select(['image', 'imageType'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (!img.image || !img.imageType) throw new AppError('not_found');
  return { fileName: `nachricht-${id}.${img.imageType.split('/')[1]}`, contentType: img.imageType, content: img.image };
}

export async function markHelpful(deps: Deps, scope: TenantScope, id: string, helpful: boolean) {
  const p = await visiblePost(deps.db, scope, id);
  if (p.status !== 'published') throw new AppError('conflict', 'Nur veröffentlichte Nachrichten lassen sich bewerten.');
  if (helpful)
    await deps.db
      .insertInto('newsHelpful')
      .values({ postId: id, userId: scope.user.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
  else await deps.db.deleteFrom('newsHelpful').where('postId', '=', id).where('userId', '=', scope.user.id).execute();
  return getPost(deps, scope, id);
}

export async function digestSetting(deps: Deps, scope: TenantScope) {
  const m = await deps.db
    .selectFrom('memberships')
    .select('newsDigest')
    .where('userId', '=', scope.user.id)
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirstOrThrow();
  return { weekly: m.newsDigest };
}

/** Each person switches their own weekly digest on or off (per municipality they work for). */
export async function setDigest(deps: Deps, scope: TenantScope, weekly: boolean) {
  await deps.db
    .updateTable('memberships')
    .set({ newsDigest: weekly })
    .where('userId', '=', scope.user.id)
    .where('municipalityId', '=', scope.municipalityId)
    .execute();
  return { weekly };
}
