/**
 * Ingest benchmark: generate a corpus of news-like articles by recombining real sentences (eval/gold/dev
 * and examples/corpus), ingest it into a fresh SQLite store, and measure articles/s, peak RSS as the
 * store grows, database size per 1,000 articles and the latency of `events --dyad`.
 * Run alone: `node dist/bench/ingest.bench.js [--articles N] [--jobs N]`. With `--jobs A,B` (e.g. `--jobs 1,2`), the
 * same generated corpus is ingested with each number of coding threads turn about in one process (`--articles`
 * default 3,000, `--rounds` default 3): articles per second of wall-clock time and per CPU second (the process's,
 * worker threads included), and whether the stores hold the same rows. With `--baseline DIR` (DIR another built checkout,
 * an earlier commit), both builds ingest the same generated corpus into fresh stores turn about in one process
 * (`--articles` default 3,000, `--rounds` default 5): CPU time of each, their ratio, and whether the two stores
 * hold the same rows.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { storeLines } from '../src/store/sqlite-dump.js';
import { packageRoot } from '../src/core/paths.js';
import { ingest } from '../src/ingest/run.js';
import { readTxt } from '../src/ingest/readers/txt.js';
import { createIngestPipeline, type Pipeline } from '../src/pipeline/pipeline.js';
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
  /** Coding threads, as `mizan ingest --jobs` (default 1). */
  jobs?: number;
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
  /** JavaScript heap of the writing thread in use after a full garbage collection, in MiB: the live memory, free of GC timing (worker threads' heaps count in the RSS only). */
  liveHeapMiB: number;
}

