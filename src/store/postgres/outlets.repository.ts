/** What each outlet reported of a dyad, in PostgreSQL (the SQLite form pins its join order with CROSS JOIN … ON, which PostgreSQL has not). */
import { sql, type Kysely } from 'kysely';
import type { DyadQuery, OutletRow } from '../analytics.types.js';
import type { StoreDatabase } from '../database.js';

/** Reports by outlet, modality and domains, and a summary row per outlet (modality null). */
export async function dyadOutletsPostgres(k: Kysely<StoreDatabase>, q: DyadQuery): Promise<OutletRow[]> {
  const window = sql.join([
    sql`TRUE`,
    ...(q.since ? [sql`e.event_date >= ${q.since}`] : []),
    ...(q.until ? [sql`e.event_date <= ${q.until}`] : []),
  ], sql` AND `);
  const rows = await sql<{ outlet: string; modality: string | null; domains: string | null; reports: number; articles: number;
    first_published: string | null; last_published: string | null }>`
    WITH m AS (
      SELECT e.article_id, e.modality, e.domains FROM event e WHERE e.source = ${q.a} AND e.target = ${q.b} AND ${window}
      UNION ALL
      SELECT e.article_id, e.modality, e.domains FROM event e WHERE e.source = ${q.b} AND e.target = ${q.a} AND ${window}),
    pa AS (SELECT article_id, modality, domains, count(*) AS n FROM m GROUP BY article_id, modality, domains),
    pj AS MATERIALIZED (
      SELECT pa.article_id, pa.modality, pa.domains, pa.n, COALESCE(a.outlet, '') AS outlet, a.published_date
      FROM pa JOIN article a ON a.id = pa.article_id)
    SELECT outlet, modality, domains, sum(n) AS reports, 0 AS articles, NULL::date AS first_published, NULL::date AS last_published
    FROM pj GROUP BY outlet, modality, domains
    UNION ALL
    SELECT outlet, NULL, NULL, sum(n), count(DISTINCT article_id), min(published_date), max(published_date)
    FROM pj GROUP BY outlet`.execute(k);
  return rows.rows.map((r) => ({
    outlet: r.outlet, modality: r.modality, domains: r.domains, reports: Number(r.reports), articles: Number(r.articles),
    firstPublished: r.first_published, lastPublished: r.last_published,
  }));
}
