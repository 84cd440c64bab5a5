/**
 * Migration: the PostgreSQL schema of articles, sentences, events and event clusters. Every large table names
 * its distribution column (see docs/scale-out.md): `article_id` for an article and everything coded in it,
 * `content_hash` for the hash index that makes writes idempotent, `cluster_key` for event clusters. Unique
 * keys and foreign keys include the distribution column, so Citus can distribute the tables unchanged.
 * Events are partitioned by month of their date; undated and pre-2000 events sit in the default partition.
 */
import { sql, type Kysely } from 'kysely';

/** This migration's name: its creation time, then what it does. */
export const name = '20261201T090000-core';

const STATEMENTS = [
  // Distribution column: id.
  `CREATE TABLE article (
    id bigserial PRIMARY KEY,
    content_hash text NOT NULL,
    near_duplicate_of bigint,
    near_similarity double precision,
    external_id text,
    title text,
    title_terms tsvector,
    published text,
    published_date date,
    outlet text,
    source_key text NOT NULL,
    url text,
    lang text NOT NULL CHECK (lang IN ('ar', 'en', 'ru', 'und')),
    origin text NOT NULL,
    text text NOT NULL,
    ingested_at timestamptz NOT NULL
  )`,
  // Distribution column: content_hash. One row per stored article; inserting here first makes a write idempotent.
  `CREATE TABLE article_hash (
    content_hash text PRIMARY KEY,
    article_id bigint NOT NULL
  )`,
  // Distribution column: article_id (co-located with article).
  `CREATE TABLE article_lsh (
    article_id bigint NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    band_key bigint NOT NULL,
    PRIMARY KEY (article_id, band_key)
  )`,
  // Distribution column: article_id. `terms` holds the search terms of search-terms.ts as a 'simple' tsvector.
  `CREATE TABLE sentence (
    article_id bigint NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    id bigserial NOT NULL,
    seq integer NOT NULL,
    span_start integer NOT NULL,
    span_end integer NOT NULL,
    terms tsvector NOT NULL,
    PRIMARY KEY (article_id, id),
    UNIQUE (article_id, seq),
    CHECK (0 <= span_start AND span_start <= span_end)
  )`,
  // Distribution column: cluster_key.
  `CREATE TABLE event_cluster (
    cluster_key text NOT NULL,
    id bigserial NOT NULL,
    source text NOT NULL,
    target text NOT NULL,
    type text NOT NULL,
    modality text NOT NULL,
    first_date date,
    last_date date,
    num_mentions integer NOT NULL,
    num_articles integer NOT NULL,
    num_sources integer NOT NULL,
    root_event_id bigint,
    PRIMARY KEY (cluster_key, id)
  )`,
  // Distribution column: cluster_key (co-located with event_cluster).
  `CREATE TABLE cluster_member (
    cluster_key text NOT NULL,
    cluster_id bigint NOT NULL,
    article_id bigint NOT NULL,
    source_key text NOT NULL,
    PRIMARY KEY (cluster_key, cluster_id, article_id),
    FOREIGN KEY (cluster_key, cluster_id) REFERENCES event_cluster (cluster_key, id) ON DELETE CASCADE
  )`,
  // Distribution column: article_id (co-located with article and sentence). Partitioned by month of event_date.
  `CREATE TABLE event (
    id bigserial NOT NULL,
    article_id bigint NOT NULL,
    sentence_id bigint NOT NULL,
    cluster_id bigint,
    source text NOT NULL,
    target text NOT NULL,
    type text NOT NULL CHECK (type IN ('AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
      'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT')),
    mode text,
    domains text NOT NULL,
    modality text NOT NULL CHECK (modality IN ('asserted', 'negated', 'future', 'speculative', 'normative')),
    intensity double precision NOT NULL,
    confidence double precision,
    source_sector text,
    target_sector text,
    trigger text,
    rule text,
    evidence_start integer NOT NULL,
    evidence_end integer NOT NULL,
    event_date date,
    date_precision text CHECK (date_precision IN ('day', 'week', 'month', 'year')),
    date_text text,
    CHECK (0 <= evidence_start AND evidence_start <= evidence_end),
    FOREIGN KEY (article_id, sentence_id) REFERENCES sentence (article_id, id) ON DELETE CASCADE
  ) PARTITION BY RANGE (event_date)`,
  // The constraint tells PostgreSQL that a new month's partition needs no scan of the default partition.
  `CREATE TABLE event_default PARTITION OF event (
    CONSTRAINT event_default_range CHECK (event_date IS NULL OR event_date < DATE '2000-01-01')
  ) DEFAULT`,
];

/** Create the tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of STATEMENTS) await sql.raw(s).execute(db);
}
