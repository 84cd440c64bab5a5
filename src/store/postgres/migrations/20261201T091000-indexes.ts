/**
 * Migration: the indexes of the reads. On the partitioned event table each index is created on every month's
 * partition. A dyad's events are read from one covering index (source, target, date); an actor as source or as
 * target, types, dates, and the strongest act of a pair have their own (the links between all actors read every
 * event of a window, which a scan of its partitions serves). Search reads GIN indexes over the terms.
 */
import { sql, type Kysely } from 'kysely';

/** This migration's name: its creation time, then what it does. */
export const name = '20261201T091000-indexes';

const STATEMENTS = [
  'CREATE INDEX article_published_date ON article (published_date)',
  'CREATE INDEX article_title_terms ON article USING gin (title_terms)',
  'CREATE INDEX article_lsh_band ON article_lsh (band_key)',
  'CREATE INDEX sentence_id ON sentence (id)',
  'CREATE INDEX sentence_terms ON sentence USING gin (terms)',
  'CREATE INDEX event_cluster_id ON event_cluster (id)',
  'CREATE INDEX event_cluster_key_date ON event_cluster (cluster_key, first_date)',
  // Lists of events come newest first (event_date DESC NULLS LAST, id DESC): the indexes keep that order.
  'CREATE INDEX event_id ON event (id)',
  `CREATE INDEX event_dyad ON event (source, target, event_date DESC NULLS LAST, id DESC)
    INCLUDE (modality, type, intensity, cluster_id, article_id, domains)`,
  'CREATE INDEX event_source ON event (source, event_date DESC NULLS LAST, id DESC)',
  'CREATE INDEX event_target ON event (target, event_date DESC NULLS LAST, id DESC)',
  'CREATE INDEX event_type_date ON event (type, event_date DESC NULLS LAST, id DESC)',
  'CREATE INDEX event_date ON event (event_date DESC NULLS LAST, id DESC)',
  'CREATE INDEX event_pair_strength ON event (source, target, modality, intensity, event_date)',
];

/** Create the indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of STATEMENTS) await sql.raw(s).execute(db);
}
