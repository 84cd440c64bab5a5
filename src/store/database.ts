/** The schema as the query builder sees it: every table by name. */
import type { ArticleLshTable, ArticleTable } from './article.table.js';
import type { ClusterMemberTable, EventClusterTable, EventTable } from './event.table.js';
import type { FtsTable, SentenceTable } from './sentence.table.js';

/** Every table of the store. */
export interface StoreDatabase {
  article: ArticleTable;
  article_lsh: ArticleLshTable;
  sentence: SentenceTable;
  sentence_fts: FtsTable;
  title_fts: FtsTable;
  event: EventTable;
  event_cluster: EventClusterTable;
  cluster_member: ClusterMemberTable;
}
