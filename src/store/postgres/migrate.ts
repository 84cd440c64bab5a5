/**
 * The PostgreSQL migration runner: applies pending migrations in order, each in its own transaction, under an
 * advisory lock so that many workers starting at once migrate the schema exactly once; refuses newer schemas.
 */
import { sql, type Kysely } from 'kysely';
import { MizanError } from '../../core/errors.js';
import { PG_MIGRATIONS, type PgMigration } from './migrations/index.js';

/** The advisory lock key taken while migrating (any constant no other code takes). */
const MIGRATION_LOCK = 0x6d697a61;

/** Options of {@link migratePostgres}; all optional. */
export interface PgMigrateOptions {
  /** Stop after this migration (default: apply all). */
  to?: string;
  /** The migrations to apply (default: the schema's own). */
  migrations?: readonly PgMigration[];
}

/** The names of the migrations applied to a database, oldest first ([] when none). */
export async function appliedPgMigrations(db: Kysely<unknown>): Promise<string[]> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('schema_migration')::text AS t`.execute(db);
  if (!exists.rows[0]?.t) return [];
  return (await sql<{ name: string }>`SELECT name FROM schema_migration ORDER BY name`.execute(db)).rows.map((r) => r.name);
}

/** Bring a database's schema up to date (or up to `options.to`); returns the names applied now. */
export async function migratePostgres(db: Kysely<unknown>, location: string, options: PgMigrateOptions = {}): Promise<string[]> {
  const migrations = options.migrations ?? PG_MIGRATIONS;
  const known = new Set(migrations.map((m) => m.name));
  if (options.to !== undefined && !known.has(options.to)) throw new MizanError('MIZAN_E_STORE', `no migration named ${options.to}`, location);
  const done: string[] = [];
  for (const m of migrations) {
    const applied = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
      await sql`CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL)`.execute(trx);
      const names = new Set((await sql<{ name: string }>`SELECT name FROM schema_migration`.execute(trx)).rows.map((r) => r.name));
      const unknown = [...names].filter((n) => !known.has(n));
      if (unknown.length > 0) {
        throw new MizanError('MIZAN_E_STORE', `the database was written by a newer Mizan (schema ${unknown.join(', ')}); upgrade Mizan to open it`, location);
      }
      if (names.has(m.name)) return false;
      try {
        await m.up(trx);
      } catch (err) {
        throw new MizanError('MIZAN_E_STORE', `migration ${m.name} failed: ${(err as Error).message}`, location);
      }
      await sql`INSERT INTO schema_migration (name, applied_at) VALUES (${m.name}, now())`.execute(trx);
      return true;
    });
    if (applied) done.push(m.name);
    if (m.name === options.to) break;
  }
  return done;
}
