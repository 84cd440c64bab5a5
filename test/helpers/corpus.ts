/** The example corpus ingested once into a temporary store by the built `mizan`, for tests that need real coded news. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { mizan, ROOT } from '../cli/helpers.js';
import { tempDir } from './stores.js';

/** A store holding examples/corpus, with a read-only connection for independent SQL counts. */
export interface CorpusStore {
  dir: string;
  db: string;
  sql: BetterSqlite3.Database;
  cleanup(): void;
}

/** Ingest examples/corpus into a new temporary store. */
export function ingestCorpus(): CorpusStore {
  const dir = tempDir('mizan-corpus-');
  const db = join(dir, 'corpus.db');
  const run = mizan(['ingest', join(ROOT, 'examples', 'corpus'), '--db', db]);
  if (run.status !== 0) throw new Error(`ingest failed: ${run.stderr}`);
  const sql = new BetterSqlite3(db, { readonly: true });
  return { dir, db, sql, cleanup: () => {
    sql.close();
    rmSync(dir, { recursive: true, force: true });
  } };
}
