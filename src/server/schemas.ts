/** Response schemas of the API: the store's records (src/store/store.ts) as zod objects, for serialization and OpenAPI. */
import { z } from 'zod';
import { DOMAINS, EVENT_TYPES, MODALITIES } from '../core/types.js';

const span = z.object({ start: z.number().int(), end: z.number().int() }).describe('half-open UTF-16 offsets into the article text');
const lang = z.enum(['ar', 'en', 'ru', 'und']);
const count = z.record(z.string(), z.number());

/** A stored article's identity and metadata. */
export const articleSchema = z.object({
  id: z.number().int(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  publishedDate: z.string().nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  lang,
  origin: z.string(),
  externalId: z.string().nullable(),
  nearDuplicateOf: z.number().int().nullable(),
});

/** An article in a list, with how many events were coded in it. */
export const articleListItemSchema = articleSchema.extend({ events: z.number().int() });

/** A stored event with its article, cluster and evidence text. */
export const eventSchema = z.object({
  id: z.number().int(),
  articleId: z.number().int(),
  sentenceId: z.number().int(),
  source: z.string(),
  target: z.string(),
  type: z.enum(EVENT_TYPES),
  mode: z.string().nullable(),
  domains: z.array(z.enum(DOMAINS)),
  modality: z.enum(MODALITIES),
  intensity: z.number(),
  confidence: z.number().nullable(),
  sourceSector: z.string().nullable(),
  targetSector: z.string().nullable(),
  trigger: z.string().nullable(),
  rule: z.string().nullable(),
  evidence: span,
  evidenceText: z.string(),
  eventDate: z.string().nullable(),
  datePrecision: z.enum(['day', 'week', 'month', 'year']).nullable(),
  dateText: z.string().nullable(),
  article: articleSchema.pick({ id: true, title: true, publishedDate: true, outlet: true, url: true, lang: true }),
  cluster: z.object({
    id: z.number().int(), numMentions: z.number().int(), numArticles: z.number().int(), numSources: z.number().int(),
    firstDate: z.string().nullable(), lastDate: z.string().nullable(),
  }).nullable(),
});

/** One article with its text, sentences and events. */
export const articleDetailSchema = z.object({
  article: articleSchema,
  text: z.string(),
  sentences: z.array(z.object({ id: z.number().int(), seq: z.number().int(), start: z.number().int(), end: z.number().int() })),
  events: z.array(eventSchema),
});

/** A search hit. */
export const searchHitSchema = z.object({
  article: articleSchema,
  score: z.number(),
  titleHighlights: z.array(span),
  sentences: z.array(z.object({
    id: z.number().int(), seq: z.number().int(), start: z.number().int(), end: z.number().int(), text: z.string(), highlights: z.array(span),
  })),
});

/** Counts over the whole store. */
export const statsSchema = z.object({
  articles: z.object({ total: z.number(), byLang: count, nearDuplicates: z.number(), firstDate: z.string().nullable(), lastDate: z.string().nullable() }),
  sentences: z.object({ total: z.number(), byLang: count }),
  events: z.object({ total: z.number(), byLang: count, byModality: count, byType: count }),
  clusters: z.object({ total: z.number(), multiArticle: z.number() }),
});

/** An actor seen in the store's events, with its names. */
export const actorSchema = z.object({
  code: z.string(),
  kind: z.enum(['state', 'igo', 'armed', 'other']),
  events: z.number().int().describe('events with this actor as source or target'),
  names: z.object({ en: z.string().optional(), ar: z.string().optional(), ru: z.string().optional() }),
});

/** Events and articles per period. */
export const timelineSchema = z.object({
  by: z.enum(['day', 'week', 'month']),
  periods: z.array(z.object({
    period: z.string().describe('the first day of the period (YYYY-MM-DD)'),
    events: z.number().int(),
    byModality: count,
    byLang: count,
  })),
});

/** What an ingest request did. */
export const ingestResultSchema = z.object({
  articles: z.object({ added: z.number(), nearDuplicate: z.number(), duplicate: z.number(), skipped: z.number() }),
  sentences: z.number(),
  events: z.object({ total: z.number(), byModality: count }),
  clusters: z.object({ created: z.number(), joined: z.number() }),
  seconds: z.number(),
  problems: z.array(z.object({
    place: z.string().describe('the file, line, feed item or URL'),
    reason: z.string(),
    code: z.string().optional().describe('a catalogued code, for a URL refused for its address (MIZAN_E_PRIVATE_ADDRESS)'),
  })),
});
