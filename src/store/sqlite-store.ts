/**
 * The embedded store: SQLite through better-sqlite3 (WAL, busy timeout, foreign keys). Writes go through
 * prepared statements; each article is written inside its own savepoint, so it is stored whole or not at
 * all, and savepoints are committed together every `batchSize` articles or `batchMs` milliseconds (FTS5
 * writes a new index segment per commit, which made one commit per article 2.3 ms dearer). A killed run
 * loses at most the open batch, which the next run ingests again. Reads go through Kysely, whose queries
 * a PostgreSQL store can share.
 */
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { MizanError } from '../core/errors.js';
import { actorLinks, actorsPresent, dyadEvents, dyadOutlets, evidenceRows, strongestActs } from './analytics.repository.js';
import { findByContentHash, insertArticle, insertSentences, nearCandidates, SearchTerms, sourceKey } from './article.repository.js';
import { CLUSTER_WINDOW_DAYS } from './cluster-key.js';
import { assignCluster } from './cluster.repository.js';
import type { StoreDatabase } from './database.js';
import { insertEvent, listEvents } from './event.repository.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { searchText } from './search.repository.js';
import { nextRowid } from './statements.js';
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
  /** Articles per commit (default 500; 1 commits every article). */
  batchSize?: number;
  /** Longest time an article waits for its commit, in milliseconds (default 1000). */
  batchMs?: number;
}

/** The SQLite store, with its raw connection for tests and tools. */
export interface SqliteStore extends Store {
  /** The better-sqlite3 connection. */
  readonly db: BetterSqlite3.Database;
}

/** WAL pages past which a commit checkpoints (32 MiB of 4 KiB pages); see openSqliteStore. */
const WAL_CHECKPOINT_PAGES = 8192;

