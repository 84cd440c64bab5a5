/** Row types of the event tables, as the query builder sees them. */
import type { Generated } from 'kysely';

/** One coded event mention. */
export interface EventTable {
  id: Generated<number>;
  article_id: number;
  sentence_id: number;
  cluster_id: number | null;
  source: string;
  target: string;
  type: string;
  mode: string | null;
  /** Domains joined with ';'. */
  domains: string;
  modality: string;
  intensity: number;
  confidence: number | null;
  source_sector: string | null;
  target_sector: string | null;
  trigger: string | null;
  rule: string | null;
  evidence_start: number;
  evidence_end: number;
  event_date: string | null;
  date_precision: string | null;
  date_text: string | null;
}

/** One real-world event: the cluster of its mentions across articles. */
export interface EventClusterTable {
  id: Generated<number>;
  cluster_key: string;
  source: string;
  target: string;
  type: string;
  modality: string;
  first_date: string | null;
  last_date: string | null;
  num_mentions: number;
  num_articles: number;
  num_sources: number;
  root_event_id: number | null;
}

/** An article reporting a cluster, with its source key. */
export interface ClusterMemberTable {
  cluster_id: number;
  article_id: number;
  source_key: string;
}
