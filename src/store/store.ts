/**
 * The `Store` contract: everything ingest and the query commands need from a database, as async methods
 * so that the embedded SQLite store and a PostgreSQL store can both satisfy it.
 */
import type { Domain, EventType, Lang, Modality, Sector, Span } from '../core/types.js';
import type { DyadEventRow, DyadQuery, EvidenceRow, LinkQuery, LinkRow, OutletRow, StrongestQuery } from './analytics.types.js';

/** How finely an event date is known. */
export type DatePrecision = 'day' | 'week' | 'month' | 'year';

/** Article metadata, as read from the input. */
export interface ArticleMeta {
  title?: string;
  /** Publication time as ISO 8601 (a date, or a date-time with its offset). */
  published?: string;
  /** Publication date (YYYY-MM-DD) in the article's own time zone: the anchor of relative dates. */
  publishedDate?: string;
  outlet?: string;
  url?: string;
  /** The input's own id (JSON `id`, feed `guid`). */
  externalId?: string;
  /** Where the article was read: file, file:line, feed item or URL. */
  origin: string;
}

/** One sentence to store: its span in the article text and its search terms. */
export interface SentenceInput extends Span {
  /** Search terms (see search-terms.ts): normalized words and their clitic-free readings. */
  terms: string;
}

/** One coded event to store. */
export interface EventInput {
  /** Index into the article's sentences. */
  sentence: number;
  source: string;
  target: string;
  type: EventType;
  mode?: string;
  domains: Domain[];
  modality: Modality;
  intensity: number;
  confidence?: number;
  sourceSector?: Sector;
  targetSector?: Sector;
  trigger?: string;
  rule?: string;
  /** Evidence span in the article text. */
  evidence: Span;
  /** When the event happened (YYYY-MM-DD), or undefined when nothing dates it. */
  eventDate?: string;
  datePrecision?: DatePrecision;
  /** The date expression the date was read from; absent when the article date was used. */
  dateText?: string;
}

/** A coded article, ready to be stored in one transaction. */
export interface ArticleInput {
  meta: ArticleMeta;
  lang: Lang;
  text: string;
  contentHash: string;
  /** LSH band keys for near-duplicate lookup. */
  bands: number[];
  /** The stored article this one nearly duplicates, with their similarity. */
  nearDuplicateOf?: { id: number; similarity: number };
  /** Search terms of the title. */
  titleTerms: string;
  sentences: SentenceInput[];
  events: EventInput[];
}

/** What storing an article did. */
export interface AddResult {
  /** 'duplicate' when an article with the same content hash was already stored (nothing written). */
  status: 'added' | 'duplicate';
  articleId: number;
  /** Clusters created and clusters that an event of this article joined. */
  clustersCreated: number;
  clustersJoined: number;
}

/** A stored article's identity and metadata. */
export interface StoredArticle {
  id: number;
  title: string | null;
  published: string | null;
  publishedDate: string | null;
  outlet: string | null;
  url: string | null;
  lang: Lang;
  origin: string;
  externalId: string | null;
  nearDuplicateOf: number | null;
}

/** A candidate for near-duplicate comparison. */
export interface NearCandidate {
  id: number;
  text: string;
}

/** Filters of {@link Store.events}; all optional. */
export interface EventFilter {
  /** Events between these two actors, either way (or only first → second with `directed`). */
  dyad?: [string, string];
  directed?: boolean;
  /** Events with this actor as source or target. */
  actor?: string;
  type?: EventType;
  domain?: Domain;
  modality?: Modality;
  /** Event dates in [since, until], inclusive (YYYY-MM-DD). */
  since?: string;
  until?: string;
  /** One row per cluster (its first mention) instead of every mention. */
  distinct?: boolean;
  /** At most this many rows, most recent first (default: all). */
  limit?: number;
  /** Rows with an id greater than this, in id order (for paging through exports). */
  afterId?: number;
}