/** True for SQLite's "database is locked": another connection kept the write lock past the busy timeout. */
function busy(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

function busyMessage(ms: number): string {
  return `the store is busy: another process has held its write lock for more than ${ms} ms; what was stored is kept, and the same command run again resumes`;
}

/** True when a migration the store needs (up to `to`) is not applied yet; read without taking the write lock. */
function pendingMigration(db: BetterSqlite3.Database, to: string | undefined): boolean {
  const made = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'").get() as { n: number };
  if (made.n === 0) return true;
  const applied = new Set(db.prepare('SELECT name FROM schema_migration').pluck().all() as string[]);
  for (const m of MIGRATIONS) {
    if (!applied.has(m.name)) return true;
    if (m.name === to) break;
  }
  return false;
}

/**
 * Migrate, under the write lock when a migration is pending: two processes opening one new store would
 * otherwise both create its tables, and the second fail. The second now waits, then finds them made.
 */
function migrateLocked(db: BetterSqlite3.Database, path: string, to: string | undefined): void {
  const options = to === undefined ? {} : { to };
  if (!pendingMigration(db, to)) {
    migrate(db, path, options);
    return;
  }
  db.exec('BEGIN IMMEDIATE');
  try {
    migrate(db, path, options);
    db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

/** Open (creating and migrating as needed) the SQLite store at `path`. */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  if (options.mustExist && !existsSync(path)) {
    throw new MizanError('MIZAN_E_STORE', 'no store here yet (run "mizan ingest" first, or name one with --db or MIZAN_DB)', path);
  }
  const busyMs = options.busyTimeoutMs ?? 5000;
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(path);
    // The busy timeout first: turning on WAL and migrating then wait for another process opening the same new file.
    db.pragma(`busy_timeout = ${busyMs}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // A checkpoint copies every page the WAL holds into the database file and syncs both. In a store of 20,000
    // articles a batch rewrites ~30 MiB of event index pages, nearly the same pages batch after batch: past every
    // 4 MiB (the default), each batch was copied and synced on its own; past every 32 MiB, a page rewritten by
    // several batches is copied once, and the syncs (the writer waits for them) come batches apart.
    db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    // Each article's savepoint keeps the pages it changes in a statement journal, in memory rather than in a
    // temporary file past 64 KiB (which cost ~100 write calls an article).
    db.pragma('temp_store = MEMORY');
    // Reads of large stores (dyad profiles over a million events) go through the page cache without copies.
    db.pragma('mmap_size = 268435456');
    db.pragma('cache_size = -65536');
  } catch (err) {
    throw new MizanError('MIZAN_E_STORE', `cannot open the store: ${(err as Error).message}`, path);
  }
  try {
    migrateLocked(db, path, options.migrateTo);
  } catch (err) {
    db.close();
    if (err instanceof MizanError) throw err;
    throw new MizanError('MIZAN_E_STORE', `cannot migrate the store: ${busy(err) ? busyMessage(busyMs) : (err as Error).message}`, path);
  }
  const k = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: db }) });
  const windowDays = options.clusterWindowDays ?? CLUSTER_WINDOW_DAYS;
  const terms = new SearchTerms();
  const add = db.transaction((a: ArticleInput): AddResult & { sentenceIds?: number[] } => {
    const existing = findByContentHash(db, a.contentHash);
    if (existing !== undefined) return { status: 'duplicate', articleId: existing, clustersCreated: 0, clustersJoined: 0 };
    const key = sourceKey(a.meta);
    const articleId = insertArticle(db, a, key, new Date().toISOString());
    const sentenceIds = insertSentences(db, articleId, a.sentences);
    const created = new Set<number>();
    const joined = new Set<number>();
    // The events take the next ids in order, so a cluster an event opens is given its first mention at once.
    let eventId = a.events.length > 0 ? nextRowid(db, 'event') : 0;
    for (const e of a.events) {
      const sentenceId = sentenceIds[e.sentence];
      if (sentenceId === undefined) throw new MizanError('MIZAN_E_INPUT', `event refers to sentence ${e.sentence}, which the article lacks`, a.meta.origin);
      const c = assignCluster(db, { articleId, sourceKey: key, ...e }, windowDays, eventId);
      insertEvent(db, eventId++, articleId, sentenceId, c.clusterId, e);
      if (c.created) created.add(c.clusterId);
      else if (!created.has(c.clusterId)) joined.add(c.clusterId);
    }
    return { status: 'added', articleId, clustersCreated: created.size, clustersJoined: joined.size, sentenceIds };
  });
  // Each commit writes every page its batch changed, and most of the event indexes' pages change in any batch of a
  // large store: 500 articles rather than 200 write a third less a store of 20,000 articles.
  const batchSize = options.batchSize ?? 500;
  const batchMs = options.batchMs ?? 1000;
  let pending = 0;
  let openedAt = 0;
  let timer: NodeJS.Timeout | undefined;
  let timerError: unknown;
  /** Write the batch's full-text rows and commit it; should either fail, the whole batch is rolled back. */
  const commitBatch = (): void => {
    try {
      if (!db.inTransaction) return;
      terms.write(db);
      db.exec('COMMIT');
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    } finally {
      terms.clear();
      pending = 0;
    }
  };
  const commit = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (timerError !== undefined) {
      const err = timerError;
      timerError = undefined;
      throw err;
    }
    commitBatch();
  };
  /** Store one article in its own savepoint inside the open batch, committing the batch when it is full or old. */
  const addInBatch = (a: ArticleInput): AddResult => {
    if (!db.inTransaction) {
      db.exec('BEGIN IMMEDIATE');
      openedAt = performance.now();
    }
    const { sentenceIds, ...result } = add(a);
    if (sentenceIds) terms.hold(result.articleId, a, sentenceIds);
    const age = performance.now() - openedAt;
    if (++pending >= batchSize || age >= batchMs) commit();
    else if (timer === undefined) {
      // A batch left open while the caller waits (a slow fetch) is committed on time all the same.
      timer = setTimeout(() => {
        timer = undefined;
        try {
          commitBatch();
        } catch (err) {
          timerError = err;
        }
      }, batchMs - age).unref();
    }
    return result;
  };
  const guard = <T>(what: string, fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof MizanError) throw err;
      const code = (err as { code?: unknown }).code;
      // A broken constraint is a fault of this record (the transaction is rolled back); anything else is the store's.
      if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
        throw new MizanError('MIZAN_E_INPUT', `${what}: it breaks a store constraint (${(err as Error).message})`);
      }
      if (busy(err)) throw new MizanError('MIZAN_E_STORE', `${what}: ${busyMessage(busyMs)}`, path);
      throw new MizanError('MIZAN_E_STORE', `${what}: ${(err as Error).message}`, path);
    }
  };
  return {
    location: path,
    db,
    findByContentHash: async (hash) => guard('lookup failed', () => findByContentHash(db, hash)),
    nearDuplicateCandidates: async (bands) => guard('lookup failed', () => nearCandidates(db, bands)),
    addArticle: async (a) => guard('cannot store the article', () => addInBatch(a)),
    events: (filter) => {
      guard('cannot commit', commit);
      return listEvents(k, filter);
    },
    search: (query) => {
      guard('cannot commit', commit);
      return searchText(k, query);
    },
    stats: () => {
      guard('cannot commit', commit);
      return storeStats(k);
    },
    dyadEvents: (query) => {
      guard('cannot commit', commit);
      return dyadEvents(k, query);
    },
    dyadOutlets: (query) => {
      guard('cannot commit', commit);
      return dyadOutlets(k, query);
    },
    strongestActs: (query) => {
      guard('cannot commit', commit);
      return strongestActs(k, query);
    },
    evidenceRows: (ids) => {
      guard('cannot commit', commit);
      return evidenceRows(k, ids);
    },
    actorLinks: (query) => {
      guard('cannot commit', commit);
      return actorLinks(k, query);
    },
    actorsPresent: (codes) => {
      guard('cannot commit', commit);
      return actorsPresent(k, codes);
    },
    close: async () => {
      guard('cannot commit', commit);
      await k.destroy();
      // Kysely closes the connection only if it ever ran a query: a store that was only written (an ingest) is closed
      // here, so that, as the last connection, it checkpoints the WAL into the database and removes it.
      if (db.open) db.close();
    },
  };
}
