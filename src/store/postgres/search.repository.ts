/** Full-text search in PostgreSQL: articles ranked by their best matching sentence or title, with highlights. */
import { sql, type Kysely } from 'kysely';
import type { StoreDatabase } from '../database.js';
import { parseQuery } from '../search-terms.js';
import { searchHits, type SearchArticleRow } from '../search.repository.js';
import type { SearchHit, SearchQuery } from '../store.js';
import { toTsQuery } from './ts-query.js';

/**
 * Articles and sentences matching a query, best first. A sentence or title matches when it holds every word;
 * an article's score is its best match's rank, negated so that lower is better as with SQLite's BM25.
 */
export async function searchPostgres(k: Kysely<StoreDatabase>, q: SearchQuery): Promise<SearchHit[]> {
  const parsed = parseQuery(q.text);
  const tsq = toTsQuery(q.text);
  if (!parsed || !tsq) return [];
  const limit = q.limit ?? 20;
  const perArticle = q.sentencesPerArticle ?? 3;
  const filters = sql.join([
    sql`TRUE`,
    ...(q.lang ? [sql`a.lang = ${q.lang}`] : []),
    ...(q.since ? [sql`a.published_date >= ${q.since}`] : []),
    ...(q.until ? [sql`a.published_date <= ${q.until}`] : []),
  ], sql` AND `);
  const query = sql`to_tsquery('simple', ${tsq})`;
  const ranked = await sql<{ article_id: number; score: number }>`
    WITH h AS (
      SELECT s.article_id, ts_rank(s.terms, ${query}) AS rank FROM sentence s WHERE s.terms @@ ${query}
      UNION ALL
      SELECT t.id, ts_rank(t.title_terms, ${query}) FROM article t WHERE t.title_terms @@ ${query})
    SELECT h.article_id, -MAX(h.rank) AS score FROM h JOIN article a ON a.id = h.article_id
    WHERE ${filters}
    GROUP BY h.article_id ORDER BY score, h.article_id LIMIT ${limit}`.execute(k);
  if (ranked.rows.length === 0) return [];
  const ids = ranked.rows.map((r) => r.article_id);
  const articles = new Map((await sql<SearchArticleRow>`
    SELECT id, title, published, published_date, outlet, url, lang, origin, external_id, near_duplicate_of, text
    FROM article WHERE id = ANY(${ids}::bigint[])`.execute(k)).rows.map((r) => [r.id, r]));
  const sentences = (await sql<{ id: number; article_id: number; seq: number; span_start: number; span_end: number }>`
    SELECT s.id, s.article_id, s.seq, s.span_start, s.span_end FROM sentence s
    WHERE s.article_id = ANY(${ids}::bigint[]) AND s.terms @@ ${query}
    ORDER BY ts_rank(s.terms, ${query}) DESC, s.id`.execute(k)).rows;
  return searchHits(ranked.rows, articles, sentences, parsed.terms, perArticle);
}
