/**
 * What the SQLite store writes: a generated corpus is coded once, then its articles are written into fresh stores
 * whose WAL is never checkpointed, so that the WAL's size at the end is every page every commit wrote. Unlike time
 * on a shared machine, that figure is the same run after run. Each secondary index's share is what the WAL loses
 * when the store is written without it; other commit batches show what batching changes.
 * Run: `node dist/bench/store-write.bench.js [--articles N]` (default 12,000).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/core/paths.js';
import { prepareHere } from '../src/ingest/prepared.js';
import { readInput } from '../src/ingest/read.js';
import { expandSources } from '../src/ingest/sources.js';
import { createIngestPipeline } from '../src/pipeline/pipeline.js';
import { openSqliteStore, type SqliteStoreOptions } from '../src/store/sqlite-store.js';
import type { ArticleInput } from '../src/store/store.js';
import { generateCorpus } from './ingest.bench.js';

/** One way of writing the same articles. */
export interface WriteVariant {
  name: string;
  /** SQL run on the new store before writing (e.g. dropping an index). */
  sql?: string;
  store?: SqliteStoreOptions;
}

/** What writing the articles one way cost. */
export interface WriteFigures {
  name: string;
  /** MiB the commits wrote to the WAL per 1,000 articles. */
  walMiBPer1000: number;
  /** MiB the database keeps per 1,000 articles (after a checkpoint). */
  dbMiBPer1000: number;
  /** CPU milliseconds per article (the write alone). */
  cpuMsPerArticle: number;
}

/** Generate and code `n` articles, as ingest would store them. */
export async function codedArticles(n: number, seed = 1): Promise<ArticleInput[]> {
  const folder = mkdtempSync(join(tmpdir(), 'mizan-bench-write-'));
  try {
    const corpus = join(folder, 'corpus');
    mkdirSync(corpus);
    generateCorpus(corpus, n, seed, packageRoot(), true);
    const pipeline = await createIngestPipeline();
    const out: ArticleInput[] = [];
    for (const input of expandSources([corpus]).inputs) {
      for await (const read of readInput(input)) {
        if (!read.item || 'problem' in read.item) continue;
        const p = prepareHere(read.item.article, pipeline);
        if ('problem' in p) continue;
        const coding = p.code();
        if ('failed' in coding) continue;
        out.push({ ...coding.coded, ...p.fp });
      }
    }
    return out;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Write `articles` into a fresh store the variant's way, without checkpoints, and measure it. */
export async function writeOnce(articles: readonly ArticleInput[], v: WriteVariant): Promise<WriteFigures> {
  const folder = mkdtempSync(join(tmpdir(), 'mizan-bench-write-'));
  const dbFile = join(folder, 'store.db');
  try {
    const store = await openSqliteStore(dbFile, v.store ?? {});
    store.db.pragma('wal_autocheckpoint = 0');
    if (v.sql) store.db.exec(v.sql);
    const walBefore = statSync(`${dbFile}-wal`).size;
    const cpu0 = process.cpuUsage();
    for (const a of articles) await store.addArticle(a);
    // Any read commits the open batch.
    await store.stats();
    const cpu = process.cpuUsage(cpu0);
    const wal = statSync(`${dbFile}-wal`).size - walBefore;
    await store.close();
    const per1000 = (bytes: number): number => (bytes / 1048576 / articles.length) * 1000;
    return {
      name: v.name, walMiBPer1000: per1000(wal), dbMiBPer1000: per1000(statSync(dbFile).size),
      cpuMsPerArticle: (cpu.user + cpu.system) / 1000 / articles.length,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The secondary indexes of the store's tables (those a write keeps up besides each table's own key). */
async function secondaryIndexes(): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), 'mizan-bench-write-'));
  try {
    const store = await openSqliteStore(join(folder, 'schema.db'));
    const names = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY tbl_name, name")
      .pluck().all() as string[];
    await store.close();
    return names;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Indexes the write itself reads (each event's cluster candidates): without one, a write scans, which is not its share. */
const READ_BY_THE_WRITE = new Set(['event_cluster_key']);

/** Every variant: the store as it is, without each secondary index, and with longer batches. */
export async function variants(): Promise<WriteVariant[]> {
  const out: WriteVariant[] = [{ name: 'as it is (batches of 500 articles or 1 s)' }];
  for (const index of await secondaryIndexes()) {
    if (!READ_BY_THE_WRITE.has(index)) out.push({ name: `without ${index}`, sql: `DROP INDEX ${index}` });
  }
  out.push({ name: 'batches of 1,000 articles or 2 s', store: { batchSize: 1000, batchMs: 2000 } });
  out.push({ name: 'batches of 2,000 articles or 4 s', store: { batchSize: 2000, batchMs: 4000 } });
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--articles');
  const n = at > 0 ? Number(process.argv[at + 1]) : 12_000;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--articles takes a whole number from 1: not "${process.argv[at + 1]}"`);
  const articles = await codedArticles(n);
  // A first write warms the code up, so that the first variant's CPU time is not the compiler's.
  await writeOnce(articles.slice(0, 500), { name: 'warm-up' });
  console.log(`== what the store writes: ${articles.length} coded articles, the WAL never checkpointed`);
  console.log('WAL MiB per 1,000 articles (all the commits wrote), database MiB per 1,000, CPU ms an article (noisy)');
  let base: WriteFigures | undefined;
  for (const v of await variants()) {
    const f = await writeOnce(articles, v);
    base ??= f;
    const share = f === base ? '' : `  (${(base.walMiBPer1000 - f.walMiBPer1000).toFixed(1)} MiB less)`;
    console.log(`${f.name.padEnd(46)} WAL ${f.walMiBPer1000.toFixed(1).padStart(5)}  db ${f.dbMiBPer1000.toFixed(2)}  CPU ${f.cpuMsPerArticle.toFixed(3)}${share}`);
  }
}