/** The benchmark's figures. */
export interface BenchIngestResult {
  articles: number;
  sentences: number;
  events: number;
  seconds: number;
  articlesPerSecond: number;
  /** Coding threads. */
  jobs: number;
  /** CPU seconds of the process (all its threads) over the ingest, and articles per CPU second. */
  cpuSeconds: number;
  articlesPerCpuSecond: number;
  /** Where the time goes, per article, with one thread: the coder (pipeline.analyse), and everything else (reading, dedup, dates, store). */
  coderMsPerArticle?: number;
  otherMsPerArticle?: number;
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
export function generateCorpus(dir: string, n: number, seed: number, root: string, declareLang: boolean): void {
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
    const coder = await createIngestPipeline();
    let coderMs = 0;
    const pipeline: typeof coder = {
      analyse: (input, normalized) => {
        const t = performance.now();
        const doc = coder.analyse(input, normalized);
        coderMs += performance.now() - t;
        return doc;
      },
      code: (input) => coder.code(input),
    };
    const gc = collector();
    const marks: BenchCheckpoint[] = [];
    let peak = 0;
    let overallPeak = 0;
    const jobs = options.jobs ?? 1;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let last = { articles: 0, t: t0 };
    const summary = await ingest([corpus], {
      store, jobs, ...(jobs === 1 ? { pipeline } : {}),
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
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
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
      jobs, cpuSeconds, articlesPerCpuSecond: (stored + summary.articles.duplicate) / cpuSeconds,
      ...(jobs === 1 ? { coderMsPerArticle: coderMs / Math.max(stored, 1), otherMsPerArticle: (summary.seconds * 1000 - coderMs) / Math.max(stored, 1) } : {}),
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

/** `npm run bench`'s ingest section: 20,000 articles (or $MIZAN_BENCH_ARTICLES) with $MIZAN_BENCH_JOBS coding threads (default 1), figures printed. */
export async function main(): Promise<void> {
  const articles = Number(process.env.MIZAN_BENCH_ARTICLES ?? 20_000);
  const jobs = Number(process.env.MIZAN_BENCH_JOBS ?? 1);
  const r = await benchIngest({ articles, jobs, log: (l) => process.stderr.write(`bench ingest: ${l}\n`) });
  console.log(`== ingest into SQLite (${jobs === 1 ? 'one thread' : `${jobs} coding threads and the writer`})`);
  console.log(`corpus            ${r.articles} articles, ${r.sentences} sentences, ${r.events} events`);
  console.log(`articles/s        ${r.articlesPerSecond.toFixed(0)}  (target 500: ratio ${(r.articlesPerSecond / 500).toFixed(2)})`);
  console.log(`per CPU second    ${r.articlesPerCpuSecond.toFixed(0)} articles (${r.cpuSeconds.toFixed(1)} CPU s over ${r.seconds.toFixed(1)} s: ${(r.cpuSeconds / r.seconds).toFixed(2)} cores busy)`);
  if (r.coderMsPerArticle !== undefined && r.otherMsPerArticle !== undefined) {
    console.log(`per article       ${r.coderMsPerArticle.toFixed(2)} ms coding, ${r.otherMsPerArticle.toFixed(2)} ms reading, dedup, dates and store`);
  }
  for (const c of r.checkpoints) {
    console.log(`  at ${String(c.articles).padStart(6)}       ${c.articlesPerSecond.toFixed(0)} articles/s, peak RSS ${c.peakRssMiB.toFixed(0)} MiB, live heap ${c.liveHeapMiB.toFixed(0)} MiB, db ${c.dbMiB.toFixed(1)} MiB`);
  }
  console.log(`peak RSS          ${r.peakRssMiB.toFixed(0)} MiB`);
  console.log(`db per 1,000      ${(r.dbBytesPer1000Articles / 1048576).toFixed(2)} MiB`);
  console.log(`events --dyad     SYR-RUS, ${r.dyadQuery.rows} rows: first 50 in ${r.dyadQuery.first50MedianMs.toFixed(1)} ms (p95 ${r.dyadQuery.first50P95Ms.toFixed(1)}), all in ${r.dyadQuery.allMedianMs.toFixed(0)} ms`);
}

/** One build's ingest as the turn-about runs it. */
interface Build {
  ingest: typeof ingest;
  openSqliteStore: typeof openSqliteStore;
  pipeline: Pipeline;
}

async function loadBuild(root?: string): Promise<Build> {
  if (root === undefined) return { ingest, openSqliteStore, pipeline: await createIngestPipeline() };
  const at = (p: string): string => pathToFileURL(join(resolve(root), 'dist/src', p)).href;
  const run = (await import(at('ingest/run.js'))) as typeof import('../src/ingest/run.js');
  const store = (await import(at('store/sqlite-store.js'))) as typeof import('../src/store/sqlite-store.js');
  const pipeline = (await import(at('pipeline/pipeline.js'))) as typeof import('../src/pipeline/pipeline.js');
  return { ingest: run.ingest, openSqliteStore: store.openSqliteStore, pipeline: await (pipeline.createIngestPipeline?.() ?? pipeline.createPipeline()) };
}

/** CPU seconds of one ingest of `corpus` into a fresh store at `dbFile`, and of its coder alone. */
async function timedIngest(b: Build, corpus: string, dbFile: string): Promise<{ cpu: number; coderCpu: number }> {
  let coderCpu = 0;
  const pipeline: Build['pipeline'] = {
    analyse: (input, normalized) => {
      const c0 = process.cpuUsage();
      const doc = b.pipeline.analyse(input, normalized);
      const c = process.cpuUsage(c0);
      coderCpu += (c.user + c.system) / 1e6;
      return doc;
    },
    code: (input) => b.pipeline.code(input),
  };
  const c0 = process.cpuUsage();
  const store = await b.openSqliteStore(dbFile);
  await b.ingest([corpus], { store, pipeline });
  await store.close();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1e6, coderCpu };
}

/** A digest of what a store holds ({@link storeLines}): two stores with the same digest hold the same data. */
export function storeDigest(dbFile: string): string {
  const hash = createHash('sha256');
  for (const line of storeLines(dbFile)) hash.update(`${line}\n`);
  return hash.digest('hex');
}

/** This build's ingest against another's, turn about on one corpus. */
export interface IngestTurnAbout {
  articles: number;
  /** Best CPU seconds of a whole ingest (open, ingest, close) and of its coder, for this build and the other. */
  thisCpu: number;
  thisCoderCpu: number;
  otherCpu: number;
  otherCoderCpu: number;
  /** This build's CPU time over the other's (below 1 is faster), in all and without the coder. */
  ratio: number;
  ratioWithoutCoder: number;
  /** Whether both stores hold the same rows and index entries ({@link storeDigest}). */
  sameStore: boolean;
}

/**
 * Ingest one generated corpus with this build and with the build in `otherRoot` (a built checkout of an earlier
 * commit), each into a fresh store, alternating rounds in one process so that both meet the same machine load.
 */
export async function turnAbout(otherRoot: string, articles = 3000, rounds = 5): Promise<IngestTurnAbout> {
  const folder = mkdtempSync(join(tmpdir(), 'mizan-bench-turn-'));
  try {
    const corpus = join(folder, 'corpus');
    mkdirSync(corpus);
    generateCorpus(corpus, articles, 1, packageRoot(), true);
    const builds = [await loadBuild(), await loadBuild(otherRoot)];
    const best = builds.map(() => ({ cpu: Infinity, coderCpu: Infinity }));
    const digests: string[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const [k, b] of builds.entries()) {
        const dbFile = join(folder, `store-${k}-${r}.db`);
        const t = await timedIngest(b, corpus, dbFile);
        const m = best[k] as { cpu: number; coderCpu: number };
        if (t.cpu < m.cpu) [m.cpu, m.coderCpu] = [t.cpu, t.coderCpu];
        if (r === 0) digests.push(storeDigest(dbFile));
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
      }
    }
    const [mine, theirs] = best as [{ cpu: number; coderCpu: number }, { cpu: number; coderCpu: number }];
    return {
      articles, thisCpu: mine.cpu, thisCoderCpu: mine.coderCpu, otherCpu: theirs.cpu, otherCoderCpu: theirs.coderCpu,
      ratio: mine.cpu / theirs.cpu, ratioWithoutCoder: (mine.cpu - mine.coderCpu) / (theirs.cpu - theirs.coderCpu),
      sameStore: digests[0] === digests[1],
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** One number of coding threads as {@link jobsTurnAbout} measured it: the best of its rounds. */
export interface JobsFigures {
  jobs: number;
  /** Articles per second of wall-clock time, open to close. */
  articlesPerSecond: number;
  /** Articles per CPU second of the process, all its threads. */
  articlesPerCpuSecond: number;
}

/** Coding threads against each other, turn about on one corpus. */
export interface JobsTurnAbout {
  articles: number;
  figures: JobsFigures[];
  /** Whether every run's store holds the same rows and index entries ({@link storeDigest}). */
  sameStore: boolean;
}

/**
 * Ingest one generated corpus with each number of coding threads in `jobs`, each into a fresh store, alternating
 * in one process for `rounds` rounds so that all meet the same machine load; the best wall-clock and CPU times of each.
 */
export async function jobsTurnAbout(jobs: number[], articles = 3000, rounds = 3): Promise<JobsTurnAbout> {
  const folder = mkdtempSync(join(tmpdir(), 'mizan-bench-jobs-'));
  try {
    const corpus = join(folder, 'corpus');
    mkdirSync(corpus);
    generateCorpus(corpus, articles, 1, packageRoot(), true);
    const pipeline = await createIngestPipeline();
    const best = jobs.map(() => ({ wall: Infinity, cpu: Infinity }));
    const digests = new Set<string>();
    for (let r = 0; r < rounds; r++) {
      for (const [k, n] of jobs.entries()) {
        const dbFile = join(folder, `store-${n}-${r}.db`);
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const store = await openSqliteStore(dbFile);
        await ingest([corpus], { store, jobs: n, ...(n === 1 ? { pipeline } : {}) });
        await store.close();
        const wall = (performance.now() - t0) / 1000;
        const c = process.cpuUsage(c0);
        const m = best[k] as { wall: number; cpu: number };
        m.wall = Math.min(m.wall, wall);
        m.cpu = Math.min(m.cpu, (c.user + c.system) / 1e6);
        if (r === 0) digests.add(storeDigest(dbFile));
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
      }
    }
    const figures = jobs.map((n, k) => {
      const m = best[k] as { wall: number; cpu: number };
      return { jobs: n, articlesPerSecond: articles / m.wall, articlesPerCpuSecond: articles / m.cpu };
    });
    return { articles, figures, sameStore: digests.size === 1 };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const value = (flag: string): string | undefined => {
    const at = process.argv.indexOf(flag);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const baseline = value('--baseline');
  const jobs = (value('--jobs') ?? '1').split(',').map(Number);
  if (jobs.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--jobs takes whole numbers from 1, as N or A,B: not "${value('--jobs')}"`);
  if (jobs.length > 1) {
    const r = await jobsTurnAbout(jobs, Number(value('--articles') ?? 3000), Number(value('--rounds') ?? 3));
    const [first] = r.figures as [JobsFigures];
    console.log(`${r.articles} articles, best of the rounds each`);
    for (const f of r.figures) {
      const ratio = f === first ? '' : `  (against --jobs ${first.jobs}: ${(f.articlesPerSecond / first.articlesPerSecond).toFixed(2)}x wall, ${(f.articlesPerCpuSecond / first.articlesPerCpuSecond).toFixed(2)}x CPU)`;
      console.log(`--jobs ${String(f.jobs).padEnd(3)} ${f.articlesPerSecond.toFixed(0)} articles/s, ${f.articlesPerCpuSecond.toFixed(0)} articles per CPU second${ratio}`);
    }
    console.log(`same store: ${r.sameStore ? 'yes' : 'no'}`);
  } else if (baseline) {
    const r = await turnAbout(baseline, Number(value('--articles') ?? 3000), Number(value('--rounds') ?? 5));
    const perS = (cpu: number): string => `${(r.articles / cpu).toFixed(0)} articles per CPU second`;
    console.log(`${r.articles} articles, best of the rounds each`);
    console.log(`this build   ${perS(r.thisCpu)} (${((1000 * r.thisCoderCpu) / r.articles).toFixed(2)} ms coding, ${((1000 * (r.thisCpu - r.thisCoderCpu)) / r.articles).toFixed(2)} ms the rest, CPU per article)`);
    console.log(`${baseline.padEnd(12)} ${perS(r.otherCpu)} (${((1000 * r.otherCoderCpu) / r.articles).toFixed(2)} ms coding, ${((1000 * (r.otherCpu - r.otherCoderCpu)) / r.articles).toFixed(2)} ms the rest, CPU per article)`);
    console.log(`CPU time ratio this/other ${r.ratio.toFixed(2)} (without coding ${r.ratioWithoutCoder.toFixed(2)}); same store: ${r.sameStore ? 'yes' : 'no'}`);
  } else {
    const articles = value('--articles');
    if (articles) process.env.MIZAN_BENCH_ARTICLES = articles;
    if (value('--jobs')) process.env.MIZAN_BENCH_JOBS = String(jobs[0]);
    await main();
  }
}
