/**
 * A child of the concurrency test (`node open-store-child.js DB START`): waits until the start file exists,
 * so that several children open the store at the same instant, then opens the SQLite store, closes it and
 * prints "ok" or the error. Without arguments (as when a test runner loads it) it does nothing.
 */
import { existsSync } from 'node:fs';
import { openSqliteStore } from '../../src/store/sqlite-store.js';

async function openWhenStarted(db: string, start: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!existsSync(start) && Date.now() < deadline) {
    // spin: a timer would start the children milliseconds apart
  }
  try {
    const store = await openSqliteStore(db);
    await store.close();
    process.stdout.write('ok\n');
  } catch (err) {
    process.stdout.write(`${(err as { code?: string }).code ?? 'error'}: ${(err as Error).message}\n`);
  }
}

const [db, start] = process.argv.slice(2);
if (db && start) await openWhenStarted(db, start);
