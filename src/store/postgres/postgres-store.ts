/**
 * The PostgreSQL store: the same `Store` contract as the SQLite store, for corpora that outgrow one machine.
 * Each article is written in its own transaction (stored whole or not at all, durable at commit); its content
 * hash is claimed first, so a write repeated by a retried job, or raced by another worker, stores nothing twice.
 * Reads share the SQLite store's Kysely queries where the SQL is the same in both dialects and serves PostgreSQL
 * well; event lists, search and counts have their own.
 */
import { Kysely, PostgresDialect } from 'kysely';
import { MizanError } from '../../core/errors.js';
import { actorLinks, actorsPresent, dyadEvents, dyadOutlets, evidenceRows, strongestActs } from '../analytics.repository.js';
import { CLUSTER_WINDOW_DAYS } from '../cluster-key.js';
import type { StoreDatabase } from '../database.js';
import type { AddResult, ArticleInput, Store } from '../store.js';
import { bandCandidates, findByHash, writeArticle } from './article.repository.js';
import { createPool, preparingPool, redactUrl } from './connection.js';
import { listEventsPostgres } from './event.repository.js';
import { appliedPgMigrations, migratePostgres } from './migrate.js';
import { MonthPartitions } from './partitions.js';
import { searchPostgres } from './search.repository.js';
import { statsPostgres } from './stats.repository.js';

/** Options of {@link openPostgresStore}; all optional. */
export interface PostgresStoreOptions {
  /** Fail instead of creating the schema when the database holds no store (default false). */
  mustExist?: boolean;
  /** Days within which mentions of one dyad, type and modality form one event (default 3). */
  clusterWindowDays?: number;
  /** Most connections open at once (default 10). */
  poolSize?: number;
  /** Migrate only up to this migration (for tests of older schemas). */
  migrateTo?: string;
}

/** The PostgreSQL store, with its query builder for tests and tools. */
export interface PostgresStore extends Store {
  /** The Kysely instance over the store's pool. */
  readonly k: Kysely<StoreDatabase>;
}

/** SQLSTATE classes of errors that a record causes: data exceptions (22) and integrity constraint violations (23). */
const RECORD_FAULT = /^2[23]/u;
/** SQLSTATEs worth a second try: serialization failure and deadlock. */
const RETRY = new Set(['40001', '40P01']);

/** Open (creating and migrating as needed) the PostgreSQL store at `url` (postgres://user@host:port/database). */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const location = redactUrl(url);
  const k = new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool: preparingPool(createPool(url, { max: options.poolSize ?? 10 })) }) });
  const fail = (what: string, err: unknown): MizanError => {
    if (err instanceof MizanError) return err;
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && RECORD_FAULT.test(code)) {
      return new MizanError('MIZAN_E_INPUT', `${what}: it breaks a store constraint (${(err as Error).message})`);
    }
    return new MizanError('MIZAN_E_STORE', `${what}: ${(err as Error).message}`, location);
  };
  try {
    if (options.mustExist && (await appliedPgMigrations(k as Kysely<unknown>)).length === 0) {
      throw new MizanError('MIZAN_E_STORE', 'no store in this database yet (run "mizan ingest" first, or name one with --db or MIZAN_DB)', location);
    }
    await migratePostgres(k as Kysely<unknown>, location, options.migrateTo === undefined ? {} : { to: options.migrateTo });
  } catch (err) {
    await k.destroy();
    throw fail('cannot open the store', err);
  }
  const windowDays = options.clusterWindowDays ?? CLUSTER_WINDOW_DAYS;
  const partitions = new MonthPartitions(k as Kysely<unknown>);
  const guard = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw fail(what, err);
    }
  };
  const add = async (a: ArticleInput): Promise<AddResult> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await partitions.ensure(a.events.map((e) => e.eventDate));
        return await k.transaction().execute((trx) => writeArticle(trx, a, windowDays));
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (attempt >= 3 || typeof code !== 'string' || !RETRY.has(code)) throw err;
      }
    }
  };
  return {
    location,
    k,
    findByContentHash: (hash) => guard('lookup failed', () => findByHash(k, hash)),
    nearDuplicateCandidates: (bands) => guard('lookup failed', () => bandCandidates(k, bands)),
    addArticle: (a) => guard('cannot store the article', () => add(a)),
    events: (filter) => guard('cannot read events', () => listEventsPostgres(k, filter)),
    search: (query) => guard('cannot search', () => searchPostgres(k, query)),
    stats: () => guard('cannot count', () => statsPostgres(k)),
    dyadEvents: (query) => guard('cannot read the dyad', () => dyadEvents(k, query)),
    dyadOutlets: (query) => guard('cannot read the dyad', () => dyadOutlets(k, query)),
    strongestActs: (query) => guard('cannot read the dyad', () => strongestActs(k, query)),
    evidenceRows: (ids) => guard('cannot read evidence', () => evidenceRows(k, ids)),
    actorLinks: (query) => guard('cannot read links', () => actorLinks(k, query)),
    actorsPresent: (codes) => guard('cannot read actors', () => actorsPresent(k, codes)),
    close: () => guard('cannot close', () => k.destroy()),
  };
}
