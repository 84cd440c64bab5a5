/** Event routes: the CLI's `events` filters with paging, and exports of every event (csv, jsonl, plover). */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXPORT_FORMATS, exportLines } from '../../export/formats.js';
import type { EventFilter } from '../../store/store.js';
import type { RouteContext } from '../context.js';
import { errorResponses } from '../errors.js';
import { actorParam, countParam, dateParam, domainParam, dyadParam, flagParam, modalityParam, typeParam } from '../params.js';
import { eventSchema } from '../schemas.js';

/** The query of GET /api/events: the filters of `mizan events`, and paging. */
export const eventsQuery = z.strictObject({
  dyad: dyadParam.optional().describe('events between two actors, either way (e.g. SYR-RUS)'),
  directed: flagParam.optional().describe('with dyad: only events from the first actor to the second'),
  actor: actorParam.optional().describe('events with this actor as source or target'),
  type: typeParam.optional(),
  domain: domainParam.optional(),
  modality: modalityParam.optional(),
  since: dateParam('start').optional().describe('events dated on or after'),
  until: dateParam('end').optional().describe('events dated on or before'),
  distinct: flagParam.optional().describe('one row per real-world event (cluster), not per report'),
  limit: countParam(1, 500, 50),
  offset: countParam(0, 100_000, 0),
});

const MEDIA: Record<(typeof EXPORT_FORMATS)[number], string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  plover: 'application/x-ndjson; charset=utf-8',
};

/** Register the routes. */
export const eventRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, ctx) => {
  app.get('/api/events', {
    schema: {
      summary: 'Stored events, most recent first, with their evidence; the filters of `mizan events`',
      tags: ['events'],
      querystring: eventsQuery,
      response: {
        200: z.object({ offset: z.number().int(), limit: z.number().int(), hasMore: z.boolean(), items: z.array(eventSchema) }),
        ...errorResponses(400),
      },
    },
  }, async (req) => {
    const { limit, offset, directed, distinct, ...rest } = req.query;
    const filter: EventFilter = { ...rest, limit: offset + limit + 1 };
    if (directed) filter.directed = true;
    if (distinct) filter.distinct = true;
    const rows = await ctx.store.events(filter);
    return { offset, limit, hasMore: rows.length > offset + limit, items: rows.slice(offset, offset + limit) };
  });

  app.get('/api/export', {
    schema: {
      summary: 'Every stored event as a download: csv (RFC 4180), jsonl (the same columns) or plover (PLOVER JSON Lines)',
      tags: ['events'],
      querystring: z.strictObject({ format: z.enum(EXPORT_FORMATS).describe('csv, jsonl or plover') }),
      produces: ['text/csv', 'application/x-ndjson'],
      response: { 200: z.string().describe('the export, streamed'), ...errorResponses(400) },
    },
  }, async (req, reply) => {
    const { format } = req.query;
    const ext = format === 'csv' ? 'csv' : 'jsonl';
    return reply
      .type(MEDIA[format])
      .header('content-disposition', `attachment; filename="mizan-events${format === 'plover' ? '-plover' : ''}.${ext}"`)
      .send(Readable.from(exportLines(ctx.store, format)) as unknown as string); // streamed: the serializer is skipped
  });
};
