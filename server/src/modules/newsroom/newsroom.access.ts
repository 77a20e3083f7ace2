import type { Expression, ExpressionBuilder, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../lib/deps.js';

export type Db = Deps['db'] | Transaction<DB>;

/**
 * Who reads a post: it is published, its publish date has come, and it is addressed to all staff or to the
 * department the reader works in (their membership's department in the post's municipality). `reader` is the
 * reader's user id — a value (the feed, the start page), a column (the digest, per membership), or null for
 * what all staff may read (the secret intranet feeds).
 */
export function readableBy(eb: ExpressionBuilder<DB & { p: DB['newsPosts'] }, 'p'>, reader: Expression<string> | null) {
  return eb.and([
    eb('p.status', '=', 'published'),
    eb.or([eb('p.publishOn', 'is', null), eb('p.publishOn', '<=', sql<string>`current_date`)]),
    eb.or([
      eb('p.audience', '=', 'all'),
      ...(reader
        ? [
            eb.exists(
              eb
                .selectFrom('newsPostDepartments as pd')
                .innerJoin('memberships as rm', 'rm.departmentId', 'pd.departmentId')
                .select('pd.postId')
                .whereRef('pd.postId', '=', 'p.id')
                .whereRef('rm.municipalityId', '=', 'p.municipalityId')
                .where('rm.userId', '=', reader),
            ),
          ]
        : []),
    ]),
  ]);
}
