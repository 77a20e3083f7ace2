import type { ExpressionBuilder, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../lib/deps.js';

export type Db = Deps['db'] | Transaction<DB>;

/**
 * Who reads a post: it is published, its publish date has come, and it is addressed to all staff or to the
 * department the reader works in (the membership's department). Used by the feed, the start page, the digest
 * and the secret feeds (there with `userId` null: only what all staff may read).
 */
export function publishedToMe(
  eb: ExpressionBuilder<DB & { p: DB['newsPosts'] }, 'p'>,
  who: { municipalityId: string; user: { id: string } | null },
) {
  return eb.and([
    eb('p.status', '=', 'published'),
    eb.or([eb('p.publishOn', 'is', null), eb('p.publishOn', '<=', sql<string>`current_date`)]),
    eb.or([
      eb('p.audience', '=', 'all'),
      ...(who.user
        ? [
            eb.exists(
              eb
                .selectFrom('newsPostDepartments as pd')
                .innerJoin('memberships as ms', 'ms.departmentId', 'pd.departmentId')
                .select('pd.postId')
                .whereRef('pd.postId', '=', 'p.id')
                .where('ms.userId', '=', who.user.id)
                .where('ms.municipalityId', '=', who.municipalityId),
            ),
          ]
        : []),
    ]),
  ]);
}
