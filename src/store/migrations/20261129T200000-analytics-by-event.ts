/** Migration: a dyad's reports in event order, so that the analytics group them without sorting; see analytics.repository.ts. */
import type { Database } from 'better-sqlite3';

/** This migration's name: its creation time, then what it does. */
export const name = '20261129T200000-analytics-by-event';

/**
 * Replace the covering index of a dyad's events, ordered by date, with one ordered by event (cluster) and
 * domains: a profile groups a direction's reports by event in index order, without a temporary B-tree. The
 * index holds every column the dyad reads take (the article for the outlets), so neither touches the table.
 * A date window is a filter within the dyad's entries.
 */
export function up(db: Database): void {
  db.exec(`
    DROP INDEX event_dyad_cover;
    CREATE INDEX event_dyad_events ON event (source, target, cluster_id, domains, modality, type, intensity, event_date, article_id);
  `);
}
