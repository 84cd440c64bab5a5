/** Migration: fewer event indexes, since every commit of an ingest rewrites the index pages its batch changed; see docs/ingest-and-store.md. */
import type { Database } from 'better-sqlite3';

/** This migration's name: its creation time, then what it does. */
export const name = '20261129T220000-lean-event-indexes';

/**
 * Three indexes of the event table become one, each of them being pages that every batch of an ingest rewrites:
 * - `event_dyad` (source, target, event_date) and `event_target` (target, event_date) become `event_target_dyad`
 *   (target, source, event_date). It finds a target's events in date order (the target side of `events
 *   --actor`, as `event_target` did) and a directed dyad's in date order (`events --dyad`, a dyad in a date
 *   window, as `event_dyad` did: both columns are tested for equality, so their order does not matter).
 * - `event_cluster_id` (cluster_id) goes: no query reads events by cluster (a cluster is found from its event);
 *   it served only deletes of clusters, which the store never makes.
 */
export function up(db: Database): void {
  db.exec(`
    DROP INDEX event_cluster_id;
    DROP INDEX event_dyad;
    DROP INDEX event_target;
    CREATE INDEX event_target_dyad ON event (target, source, event_date);
  `);
}
