/**
 * Every row of a SQLite store, ids included, as lines: each table in key order (the ingest time left out) and
 * every entry of the full-text indexes. Two stores with equal dumps hold the same data under the same ids.
 */
import BetterSqlite3 from 'better-sqlite3';

/** Dump the store at `db` (see the module comment). */
export function dumpStore(db: string): string[] {
  const lines: string[] = [];
  const conn = new BetterSqlite3(db, { readonly: true, fileMustExist: true });
  try {
    const tables = conn.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
      AND name NOT LIKE '%fts%' AND name <> 'schema_migration' ORDER BY name`).pluck().all() as string[];
    for (const t of tables) {
      const cols = conn.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string; pk: number }>;
      const key = cols.filter((c) => c.pk > 0).sort((x, y) => x.pk - y.pk).map((c) => c.name);
      const names = cols.map((c) => (c.name === 'ingested_at' ? "'-'" : c.name));
      for (const r of conn.prepare(`SELECT ${names.join(', ')} FROM ${t} ORDER BY ${(key.length > 0 ? key : cols.map((c) => c.name)).join(', ')}`).raw().iterate()) {
        lines.push(`${t} ${JSON.stringify(r)}`);
      }
    }
  } finally {
    conn.close();
  }
  const mem = new BetterSqlite3(':memory:');
  try {
    mem.prepare('ATTACH DATABASE ? AS s').run(db);
    for (const f of ['sentence_fts', 'title_fts']) {
      mem.exec(`CREATE VIRTUAL TABLE temp.v_${f} USING fts5vocab(s, ${f}, instance)`);
      for (const r of mem.prepare(`SELECT term, doc, col, offset FROM temp.v_${f} ORDER BY term, doc, col, offset`).raw().iterate()) {
        lines.push(`${f} ${JSON.stringify(r)}`);
      }
    }
  } finally {
    mem.close();
  }
  return lines;
}
