/** Prepared statements, cached per connection: the write path prepares each SQL text once. */
import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

/** The prepared statement for `sql` on `db`, prepared on first use. */
export function statement<P extends unknown[] = unknown[], R = unknown>(db: Database, sql: string): Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = db.prepare(sql)));
  return st as unknown as Statement<P, R>;
}

/**
 * The rowid SQLite gives the next row inserted into `table` without one: one past the largest (tables here never
 * come near the largest rowid, where SQLite would pick one at random). Rows written with the ids counted on from
 * this are the rows SQLite would have numbered itself.
 */
export function nextRowid(db: Database, table: 'event'): number {
  return statement<[], number>(db, `SELECT coalesce(max(id), 0) + 1 FROM ${table}`).pluck().get() as number;
}
