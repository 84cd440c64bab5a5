/** Migration: event clusters (reports of one real-world event across articles), filled for stored events. */
import type { Database } from 'better-sqlite3';
import { CLUSTER_WINDOW_DAYS } from '../cluster-key.js';
import { assignCluster, setClusterRoot } from '../cluster.repository.js';

/** This migration's name: its creation time, then what it does. */
export const name = '20261129T092000-clusters';

const PAGE = 2000;

interface EventRow {
  id: number;
  article_id: number;
  source_key: string;
  source: string;
  target: string;
  type: string;
  modality: string;
  event_date: string | null;
}

/** Create the cluster tables and cluster every stored event, in article order. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE event_cluster (
      id INTEGER PRIMARY KEY,
      cluster_key TEXT NOT NULL,
      source TEXT NOT NULL,
      target TEXT NOT NULL,
      type TEXT NOT NULL,
      modality TEXT NOT NULL,
      first_date TEXT,
      last_date TEXT,
      num_mentions INTEGER NOT NULL,
      num_articles INTEGER NOT NULL,
      num_sources INTEGER NOT NULL,
      root_event_id INTEGER
    ) STRICT;
    CREATE INDEX event_cluster_key ON event_cluster (cluster_key, first_date);

    CREATE TABLE cluster_member (
      cluster_id INTEGER NOT NULL REFERENCES event_cluster(id) ON DELETE CASCADE,
      article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
      source_key TEXT NOT NULL,
      PRIMARY KEY (cluster_id, article_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX cluster_member_source ON cluster_member (cluster_id, source_key);

    ALTER TABLE event ADD COLUMN cluster_id INTEGER REFERENCES event_cluster(id) ON DELETE SET NULL;
    CREATE INDEX event_cluster_id ON event (cluster_id);
  `);
  const page = db.prepare<[number, number], EventRow>(`
    SELECT e.id, e.article_id, a.source_key, e.source, e.target, e.type, e.modality, e.event_date
    FROM event e JOIN article a ON a.id = e.article_id WHERE e.id > ? ORDER BY e.id LIMIT ?`);
  const setCluster = db.prepare('UPDATE event SET cluster_id = ? WHERE id = ?');
  for (let after = 0, rows = page.all(after, PAGE); rows.length > 0; rows = page.all(after, PAGE)) {
    for (const e of rows) {
      const { clusterId, created } = assignCluster(db, {
        articleId: e.article_id, sourceKey: e.source_key, source: e.source, target: e.target,
        type: e.type as never, modality: e.modality as never, eventDate: e.event_date ?? undefined,
      }, CLUSTER_WINDOW_DAYS);
      setCluster.run(clusterId, e.id);
      if (created) setClusterRoot(db, clusterId, e.id);
      after = e.id;
    }
  }
}
