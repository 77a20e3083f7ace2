import { AppError } from '@dz/core';
import { Feed } from 'feed';
import { writeAudit } from '../../lib/audit.js';
import { authorize } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { hashSecret, iso, newId, newSecret } from '../../lib/ids.js';
import { escapeHtml, renderMarkdown } from '../../lib/markdown.js';
import type { TenantScope } from '../../lib/scope.js';
import { readableBy } from './newsroom.access.js';

/**
 * Secret, revocable addresses for the intranet: an Atom feed and a read-only page to embed, both showing only
 * what all staff may read. The platform keeps the secret's hash; the addresses are shown once, at creation.
 */
const feedUrls = (publicUrl: string, token: string) => ({
  atomUrl: `${publicUrl}/api/v1/news-feeds/${token}/atom`,
  pageUrl: `${publicUrl}/api/v1/news-feeds/${token}/page`,
});

export async function listFeeds(deps: Deps, scope: TenantScope) {
  authorize(scope, 'newsroom', 'edit');
  const rows = await deps.db
    .selectFrom('newsFeeds')
    .select(['id', 'label', 'createdAt', 'revokedAt'])
    .where('municipalityId', '=', scope.municipalityId)
    .orderBy('createdAt', 'desc')
    .execute();
  return {
    items: rows.map((f) => ({ ...f, createdAt: iso(f.createdAt), revokedAt: f.revokedAt ? iso(f.revokedAt) : null })),
  };
}

export async function createFeed(deps: Deps, scope: TenantScope, label: string) {
  authorize(scope, 'newsroom', 'edit');
  const token = newSecret();
  const id = newId();
  const createdAt = new Date();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('newsFeeds')
      .values({
        id,
        municipalityId: scope.municipalityId,
        label,
        tokenHash: hashSecret(token),
        createdBy: scope.user.id,
        createdAt,
      })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'news_feed',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: { label },
    });
  });
  return { id, label, createdAt: iso(createdAt), revokedAt: null, ...feedUrls(deps.config.publicUrl, token) };
}

export async function revokeFeed(deps: Deps, scope: TenantScope, id: string) {
  authorize(scope, 'newsroom', 'edit');
  await deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('newsFeeds')
      .set({ revokedAt: new Date() })
      .where('id', '=', id)
      .where('municipalityId', '=', scope.municipalityId)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('not_found');
    await writeAudit(trx, scope, {
      action: 'revoke',
      entity: 'news_feed',
      entityId: id,
      municipalityId: scope.municipalityId,
    });
  });
  return listFeeds(deps, scope);
}

/** The posts behind a secret address (a revoked or unknown one: 404, the same answer). */
async function feedPosts(deps: Deps, token: string) {
  const f = await deps.db
    .selectFrom('newsFeeds as f')
    .innerJoin('municipalities as m', 'm.id', 'f.municipalityId')
    .select(['f.municipalityId', 'm.name'])
    .where('f.tokenHash', '=', hashSecret(token))
    .where('f.revokedAt', 'is', null)
    .executeTakeFirst();
  if (!f) throw new AppError('not_found');
  const posts = await deps.db
    .selectFrom('newsPosts as p')
    .select(['p.id', 'p.title', 'p.body', 'p.publishedAt', 'p.updatedAt'])
    .where('p.municipalityId', '=', f.municipalityId)
    .where((eb) => readableBy(eb, null))
    .orderBy('p.publishedAt', 'desc')
    .limit(30)
    .execute();
  return { municipality: f.name, posts };
}

export async function atomFeed(deps: Deps, token: string) {
  const { municipality, posts } = await feedPosts(deps, token);
  const base = deps.config.publicUrl;
  const self = `${base}/api/v1/news-feeds/${token}/atom`;
  const feed = new Feed({
    title: `Neuigkeiten – ${municipality}`,
    description: `Neuigkeiten der Digitalisierung für alle Beschäftigten von ${municipality}`,
    id: self,
    link: `${base}/neuigkeiten`,
    language: 'de',
    updated: posts[0]?.publishedAt ?? new Date(0),
    copyright: municipality,
    generator: 'Digitalzirkel',
    feedLinks: { atom: self },
  });
  for (const p of posts)
    feed.addItem({
      title: p.title,
      id: `urn:uuid:${p.id}`,
      link: `${base}/neuigkeiten#${p.id}`,
      content: renderMarkdown(p.body),
      date: p.updatedAt,
      published: p.publishedAt ?? p.updatedAt,
      author: [{ name: municipality }],
    });
  return feed.atom1();
}

/** A plain, accessible HTML page of the posts for an intranet's frame (no script, styles inline). */
export async function embedPage(deps: Deps, token: string) {
  const { municipality, posts } = await feedPosts(deps, token);
  const items = posts
    .map(
      (p) =>
        `<article><h2>${escapeHtml(p.title)}</h2><p class="date">${
          p.publishedAt ? p.publishedAt.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' }) : ''
        }</p>${renderMarkdown(p.body)}</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Neuigkeiten – ${escapeHtml(municipality)}</title>
<style>body{font-family:system-ui,sans-serif;color:#1a1a1a;max-width:48rem;margin:0 auto;padding:1rem;line-height:1.5}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-bottom:.2rem}.date{color:#555;margin:0}article{border-bottom:1px solid #ccc;padding:.5rem 0}a{color:#1f4e8c}</style>
</head><body><main><h1>Neuigkeiten – ${escapeHtml(municipality)}</h1>
${items || '<p>Noch keine Neuigkeiten.</p>'}
</main></body></html>`;
}
