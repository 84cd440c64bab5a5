/** Open the store a `--db` value or $MIZAN_DB names: postgres://… (or postgresql://…) is PostgreSQL, anything else a SQLite file. */
import { isPostgresUrl } from './postgres/connection.js';
import { openPostgresStore } from './postgres/postgres-store.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

/** Options of {@link openStoreAt}; all optional. */
export interface OpenStoreOptions {
  /** Fail instead of creating a store when there is none yet (for the commands that only read). */
  mustExist?: boolean;
  /** Articles per commit of the SQLite store (see SqliteStoreOptions.batchSize); PostgreSQL commits every article. */
  batchSize?: number;
  /** Most connections the PostgreSQL store opens at once (default 10). */
  poolSize?: number;
}

/** Open (creating and migrating as needed) the store at `location`. */
export function openStoreAt(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) {
    return openPostgresStore(location, { mustExist: options.mustExist ?? false, ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }) });
  }
  return openSqliteStore(location, {
    mustExist: options.mustExist ?? false, ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  });
}
