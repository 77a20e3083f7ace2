import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * The newsroom: posts (drafted by hand or by the platform from events, one draft per event), the departments a
 * post addresses, "helpful" marks, moderated comments, secret feed addresses (only their hash is kept), the
 * weekly digest sent per person and week, the person's digest opt-out and an idea submitter's consent to be named.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `CREATE TABLE news_posts (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  audience text NOT NULL DEFAULT 'all' CHECK (audience IN ('all', 'departments')),
  publish_on date,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'discarded')),
  source_kind text NOT NULL DEFAULT 'manual',
  source_key text,
  source_path text,
  image bytea,
  image_type text,
  image_alt text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  published_by uuid REFERENCES users(id) ON DELETE SET NULL,
  published_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX news_posts_source_idx ON news_posts (municipality_id, source_key) WHERE source_key IS NOT NULL;
CREATE INDEX news_posts_feed_idx ON news_posts (municipality_id, status, published_at DESC);
CREATE TABLE news_post_departments (
  post_id uuid NOT NULL REFERENCES news_posts(id) ON DELETE CASCADE,
  department_id uuid NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
  PRIMARY KEY (post_id, department_id)
);
CREATE TABLE news_helpful (
  post_id uuid NOT NULL REFERENCES news_posts(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (post_id, user_id)
);
CREATE TABLE news_comments (
  id uuid PRIMARY KEY,
  post_id uuid NOT NULL REFERENCES news_posts(id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  author_id uuid REFERENCES users(id) ON DELETE SET NULL,
  body text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX news_comments_post_idx ON news_comments (post_id, created_at);
CREATE INDEX news_comments_pending_idx ON news_comments (municipality_id) WHERE status = 'pending';
CREATE TABLE news_feeds (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  label text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE TABLE news_digests (
  municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  week date NOT NULL,
  posts integer NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, user_id, week)
);
ALTER TABLE memberships ADD COLUMN news_digest boolean NOT NULL DEFAULT true;
ALTER TABLE ideas ADD COLUMN credit_consent boolean NOT NULL DEFAULT false`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `DROP TABLE news_digests;
DROP TABLE news_feeds;
DROP TABLE news_comments;
DROP TABLE news_helpful;
DROP TABLE news_post_departments;
DROP TABLE news_posts;
ALTER TABLE memberships DROP COLUMN news_digest;
ALTER TABLE ideas DROP COLUMN credit_consent`,
  );
}
