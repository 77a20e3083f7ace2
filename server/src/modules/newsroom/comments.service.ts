import { AppError } from '@dz/core';
import { writeAudit } from '../../lib/audit.js';
import { authorize } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { visiblePost } from './posts.service.js';

/**
 * Comments on posts are moderated: everyone sees the approved ones and their own (pending or rejected, so
 * nobody wonders where a comment went); the coordination decides on the pending ones.
 */
function commentsQuery(deps: Deps, scope: TenantScope) {
  return deps.db
    .selectFrom('newsComments as c')
    .leftJoin('users as u', 'u.id', 'c.authorId')
    .select(['c.id', 'c.body', 'c.status', 'c.createdAt', 'c.authorId', 'c.postId', 'u.name as author'])
    .where('c.municipalityId', '=', scope.municipalityId);
}
const present = (
  scope: TenantScope,
  c: {
    id: string;
    body: string;
    status: 'pending' | 'approved' | 'rejected';
    createdAt: Date;
    authorId: string | null;
    author: string | null;
  },
) => ({
  id: c.id,
  body: c.body,
  author: c.author,
  mine: c.authorId === scope.user.id,
  status: c.status,
  createdAt: iso(c.createdAt),
});

export async function listComments(deps: Deps, scope: TenantScope, postId: string) {
  await visiblePost(deps.db, scope, postId);
  const rows = await commentsQuery(deps, scope)
    .where('c.postId', '=', postId)
    .where((eb) => eb.or([eb('c.status', '=', 'approved'), eb('c.authorId', '=', scope.user.id)]))
    .orderBy('c.createdAt')
    .execute();
  return { items: rows.map((c) => present(scope, c)) };
}

export async function addComment(deps: Deps, scope: TenantScope, postId: string, body: string) {
  authorize(scope, 'newsroom', 'comment');
  const p = await visiblePost(deps.db, scope, postId);
  if (p.status !== 'published')
    throw new AppError('conflict', 'Kommentieren lassen sich nur veröffentlichte Nachrichten.');
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('newsComments')
      .values({ id, postId, municipalityId: scope.municipalityId, authorId: scope.user.id, body })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'news_comment',
      entityId: id,
      municipalityId: scope.municipalityId,
    });
  });
  return listComments(deps, scope, postId);
}

export async function pendingComments(deps: Deps, scope: TenantScope) {
  authorize(scope, 'newsroom', 'edit');
  const rows = await commentsQuery(deps, scope)
    .innerJoin('newsPosts as p', 'p.id', 'c.postId')
    .select('p.title as post')
    .where('c.status', '=', 'pending')
    .orderBy('c.createdAt')
    .limit(200)
    .execute();
  return { items: rows.map((c) => ({ ...present(scope, c), postId: c.postId, post: c.post })) };
}

export async function decideComment(
  deps: Deps,
  scope: TenantScope,
  postId: string,
  commentId: string,
  status: 'approved' | 'rejected',
) {
  authorize(scope, 'newsroom', 'edit');
  await deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('newsComments')
      .set({ status, decidedBy: scope.user.id, decidedAt: new Date() })
      .where('id', '=', commentId)
      .where('postId', '=', postId)
      .where('municipalityId', '=', scope.municipalityId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('not_found');
    await writeAudit(trx, scope, {
      action: status === 'approved' ? 'approve' : 'reject',
      entity: 'news_comment',
      entityId: commentId,
      municipalityId: scope.municipalityId,
    });
  });
  return pendingComments(deps, scope);
}
