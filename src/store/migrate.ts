/** The migration runner: applies pending migrations in order, each in its own transaction, and refuses newer schemas. */
import type { Database } from 'better-sqlite3';
import { MizanError } from '../core/errors.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

/** Options of {@link migrate}; all optional. */
export interface MigrateOptions {
  /** Stop after this migration (default: apply all). */
  to?: string;
  /** The migrations to apply (default: the schema's own). */
  migrations?: readonly Migration[];
}

/** The names of the migrations applied to a database, oldest first. */
export function appliedMigrations(db: Database): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migration (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
  return db.prepare<[], { name: string }>('SELECT name FROM schema_migration ORDER BY name').all().map((r) => r.name);
}

/** Bring a database's schema up to date (or up to `options.to`); returns the names applied now. */
export function migrate(db: Database, location: string, options: MigrateOptions = {}): string[] {
  const migrations = options.migrations ?? MIGRATIONS;
  const known = new Set(migrations.map((m) => m.name));
  if (options.to !== undefined && !known.has(options.to)) throw new MizanError('MIZAN_E_STORE', `no migration named ${options.to}`, location);
  const applied = new Set(appliedMigrations(db));
  const unknown = [...applied].filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new MizanError('MIZAN_E_STORE', `the database was written by a newer Mizan (schema ${unknown.join(', ')}); upgrade Mizan to open it`, location);
  }
  const record = db.prepare('INSERT INTO schema_migration (name, applied_at) VALUES (?, ?)');
  const done: string[] = [];
  for (const m of migrations) {
    if (!applied.has(m.name)) {
      try {
        db.transaction(() => {
          m.up(db);
          record.run(m.name, new Date().toISOString());
        })();
      } catch (err) {
        throw new MizanError('MIZAN_E_STORE', `migration ${m.name} failed: ${(err as Error).message}`, location);
      }
      done.push(m.name);
    }
    if (m.name === options.to) break;
  }
  return done;
}
