/**
 * `npm run bench:cluster`: the scale-out figures in one run.
 *  1. Ingest throughput on one generated corpus: `mizan ingest` into SQLite and into PostgreSQL, then the same
 *     corpus queued (`mizan ingest --enqueue`) and stored by 1, 2 and 4 `mizan worker` processes, as articles/s
 *     and as ratios to SQLite and to one worker. Worker throughput is read from the queue's own timestamps (first
 *     job started to last job completed), so process start and pipeline loading are left out, as they are from
 *     the ingest summaries.
 *  2. Dyad query latency on 10 M events generated with set-based SQL (INSERT … SELECT generate_series) into a
 *     store of the current schema, with the time the generation took.
 * Options: --articles N (default 1500), --events N (default 10,000,000), --runs N (query repetitions, default 21).
 * The server is $MIZAN_BENCH_PG (default postgres://postgres@127.0.0.1:5432/test); every database made is dropped.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { packageRoot } from '../src/core/paths.js';
import { openPostgresStore } from '../src/store/postgres/postgres-store.js';
import { generateEvents } from './cluster-events.js';
import { writeNewsCorpus } from './news-corpus.js';

const SERVER = process.env.MIZAN_BENCH_PG?.trim() || 'postgres://postgres@127.0.0.1:5432/test';
const BIN = join(packageRoot(), 'bin', 'mizan');

/** A database made for the bench, dropped by `drop`. */
interface BenchDb {
  url: string;
  drop(): Promise<void>;
}

async function admin(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: SERVER });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

async function createDb(): Promise<BenchDb> {
  const name = `mizan_bench_${randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(SERVER);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Run `mizan` and resolve with its standard output; reject when it fails. */
function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`mizan ${args[0]} exited ${code}: ${err}`))));
  });
}

/** Articles per second of a direct ingest, from its JSON summary. */
async function ingestRate(corpus: string, db: string): Promise<{ articles: number; rate: number }> {
  const s = JSON.parse(await run(['ingest', corpus, '--quiet', '--json', '--db', db])) as { articles: Record<string, number>; seconds: number };
  const articles = (s.articles.added ?? 0) + (s.articles.nearDuplicate ?? 0) + (s.articles.duplicate ?? 0);
  return { articles, rate: articles / s.seconds };
}

/** Articles per second of `workers` worker processes draining the queued corpus, from the queue's timestamps. */
async function workerRate(corpus: string, workers: number): Promise<{ articles: number; rate: number; wallSeconds: number }> {
  const db = await createDb();
  try {
    await run(['ingest', '--enqueue', corpus, '--quiet', '--db', db.url]);
    const t0 = performance.now();
    await Promise.all(Array.from({ length: workers }, () => run(['worker', '--drain', '--quiet', '--db', db.url])));
    const wallSeconds = (performance.now() - t0) / 1000;
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const r = (await c.query<{ n: number; s: number }>(`SELECT count(*)::int AS n,
      extract(epoch FROM max(completed_on) - min(started_on))::float8 AS s FROM mizan_queue.job WHERE state = 'completed'`)).rows[0];
    await c.end();
    return { articles: r?.n ?? 0, rate: (r?.n ?? 0) / (r?.s ?? 1), wallSeconds };
  } finally {
    await db.drop();
  }
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<{ median: number; p95: number; rows: number }> {
  let rows = 0;
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = await fn();
    if (i > 0) ms.push(performance.now() - t);
    rows = Array.isArray(r) ? r.length : rows;
  }
  return { median: quantile(ms, 0.5), p95: quantile(ms, 0.95), rows };
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Run the bench and print its figures. */
export async function main(): Promise<void> {
  const articles = arg('--articles', 1500);
  const events = arg('--events', 10_000_000);
  const runs = arg('--runs', 21);
  const started = performance.now();
  console.log(`== scale-out (${cpus().length} cores; PostgreSQL ${new URL(SERVER).host})`);
  const dir = mkdtempSync(join(tmpdir(), 'mizan-cluster-'));
  try {
    writeNewsCorpus(dir, articles, 11);
    const sqlite = await ingestRate(dir, join(dir, 'bench.db'));
    console.log(`corpus            ${articles} generated articles`);
    console.log(`sqlite ingest     ${sqlite.rate.toFixed(1)} articles/s (one process)`);
    const pgDb = await createDb();
    try {
      const direct = await ingestRate(dir, pgDb.url);
      console.log(`postgres ingest   ${direct.rate.toFixed(1)} articles/s (one process, no queue): ratio to sqlite ${(direct.rate / sqlite.rate).toFixed(2)}`);
    } finally {
      await pgDb.drop();
    }
    let one = 0;
    for (const w of [1, 2, 4]) {
      const r = await workerRate(dir, w);
      if (w === 1) one = r.rate;
      console.log(`${`${w} worker(s)`.padEnd(18)}${r.rate.toFixed(1)} articles/s (${r.articles} jobs; wall ${r.wallSeconds.toFixed(1)} s with start-up): `
        + `ratio to sqlite ${(r.rate / sqlite.rate).toFixed(2)}, to 1 worker ${(r.rate / one).toFixed(2)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (events > 0) {
    const db = await createDb();
    try {
      const store = await openPostgresStore(db.url);
      const gen = await generateEvents(store.k, events);
      console.log(`generated         ${events.toLocaleString('en')} events in ${gen.partitions} month partitions over ${gen.articles.toLocaleString('en')} articles: `
        + `${gen.insertSeconds.toFixed(0)} s insert, ${gen.analyzeSeconds.toFixed(0)} s vacuum analyze`);
      const dyad: [string, string] = ['SYR', 'RUS'];
      const q = [
        ['events --dyad SYR-RUS (50 newest)', () => store.events({ dyad, limit: 50 })],
        ['events --dyad, one year, 50 newest', () => store.events({ dyad, since: '2024-01-01', until: '2024-12-31', limit: 50 })],
        ['dyad profile, one month', () => store.dyadEvents({ a: 'SYR', b: 'RUS', since: '2024-06-01', until: '2024-06-30' })],
        ['dyad profile, one year', () => store.dyadEvents({ a: 'SYR', b: 'RUS', since: '2024-01-01', until: '2024-12-31' })],
      ] as const;
      for (const [name, fn] of q) {
        const t = await time(runs, fn);
        console.log(`${name.padEnd(38)} median ${t.median.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms (${t.rows} rows)`);
      }
      await store.close();
    } finally {
      await db.drop();
    }
  }
  console.log(`bench time        ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

const invoked = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invoked) await main();
