/** Migration: indexes for the analytics reads (dyad profiles, evidence, the alignment network); see analytics.repository.ts. */
import type { Database } from 'better-sqlite3';

/** This migration's name: its creation time, then what it does. */
export const name = '20261129T100000-analytics';

/**
 * Create three indexes: a covering index of a dyad's events (a profile reads them without touching the table),
 * one ordered by intensity within a directed pair and modality (the strongest act is the first entry), and one
 * on the unordered pair within a modality (the network groups by pair in index order).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE INDEX event_dyad_cover ON event (source, target, event_date, modality, type, intensity, cluster_id, article_id, domains);
    CREATE INDEX event_pair_strength ON event (source, target, modality, intensity, event_date);
    CREATE INDEX event_pair_links ON event (modality, (CASE WHEN source < target THEN source ELSE target END),
      (CASE WHEN source < target THEN target ELSE source END), cluster_id, event_date, intensity);
  `);
}
