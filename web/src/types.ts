/** The shapes the dashboard reads from the HTTP API (the server's zod schemas, and the analytics' JSON). */
import type { z } from 'zod';
import type {
  actorSchema, articleDetailSchema, articleListItemSchema, eventSchema, searchHitSchema, statsSchema, timelineSchema,
} from '../../src/server/schemas.js';

/** A stored event. */
export type ApiEvent = z.infer<typeof eventSchema>;
/** An article in a list. */
export type ApiArticleItem = z.infer<typeof articleListItemSchema>;
/** One article with text, sentences and events. */
export type ApiArticleDetail = z.infer<typeof articleDetailSchema>;
/** A search hit. */
export type ApiSearchHit = z.infer<typeof searchHitSchema>;
/** Store counts. */
export type ApiStats = z.infer<typeof statsSchema>;
/** An actor with its names. */
export type ApiActor = z.infer<typeof actorSchema>;
/** The timeline. */
export type ApiTimeline = z.infer<typeof timelineSchema>;

/** A page of events. */
export interface EventPage {
  offset: number;
  limit: number;
  hasMore: boolean;
  items: ApiEvent[];
}

/** An actor's code and names, as the analytics give it. */
export interface ActorRef {
  code: string;
  name: { ar: string; en: string };
}

/** One period of a dyad trend. */
export interface PeriodPoint {
  period: string;
  acts: number;
  intensity: number;
  mean: number | null;
  talk: number;
  negated: number;
}

/** An evidence sentence of a dyad profile. */
export interface Evidence {
  eventId: number;
  articleId: number;
  source: string;
  target: string;
  type: string;
  modality: string;
  intensity: number;
  eventDate: string | null;
  text: string;
  evidence: { start: number; end: number };
  reports: { articles: number; sources: number };
  domains: string[];
  article: { title: string | null; outlet: string | null; url: string | null; publishedDate: string | null; lang: string };
}

/** One domain of a dyad profile. */
export interface DomainProfile {
  domain: string;
  events: number;
  mentions: number;
  types: Array<{ type: string; events: number; acts: number }>;
  factVsSpeech: { events: number; byModality: Record<string, number>; assertedShare: number | null; talkShare: number | null; negatedShare: number | null };
  balance: { acts: number; sum: number; mean: number | null; cooperative: number; conflictual: number; neutral: number; talk: { events: number; mean: number | null } };
  direction: Array<{ source: string; target: string; events: number; acts: number }>;
  trend: { periods: PeriodPoint[]; summary: { tone: string; activity: string; split: string | null } };
  evidence: Evidence[];
}

/** A dyad profile. */
export interface DyadProfile {
  a: ActorRef;
  b: ActorRef;
  window: { since: string | null; until: string | null; by: string; first: string | null; last: string | null };
  all: DomainProfile;
  domains: DomainProfile[];
  outlets: Array<{ outlet: string | null; articles: number; events: number; mentions: number }>;
  articles: number;
}