/** A stored event with its article, cluster and evidence text. */
export interface StoredEvent {
  id: number;
  articleId: number;
  sentenceId: number;
  source: string;
  target: string;
  type: EventType;
  mode: string | null;
  domains: Domain[];
  modality: Modality;
  intensity: number;
  confidence: number | null;
  sourceSector: string | null;
  targetSector: string | null;
  trigger: string | null;
  rule: string | null;
  evidence: Span;
  evidenceText: string;
  eventDate: string | null;
  datePrecision: DatePrecision | null;
  dateText: string | null;
  article: Pick<StoredArticle, 'id' | 'title' | 'publishedDate' | 'outlet' | 'url' | 'lang'>;
  cluster: { id: number; numMentions: number; numArticles: number; numSources: number; firstDate: string | null; lastDate: string | null } | null;
}

/** A full-text query. */
export interface SearchQuery {
  /** The user's query: words (all required), "quoted phrases", and prefixes ending in `*`. */
  text: string;
  lang?: Lang;
  /** Publication dates in [since, until], inclusive (YYYY-MM-DD). */
  since?: string;
  until?: string;
  /** At most this many articles (default 20). */
  limit?: number;
  /** At most this many sentences per article (default 3). */
  sentencesPerArticle?: number;
}

/** A matching sentence, with the spans of the matched words (offsets into the sentence text). */
export interface SentenceHit {
  id: number;
  seq: number;
  start: number;
  end: number;
  text: string;
  highlights: Span[];
}

/** An article that matches a query, best first. */
export interface SearchHit {
  article: StoredArticle;
  score: number;
  /** Highlighted spans in the title. */
  titleHighlights: Span[];
  sentences: SentenceHit[];
}

/** Counts over the whole store. */
export interface StoreStats {
  articles: { total: number; byLang: Record<string, number>; nearDuplicates: number; firstDate: string | null; lastDate: string | null };
  sentences: { total: number; byLang: Record<string, number> };
  events: { total: number; byLang: Record<string, number>; byModality: Record<string, number>; byType: Record<string, number> };
  clusters: { total: number; multiArticle: number };
}

/** The store. Every method is async so that a networked database can implement it. */
export interface Store {
  /** Where the store lives (a file path or a connection string without its password). */
  readonly location: string;
  /** The id of the stored article with this content hash, if any. */
  findByContentHash(hash: string): Promise<number | undefined>;
  /** Stored articles sharing at least one LSH band with these, with their text, for comparison. */
  nearDuplicateCandidates(bands: number[]): Promise<NearCandidate[]>;
  /** Store an article with its sentences, events and clusters atomically (whole or not at all); durable once committed, at the latest by `close()`. */
  addArticle(article: ArticleInput): Promise<AddResult>;
  /** Events matching a filter. */
  events(filter?: EventFilter): Promise<StoredEvent[]>;
  /** Articles and sentences matching a full-text query. */
  search(query: SearchQuery): Promise<SearchHit[]>;
  /** Counts by language, modality and type. */
  stats(): Promise<StoreStats>;
  /** Commit what is pending and close the store. */
  close(): Promise<void>;
  /** A dyad's events in a window, one row per event (cluster) and set of domains (analytics.types.ts). */
  dyadEvents(query: DyadQuery): Promise<DyadEventRow[]>;
  /** What each outlet reported of a dyad: reports by modality and domains, and a summary row per outlet. */
  dyadOutlets(query: DyadQuery): Promise<OutletRow[]>;
  /** The ids of the strongest cooperative or conflictual asserted acts of each directed pair. */
  strongestActs(query: StrongestQuery): Promise<number[]>;
  /** Event mentions by id with their article, cluster and evidence text, in the order of the ids. */
  evidenceRows(ids: number[]): Promise<EvidenceRow[]>;
  /** Every pair of actors linked by (asserted) events in a window, with distinct events and summed intensity. */
  actorLinks(query?: LinkQuery): Promise<LinkRow[]>;
  /** Which of these actor codes appear in a stored event. */
  actorsPresent(codes: string[]): Promise<string[]>;
}
