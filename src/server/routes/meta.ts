/** Routes about the service and the store as a whole: health, OpenAPI document, stats, actors, timeline. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../context.js';
import { actorNames } from '../actor-names.js';
import { errorResponses } from '../errors.js';
import { dateParam } from '../params.js';
import { actorCounts, timeline } from '../queries.js';
import { actorSchema, statsSchema, timelineSchema } from '../schemas.js';

/** Register the routes. */
export const metaRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, ctx) => {
  app.get('/api/health', {
    schema: {
      summary: 'Is the server up; is ingest on',
      tags: ['meta'],
      response: {
        200: z.object({ status: z.literal('ok'), version: z.string(), writeRoutes: z.boolean(), dashboard: z.boolean() }),
        ...errorResponses(),
      },
    },
  }, async () => ({ status: 'ok' as const, version: ctx.version, writeRoutes: ctx.token !== undefined, dashboard: ctx.dashboard }));

  app.get('/api/openapi.json', {
    schema: { summary: 'This API as an OpenAPI 3 document', tags: ['meta'], response: { 200: z.record(z.string(), z.unknown()) } },
  }, async () => app.swagger() as unknown as Record<string, unknown>);

  app.get('/api/stats', {
    schema: { summary: 'Counts of articles, sentences, events and clusters by language, modality and type', tags: ['meta'], response: { 200: statsSchema, ...errorResponses() } },
  }, () => ctx.store.stats());

  app.get('/api/actors', {
    schema: {
      summary: 'The actors seen in stored events, most frequent first, with their names in English, Arabic and Russian',
      tags: ['meta'],
      response: { 200: z.object({ items: z.array(actorSchema) }), ...errorResponses() },
    },
  }, async () => {
    const names = actorNames();
    const items = (await actorCounts(ctx.k)).map((a) => {
      const n = names.get(a.code);
      return { ...a, kind: n?.kind ?? ('other' as const), names: n?.names ?? {} };
    });
    return { items };
  });

  app.get('/api/timeline', {
    schema: {
      summary: 'Dated events per day, week or month, by modality and language',
      tags: ['meta'],
      querystring: z.strictObject({
        by: z.enum(['day', 'week', 'month']).default('month').describe('period length (default month)'),
        since: dateParam('start').optional(),
        until: dateParam('end').optional(),
      }),
      response: { 200: timelineSchema, ...errorResponses(400) },
    },
  }, async (req) => ({ by: req.query.by, periods: await timeline(ctx.k, req.query.by, req.query.since, req.query.until) }));
};
