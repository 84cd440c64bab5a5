/** Migration: fewer and narrower event indexes, since every commit rewrites the index pages its batch changed; see docs/ingest-and-store.md. */
import type { Database } from 'better-sqlite3';

/** This migration's name: its creation time, then what it does. */
export const name = '20261129T220000-lean-event-indexes';

/**
 * Drop two indexes of the event table and narrow a third, each of which every batch of an ingest rewrites
 * page by page:
 * - `event_cluster_id` (cluster_id): no query reads events by cluster (a cluster is found from its event); it
 *   served only deletes of clusters, which the store never makes.
 * - `event_dyad` (source, target, event_date): a dyad's events are found by the (source, target) prefix of
 *   `event_pair_strength` or `event_dyad_events`, which hold the date too; `events --dyad` sorted its rows
 *   by date already (it reads both directions), `--directed` now sorts its one direction as well.
 * - `event_target` (target, event_date) becomes (target): the entries of a target then follow the event ids,
 *   so that a batch appends to each target's entries instead of writing among them. An actor's events (source
 *   or target) are sorted by date after the lookup either way.
 */
export function up(db: Database): void {
  db.exec(`
    DROP INDEX event_cluster_id;
    DROP INDEX event_dyad;
    DROP INDEX event_target;
    CREATE INDEX event_target ON event (target);
  `);
}
