/**
 * Ingest benchmark: generate a corpus of news-like articles by recombining real sentences (eval/gold/dev
 * and examples/corpus), ingest it into a fresh SQLite store, and measure articles/s, peak RSS as the
 * store grows, database size per 1,000 articles and the latency of `events --dyad`.
 * Run alone: `node dist/bench/ingest.bench.js [--articles N]`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { packageRoot } from '../src/core/paths.js';
import { ingest } from '../src/ingest/run.js';
import { readTxt } from '../src/ingest/readers/txt.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { splitSentences } from '../src/text/segment.js';
import { loadPool, rng, type Pool } from './corpus.js';

/** Options of {@link benchIngest}; all optional. */
export interface BenchIngestOptions {
  /** Articles to generate and ingest (default 20,000). */
  articles?: number;
  /** Article counts at which to report (default 5,000, 10,000 and 20,000, or a quarter, half and all). */
  checkpoints?: number[];
  /** Seed of the generator (default 1). */
  seed?: number;
  /** Keep the temporary folder (corpus and database) instead of removing it. */
  keep?: boolean;
  /** Declare each article's language in its metadata, as the corpus formats do (default true); false makes the coder identify it. */
  declareLang?: boolean;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** Figures at one checkpoint. */
export interface BenchCheckpoint {
  articles: number;
  seconds: number;
  /** Articles per second since the previous checkpoint. */
  articlesPerSecond: number;
  /** Highest resident set size sampled since the previous checkpoint, in MiB. */
  peakRssMiB: number;
  /** Database size (main file and WAL) in MiB. */
  dbMiB: number;
  /** JavaScript heap in use after a full garbage collection, in MiB: the live memory, free of GC timing. */
  liveHeapMiB: number;
}

/** The benchmark's figures. */
export interface BenchIngestResult {
  articles: number;
  sentences: number;
  events: number;
  seconds: number;
  articlesPerSecond: number;
  /** Where the time goes, per article: the coder (pipeline.analyse), and everything else (reading, dedup, dates, store). */
  coderMsPerArticle: number;
  otherMsPerArticle: number;
  peakRssMiB: number;
  checkpoints: BenchCheckpoint[];
  dbBytesPer1000Articles: number;
  /** `events --dyad SYR-RUS` at the final size: the 50 most recent (as the CLI shows), and every row. */
  dyadQuery: { rows: number; first50MedianMs: number; first50P95Ms: number; allMedianMs: number };
  folder?: string;
}

/** Sentences by language: the development gold set and the sentences of the example corpus's text articles. */
function sentencePools(root: string): Pool {
  const pools = loadPool(root);
  for (const lang of ['ar', 'en', 'ru'] as const) {
    const dir = join(root, 'examples/corpus', lang);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const text = readTxt(readFileSync(join(dir, f), 'utf8'), f).text;
      for (const s of splitSentences(text)) pools[lang].push(text.slice(s.start, s.end));
    }
  }
  return pools;
}

const OUTLETS = ['Levant Wire', 'Orontes Daily', 'Eastern Courier', 'Gulf Monitor', 'Barada Today', 'Meridian', 'Crescent Post',
  'Southern Frontier', 'Euphrates Review', 'Coastal News', 'Desert Bulletin', 'Cedar Times'];

/** Write the generated corpus into `dir` as JSON Lines files of 5,000 articles of 6 to 12 sentences. */
function generateCorpus(dir: string, n: number, seed: number, root: string, declareLang: boolean): void {
  const pools = sentencePools(root);
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const start = Date.parse('2025-01-01T00:00:00Z');
  const span = Date.parse('2026-10-31T00:00:00Z') - start;
  let lines: string[] = [];
  let file = 0;
  for (let i = 0; i < n; i++) {
    const r = random();
    const lang = r < 0.5 ? 'ar' : r < 0.8 ? 'en' : 'ru';
    const pool = pools[lang];
    const count = 6 + Math.floor(random() * 7);
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(pick(pool));
    const sentences = [...chosen];
    const paragraphs: string[] = [];
    for (let k = 0; k < sentences.length; k += 2) paragraphs.push(sentences.slice(k, k + 2).join(' '));
    const date = new Date(start + Math.floor(random() * span)).toISOString().slice(0, 10);
    lines.push(JSON.stringify({
      id: `bench-${i}`, title: (sentences[0] as string).slice(0, 90), date, outlet: pick(OUTLETS),
      url: `https://example.org/bench/${i}`, ...(declareLang ? { lang } : {}), text: paragraphs.join('\n\n'),
    }));
    if (lines.length === 5000 || i === n - 1) {
      writeFileSync(join(dir, `batch-${String(file++).padStart(3, '0')}.jsonl`), `${lines.join('\n')}\n`);
      lines = [];
    }
  }
}

function fileMiB(...paths: string[]): number {
  let bytes = 0;
  for (const p of paths) {
    try {
      bytes += statSync(p).size;
    } catch {
      // the WAL may not exist
    }
  }
  return bytes / 1048576;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
}

