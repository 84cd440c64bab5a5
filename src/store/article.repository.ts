/** Articles: lookups by content hash and LSH band, and the writes of one article's rows. */
import type { Database } from 'better-sqlite3';
import { normalizeKey } from '../text/normalize.js';
import { statement } from './statements.js';
import type { ArticleInput, ArticleMeta, NearCandidate } from './store.js';

/** The id of the article with this content hash, if stored. */
export function findByContentHash(db: Database, hash: string): number | undefined {
  return statement<[string], { id: number }>(db, 'SELECT id FROM article WHERE content_hash = ?').get(hash)?.id;
}

/** Articles sharing at least one LSH band key with `bands`, with their text. */
export function nearCandidates(db: Database, bands: readonly number[]): NearCandidate[] {
  if (bands.length === 0) return [];
  const marks = bands.map(() => '?').join(', ');
  return statement<number[], NearCandidate>(db, `
    SELECT id, text FROM article WHERE id IN (SELECT DISTINCT article_id FROM article_lsh WHERE band_key IN (${marks}))
    ORDER BY id`).all(...bands);
}

/**
 * The key that counts an article's source: its outlet's normalized name, else its URL's host
 * (without www.), else '?' (every unattributed article counts as one unknown source).
 */
export function sourceKey(meta: ArticleMeta): string {
  if (meta.outlet?.trim()) return normalizeKey(meta.outlet);
  if (meta.url) {
    try {
      return new URL(meta.url).hostname.replace(/^www\./u, '');
    } catch {
      // not a URL: fall through
    }
  }
  return '?';
}

/**
 * Insert the article row and its LSH band keys; returns the new id. `source` is its {@link sourceKey}, which the
 * caller also counts its clusters' sources by (normalizing the outlet once). Its search terms go through {@link SearchTerms}.
 */
export function insertArticle(db: Database, a: ArticleInput, source: string, now: string): number {
  const m = a.meta;
  const id = Number(statement(db, `
    INSERT INTO article (content_hash, near_duplicate_of, near_similarity, external_id, title, published, published_date,
      outlet, source_key, url, lang, origin, text, ingested_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    a.contentHash, a.nearDuplicateOf?.id ?? null, a.nearDuplicateOf?.similarity ?? null, m.externalId ?? null, m.title ?? null,
    m.published ?? null, m.publishedDate ?? null, m.outlet ?? null, source, m.url ?? null, a.lang, m.origin, a.text, now,
  ).lastInsertRowid);
  const band = statement(db, 'INSERT OR IGNORE INTO article_lsh (band_key, article_id) VALUES (?, ?)');
  for (const b of a.bands) band.run(b, id);
  return id;
}

/** Insert an article's sentences; returns their ids in order. Their search terms go through {@link SearchTerms}. */
export function insertSentences(db: Database, articleId: number, sentences: ArticleInput['sentences']): number[] {
  const add = statement(db, 'INSERT INTO sentence (article_id, seq, span_start, span_end) VALUES (?, ?, ?, ?)');
  return sentences.map((s, seq) => Number(add.run(articleId, seq, s.start, s.end).lastInsertRowid));
}

/**
 * Full-text rows of stored articles, held until their batch commits. FTS5 writes its pending terms out as a new
 * index segment at every savepoint, so terms written inside each article's savepoint made one segment per article
 * (and the merges that follow); written after the batch's last savepoint, they make one segment per batch.
 */
export class SearchTerms {
  private titles: [number, string][] = [];
  private sentences: [number, string][] = [];

  /** Hold the title and sentence terms of an article whose rows were written with these ids. */
  hold(articleId: number, a: ArticleInput, sentenceIds: readonly number[]): void {
    if (a.titleTerms) this.titles.push([articleId, a.titleTerms]);
    a.sentences.forEach((s, i) => {
      if (s.terms) this.sentences.push([sentenceIds[i] as number, s.terms]);
    });
  }

  /** Write every held row into the full-text indexes (inside the open transaction), in the order they were held. */
  write(db: Database): void {
    const title = statement(db, 'INSERT INTO title_fts (rowid, terms) VALUES (?, ?)');
    const sentence = statement(db, 'INSERT INTO sentence_fts (rowid, terms) VALUES (?, ?)');
    try {
      for (const [id, terms] of this.titles) title.run(id, terms);
      for (const [id, terms] of this.sentences) sentence.run(id, terms);
    } finally {
      this.clear();
    }
  }

  /** Forget every held row (their articles were rolled back). */
  clear(): void {
    this.titles = [];
    this.sentences = [];
  }
}
