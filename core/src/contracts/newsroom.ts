import { z } from 'zod';
import { COMMENT_STATUSES, NEWS_AUDIENCES, NEWS_SOURCES, NEWS_STATUSES } from '../domain/newsroom.js';
import { canSchema } from '../domain/permissions.js';
import { isoDate, uuid, versioned } from './common.js';

const postFields = {
  title: z.string().trim().min(3).max(200),
  /** Markdown; rendered with markdown-it, raw HTML off. */
  body: z.string().trim().min(1).max(20_000),
  audience: z.enum(NEWS_AUDIENCES).default('all'),
  /** The departments addressed when the audience is departments. */
  departmentIds: z.array(uuid).max(50).default([]),
  /** Shown from this day on (empty: when published). */
  publishOn: isoDate.nullable().default(null),
  /** What the image shows, for those who cannot see it (empty: the image is decoration). */
  imageAlt: z.string().trim().max(300).default(''),
};
export const newsCreate = z.object(postFields);
export const newsUpdate = versioned.extend(postFields);
export const newsDecision = versioned;
export const newsQuery = z.object({ status: z.enum(NEWS_STATUSES).default('published') });

export const newsPost = z.object({
  id: uuid,
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  /** The Markdown as HTML (markdown-it, raw HTML escaped). */
  html: z.string(),
  status: z.enum(NEWS_STATUSES),
  audience: z.enum(NEWS_AUDIENCES),
  departmentIds: z.array(uuid),
  departments: z.array(z.string()),
  publishOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  source: z.enum(NEWS_SOURCES),
  /** The app page the post came from (a project, an idea …). */
  sourcePath: z.string().nullable(),
  hasImage: z.boolean(),
  imageAlt: z.string(),
  helpful: z.number().int(),
  helpfulByMe: z.boolean(),
  comments: z.number().int(),
  createdAt: z.string(),
});
export const newsList = z.object({ items: z.array(newsPost), can: canSchema('newsroom') });
export const newsHelpful = z.object({ helpful: z.boolean() });

export const newsCommentCreate = z.object({ body: z.string().trim().min(2).max(2_000) });
export const newsCommentDecision = z.object({ status: z.enum(['approved', 'rejected']) });
export const newsComment = z.object({
  id: uuid,
  body: z.string(),
  author: z.string().nullable(),
  mine: z.boolean(),
  status: z.enum(COMMENT_STATUSES),
  createdAt: z.string(),
});
export const newsCommentList = z.object({ items: z.array(newsComment) });
/** Comments of every post waiting for the coordination's decision. */
export const newsPendingComments = z.object({
  items: z.array(newsComment.extend({ postId: uuid, post: z.string() })),
});

export const newsDigestSetting = z.object({ weekly: z.boolean() });

export const newsFeedCreate = z.object({ label: z.string().trim().min(2).max(100) });
export const newsFeed = z.object({
  id: uuid,
  label: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export const newsFeedList = z.object({ items: z.array(newsFeed) });
/** The secret addresses exist only in this answer: the platform keeps their hash. */
export const newsFeedCreated = newsFeed.extend({ atomUrl: z.string(), pageUrl: z.string() });
