/** Row types of the sentence tables, as the query builder sees them. */
import type { Generated } from 'kysely';

/** One sentence: its place in the article text. */
export interface SentenceTable {
  id: Generated<number>;
  article_id: number;
  seq: number;
  span_start: number;
  span_end: number;
}

/** The contentless FTS5 index of sentences and titles (rowid = sentence or article id). */
export interface FtsTable {
  rowid: number;
  terms: string;
}
