/**
 * PostgreSQL for tests: the server named by $MIZAN_TEST_PG (default postgres://postgres@127.0.0.1:5432/test), and a
 * fresh database per test, created from it and dropped afterwards, so that parallel runs never share tables.
 * The PostgreSQL tests run when the server answers and are skipped with a message when it does not, unless
 * MIZAN_STORE_BACKENDS names postgres or CI is set: then an unreachable server fails the run instead.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The connection string of the server's maintenance database. */
export const PG_TEST_URL = process.env.MIZAN_TEST_PG?.trim() || 'postgres://postgres@127.0.0.1:5432/test';

/** Whether the test server answers (within two seconds); the reason when it does not. */
export async function pgReachable(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = new pg.Client({ connectionString: PG_TEST_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: (err as Error).message || String(err) };
  } finally {
    await client.end().catch(() => {});
  }
}

/** Whether this run tests PostgreSQL: false when MIZAN_STORE_BACKENDS leaves it out or the server does not answer. */
export const POSTGRES_TESTED: boolean = await (async () => {
  const wanted = process.env.MIZAN_STORE_BACKENDS?.split(',').map((s) => s.trim()).filter(Boolean);
  if (wanted && !wanted.includes('postgres')) return false;
  const reach = await pgReachable();
  if (reach.ok) return true;
  if (wanted || process.env.CI) throw new Error(`PostgreSQL tests: ${PG_TEST_URL} does not answer (${reach.reason})`);
  process.stderr.write(`# PostgreSQL tests skipped: ${PG_TEST_URL} does not answer (${reach.reason}); set MIZAN_TEST_PG or start the server\n`);
  return false;
})();

/** Why the PostgreSQL tests are skipped, for `describe(name, { skip })`; false when they run. */
export const SKIP_POSTGRES: string | false = POSTGRES_TESTED ? false : 'PostgreSQL is not tested in this run (see the message above)';

/** A new empty database on the test server. */
export interface TestDatabase {
  /** Its connection string. */
  url: string;
  name: string;
  /** Drop it (closing any connection still open to it). */
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Create a database named mizan_test_<random> on the test server. */
export async function createTestDatabase(prefix = 'mizan_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(PG_TEST_URL);
  u.pathname = `/${name}`;
  return { url: u.toString(), name, drop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))) };
}
