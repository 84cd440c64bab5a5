/**
 * Generated events for the dyad latency bench: articles, one sentence each, and N events spread over ten years of
 * month partitions, written with set-based SQL (INSERT … SELECT generate_series) in chunks of a million. Actors
 * are drawn with a skew, so that some dyads (SYR–RUS among them) are common and most are rare, as in real news.
 */
import { sql, type Kysely } from 'kysely';
import type { StoreDatabase } from '../src/store/database.js';
import { MonthPartitions } from '../src/store/postgres/partitions.js';

const ACTORS = ['SYR', 'RUS', 'TUR', 'IRN', 'ISR', 'USA', 'IRQ', 'LBN', 'JOR', 'EGY', 'SAU', 'QAT', 'ARE', 'UKR', 'FRA', 'GBR', 'DEU', 'CHN',
  'UN', 'EU', 'NATO', 'PSE', 'YEM', 'LBY', 'DZA', 'MAR', 'TUN', 'SDN', 'KWT', 'BHR', 'OMN', 'AFG', 'PAK', 'IND', 'AZE', 'ARM', 'GEO', 'KAZ', 'BLR', 'HEZ'];
const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST',
  'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const INTENSITY = [3, 1, 3, 4, 4, 6, 5, 1, -2, -2, -4, -3, -5, -6, -7, -9];
const FIRST = '2016-01-01';
const DAYS = 3653;
const CHUNK = 1_000_000;

/** What was generated, and how long it took. */
export interface Generated {
  articles: number;
  partitions: number;
  insertSeconds: number;
  analyzeSeconds: number;
}

/** Fill an empty store with `n` events (and n/100 articles, at least 1,000), then VACUUM ANALYZE the event table. */
export async function generateEvents(k: Kysely<StoreDatabase>, n: number, log: (line: string) => void = () => {}): Promise<Generated> {
  const articles = Math.max(1000, Math.floor(n / 100));
  const t0 = performance.now();
  const text = 'Syria and Russia held talks in Damascus on Monday, officials said, as Turkey and Iran watched closely.';
  await sql`INSERT INTO article (id, content_hash, source_key, outlet, lang, origin, text, published_date, ingested_at)
    SELECT g, 'generated-' || g, 'outlet-' || (g % 40), 'Outlet ' || (g % 40), (ARRAY['ar', 'en', 'ru'])[1 + g % 3], 'generated', ${text},
      DATE '2016-01-01' + (g % ${DAYS}), now()
    FROM generate_series(1, ${articles}) AS g`.execute(k);
  await sql`INSERT INTO article_hash (content_hash, article_id) SELECT content_hash, id FROM article`.execute(k);
  await sql`INSERT INTO sentence (article_id, id, seq, span_start, span_end, terms) SELECT id, id, 0, 0, length(text), ''::tsvector FROM article`.execute(k);
  const months: string[] = [];
  for (let y = 2016; y <= 2025; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}-01`);
  await new MonthPartitions(k as Kysely<unknown>).ensure(months);
  const actors = sql`${ACTORS}::text[]`;
  // Bulk load as a bulk load is done: the event table's indexes are dropped, the rows written, the indexes built again.
  const indexes = (await sql<{ name: string; def: string }>`
    SELECT c.relname AS name, pg_get_indexdef(c.oid) AS def FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid = to_regclass('event')`.execute(k)).rows;
  await k.connection().execute(async (c) => {
    for (const ix of indexes) await sql`DROP INDEX ${sql.id(ix.name)}`.execute(c);
    await sql`SELECT setseed(0.42)`.execute(c);
    // The rows are made consistent by construction: skip the per-row foreign-key checks where the role may (superuser).
    await sql`SET session_replication_role = replica`.execute(c).catch(() => undefined);
    for (let lo = 1; lo <= n; lo += CHUNK) {
      const hi = Math.min(n, lo + CHUNK - 1);
      await sql`
        INSERT INTO event (id, article_id, sentence_id, source, target, type, domains, modality, intensity, evidence_start, evidence_end,
          event_date, date_precision)
        SELECT g, a, a, (${actors})[1 + s], (${actors})[1 + (s + 1 + t) % ${ACTORS.length}], (${TYPES}::text[])[1 + ty], 'diplomatic',
          CASE WHEN r < 0.85 THEN 'asserted' WHEN r < 0.95 THEN 'future' ELSE 'negated' END, (${INTENSITY}::float8[])[1 + ty], 0, 60,
          CASE WHEN r2 < 0.05 THEN NULL ELSE DATE ${sql.lit(FIRST)} + floor(r2 * ${DAYS})::int END, 'day'
        FROM (SELECT g, 1 + g % ${articles} AS a, floor(${ACTORS.length} * random() ^ 2)::int AS s,
          floor(${ACTORS.length - 1} * random() ^ 2)::int AS t, floor(16 * random())::int AS ty, random() AS r, random() AS r2
          FROM generate_series(${lo}::bigint, ${hi}::bigint) AS g) AS x`.execute(c);
      log(`${hi} events`);
    }
    await sql`RESET session_replication_role`.execute(c).catch(() => undefined);
    await sql`SET maintenance_work_mem = '512MB'`.execute(c);
    for (const ix of indexes) {
      await sql.raw(ix.def.replace(' ON ONLY ', ' ON ')).execute(c);
      log(`index ${ix.name}`);
    }
  });
  await sql`SELECT setval(pg_get_serial_sequence('article', 'id'), ${articles}), setval(pg_get_serial_sequence('sentence', 'id'), ${articles}),
    setval(pg_get_serial_sequence('event', 'id'), ${Math.max(1, n)})`.execute(k);
  const t1 = performance.now();
  await sql`VACUUM ANALYZE event`.execute(k);
  await sql`ANALYZE article`.execute(k);
  return { articles, partitions: months.length + 1, insertSeconds: (t1 - t0) / 1000, analyzeSeconds: (performance.now() - t1) / 1000 };
}
