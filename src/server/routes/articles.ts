/** Article routes: a paged list, one article with its text, sentences and events, and full-text search. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MizanError } from '../../core/errors.js';
import type { RouteContext } from '../context.js';
import { errorResponses } from '../errors.js';
import { countParam, dateParam, idParam, langParam } from '../params.js';
import { articleEventRange, getArticle, listArticles } from '../queries.js';
import { articleDetailSchema, articleListItemSchema, searchHitSchema } from '../schemas.js';

/** Register the routes. */
export const articleRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, ctx) => {
  app.get('/api/articles', {
    schema: {
      summary: 'Stored articles, most recently published first, a page at a time',
      tags: ['articles'],
      querystring: z.strictObject({
        lang: langParam.optional(),
        since: dateParam('start').optional().describe('published on or after'),
        until: dateParam('end').optional().describe('published on or before'),
        outlet: z.string().min(1).max(200).optional().describe('the outlet, exactly as stored'),
        limit: countParam(1, 200, 20),
        offset: countParam(0, 1_000_000, 0),
      }),
      response: {
        200: z.object({ total: z.number().int(), offset: z.number().int(), limit: z.number().int(), items: z.array(articleListItemSchema) }),
        ...errorResponses(400),
      },
    },
  }, async (req) => {
    const { limit, offset, ...filter } = req.query;
    const page = await listArticles(ctx.k, { limit, offset, ...filter });
    return { ...page, offset, limit };
  });

  app.get('/api/articles/:id', {
    schema: {
      summary: 'One article: metadata, text, sentence spans and the events coded in it',
      tags: ['articles'],
      params: z.strictObject({ id: idParam }),
      response: { 200: articleDetailSchema, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const found = await getArticle(ctx.k, req.params.id);
    if (!found) throw new MizanError('MIZAN_E_NOT_FOUND', `there is no article ${req.params.id}`);
    const range = await articleEventRange(ctx.k, req.params.id);
    const events = range ? (await ctx.store.events({ afterId: range.afterId, limit: range.count })).filter((e) => e.articleId === req.params.id) : [];
    return { ...found, events };
  });

  app.get('/api/search', {
    schema: {
      summary: 'Full-text search over titles and sentences (all words required, "quoted phrases", prefix*)',
      tags: ['articles'],
      querystring: z.strictObject({
        q: z.string().trim().min(1, 'must not be empty').max(500).describe('the query'),
        lang: langParam.optional(),
        since: dateParam('start').optional().describe('published on or after'),
        until: dateParam('end').optional().describe('published on or before'),
        limit: countParam(1, 100, 20),
      }),
      response: { 200: z.object({ query: z.string(), items: z.array(searchHitSchema) }), ...errorResponses(400) },
    },
  }, async (req) => {
    const { q, ...rest } = req.query;
    return { query: q, items: await ctx.store.search({ text: q, ...rest }) };
  });
};

