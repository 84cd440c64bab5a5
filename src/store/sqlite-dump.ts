/**
 * Every row of a SQLite store, ids included, as lines: each table in key order (the ingest time left out), then
 * every entry of the full-text indexes (term, row, column, offset). Two stores with the same lines hold the same
 * data under the same ids. Streamed, so a digest of a large store needs no room for it (`bench/ingest.bench.ts`);
 * the tests compare the lines themselves.
 */
import BetterSqlite3 from 'better-sqlite3';

/** The lines of the store at `dbFile` (see the module comment), each prefixed by its table. */
export function* storeLines(dbFile: string): Generator<string> {
  const conn = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
  try {
    const tables = conn.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
      AND name NOT LIKE '%fts%' AND name <> 'schema_migration' ORDER BY name`).pluck().all() as string[];
    for (const t of tables) {
      const cols = conn.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string; pk: number }>;
      const key = cols.filter((c) => c.pk > 0).sort((x, y) => x.pk - y.pk).map((c) => c.name);
      const names = cols.map((c) => (c.name === 'ingested_at' ? "'-'" : c.name));
      for (const r of conn.prepare(`SELECT ${names.join(', ')} FROM ${t} ORDER BY ${(key.length > 0 ? key : cols.map((c) => c.name)).join(', ')}`).raw().iterate()) {
        yield `${t} ${JSON.stringify(r)}`;
      }
    }
  } finally {
    conn.close();
  }
  const mem = new BetterSqlite3(':memory:');
  try {
    mem.prepare('ATTACH DATABASE ? AS s').run(dbFile);
    for (const f of ['sentence_fts', 'title_fts']) {
      mem.exec(`CREATE VIRTUAL TABLE temp.v_${f} USING fts5vocab(s, ${f}, instance)`);
      for (const r of mem.prepare(`SELECT term, doc, col, offset FROM temp.v_${f} ORDER BY term, doc, col, offset`).raw().iterate()) {
        yield `${f} ${JSON.stringify(r)}`;
      }
    }
  } finally {
    mem.close();
  }
}
