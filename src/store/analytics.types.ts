/**
 * Queries and rows of the analytics reads (a dyad's events, its outlets, evidence, the strongest acts of a
 * pair, the links between all actors): the part of the `Store` contract that src/analytics builds dyad
 * profiles, the alignment network and briefs on.
 *
 * The unit is the real-world event: the cluster of its mentions (see cluster.repository.ts), counted once
 * however many articles report it.
 */
import type { Domain, EventType, Lang, Modality, Span } from '../core/types.js';

/** A date window: event dates in [since, until], inclusive (YYYY-MM-DD); undated events fall outside any bound. */
export interface DateWindow {
  since?: string;
  until?: string;
}

/** One dyad (either direction) in a window. */
export interface DyadQuery extends DateWindow {
  a: string;
  b: string;
}

/**
 * The mentions of one event (cluster) that share one direction and one set of domains, grouped in the
 * database. An event whose reports were coded with different domains, or (a joint act) in both directions,
 * comes as several rows with the same `cluster`.
 */
export interface DyadEventRow {
  /** The cluster's id (the negated mention id for a mention without a cluster). */
  cluster: number;
  /** Domains joined with ';' (as stored). */
  domains: string;
  /** The lowest mention id of the group: its first stored report. */
  first: number;
  /** True when the group's first report has `a` as its source. */
  fromA: boolean;
  type: string;
  modality: string;
  /** Sum of the group's mention intensities (divide by `mentions` for the mean). */
  intensity: number;
  mentions: number;
  /** The earliest event date of the group. */
  day: string | null;
}

/** What one outlet reported of a dyad: its reports by modality and domains. */
export interface OutletRow {
  /** The outlet's name ('' when the article names none). */
  outlet: string;
  /** null on the outlet's summary row. */
  modality: string | null;
  /** null on the outlet's summary row. */
  domains: string | null;
  /** Reports (event mentions). */
  reports: number;
  /** Distinct articles (on the summary row). */
  articles: number;
  /** Earliest and latest publication date of its articles (on the summary row). */
  firstPublished: string | null;
  lastPublished: string | null;
}

/** The strongest asserted acts of directed pairs in a window. */
export interface StrongestQuery extends DateWindow {
  /** Directed pairs [source, target]. */
  pairs: Array<[string, string]>;
  /** 'cooperative': highest intensity first; 'conflictual': lowest first. */
  sign: 'cooperative' | 'conflictual';
  /** Mentions per pair (default 1). */
  limit?: number;
}

/** One evidence sentence: an event mention with its article, cluster and offsets. */
export interface EvidenceRow {
  eventId: number;
  clusterId: number | null;
  source: string;
  target: string;
  type: EventType;
  modality: Modality;
  intensity: number;
  domains: Domain[];
  eventDate: string | null;
  /** Articles and sources that report the same event (1 when the cluster is unknown). */
  reports: { articles: number; sources: number };
  articleId: number;
  sentenceId: number;
  /** The evidence span in the article text (UTF-16 offsets). */
  evidence: Span;
  /** The sentence's span in the article text. */
  sentence: Span;
  /** The article text at the evidence span. */
  text: string;
  article: { title: string | null; outlet: string | null; url: string | null; publishedDate: string | null; lang: Lang };
}

/** Links between actors from events of some modalities (default: asserted). */
export interface LinkQuery extends DateWindow {
  modalities?: Modality[];
}

/** The events between two actors, either way. */
export interface LinkRow {
  /** The pair, codes in alphabetical order (a < b). */
  a: string;
  b: string;
  /** Distinct events (clusters) and their reports. */
  events: number;
  mentions: number;
  /** Sum of the reports' intensities. */
  intensity: number;
  /** Reports (mentions) with positive and with negative intensity. */
  cooperativeReports: number;
  conflictualReports: number;
}
