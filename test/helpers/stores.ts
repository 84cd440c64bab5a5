/**
 * Store backends for the contract tests, each opened fresh: SQLite in a temporary folder, PostgreSQL in a new
 * database of the test server (see postgres.ts for when it is tested). MIZAN_STORE_BACKENDS=sqlite,postgres picks some.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openSqliteStore, type SqliteStoreOptions } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { createTestDatabase, POSTGRES_TESTED } from './postgres.js';

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

/** The backends to test: those named in $MIZAN_STORE_BACKENDS (default both), PostgreSQL when its server answers. */
export const STORE_BACKENDS: StoreBackend[] = (() => {
  const wanted = process.env.MIZAN_STORE_BACKENDS?.split(',').map((s) => s.trim()).filter(Boolean);
  return [SQLITE, ...(POSTGRES_TESTED ? [POSTGRES] : [])].filter((b) => !wanted || wanted.includes(b.name));
})();

/** A new temporary folder. */
export function tempDir(prefix = 'mizan-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
