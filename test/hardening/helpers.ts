/**
 * Helpers of the hardening tests: `mizan` run with a time limit and its peak memory measured, synthetic
 * corpora from the example articles, and a digest of everything a store holds.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ROOT } from '../cli/helpers.js';

const BIN = join(ROOT, 'bin', 'mizan');
/** The preload that writes a child's peak memory to $MIZAN_TEST_RSS_FILE (built beside this file). */
const RSS_PROBE = join(ROOT, 'dist', 'test', 'hardening', 'rss-probe.js');

/** The outcome of a bounded run. */
export interface BoundedRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the process in MiB (undefined when it did not exit normally). */
  peakMiB: number | undefined;
}

/** Run `mizan` with a time limit (SIGKILL past it), measuring its time and peak memory. */
export function runMizan(args: string[], options: { timeoutMs?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {}): BoundedRun {
  const rssFile = join(options.cwd ?? ROOT, `.rss-${process.pid}-${Date.now()}`);
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', pathToUrl(RSS_PROBE), BIN, ...args], {
    encoding: 'utf8', cwd: options.cwd ?? ROOT, timeout: options.timeoutMs ?? 60_000, killSignal: 'SIGKILL',
    env: { ...process.env, ...options.env, MIZAN_TEST_RSS_FILE: rssFile }, maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  let peakMiB: number | undefined;
  if (existsSync(rssFile)) {
    peakMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
    rmSync(rssFile, { force: true });
  }
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms, peakMiB };
}

function pathToUrl(p: string): string {
  return new URL(`file://${p}`).href;
}

/** Start `mizan` without waiting for it. */
export function startMizan(args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolve with the exit status of a child (its signal name when it was killed). */
export function exited(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
}

/** Resolve with the exit status of a child once its output streams are closed too (all it printed has been read). */
export function closed(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null && child.stdout?.readableEnded !== false && child.stderr?.readableEnded !== false) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('close', (code, signal) => resolve(code ?? signal ?? -1)));
}

/** Collect a child's standard output and error. */
export function output(child: ChildProcess): { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString('utf8')));
  return { stdout: () => out, stderr: () => err };
}

