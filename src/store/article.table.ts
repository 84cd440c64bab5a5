/** Row types of the article tables, as the query builder sees them. */
import type { Generated } from 'kysely';

/** One article: its text, metadata and fingerprints. */
export interface ArticleTable {
  id: Generated<number>;
  content_hash: string;
  near_duplicate_of: number | null;
  near_similarity: number | null;
  external_id: string | null;
  title: string | null;
  published: string | null;
  published_date: string | null;
  outlet: string | null;
  source_key: string;
  url: string | null;
  lang: string;
  origin: string;
  text: string;
  ingested_at: string;
}

/** One LSH band key of an article. */
export interface ArticleLshTable {
  band_key: number;
  article_id: number;
}
