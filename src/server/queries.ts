/**
 * The reads the dashboard needs that the `Store` contract has no method for yet: paging through articles,
 * one article with its text and sentences, the actors seen, and a timeline. Plain functions over the
 * store's tables through Kysely, so they can move into src/store as repositories unchanged.
 */
import { Kysely, SqliteDialect, sql } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import { weekStart } from '../core/calendar.js';
import type { Lang } from '../core/types.js';
import type { StoreDatabase } from '../store/database.js';
import type { StoredArticle } from '../store/store.js';

/** A query builder over an open SQLite store connection. */
export function queryBuilder(db: BetterSqlite3.Database): Kysely<StoreDatabase> {
  return new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: db }) });
}

/** Filters and paging of {@link listArticles}. */
export interface ArticleListQuery {
  lang?: Lang;
  /** Publication dates in [since, until] (YYYY-MM-DD). */
  since?: string;
  until?: string;
  outlet?: string;
  limit: number;
  offset: number;
}

/** An article in a list. */
export type ArticleListItem = StoredArticle & { events: number };

const ARTICLE_COLUMNS = ['a.id', 'a.title', 'a.published', 'a.published_date', 'a.outlet', 'a.url', 'a.lang', 'a.origin', 'a.external_id',
  'a.near_duplicate_of'] as const;

interface ArticleRow {
  id: number; title: string | null; published: string | null; published_date: string | null; outlet: string | null; url: string | null;
  lang: string; origin: string; external_id: string | null; near_duplicate_of: number | null;
}

function toArticle(r: ArticleRow): StoredArticle {
  return {
    id: r.id, title: r.title, published: r.published, publishedDate: r.published_date, outlet: r.outlet, url: r.url,
    lang: r.lang as Lang, origin: r.origin, externalId: r.external_id, nearDuplicateOf: r.near_duplicate_of,
  };
}

/** Articles, most recently published first, with their event counts and the total that match. */
export async function listArticles(k: Kysely<StoreDatabase>, q: ArticleListQuery): Promise<{ total: number; items: ArticleListItem[] }> {
  let base = k.selectFrom('article as a');
  if (q.lang) base = base.where('a.lang', '=', q.lang);
  if (q.since) base = base.where('a.published_date', '>=', q.since);
  if (q.until) base = base.where('a.published_date', '<=', q.until);
  if (q.outlet) base = base.where('a.outlet', '=', q.outlet);
  const total = await base.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.select([...ARTICLE_COLUMNS,
    (e) => e.selectFrom('event as ev').whereRef('ev.article_id', '=', 'a.id').select((x) => x.fn.countAll<number>().as('n')).as('events')])
    .orderBy('a.published_date', (o) => o.desc().nullsLast()).orderBy('a.id', 'desc')
    .limit(q.limit).offset(q.offset).execute();
  return { total: Number(total.n), items: rows.map((r) => ({ ...toArticle(r), events: Number(r.events ?? 0) })) };
}

/** One stored article with its text and sentence spans. */
export interface ArticleText {
  article: StoredArticle;
  text: string;
  sentences: Array<{ id: number; seq: number; start: number; end: number }>;
}

/** One article with its text and sentences; undefined when there is none with this id. */
export async function getArticle(k: Kysely<StoreDatabase>, id: number): Promise<ArticleText | undefined> {
  const row = await k.selectFrom('article as a').select([...ARTICLE_COLUMNS, 'a.text']).where('a.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const sentences = await k.selectFrom('sentence').select(['id', 'seq', 'span_start', 'span_end']).where('article_id', '=', id)
    .orderBy('seq').execute();
  return { article: toArticle(row), text: row.text, sentences: sentences.map((s) => ({ id: s.id, seq: s.seq, start: s.span_start, end: s.span_end })) };
}

/**
 * The ids of an article's events as a range: the store writes an article and all its events in one
 * transaction, so they are consecutive. Undefined when the article has no events.
 */
export async function articleEventRange(k: Kysely<StoreDatabase>, articleId: number): Promise<{ afterId: number; count: number } | undefined> {
  const r = await k.selectFrom('event').select([(e) => e.fn.min('id').as('first'), (e) => e.fn.countAll<number>().as('n')])
    .where('article_id', '=', articleId).executeTakeFirstOrThrow();
  return r.first === null || Number(r.n) === 0 ? undefined : { afterId: Number(r.first) - 1, count: Number(r.n) };
}

/** Actor codes seen as source or target, with their event counts, most frequent first. */
export async function actorCounts(k: Kysely<StoreDatabase>): Promise<Array<{ code: string; events: number }>> {
  const rows = await sql<{ code: string; n: number }>`
    SELECT code, COUNT(*) AS n FROM (SELECT source AS code FROM event UNION ALL SELECT target AS code FROM event WHERE target <> source)
    GROUP BY code ORDER BY n DESC, code`.execute(k);
  return rows.rows.map((r) => ({ code: r.code, events: Number(r.n) }));
}

/** A period of the timeline. */
export interface TimelinePeriod {
  period: string;
  events: number;
  byModality: Record<string, number>;
  byLang: Record<string, number>;
}

/** Dated events per day, week (from Monday) or month, in [since, until] when given. */
export async function timeline(k: Kysely<StoreDatabase>, by: 'day' | 'week' | 'month', since?: string, until?: string): Promise<TimelinePeriod[]> {
  let q = k.selectFrom('event as e').innerJoin('article as a', 'a.id', 'e.article_id')
    .select(['e.event_date as date', 'e.modality', 'a.lang', (e) => e.fn.countAll<number>().as('n')])
    .where('e.event_date', 'is not', null);
  if (since) q = q.where('e.event_date', '>=', since);
  if (until) q = q.where('e.event_date', '<=', until);
  const rows = await q.groupBy(['e.event_date', 'e.modality', 'a.lang']).execute();
  const periods = new Map<string, TimelinePeriod>();
  for (const r of rows) {
    const date = r.date as string;
    const key = by === 'day' ? date : by === 'week' ? weekStart(date) : `${date.slice(0, 7)}-01`;
    let p = periods.get(key);
    if (!p) periods.set(key, (p = { period: key, events: 0, byModality: {}, byLang: {} }));
    const n = Number(r.n);
    p.events += n;
    p.byModality[r.modality] = (p.byModality[r.modality] ?? 0) + n;
    p.byLang[r.lang] = (p.byLang[r.lang] ?? 0) + n;
  }
  return [...periods.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
}
