/** Analytics routes: a dyad's profile, the alignment network, and the brief of a dyad (Markdown, HTML or JSON). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dyadProfile } from '../../analytics/dyad.js';
import { alignmentNetwork } from '../../analytics/network.js';
import { buildBrief, toHtml, toMarkdown } from '../../report/brief.js';
import { MizanError } from '../../core/errors.js';
import type { RouteContext } from '../context.js';
import { errorResponses } from '../errors.js';
import { actorParam, countParam, dateParam, dyadParam, flagParam } from '../params.js';
import { DOCUMENT_POLICY } from '../security.js';

const actorRef = z.object({ code: z.string(), name: z.object({ ar: z.string(), en: z.string() }) });

/** The profile as the API documents it; the rest of src/analytics/dyad.ts's DyadProfile passes through as it is. */
const dyadResponse = z.looseObject({
  a: actorRef, b: actorRef,
  window: z.looseObject({ since: z.string().nullable(), until: z.string().nullable(), by: z.string() }),
  all: z.looseObject({ domain: z.string(), events: z.number() }),
  domains: z.array(z.looseObject({ domain: z.string(), events: z.number() })),
  outlets: z.array(z.looseObject({})),
  articles: z.number(),
}).describe('see DyadProfile in src/analytics/dyad.ts');

/** The network as the API documents it; the rest of src/analytics/network.ts's Network passes through as it is. */
const networkResponse = z.looseObject({
  window: z.looseObject({ since: z.string().nullable(), until: z.string().nullable() }),
  minEvents: z.number(),
  nodes: z.array(z.looseObject({ code: z.string(), name: z.object({ ar: z.string(), en: z.string() }), events: z.number(), bloc: z.number() })),
  edges: z.array(z.looseObject({ a: z.string(), b: z.string(), weight: z.number(), events: z.number(), mean: z.number() })),
  blocs: z.array(z.looseObject({ id: z.number(), members: z.array(z.string()) })),
  modularity: z.number(),
}).describe('see Network in src/analytics/network.ts');

/** The brief as the API documents it (JSON); the rest of src/report/brief.ts's Brief passes through as it is. */
const briefResponse = z.looseObject({
  lang: z.enum(['ar', 'en']),
  dir: z.enum(['ltr', 'rtl']),
  title: z.string(),
  scope: z.string(),
  dyad: z.looseObject({ a: z.looseObject({ code: z.string(), name: z.string() }), b: z.looseObject({ code: z.string(), name: z.string() }) }),
  overview: z.looseObject({ title: z.string() }),
  domains: z.array(z.looseObject({ domain: z.string(), title: z.string() })),
  alignment: z.looseObject({ title: z.string() }),
  citations: z.array(z.looseObject({ n: z.number(), text: z.string(), articleId: z.number(), start: z.number(), end: z.number() })),
}).describe('see Brief in src/report/brief.ts');

const BRIEF_MEDIA = { md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

/** Reject a window that ends before it starts, naming the parameter. */
function checkWindow(q: { since?: string | undefined; until?: string | undefined }, ctx: z.RefinementCtx): void {
  if (q.since && q.until && q.since > q.until) ctx.addIssue({ code: 'custom', path: ['until'], message: `comes before since (${q.since})` });
}

/** The query of a dyad: two different actors and a date window. */
const dyadQuery = {
  a: actorParam.describe('the first actor (e.g. SYR)'),
  b: actorParam.describe('the second actor (e.g. RUS)'),
  since: dateParam('start').optional().describe('events dated on or after'),
  until: dateParam('end').optional().describe('events dated on or before'),
};

/** Reject a pair of one actor, and a window that ends before it starts, naming the parameter. */
function checkDyad(q: { a: string; b: string; since?: string | undefined; until?: string | undefined }, ctx: z.RefinementCtx): void {
  if (q.a === q.b) ctx.addIssue({ code: 'custom', path: ['b'], message: `must differ from a (${q.a})` });
  checkWindow(q, ctx);
}

/** Register the routes. */
export const analyticsRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, ctx) => {
  app.get('/api/dyad', {
    schema: {
      summary: 'The profile of a dyad: per domain, events by type, fact versus speech, cooperation–conflict balance, direction, trend and evidence',
      tags: ['analytics'],
      querystring: z.strictObject({
        ...dyadQuery,
        by: z.enum(['week', 'month']).default('month').describe('trend periods (default month)'),
      }).superRefine(checkDyad),
      response: {
        200: dyadResponse,
        ...errorResponses(400, 404),
      },
    },
  }, async (req) => {
    const { a, b, since, until, by } = req.query;
    const profile = await dyadProfile(ctx.store, a, b, { by, ...(since ? { since } : {}), ...(until ? { until } : {}) });
    return profile as unknown as z.infer<typeof dyadResponse>;
  });

  app.get('/api/network', {
    schema: {
      summary: 'The alignment network of a window: signed links from asserted events, blocs, structural balance, partners and adversaries',
      tags: ['analytics'],
      querystring: z.strictObject({
        since: dateParam('start').optional().describe('events dated on or after'),
        until: dateParam('end').optional().describe('events dated on or before'),
        minEvents: countParam(1, 1000, 1).describe('fewest asserted events for a link (default 1)'),
        dyad: dyadParam.optional().describe('also place every other actor relative to this dyad (A-B)'),
      }).superRefine(checkWindow),
      response: { 200: networkResponse, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const { since, until, minEvents, dyad } = req.query;
    if (dyad && dyad[0] === dyad[1]) throw new MizanError('MIZAN_E_PARAM', `query parameter "dyad": takes two different actors, not ${dyad[0]} twice`);
    const network = await alignmentNetwork(ctx.store, { minEvents, ...(since ? { since } : {}), ...(until ? { until } : {}), ...(dyad ? { dyad } : {}) });
    return network as unknown as z.infer<typeof networkResponse>;
  });

  app.get('/api/brief', {
    schema: {
      summary: 'The analyst brief on a dyad, in English or Arabic: as JSON, Markdown or a standalone HTML page',
      tags: ['analytics'],
      querystring: z.strictObject({
        ...dyadQuery,
        lang: z.enum(['en', 'ar']).default('en').describe('en or ar (default en)'),
        format: z.enum(['json', 'md', 'html']).default('json').describe('json, md or html (default json)'),
        download: flagParam.optional().describe('answer as an attachment to save'),
      }).superRefine(checkDyad),
      produces: ['application/json', 'text/markdown', 'text/html'],
      response: { 200: z.union([briefResponse, z.string().describe('the Markdown or HTML brief')]), ...errorResponses(400, 404) },
    },
  }, async (req, reply) => {
    const { a, b, lang, since, until, format, download } = req.query;
    const brief = await buildBrief(ctx.store, a, b, { lang, ...(since ? { since } : {}), ...(until ? { until } : {}) });
    void reply.type(BRIEF_MEDIA[format]);
    if (download) void reply.header('content-disposition', `attachment; filename="mizan-brief-${a}-${b}-${lang}.${format}"`);
    if (format === 'json') return brief as unknown as z.infer<typeof briefResponse>;
    if (format === 'md') return toMarkdown(brief);
    void reply.header('content-security-policy', DOCUMENT_POLICY);
    return toHtml(brief);
  });
};
