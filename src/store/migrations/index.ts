/** The schema's migrations, oldest first. Names are creation timestamps; a name is never reused or edited once shipped. */
import type { Database } from 'better-sqlite3';
import * as core from './20261129T090000-core.js';
import * as search from './20261129T091000-search.js';
import * as clusters from './20261129T092000-clusters.js';
import * as analytics from './20261129T100000-analytics.js';
import * as analyticsByEvent from './20261129T200000-analytics-by-event.js';
import * as leanEventIndexes from './20261129T220000-lean-event-indexes.js';

/** One migration: a timestamped name and a synchronous step run inside a transaction. */
export interface Migration {
  name: string;
  up(db: Database): void;
}

/** Every migration, in the order they apply. */
export const MIGRATIONS: readonly Migration[] = [core, search, clusters, analytics, analyticsByEvent, leanEventIndexes];
