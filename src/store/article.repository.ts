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

/** Insert the article row, its LSH band keys and its title terms; returns the new id. */
export function insertArticle(db: Database, a: ArticleInput, now: string): number {
  const m = a.meta;
  const id = Number(statement(db, `
    INSERT INTO article (content_hash, near_duplicate_of, near_similarity, external_id, title, published, published_date,
      outlet, source_key, url, lang, origin, text, ingested_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    a.contentHash, a.nearDuplicateOf?.id ?? null, a.nearDuplicateOf?.similarity ?? null, m.externalId ?? null, m.title ?? null,
    m.published ?? null, m.publishedDate ?? null, m.outlet ?? null, sourceKey(m), m.url ?? null, a.lang, m.origin, a.text, now,
  ).lastInsertRowid);
  const band = statement(db, 'INSERT OR IGNORE INTO article_lsh (band_key, article_id) VALUES (?, ?)');
  for (const b of a.bands) band.run(b, id);
  if (a.titleTerms) statement(db, 'INSERT INTO title_fts (rowid, terms) VALUES (?, ?)').run(id, a.titleTerms);
  return id;
}

/** Insert an article's sentences and their search terms; returns their ids in order. */
export function insertSentences(db: Database, articleId: number, sentences: ArticleInput['sentences']): number[] {
  const add = statement(db, 'INSERT INTO sentence (article_id, seq, span_start, span_end) VALUES (?, ?, ?, ?)');
  const index = statement(db, 'INSERT INTO sentence_fts (rowid, terms) VALUES (?, ?)');
  return sentences.map((s, seq) => {
    const id = Number(add.run(articleId, seq, s.start, s.end).lastInsertRowid);
    if (s.terms) index.run(id, s.terms);
    return id;
  });
}
