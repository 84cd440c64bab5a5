/** Migration: articles, their sentences and the events coded in them, with evidence offsets. */
import type { Database } from 'better-sqlite3';

/** This migration's name: its creation time, then what it does. */
export const name = '20261129T090000-core';

/** Create the article, sentence and event tables. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE article (
      id INTEGER PRIMARY KEY,
      content_hash TEXT NOT NULL UNIQUE,
      near_duplicate_of INTEGER REFERENCES article(id) ON DELETE SET NULL,
      near_similarity REAL,
      external_id TEXT,
      title TEXT,
      published TEXT,
      published_date TEXT CHECK (published_date IS NULL OR published_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      outlet TEXT,
      source_key TEXT NOT NULL,
      url TEXT,
      lang TEXT NOT NULL CHECK (lang IN ('ar', 'en', 'ru', 'und')),
      origin TEXT NOT NULL,
      text TEXT NOT NULL,
      ingested_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX article_published_date ON article (published_date);

    CREATE TABLE article_lsh (
      band_key INTEGER NOT NULL,
      article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
      PRIMARY KEY (band_key, article_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE sentence (
      id INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      span_start INTEGER NOT NULL,
      span_end INTEGER NOT NULL,
      CHECK (0 <= span_start AND span_start <= span_end),
      UNIQUE (article_id, seq)
    ) STRICT;

    CREATE TABLE event (
      id INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
      sentence_id INTEGER NOT NULL REFERENCES sentence(id) ON DELETE CASCADE,
      source TEXT NOT NULL,
      target TEXT NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
        'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT')),
      mode TEXT,
      domains TEXT NOT NULL,
      modality TEXT NOT NULL CHECK (modality IN ('asserted', 'negated', 'future', 'speculative', 'normative')),
      intensity REAL NOT NULL,
      confidence REAL,
      source_sector TEXT,
      target_sector TEXT,
      trigger TEXT,
      rule TEXT,
      evidence_start INTEGER NOT NULL,
      evidence_end INTEGER NOT NULL,
      event_date TEXT CHECK (event_date IS NULL OR event_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      date_precision TEXT CHECK (date_precision IN ('day', 'week', 'month', 'year')),
      date_text TEXT,
      CHECK (0 <= evidence_start AND evidence_start <= evidence_end)
    ) STRICT;
    CREATE INDEX event_dyad ON event (source, target, event_date);
    CREATE INDEX event_target ON event (target, event_date);
    CREATE INDEX event_date ON event (event_date);
    CREATE INDEX event_article ON event (article_id);
  `);
}
