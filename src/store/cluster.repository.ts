/** Event clusters: assigning a mention to the cluster of its real-world event, and keeping the counts. */
import type { Database } from 'better-sqlite3';
import { addDays } from '../core/calendar.js';
import type { EventType, Modality } from '../core/types.js';
import { clusterKey } from './cluster-key.js';
import { statement } from './statements.js';

/** One event mention to cluster. */
export interface ClusterMention {
  articleId: number;
  /** The article's outlet key, for counting distinct sources. */
  sourceKey: string;
  source: string;
  target: string;
  type: EventType;
  modality: Modality;
  eventDate?: string | undefined;
}

/** Where a mention went. */
export interface ClusterAssignment {
  clusterId: number;
  /** True when the mention opened a new cluster. */
  created: boolean;
}

interface Candidate {
  id: number;
  first_date: string;
}

/**
 * Put a mention into the cluster of its key whose first date lies within `windowDays` of the mention's
 * date (the nearest such cluster), or open a new one, with `rootEventId` (the mention's id, when known
 * before it is stored) as its first mention. An undated mention joins only an undated cluster of its key
 * that already holds its article. Counts of mentions, articles and sources follow.
 */
export function assignCluster(db: Database, m: ClusterMention, windowDays: number, rootEventId?: number): ClusterAssignment {
  const key = clusterKey(m);
  let clusterId: number | undefined;
  if (m.eventDate) {
    const rows = statement<[string, string, string], Candidate>(db,
      'SELECT id, first_date FROM event_cluster WHERE cluster_key = ? AND first_date BETWEEN ? AND ?')
      .all(key, addDays(m.eventDate, -windowDays), addDays(m.eventDate, windowDays));
    const at = Date.parse(m.eventDate);
    let best = Infinity;
    // The nearest, and of clusters as near the oldest (rows come in date order, read from the index: no sort).
    for (const c of rows) {
      const d = Math.abs(Date.parse(c.first_date) - at);
      if (d < best || (d === best && c.id < (clusterId as number))) [best, clusterId] = [d, c.id];
    }
  } else {
    clusterId = statement<[number, string], { id: number }>(db, `
      SELECT c.id FROM event_cluster c JOIN cluster_member cm ON cm.cluster_id = c.id AND cm.article_id = ?
      WHERE c.cluster_key = ? AND c.first_date IS NULL`).get(m.articleId, key)?.id;
  }
  if (clusterId === undefined) {
    const id = Number(statement(db, `
      INSERT INTO event_cluster (cluster_key, source, target, type, modality, first_date, last_date, num_mentions, num_articles, num_sources, root_event_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1, 1, ?)`).run(key, m.source, m.target, m.type, m.modality, m.eventDate ?? null, m.eventDate ?? null, rootEventId ?? null)
      .lastInsertRowid);
    statement(db, 'INSERT INTO cluster_member (cluster_id, article_id, source_key) VALUES (?, ?, ?)').run(id, m.articleId, m.sourceKey);
    return { clusterId: id, created: true };
  }
  const joined = statement(db, 'INSERT OR IGNORE INTO cluster_member (cluster_id, article_id, source_key) VALUES (?, ?, ?)')
    .run(clusterId, m.articleId, m.sourceKey).changes > 0;
  // A new source is one no other article of the cluster came from.
  const newSource = joined && statement<[number, string, number], { one: number }>(db,
    'SELECT 1 AS one FROM cluster_member WHERE cluster_id = ? AND source_key = ? AND article_id <> ? LIMIT 1')
    .get(clusterId, m.sourceKey, m.articleId) === undefined;
  statement(db, `
    UPDATE event_cluster SET num_mentions = num_mentions + 1, num_articles = num_articles + @joined, num_sources = num_sources + @newSource,
      first_date = min(first_date, coalesce(@date, first_date)), last_date = max(last_date, coalesce(@date, last_date))
    WHERE id = @id`).run({ joined: joined ? 1 : 0, newSource: newSource ? 1 : 0, date: m.eventDate ?? null, id: clusterId });
  return { clusterId, created: false };
}

/** Record the first mention of a new cluster. */
export function setClusterRoot(db: Database, clusterId: number, eventId: number): void {
  statement(db, 'UPDATE event_cluster SET root_event_id = ? WHERE id = ?').run(eventId, clusterId);
}
