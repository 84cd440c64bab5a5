/**
 * The embedded store: SQLite through better-sqlite3 (WAL, busy timeout, foreign keys). Writes go through
 * prepared statements in one synchronous IMMEDIATE transaction per article, so an article is stored whole
 * or not at all; reads go through Kysely, whose queries a PostgreSQL store can share.
 */
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { MizanError } from '../core/errors.js';
import { findByContentHash, insertArticle, insertSentences, nearCandidates, sourceKey } from './article.repository.js';
import { CLUSTER_WINDOW_DAYS } from './cluster-key.js';
import { assignCluster, setClusterRoot } from './cluster.repository.js';
import type { StoreDatabase } from './database.js';
import { insertEvent, listEvents } from './event.repository.js';
import { migrate } from './migrate.js';
import { searchText } from './search.repository.js';
import { storeStats } from './stats.repository.js';
import type { AddResult, ArticleInput, Store } from './store.js';

/** Options of {@link openSqliteStore}; all optional. */
export interface SqliteStoreOptions {
  /** Fail instead of creating the file when it does not exist (default false). */
  mustExist?: boolean;
  /** Days within which mentions of one dyad, type and modality form one event (default 3). */
  clusterWindowDays?: number;
  /** Milliseconds to wait for another writer's lock (default 5000). */
  busyTimeoutMs?: number;
  /** Migrate only up to this migration (for tests of older schemas). */
  migrateTo?: string;
}

/** The SQLite store, with its raw connection for tests and tools. */
export interface SqliteStore extends Store {
  /** The better-sqlite3 connection. */
  readonly db: BetterSqlite3.Database;
}

/** Open (creating and migrating as needed) the SQLite store at `path`. */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  if (options.mustExist && !existsSync(path)) {
    throw new MizanError('MIZAN_E_STORE', 'no store here yet (run "mizan ingest" first, or name one with --db or MIZAN_DB)', path);
  }
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(path);
    db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
  } catch (err) {
    throw new MizanError('MIZAN_E_STORE', `cannot open the store: ${(err as Error).message}`, path);
  }
  try {
    migrate(db, path, options.migrateTo === undefined ? {} : { to: options.migrateTo });
  } catch (err) {
    db.close();
    throw err;
  }
  const k = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: db }) });
  const windowDays = options.clusterWindowDays ?? CLUSTER_WINDOW_DAYS;
  const add = db.transaction((a: ArticleInput): AddResult => {
    const existing = findByContentHash(db, a.contentHash);
    if (existing !== undefined) return { status: 'duplicate', articleId: existing, clustersCreated: 0, clustersJoined: 0 };
    const articleId = insertArticle(db, a, new Date().toISOString());
    const sentenceIds = insertSentences(db, articleId, a.sentences);
    const key = sourceKey(a.meta);
    const created = new Set<number>();
    const joined = new Set<number>();
    for (const e of a.events) {
      const sentenceId = sentenceIds[e.sentence];
      if (sentenceId === undefined) throw new MizanError('MIZAN_E_STORE', `event refers to sentence ${e.sentence}, which the article lacks`, a.meta.origin);
      const c = assignCluster(db, { articleId, sourceKey: key, ...e }, windowDays);
      const eventId = insertEvent(db, articleId, sentenceId, c.clusterId, e);
      if (c.created) {
        setClusterRoot(db, c.clusterId, eventId);
        created.add(c.clusterId);
      } else if (!created.has(c.clusterId)) {
        joined.add(c.clusterId);
      }
    }
    return { status: 'added', articleId, clustersCreated: created.size, clustersJoined: joined.size };
  });
  const guard = <T>(what: string, fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof MizanError) throw err;
      throw new MizanError('MIZAN_E_STORE', `${what}: ${(err as Error).message}`, path);
    }
  };
  return {
    location: path,
    db,
    findByContentHash: async (hash) => guard('lookup failed', () => findByContentHash(db, hash)),
    nearDuplicateCandidates: async (bands) => guard('lookup failed', () => nearCandidates(db, bands)),
    addArticle: async (a) => guard('cannot store the article', () => add.immediate(a)),
    events: (filter) => listEvents(k, filter),
    search: (query) => searchText(k, query),
    stats: () => storeStats(k),
    close: async () => {
      await k.destroy();
    },
  };
}
