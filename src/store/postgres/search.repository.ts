/** Full-text search in PostgreSQL: articles ranked by their best matching sentence or title, with highlights. */
import { sql, type Kysely } from 'kysely';
import type { Lang } from '../../core/types.js';
import type { StoreDatabase } from '../database.js';
import { highlights, parseQuery } from '../search-terms.js';
import type { SearchHit, SearchQuery, SentenceHit } from '../store.js';
import { toTsQuery } from './ts-query.js';

interface ArticleRow {
  id: number;
  title: string | null;
  published: string | null;
  published_date: string | null;
  outlet: string | null;
  url: string | null;
  lang: string;
  origin: string;
  external_id: string | null;
  near_duplicate_of: number | null;
  text: string;
}

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
  const articles = new Map((await sql<ArticleRow>`
    SELECT id, title, published, published_date, outlet, url, lang, origin, external_id, near_duplicate_of, text
    FROM article WHERE id = ANY(${ids}::bigint[])`.execute(k)).rows.map((r) => [r.id, r]));
  const sentences = (await sql<{ id: number; article_id: number; seq: number; span_start: number; span_end: number }>`
    SELECT s.id, s.article_id, s.seq, s.span_start, s.span_end FROM sentence s
    WHERE s.article_id = ANY(${ids}::bigint[]) AND s.terms @@ ${query}
    ORDER BY ts_rank(s.terms, ${query}) DESC, s.id`.execute(k)).rows;
  return ranked.rows.map(({ article_id, score }) => {
    const a = articles.get(article_id) as ArticleRow;
    const own = sentences.filter((s) => s.article_id === article_id).slice(0, perArticle).sort((x, y) => x.seq - y.seq);
    const hits: SentenceHit[] = own.map((s) => {
      const text = a.text.slice(s.span_start, s.span_end);
      return { id: s.id, seq: s.seq, start: s.span_start, end: s.span_end, text, highlights: highlights(text, parsed.terms) };
    });
    return {
      article: {
        id: a.id, title: a.title, published: a.published, publishedDate: a.published_date, outlet: a.outlet, url: a.url,
        lang: a.lang as Lang, origin: a.origin, externalId: a.external_id, nearDuplicateOf: a.near_duplicate_of,
      },
      score: Number(score), titleHighlights: a.title ? highlights(a.title, parsed.terms) : [], sentences: hits,
    };
  });
}
