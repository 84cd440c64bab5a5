/**
 * Store backends for the contract tests, each opened fresh: SQLite in a temporary folder, PostgreSQL in a new
 * database of the test server. MIZAN_STORE_BACKENDS=sqlite,postgres picks some. PostgreSQL is tested when the
 * server answers and skipped with a message when it does not, unless it was asked for by name or CI is set:
 * then an unreachable server fails the run rather than skipping it silently.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openSqliteStore, type SqliteStoreOptions } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { createTestDatabase, PG_TEST_URL, pgReachable } from './postgres.js';

/** A store backend under test. */
export interface StoreBackend {
  name: string;
  /** Open a new, empty store; `cleanup` closes it and removes its files or database. */
  open(options?: SqliteStoreOptions): Promise<{ store: Store; cleanup: () => Promise<void> }>;
}

const SQLITE: StoreBackend = {
  name: 'sqlite',
  open: async (options = {}) => {
    const dir = tempDir('mizan-store-');
    const store = await openSqliteStore(join(dir, 'test.db'), options);
    return { store, cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    } };
  },
};

const POSTGRES: StoreBackend = {
  name: 'postgres',
  open: async (options = {}) => {
    const db = await createTestDatabase();
    const store = await openPostgresStore(db.url, options.clusterWindowDays === undefined ? {} : { clusterWindowDays: options.clusterWindowDays });
    return { store, cleanup: async () => {
      await store.close();
      await db.drop();
    } };
  },
};

/** The backends to test: all that can run, or those named in $MIZAN_STORE_BACKENDS. */
export const STORE_BACKENDS: StoreBackend[] = await (async () => {
  const wanted = process.env.MIZAN_STORE_BACKENDS?.split(',').map((s) => s.trim()).filter(Boolean);
  const picked = [SQLITE, POSTGRES].filter((b) => !wanted || wanted.includes(b.name));
  if (!picked.includes(POSTGRES)) return picked;
  const reach = await pgReachable();
  if (reach.ok) return picked;
  if (wanted || process.env.CI) throw new Error(`PostgreSQL store tests: ${PG_TEST_URL} does not answer (${reach.reason})`);
  process.stderr.write(`# PostgreSQL store tests skipped: ${PG_TEST_URL} does not answer (${reach.reason}); set MIZAN_TEST_PG or start the server\n`);
  return picked.filter((b) => b !== POSTGRES);
})();

/** A new temporary folder. */
export function tempDir(prefix = 'mizan-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
