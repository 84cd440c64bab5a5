/** Counts over the PostgreSQL store: articles, sentences, events and clusters, by language, modality and type. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { StoreDatabase } from '../database.js';
import type { StoreStats } from '../store.js';

type Counted = Array<{ key: string; n: number }>;

const byKey = (rows: Counted): Record<string, number> => Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));
const sum = (rows: Counted): number => rows.reduce((t, r) => t + Number(r.n), 0);

/** Count everything in the store. */
export async function statsPostgres(k: Kysely<StoreDatabase>): Promise<StoreStats> {
  const rows = async (q: RawBuilder<unknown>): Promise<Counted> => (await (q as RawBuilder<Counted[number]>).execute(k)).rows;
  const articles = await rows(sql`SELECT lang AS key, count(*) AS n FROM article GROUP BY lang ORDER BY lang`);
  const span = (await sql<{ first: string | null; last: string | null; near: number }>`
    SELECT min(published_date) AS first, max(published_date) AS last, count(near_duplicate_of) AS near FROM article`.execute(k)).rows[0];
  const sentences = await rows(sql`
    SELECT a.lang AS key, count(*) AS n FROM sentence s JOIN article a ON a.id = s.article_id GROUP BY a.lang ORDER BY a.lang`);
  const eventsByLang = await rows(sql`
    SELECT a.lang AS key, count(*) AS n FROM event e JOIN article a ON a.id = e.article_id GROUP BY a.lang ORDER BY a.lang`);
  const byModality = await rows(sql`SELECT modality AS key, count(*) AS n FROM event GROUP BY modality ORDER BY modality`);
  const byType = await rows(sql`SELECT type AS key, count(*) AS n FROM event GROUP BY type ORDER BY type`);
  const clusters = (await sql<{ total: number; multi: number }>`
    SELECT count(*) AS total, count(*) FILTER (WHERE num_articles > 1) AS multi FROM event_cluster`.execute(k)).rows[0];
  return {
    articles: { total: sum(articles), byLang: byKey(articles), nearDuplicates: Number(span?.near ?? 0), firstDate: span?.first ?? null, lastDate: span?.last ?? null },
    sentences: { total: sum(sentences), byLang: byKey(sentences) },
    events: { total: sum(byModality), byLang: byKey(eventsByLang), byModality: byKey(byModality), byType: byKey(byType) },
    clusters: { total: Number(clusters?.total ?? 0), multiArticle: Number(clusters?.multi ?? 0) },
  };
}
