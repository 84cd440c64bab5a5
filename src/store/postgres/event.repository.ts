/**
 * Event lists in PostgreSQL, newest first. A dyad either way, or an actor as source or target, is read as one
 * branch per direction, each taking its newest rows from its own index in every month's partition and stopping
 * at the limit; the branches are merged, and only the rows kept are joined with their articles and clusters.
 * (The SQLite store's single query with OR would make PostgreSQL read and sort every event of a dyad.)
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { StoreDatabase } from '../database.js';
import { articleTexts, toStoredEvent, type EventListRow } from '../event.repository.js';
import type { EventFilter, StoredEvent } from '../store.js';

/** The conditions on source and target, one per branch. */
function branches(f: EventFilter): RawBuilder<unknown>[] {
  if (f.dyad) {
    const [x, y] = f.dyad;
    const forward = sql`e.source = ${x} AND e.target = ${y}`;
    return f.directed || x === y ? [forward] : [forward, sql`e.source = ${y} AND e.target = ${x}`];
  }
  if (f.actor) return [sql`e.source = ${f.actor}`, sql`e.target = ${f.actor} AND e.source <> ${f.actor}`];
  return [sql`TRUE`];
}

/** Events matching a filter, most recent first (or in id order after `afterId`), with evidence text. */
export async function listEventsPostgres(k: Kysely<StoreDatabase>, f: EventFilter = {}): Promise<StoredEvent[]> {
  const common = sql.join([
    sql`TRUE`,
    ...(f.type ? [sql`e.type = ${f.type}`] : []),
    ...(f.modality ? [sql`e.modality = ${f.modality}`] : []),
    ...(f.domain ? [sql`(';' || e.domains || ';') LIKE ${`%;${f.domain};%`}`] : []),
    ...(f.since ? [sql`e.event_date >= ${f.since}`] : []),
    ...(f.until ? [sql`e.event_date <= ${f.until}`] : []),
    ...(f.distinct ? [sql`EXISTS (SELECT 1 FROM event_cluster c WHERE c.id = e.cluster_id AND c.root_event_id = e.id)`] : []),
    ...(f.afterId !== undefined ? [sql`e.id > ${f.afterId}`] : []),
  ], sql` AND `);
  const byId = f.afterId !== undefined;
  const order = (t: string): RawBuilder<unknown> => (byId ? sql`${sql.ref(`${t}.id`)}`
    : sql`${sql.ref(`${t}.event_date`)} DESC NULLS LAST, ${sql.ref(`${t}.id`)} DESC`);
  const limit = f.limit !== undefined && f.limit > 0 ? sql`LIMIT ${f.limit}` : sql``;
  const parts = branches(f).map((b) => sql`(SELECT e.* FROM event e WHERE ${b} AND ${common} ORDER BY ${order('e')} ${limit})`);
  const picked = parts.length === 1 ? (parts[0] as RawBuilder<unknown>) : sql`SELECT u.* FROM (${sql.join(parts, sql` UNION ALL `)}) u ORDER BY ${order('u')} ${limit}`;
  const rows = (await sql<EventListRow>`
    WITH p AS (${picked})
    SELECT p.*, a.title, a.published_date, a.outlet, a.url, a.lang, c.num_mentions, c.num_articles, c.num_sources, c.first_date, c.last_date
    FROM p JOIN article a ON a.id = p.article_id LEFT JOIN event_cluster c ON c.id = p.cluster_id
    ORDER BY ${order('p')}`.execute(k)).rows;
  const texts = await articleTexts(k, [...new Set(rows.map((r) => r.article_id))]);
  return rows.map((r) => toStoredEvent(r, texts.get(r.article_id) ?? ''));
}
