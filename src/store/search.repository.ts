/** Full-text search: articles ranked by their best matching sentence or title (BM25), with highlights. */
import { sql, type Kysely } from 'kysely';
import type { Lang } from '../core/types.js';
import type { StoreDatabase } from './database.js';
import { highlights, parseQuery, type QueryTerm } from './search-terms.js';
import type { SearchHit, SearchQuery, SentenceHit, StoredArticle } from './store.js';

/** An article row as both stores' searches read it. */
export interface SearchArticleRow {
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

/** Articles and sentences matching a query, best first. */
export async function searchText(k: Kysely<StoreDatabase>, q: SearchQuery): Promise<SearchHit[]> {
  const parsed = parseQuery(q.text);
  if (!parsed) return [];
  const limit = q.limit ?? 20;
  const perArticle = q.sentencesPerArticle ?? 3;
  const filters = sql.join([
    sql`1 = 1`,
    ...(q.lang ? [sql`a.lang = ${q.lang}`] : []),
    ...(q.since ? [sql`a.published_date >= ${q.since}`] : []),
    ...(q.until ? [sql`a.published_date <= ${q.until}`] : []),
  ], sql` AND `);
  const ranked = await sql<{ article_id: number; score: number }>`
    SELECT article_id, MIN(score) AS score FROM (
      SELECT s.article_id, f.rank AS score FROM sentence_fts f JOIN sentence s ON s.id = f.rowid
      WHERE sentence_fts MATCH ${parsed.fts}
      UNION ALL
      SELECT t.rowid AS article_id, t.rank AS score FROM title_fts t WHERE title_fts MATCH ${parsed.fts}
    ) h JOIN article a ON a.id = h.article_id
    WHERE ${filters}
    GROUP BY article_id ORDER BY score, article_id LIMIT ${limit}`.execute(k);
  if (ranked.rows.length === 0) return [];
  const ids = ranked.rows.map((r) => r.article_id);
  const articles = new Map((await sql<SearchArticleRow>`
    SELECT id, title, published, published_date, outlet, url, lang, origin, external_id, near_duplicate_of, text
    FROM article WHERE id IN (${sql.join(ids)})`.execute(k)).rows.map((r) => [r.id, r]));
  const sentences = (await sql<{ id: number; article_id: number; seq: number; span_start: number; span_end: number; score: number }>`
    SELECT s.id, s.article_id, s.seq, s.span_start, s.span_end, f.rank AS score
    FROM sentence_fts f JOIN sentence s ON s.id = f.rowid
    WHERE sentence_fts MATCH ${parsed.fts} AND s.article_id IN (${sql.join(ids)})
    ORDER BY f.rank, s.id`.execute(k)).rows;
  return searchHits(ranked.rows, articles, sentences, parsed.terms, perArticle);
}

/** A sentence that matched, as both stores' searches read it. */
export interface MatchedSentenceRow {
  id: number;
  article_id: number;
  seq: number;
  span_start: number;
  span_end: number;
}

/**
 * The hits of a search, in the order of `ranked`: each article with its title highlights and its first
 * `perArticle` matching sentences (`sentences` come best first), shown in text order.
 */
export function searchHits(ranked: ReadonlyArray<{ article_id: number; score: number | string }>, articles: Map<number, SearchArticleRow>,
  sentences: readonly MatchedSentenceRow[], terms: readonly QueryTerm[], perArticle: number): SearchHit[] {
  return ranked.map(({ article_id, score }) => {
    const a = articles.get(article_id) as SearchArticleRow;
    const own = sentences.filter((s) => s.article_id === article_id).slice(0, perArticle).sort((x, y) => x.seq - y.seq);
    const hits: SentenceHit[] = own.map((s) => {
      const text = a.text.slice(s.span_start, s.span_end);
      return { id: s.id, seq: s.seq, start: s.span_start, end: s.span_end, text, highlights: highlights(text, terms) };
    });
    return { article: toArticle(a), score: Number(score), titleHighlights: a.title ? highlights(a.title, terms) : [], sentences: hits };
  });
}

function toArticle(r: SearchArticleRow): StoredArticle {
  return {
    id: r.id, title: r.title, published: r.published, publishedDate: r.published_date, outlet: r.outlet, url: r.url,
    lang: r.lang as Lang, origin: r.origin, externalId: r.external_id, nearDuplicateOf: r.near_duplicate_of,
  };
}
