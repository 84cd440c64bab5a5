/**
 * Connections to PostgreSQL: a pool whose results read as the SQLite store's do (counts and ids as numbers,
 * dates as YYYY-MM-DD strings), and the connection string shown without its password.
 */
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg from 'pg';

/** True when a `--db` value or $MIZAN_DB names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//iu.test(location);
}

/** A connection string without its password, for messages and `Store.location`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:@/]+):[^@/]*@/u, '//$1:***@');
  }
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

/**
 * Type parsers of the store's connections: bigint ids and counts, and numeric sums, as JavaScript numbers
 * (ids stay far below 2^53); dates as the text PostgreSQL sends (YYYY-MM-DD), never shifted by a time zone.
 */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    if (oid === DATE) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

/** Options of {@link createPool}; all optional. */
export interface PoolOptions {
  /** Most connections open at once (default 10). */
  max?: number;
  /** Name shown in pg_stat_activity (default 'mizan'). */
  applicationName?: string;
}

/** A pool of connections to `url` with the store's type parsers. */
export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url, max: options.max ?? 10, types: TYPES, application_name: options.applicationName ?? 'mizan',
    connectionTimeoutMillis: 10_000, options: '-c plan_cache_mode=force_generic_plan',
  });
  // An idle connection that the server closes (a restart, a dropped database) leaves the pool; the next query opens another.
  pool.on('error', () => {});
  return pool;
}

/** Statements worth a prepared plan: queries and writes, but not those with a list of placeholders, whose text varies with its length. */
const PREPARE = /^\s*(select|with|insert|update|delete)\b/iu;
const PLACEHOLDER_LIST = /\$\d+\s*,\s*\$\d+\s*,\s*\$\d+/u;

/**
 * The pool as Kysely sees it, with each query and write run as a named prepared statement on its connection.
 * PostgreSQL then plans it once and, after a few runs, keeps a generic plan: a query over every month's partition
 * of the event table costs tens of milliseconds to plan and a few to run, so its plan is worth keeping.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => {
      const client = await pool.connect();
      const wrapped = {
        query: (sql: unknown, parameters?: ReadonlyArray<unknown>) => {
          if (typeof sql !== 'string') return client.query(sql as pg.Submittable);
          const values = parameters ? [...parameters] : [];
          if (!PREPARE.test(sql) || PLACEHOLDER_LIST.test(sql)) return client.query(sql, values);
          return client.query({ name: `mizan_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`, text: sql, values });
        },
        release: (destroy?: boolean) => client.release(destroy),
      };
      return wrapped as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
