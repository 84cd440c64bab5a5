/** Store backends for the contract tests, each opened fresh in a temporary folder; MIZAN_STORE_BACKENDS=sqlite,... picks some. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStoreOptions } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

/** A store backend under test. */
export interface StoreBackend {
  name: string;
  /** Open a new, empty store; `cleanup` closes it and removes its files. */
  open(options?: SqliteStoreOptions): Promise<{ store: Store; cleanup: () => Promise<void> }>;
}

const ALL: StoreBackend[] = [
  {
    name: 'sqlite',
    open: async (options = {}) => {
      const dir = tempDir('mizan-store-');
      const store = await openSqliteStore(join(dir, 'test.db'), options);
      return { store, cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      } };
    },
  },
];

/** The backends to test: all, or those named in $MIZAN_STORE_BACKENDS. */
export const STORE_BACKENDS: StoreBackend[] = (() => {
  const wanted = process.env.MIZAN_STORE_BACKENDS?.split(',').map((s) => s.trim()).filter(Boolean);
  return wanted ? ALL.filter((b) => wanted.includes(b.name)) : ALL;
})();

/** A new temporary folder. */
export function tempDir(prefix = 'mizan-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