/** A full garbage collection, made callable without --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Generate, ingest and measure. */
export async function benchIngest(options: BenchIngestOptions = {}): Promise<BenchIngestResult> {
  const n = options.articles ?? 20_000;
  const checkpoints = options.checkpoints ?? (n === 20_000 ? [5000, 10_000, 20_000] : [Math.round(n / 4), Math.round(n / 2), n]);
  const log = options.log ?? (() => {});
  const folder = mkdtempSync(join(tmpdir(), 'mizan-bench-'));
  const corpus = join(folder, 'corpus');
  mkdirSync(corpus);
  const dbFile = join(folder, 'bench.db');
  try {
    generateCorpus(corpus, n, options.seed ?? 1, packageRoot(), options.declareLang ?? true);
    log(`generated ${n} articles in ${corpus}`);
    const store = await openSqliteStore(dbFile);
    const coder = await createPipeline();
    let coderMs = 0;
    const pipeline: typeof coder = {
      analyse: (input) => {
        const t = performance.now();
        const doc = coder.analyse(input);
        coderMs += performance.now() - t;
        return doc;
      },
      code: (input) => coder.code(input),
    };
    const gc = collector();
    const marks: BenchCheckpoint[] = [];
    let peak = 0;
    let overallPeak = 0;
    const t0 = performance.now();
    let last = { articles: 0, t: t0 };
    const summary = await ingest([corpus], {
      store, pipeline,
      onProgress: (p) => {
        if (p.articles % 50 === 0) {
          const rss = process.memoryUsage().rss / 1048576;
          peak = Math.max(peak, rss);
          overallPeak = Math.max(overallPeak, rss);
        }
        if (!checkpoints.includes(p.articles)) return;
        const now = performance.now();
        gc();
        const cp: BenchCheckpoint = {
          articles: p.articles, seconds: (now - t0) / 1000, articlesPerSecond: (p.articles - last.articles) / ((now - last.t) / 1000),
          peakRssMiB: peak, dbMiB: fileMiB(dbFile, `${dbFile}-wal`), liveHeapMiB: process.memoryUsage().heapUsed / 1048576,
        };
        marks.push(cp);
        log(`${cp.articles} articles: ${cp.articlesPerSecond.toFixed(0)} articles/s, peak RSS ${cp.peakRssMiB.toFixed(0)} MiB, live heap ${cp.liveHeapMiB.toFixed(0)} MiB, db ${cp.dbMiB.toFixed(1)} MiB`);
        last = { articles: p.articles, t: performance.now() };
        peak = 0;
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const stats = await store.stats();
    const first50: number[] = [];
    const all: number[] = [];
    let rows = 0;
    for (let i = 0; i < 21; i++) {
      let t = performance.now();
      await store.events({ dyad: ['SYR', 'RUS'], limit: 50 });
      if (i > 0) first50.push(performance.now() - t);
      t = performance.now();
      rows = (await store.events({ dyad: ['SYR', 'RUS'] })).length;
      if (i > 0) all.push(performance.now() - t);
    }
    await store.close();
    const stored = summary.articles.added + summary.articles.nearDuplicate;
    const result: BenchIngestResult = {
      articles: stored, sentences: stats.sentences.total, events: stats.events.total, seconds,
      articlesPerSecond: (stored + summary.articles.duplicate) / seconds,
      coderMsPerArticle: coderMs / Math.max(stored, 1), otherMsPerArticle: (summary.seconds * 1000 - coderMs) / Math.max(stored, 1),
      peakRssMiB: overallPeak, checkpoints: marks,
      dbBytesPer1000Articles: (fileMiB(dbFile, `${dbFile}-wal`) * 1048576 * 1000) / Math.max(stored, 1),
      dyadQuery: { rows, first50MedianMs: quantile(first50, 0.5), first50P95Ms: quantile(first50, 0.95), allMedianMs: quantile(all, 0.5) },
    };
    if (options.keep) result.folder = folder;
    return result;
  } finally {
    if (!options.keep) rmSync(folder, { recursive: true, force: true });
  }
}

/** `npm run bench`'s ingest section: 20,000 articles (or $MIZAN_BENCH_ARTICLES), figures printed. */
export async function main(): Promise<void> {
  const articles = Number(process.env.MIZAN_BENCH_ARTICLES ?? 20_000);
  const r = await benchIngest({ articles, log: (l) => process.stderr.write(`bench ingest: ${l}\n`) });
  console.log('== ingest into SQLite (one core)');
  console.log(`corpus            ${r.articles} articles, ${r.sentences} sentences, ${r.events} events`);
  console.log(`articles/s        ${r.articlesPerSecond.toFixed(0)}  (target 500: ratio ${(r.articlesPerSecond / 500).toFixed(2)})`);
  console.log(`per article       ${r.coderMsPerArticle.toFixed(2)} ms coding, ${r.otherMsPerArticle.toFixed(2)} ms reading, dedup, dates and store`);
  for (const c of r.checkpoints) {
    console.log(`  at ${String(c.articles).padStart(6)}       ${c.articlesPerSecond.toFixed(0)} articles/s, peak RSS ${c.peakRssMiB.toFixed(0)} MiB, live heap ${c.liveHeapMiB.toFixed(0)} MiB, db ${c.dbMiB.toFixed(1)} MiB`);
  }
  console.log(`peak RSS          ${r.peakRssMiB.toFixed(0)} MiB`);
  console.log(`db per 1,000      ${(r.dbBytesPer1000Articles / 1048576).toFixed(2)} MiB`);
  console.log(`events --dyad     SYR-RUS, ${r.dyadQuery.rows} rows: first 50 in ${r.dyadQuery.first50MedianMs.toFixed(1)} ms (p95 ${r.dyadQuery.first50P95Ms.toFixed(1)}), all in ${r.dyadQuery.allMedianMs.toFixed(0)} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--articles');
  if (at > 0) process.env.MIZAN_BENCH_ARTICLES = process.argv[at + 1];
  await main();
}
