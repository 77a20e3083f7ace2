import {
  idParam,
  newsCommentCreate,
  newsCommentDecision,
  newsCommentList,
  newsCreate,
  newsDecision,
  newsDigestSetting,
  newsFeedCreate,
  newsFeedCreated,
  newsFeedList,
  newsHelpful,
  newsList,
  newsPendingComments,
  newsPost,
  newsQuery,
  newsUpdate,
} from '@dz/core';
import { z } from 'zod';
import { sendUpload } from '../../lib/download.js';
import { modulePlugin } from '../../lib/route.js';
import { readUpload, uploadSchema } from '../../lib/upload.js';
import { MEDIA } from '../../plugins/openapi.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as comments from './comments.service.js';
import * as feeds from './feeds.service.js';
import * as posts from './posts.service.js';

const tags = ['Neuigkeiten'];
const params = idParam('postId');

/** The newsroom for all employees: posts, helpful marks, moderated comments, the digest setting, feed addresses. */
export const newsroomRoutes = modulePlugin({ prefix: '/api/v1/news', access: 'tenant' }, (r, deps) => {
  r.get('', { schema: { tags, querystring: newsQuery, response: { 200: newsList } } }, async (req) =>
    posts.listPosts(deps, tenantScopeOf(req), req.query),
  );
  r.post('', { schema: { tags, body: newsCreate, response: { 201: newsPost } } }, async (req, reply) =>
    reply.code(201).send(await posts.createPost(deps, tenantScopeOf(req), req.body)),
  );
  r.get('/digest', { schema: { tags, response: { 200: newsDigestSetting } } }, async (req) =>
    posts.digestSetting(deps, tenantScopeOf(req)),
  );
  r.put('/digest', { schema: { tags, body: newsDigestSetting, response: { 200: newsDigestSetting } } }, async (req) =>
    posts.setDigest(deps, tenantScopeOf(req), req.body.weekly),
  );
  r.get('/comments/pending', { schema: { tags, response: { 200: newsPendingComments } } }, async (req) =>
    comments.pendingComments(deps, tenantScopeOf(req)),
  );
  r.get('/feeds', { schema: { tags, response: { 200: newsFeedList } } }, async (req) =>
    feeds.listFeeds(deps, tenantScopeOf(req)),
  );
  r.post('/feeds', { schema: { tags, body: newsFeedCreate, response: { 201: newsFeedCreated } } }, async (req, reply) =>
    reply.code(201).send(await feeds.createFeed(deps, tenantScopeOf(req), req.body.label)),
  );
  r.delete(
    '/feeds/:feedId',
    { schema: { tags, params: idParam('feedId'), response: { 200: newsFeedList } } },
    async (req) => feeds.revokeFeed(deps, tenantScopeOf(req), req.params.feedId),
  );
  r.get('/:postId', { schema: { tags, params, response: { 200: newsPost } } }, async (req) =>
    posts.getPost(deps, tenantScopeOf(req), req.params.postId),
  );
  r.put('/:postId', { schema: { tags, params, body: newsUpdate, response: { 200: newsPost } } }, async (req) =>
    posts.updatePost(deps, tenantScopeOf(req), req.params.postId, req.body),
  );
  r.post(
    '/:postId/publish',
    { schema: { tags, params, body: newsDecision, response: { 200: newsPost } } },
    async (req) => posts.decidePost(deps, tenantScopeOf(req), req.params.postId, req.body.version, 'published'),
  );
  r.post(
    '/:postId/discard',
    { schema: { tags, params, body: newsDecision, response: { 200: newsPost } } },
    async (req) => posts.decidePost(deps, tenantScopeOf(req), req.params.postId, req.body.version, 'discarded'),
  );
  r.put('/:postId/helpful', { schema: { tags, params, body: newsHelpful, response: { 200: newsPost } } }, async (req) =>
    posts.markHelpful(deps, tenantScopeOf(req), req.params.postId, req.body.helpful),
  );
  r.post(
    '/:postId/image',
    {
      schema: {
        tags,
        params,
        ...uploadSchema('Ein Bild zur Nachricht (PNG, JPEG, WebP, GIF; bis 5 MB)'),
        response: { 200: newsPost },
      },
    },
    async (req) => {
      // access first: a foreign or unknown post answers 404 (and a reader 403) whatever the body
      await posts.editablePost(deps, tenantScopeOf(req), req.params.postId);
      const file = await readUpload(req, { maxBytes: posts.MAX_NEWS_IMAGE_BYTES });
      return posts.setImage(deps, tenantScopeOf(req), req.params.postId, file);
    },
  );
  r.get('/:postId/image', { schema: { tags, params }, config: { produces: [MEDIA.upload] } }, async (req, reply) =>
    sendUpload(reply, await posts.getImage(deps, tenantScopeOf(req), req.params.postId)),
  );
  r.get('/:postId/comments', { schema: { tags, params, response: { 200: newsCommentList } } }, async (req) =>
    comments.listComments(deps, tenantScopeOf(req), req.params.postId),
  );
  r.post(
    '/:postId/comments',
    { schema: { tags, params, body: newsCommentCreate, response: { 201: newsCommentList } } },
    async (req, reply) =>
      reply.code(201).send(await comments.addComment(deps, tenantScopeOf(req), req.params.postId, req.body.body)),
  );
  r.put(
    '/:postId/comments/:commentId',
    {
      schema: {
        tags,
        params: idParam('postId', 'commentId'),
        body: newsCommentDecision,
        response: { 200: newsPendingComments },
      },
    },
    async (req) =>
      comments.decideComment(deps, tenantScopeOf(req), req.params.postId, req.params.commentId, req.body.status),
  );
});

const tokenParams = z.object({ token: z.string().min(20).max(100) });

/** The secret addresses for the intranet: an Atom feed and a page to embed (public; the token is the key). */
export const newsFeedRoutes = modulePlugin({ prefix: '/api/v1/news-feeds', access: 'public' }, (r, deps) => {
  r.get(
    '/:token/atom',
    { schema: { tags, params: tokenParams }, config: { produces: [MEDIA.atom] } },
    async (req, reply) =>
      reply
        .type('application/atom+xml; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(await feeds.atomFeed(deps, req.params.token)),
  );
  r.get(
    '/:token/page',
    { schema: { tags, params: tokenParams }, config: { produces: [MEDIA.html] } },
    async (req, reply) => {
      const html = await feeds.embedPage(deps, req.params.token);
      // the one page another site may frame: the municipality's intranet; no script runs in it
      reply.raw.removeHeader('x-frame-options');
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *")
        .send(html);
    },
  );
});
