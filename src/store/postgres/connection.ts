/**
 * Connections to PostgreSQL: a pool whose results read as the SQLite store's do (counts and ids as numbers,
 * dates as YYYY-MM-DD strings), and the connection string shown without its password.
 */
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
  return new pg.Pool({
    connectionString: url, max: options.max ?? 10, types: TYPES, application_name: options.applicationName ?? 'mizan',
    connectionTimeoutMillis: 10_000,
  });
}
