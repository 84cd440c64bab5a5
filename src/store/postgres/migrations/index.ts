/** The PostgreSQL schema's migrations, oldest first. Names are creation timestamps; a name is never reused or edited once shipped. */
import type { Kysely } from 'kysely';
import * as core from './20261201T090000-core.js';
import * as indexes from './20261201T091000-indexes.js';

/** One migration: a timestamped name and a step run inside a transaction. */
export interface PgMigration {
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/** Every migration, in the order they apply. */
export const PG_MIGRATIONS: readonly PgMigration[] = [core, indexes];