/** Articles committed in a store another process may be writing (0 while it has none). */
export function committedArticles(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const conn = new BetterSqlite3(db, { readonly: true, fileMustExist: true });
    try {
      const ready = (conn.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'article'").get() as { n: number }).n > 0;
      return ready ? (conn.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n : 0;
    } finally {
      conn.close();
    }
  } catch {
    return 0;
  }
}

/** A seeded pseudo-random source (Park–Miller), so a failing run can be repeated from its seed. */
export function seeded(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** The sentences of the example corpus by language, each a line of its body. */
export function corpusSentences(): Record<'ar' | 'en' | 'ru', string[]> {
  const out: Record<'ar' | 'en' | 'ru', string[]> = { ar: [], en: [], ru: [] };
  for (const lang of ['ar', 'en', 'ru'] as const) {
    const dir = join(ROOT, 'examples', 'corpus', lang);
    for (const name of readdirSync(dir).sort()) {
      const text = readFileSync(join(dir, name), 'utf8');
      const body = text.slice(text.indexOf('\n\n') + 2);
      for (const s of body.split(/(?<=[.!?؟])\s+|\n+/u)) if (s.trim().length > 30) out[lang].push(s.trim());
    }
  }
  return out;
}

/**
 * JSON Lines of `n` articles, most of them six corpus sentences of one language picked at random; every 11th
 * repeats an earlier record under a new id (an exact duplicate), every 13th drops the first sentence of one
 * (a near-duplicate).
 */
export function syntheticJsonl(n: number, seed: number): string {
  const rnd = seeded(seed);
  const pool = corpusSentences();
  const langs = ['ar', 'en', 'ru'] as const;
  const records: Array<{ id: string; date: string; outlet: string; lang: string; text: string }> = [];
  for (let i = 0; i < n; i++) {
    const earlier = records[Math.floor(rnd() * records.length)];
    if (earlier && i % 11 === 10) records.push({ ...earlier, id: `s${i}` });
    else if (earlier && i % 13 === 12) records.push({ ...earlier, id: `s${i}`, text: earlier.text.split('\n').slice(1).join('\n') });
    else {
      const lang = langs[i % 3] as 'ar' | 'en' | 'ru';
      const text = Array.from({ length: 6 }, () => pool[lang][Math.floor(rnd() * pool[lang].length)]).join('\n');
      records.push({ id: `s${i}`, date: `2026-09-${String(1 + (i % 28)).padStart(2, '0')}`, outlet: `Outlet ${i % 5}`, lang, text });
    }
  }
  return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
}

/** Counts and a digest of everything a store holds, independent of row ids and ingest times. */
export interface StoreDigest {
  articles: number;
  sentences: number;
  events: number;
  clusters: number;
  digest: string;
}

/**
 * Digest a store: articles, sentences, events and clusters, each keyed by content hashes rather than ids.
 * `orderFree` leaves out what depends on the order articles were stored in (their origin when a text came
 * twice, near-duplicate links, clusters), for stores written by concurrent runs.
 */
export function digestStore(db: string, orderFree = false): StoreDigest {
  const conn = new BetterSqlite3(db, { readonly: true, fileMustExist: true });
  try {
    const all = <T>(sql: string): T[] => conn.prepare(sql).all() as T[];
    const articles = all<Record<string, unknown>>(`
      SELECT a.content_hash, a.title, a.published_date, a.outlet, a.lang, a.origin, a.external_id, a.source_key, a.text,
        n.content_hash AS near, a.near_similarity
      FROM article a LEFT JOIN article n ON n.id = a.near_duplicate_of ORDER BY a.content_hash`);
    const sentences = all<Record<string, unknown>>(`
      SELECT a.content_hash, s.seq, s.span_start, s.span_end FROM sentence s JOIN article a ON a.id = s.article_id
      ORDER BY a.content_hash, s.seq`);
    const events = all<Record<string, unknown>>(`
      SELECT a.content_hash, s.seq, e.source, e.target, e.type, e.mode, e.domains, e.modality, e.intensity, e.confidence,
        e.source_sector, e.target_sector, e.trigger, e.rule, e.evidence_start, e.evidence_end, e.event_date, e.date_precision,
        e.date_text, c.cluster_key, c.first_date, c.num_mentions, c.num_articles, c.num_sources,
        ra.content_hash AS root_article, re.evidence_start AS root_start
      FROM event e JOIN article a ON a.id = e.article_id JOIN sentence s ON s.id = e.sentence_id
      LEFT JOIN event_cluster c ON c.id = e.cluster_id LEFT JOIN event re ON re.id = c.root_event_id
      LEFT JOIN article ra ON ra.id = re.article_id
      ORDER BY a.content_hash, s.seq, e.evidence_start, e.evidence_end, e.type, e.source, e.target, e.modality`);
    const clusters = (conn.prepare('SELECT count(*) AS n FROM event_cluster').get() as { n: number }).n;
    const index = ['article_lsh', 'title_fts', 'sentence_fts', 'cluster_member']
      .map((t) => (conn.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
    const content = orderFree
      ? {
        articles: articles.map(({ content_hash, text, lang }) => ({ content_hash, text, lang })),
        sentences,
        events: events.map(({ cluster_key, first_date, num_mentions, num_articles, num_sources, root_article, root_start, ...e }) => e),
      }
      : { articles, sentences, events, clusters, index };
    const digest = createHash('sha256').update(JSON.stringify(content)).digest('hex');
    return { articles: articles.length, sentences: sentences.length, events: events.length, clusters, digest };
  } finally {
    conn.close();
  }
}

/** What a store holds that does not depend on the order articles arrived in: for stores written by concurrent runs. */
export function contentDigest(db: string): Omit<StoreDigest, 'clusters'> {
  const d = digestStore(db, true);
  return { articles: d.articles, sentences: d.sentences, events: d.events, digest: d.digest };
}
