/**
 * Month partitions of the event table, made on demand: before an article's events are written, each month
 * they fall in (from 2000 on) gets its partition, in a short transaction of its own under an advisory lock.
 * Undated and older events go to the default partition, whose CHECK constraint spares PostgreSQL a scan of it
 * whenever a new month is added.
 */
import { sql, type Kysely } from 'kysely';

/** The first month with its own partition; earlier dates go to the default partition. */
export const FIRST_PARTITIONED_MONTH = '2000-01';

/** The advisory lock key taken while adding partitions. */
const PARTITION_LOCK = 0x6d697a62;

/** The partition name of a month (YYYY-MM): event_y2026m07. */
export function partitionName(month: string): string {
  return `event_y${month.slice(0, 4)}m${month.slice(5, 7)}`;
}

/** The months (YYYY-MM) of some dates that need a partition of their own, sorted, each once. */
export function partitionMonths(dates: ReadonlyArray<string | undefined | null>): string[] {
  const months = new Set<string>();
  for (const d of dates) {
    // A malformed date is left to the insert, which rejects it as bad input.
    const month = d && /^\d{4}-\d{2}-\d{2}$/u.test(d) ? Number(d.slice(5, 7)) : 0;
    if (d && month >= 1 && month <= 12 && d.slice(0, 7) >= FIRST_PARTITIONED_MONTH) months.add(d.slice(0, 7));
  }
  return [...months].sort();
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${month.slice(0, 4)}-${String(m + 1).padStart(2, '0')}`;
}

/** Keeps track of the month partitions that exist and adds the missing ones. */
export class MonthPartitions {
  private known: Set<string> | undefined;

  constructor(private readonly db: Kysely<unknown>) {}

  /** Make sure every month of these dates has its partition. */
  async ensure(dates: ReadonlyArray<string | undefined | null>): Promise<void> {
    const known = this.known ?? (this.known = await this.existing());
    const missing = partitionMonths(dates).filter((m) => !known.has(partitionName(m)));
    if (missing.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${PARTITION_LOCK})`.execute(trx);
      for (const month of missing) {
        const name = partitionName(month);
        const found = await sql<{ t: string | null }>`SELECT to_regclass(${name})::text AS t`.execute(trx);
        if (found.rows[0]?.t) continue;
        await sql`CREATE TABLE ${sql.id(name)} PARTITION OF event
          FOR VALUES FROM (${sql.lit(`${month}-01`)}) TO (${sql.lit(`${nextMonth(month)}-01`)})`.execute(trx);
      }
    });
    for (const m of missing) known.add(partitionName(m));
  }

  /** The names of the event table's partitions. */
  private async existing(): Promise<Set<string>> {
    const rows = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = to_regclass('event')`.execute(this.db);
    return new Set(rows.rows.map((r) => r.name));
  }
}
