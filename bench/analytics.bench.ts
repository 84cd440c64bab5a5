/**
 * Analytics benchmark: generate a store of 1 M event mentions straight through SQL (in batches, into the
 * store's own schema), then time the dyad profile, the alignment network and the brief on it.
 *
 * The generated world: 40 actors with Zipf-like activity in two loose camps plus a swing group, so that
 * dyads have a tone (allies mostly cooperate, rivals mostly clash); 16 PLOVER types drawn by that tone,
 * with their intensities from docs/intensity.md; 1–2 of 8 domains by type; modalities 76 % asserted,
 * 10 % future, 5 % normative, 4 % speculative, 5 % negated; dates over 24 months with a slow drift;
 * each real-world event reported by 1–4 articles of 60 outlets (a cluster), four events per article, three in
 * five of them about the article's own dyad and dated a few days apart.
 * Run alone: `node dist/bench/analytics.bench.js [--events N] [--keep] [--baseline DIR]`. With `--baseline`, DIR is
 * another built checkout (an earlier commit, `npx tsc` run in it): the bench also generates a store with that
 * build's own generator and schema (the same seed gives the same events), times both builds turn about on the
 * same cases, prints new/old ratios of wall and CPU time, and says whether each result is the same.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { dyadProfile } from '../src/analytics/dyad.js';
import type { alignmentNetwork } from '../src/analytics/network.js';
import { addDays } from '../src/core/calendar.js';
import { DOMAINS, EVENT_TYPES, type Domain, type EventType, type Modality } from '../src/core/types.js';
import type { buildBrief, toHtml, toMarkdown } from '../src/report/brief.js';
import { clusterKey } from '../src/store/cluster-key.js';
import type { openSqliteStore, SqliteStore } from '../src/store/sqlite-store.js';
import { rng } from './corpus.js';

const CAMP_A = ['RUS', 'SYR', 'IRN', 'HEZ', 'IRQ', 'CHN', 'YEM', 'DZA', 'BLR', 'PRK'];
const CAMP_B = ['USA', 'ISR', 'GBR', 'FRA', 'DEU', 'EU', 'NATO', 'SAU', 'ARE', 'JOR', 'UKR', 'KWT', 'BHR'];
const SWING = ['TUR', 'EGY', 'QAT', 'LBN', 'UN', 'AL', 'GCC', 'PSE', 'HAMAS', 'ISIL', 'SDF', 'OMN', 'LBY', 'TUN', 'SDN', 'IND', 'PAK'];
/** The 40 actors, most active first (the activity weight of the i-th is 1/(i+1)^0.9). */
const ACTORS = ['SYR', 'RUS', 'USA', 'ISR', 'TUR', 'IRN', 'LBN', 'IRQ', 'SAU', 'UN', 'JOR', 'EU', 'EGY', 'QAT', 'ARE', 'UKR', 'CHN',
  'FRA', 'GBR', 'DEU', 'HEZ', 'HAMAS', 'PSE', 'ISIL', 'SDF', 'YEM', 'NATO', 'AL', 'GCC', 'KWT', 'BHR', 'OMN', 'LBY', 'DZA', 'TUN', 'SDN',
  'IND', 'PAK', 'BLR', 'PRK'];

const INTENSITY: Record<EventType, number> = {
  AID: 6, CONCEDE: 4, COOPERATE: 4, AGREE: 3, SUPPORT: 3, RETREAT: 2, CONSULT: 1, REQUEST: -1, ACCUSE: -2, REJECT: -4, PROTEST: -5,
  THREATEN: -6, MOBILIZE: -6, SANCTION: -7, COERCE: -7, ASSAULT: -9,
};
const COOP_TYPES: Array<[EventType, number]> = [['CONSULT', 30], ['AGREE', 18], ['SUPPORT', 16], ['COOPERATE', 16], ['AID', 10], ['CONCEDE', 5], ['RETREAT', 5]];
const CONFLICT_TYPES: Array<[EventType, number]> = [['REQUEST', 22], ['ACCUSE', 22], ['REJECT', 10], ['THREATEN', 9], ['PROTEST', 5], ['SANCTION', 9],
  ['MOBILIZE', 6], ['COERCE', 7], ['ASSAULT', 10]];
const TYPE_DOMAINS: Partial<Record<EventType, Domain[]>> = {
  ASSAULT: ['military'], MOBILIZE: ['military'], COERCE: ['security', 'rights'], SANCTION: ['economic', 'energy', 'rights'],
  AID: ['humanitarian', 'economic', 'energy', 'military'], PROTEST: ['rights', 'diplomatic'], RETREAT: ['military'],
  COOPERATE: ['military', 'security', 'economic', 'energy', 'transport'], AGREE: ['diplomatic', 'economic', 'energy', 'transport', 'military'],
};
const MODALITY_WEIGHTS: Array<[Modality, number]> = [['asserted', 76], ['future', 10], ['normative', 5], ['speculative', 4], ['negated', 5]];
const START = '2025-01-01';
const DAYS = 730;
const OUTLETS = 60;

function pick<T>(r: () => number, weighted: Array<[T, number]>): T {
  const total = weighted.reduce((t, [, w]) => t + w, 0);
  let x = r() * total;
  for (const [v, w] of weighted) if ((x -= w) < 0) return v;
  return (weighted[weighted.length - 1] as [T, number])[0];
}

function dayOf(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${START}T00:00:00Z`)) / 86_400_000);
}

function camp(code: string): number {
  return CAMP_A.includes(code) ? 1 : CAMP_B.includes(code) ? -1 : 0;
}

/** The tone of a dyad in [-1, 1]: allies cooperate, rivals clash, the swing group hedges (with a fixed per-dyad twist). */
function tone(a: string, b: string): number {
  const [ca, cb] = [camp(a), camp(b)];
  let h = 0;
  for (const ch of [a, b].sort().join('|')) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const twist = ((h % 1000) / 1000 - 0.5) * 0.6;
  if (ca !== 0 && cb !== 0) return (ca === cb ? 0.6 : -0.6) + twist;
  return twist;
}

/** Figures of a generated store. */
export interface Generated {
  events: number;
  clusters: number;
  articles: number;
  seconds: number;
  dbMiB: number;
}

/** Fill an empty store with `target` generated event mentions (deterministic for a seed). */
export function generate(store: SqliteStore, target: number, seed = 7): Generated {
  const t0 = performance.now();
  const db = store.db;
  // The analytics indexes are built once after the load rather than row by row (the same end state, sooner).
  const analyticsIndexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'event'
    AND (name GLOB 'event_pair_*' OR name GLOB 'event_dyad_*')`).all() as Array<{ name: string; sql: string }>;
  for (const index of analyticsIndexes) db.exec(`DROP INDEX ${index.name}`);
  const r = rng(seed);
  const weights: Array<[string, number]> = ACTORS.map((a, i) => [a, 1 / (i + 1) ** 0.9]);
  const insArticle = db.prepare(`INSERT INTO article (id, content_hash, title, published, published_date, outlet, source_key, url, lang, origin, text, ingested_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insSentence = db.prepare('INSERT INTO sentence (id, article_id, seq, span_start, span_end) VALUES (?, ?, ?, ?, ?)');
  const insCluster = db.prepare(`INSERT INTO event_cluster (id, cluster_key, source, target, type, modality, first_date, last_date, num_mentions,
    num_articles, num_sources, root_event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insEvent = db.prepare(`INSERT INTO event (id, article_id, sentence_id, cluster_id, source, target, type, mode, domains, modality, intensity,
    evidence_start, evidence_end, event_date, date_precision) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, 'day')`);
  interface Pending { cluster: number; source: string; target: string; type: EventType; modality: Modality; domains: string; date: string }
  const setRoot = db.prepare('UPDATE event_cluster SET root_event_id = ? WHERE id = ?');
  const rootSet = new Set<number>();
  const slots: Pending[][] = Array.from({ length: 8 }, () => []);
  let [articleId, sentenceId, eventId, clusterId, mentions] = [0, 0, 0, 0, 0];
  const flush = (slot: Pending[]): void => {
    articleId++;
    const outlet = Math.floor(OUTLETS * r() ** 2);
    const date = slot.reduce((d, p) => (p.date > d ? p.date : d), '0000-00-00');
    let text = '';
    const spans: Array<[number, number]> = [];
    for (const p of slot) {
      const s = `On ${p.date} ${p.source} and ${p.target} were reported in a ${p.type.toLowerCase()} event about ${p.domains.replace(/;/gu, ' and ')} matters. `;
      spans.push([text.length, text.length + s.length - 1]);
      text += s;
    }
    insArticle.run(articleId, `bench:${articleId}`, `Report ${articleId}`, date, date, `Outlet ${outlet}`, `outlet-${outlet}`,
      `https://example.org/o${outlet}/${articleId}`, 'en', `bench:${articleId}`, text, '2026-01-01T00:00:00Z');
    slot.forEach((p, i) => {
      const [start, end] = spans[i] as [number, number];
      insSentence.run(++sentenceId, articleId, i, start, end);
      insEvent.run(++eventId, articleId, sentenceId, p.cluster, p.source, p.target, p.type, p.domains, p.modality, INTENSITY[p.type], start, end, p.date);
      if (!rootSet.has(p.cluster)) {
        rootSet.add(p.cluster);
        setRoot.run(eventId, p.cluster);
      }
    });
    slot.length = 0;
  };
  const batch = db.transaction((n: number) => {
    for (let i = 0; i < n && mentions < target; i++) {
      // Articles are topical: an event joins the article of its own dyad (in either direction, a few days
      // apart) three times in five; otherwise it is a dyad of its own.
      const base = Math.floor(r() * slots.length);
      const lead = (slots[base] as Pending[])[0];
      const topical = lead !== undefined && r() < 0.6;
      let source = topical ? lead.source : pick(r, weights);
      let targetActor = topical ? lead.target : pick(r, weights);
      while (targetActor === source) targetActor = pick(r, weights);
      if (topical && r() < 0.5) [source, targetActor] = [targetActor, source];
      const day = topical ? Math.max(0, Math.min(DAYS - 1, dayOf(lead.date) - Math.floor(3 * r()))) : Math.floor(DAYS * r());
      const drift = (day / DAYS - 0.5) * 0.4;
      const coop = r() < 0.5 + 0.45 * Math.max(-1, Math.min(1, tone(source, targetActor) + drift));
      const type = pick(r, coop ? COOP_TYPES : CONFLICT_TYPES);
      const modality = pick(r, MODALITY_WEIGHTS);
      const own = TYPE_DOMAINS[type] ?? ['diplomatic'];
      const domains = new Set<Domain>([own[Math.floor(r() * own.length)] as Domain]);
      if (r() < 0.3) domains.add(DOMAINS[Math.floor(r() * DOMAINS.length)] as Domain);
      const date = addDays(START, day);
      const reports = Math.min(4, 1 + Math.floor(-Math.log(1 - r()) * 0.7));
      const id = ++clusterId;
      insCluster.run(id, clusterKey({ source, target: targetActor, type, modality }), source, targetActor, type, modality, date, date, reports,
        reports, reports, null);
      for (let j = 0; j < reports && mentions < target; j++, mentions++) {
        const slot = slots[(base + j) % slots.length] as Pending[];
        slot.push({ cluster: id, source, target: targetActor, type, modality, domains: [...domains].join(';'), date });
        if (slot.length === 4) flush(slot);
      }
    }
    if (mentions >= target) for (const s of slots) if (s.length > 0) flush(s);
  });
  while (mentions < target) batch(20_000);
  for (const index of analyticsIndexes) db.exec(index.sql);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  const dbMiB = statSync(store.location).size / 2 ** 20;
  return { events: eventId, clusters: clusterId, articles: articleId, seconds: (performance.now() - t0) / 1000, dbMiB };
}

/** Wall and CPU time of timed calls, in milliseconds. */
interface Timing {
  /** The first call (cold statement caches). */
  first: number;
  median: number;
  max: number;
  /** Median CPU time of the process (user + system). */
  cpu: number;
}

/** The functions a build offers the bench: its generator, its store and the three analytics. */
interface Build {
  generate: typeof generate;
  openSqliteStore: typeof openSqliteStore;
  dyadProfile: typeof dyadProfile;
  alignmentNetwork: typeof alignmentNetwork;
  buildBrief: typeof buildBrief;
  toMarkdown: typeof toMarkdown;
  toHtml: typeof toHtml;
}

/**
 * Load a build from its dist/ folder: this build from the folder this file was compiled into (with this
 * module's own generator: importing itself would wait on its own top-level await), another from `dist`.
 */
async function loadBuild(dist?: string): Promise<Build> {
  const root = dist ?? fileURLToPath(new URL('..', import.meta.url));
  const load = async (file: string): Promise<Record<string, unknown>> => (await import(pathToFileURL(join(root, file)).href)) as Record<string, unknown>;
  const [bench, store, dyad, network, brief] = await Promise.all([dist ? load('bench/analytics.bench.js') : { generate },
    load('src/store/sqlite-store.js'), load('src/analytics/dyad.js'), load('src/analytics/network.js'), load('src/report/brief.js')]);
  return { ...bench, ...store, ...dyad, ...network, ...brief } as unknown as Build;
}

/** The timed cases: what each computes on a store. */
const CASES: Array<{ what: string; run: (b: Build, store: SqliteStore) => Promise<unknown> }> = [
  { what: 'dyad SYR-RUS, by month (densest dyad)', run: (b, s) => b.dyadProfile(s, 'SYR', 'RUS', { by: 'month' }) },
  { what: 'dyad SYR-RUS, by week', run: (b, s) => b.dyadProfile(s, 'SYR', 'RUS', { by: 'week' }) },
  { what: 'dyad SYR-RUS, one quarter', run: (b, s) => b.dyadProfile(s, 'SYR', 'RUS', { since: '2026-04-01', until: '2026-06-30' }) },
  { what: 'dyad QAT-UKR (sparse dyad)', run: (b, s) => b.dyadProfile(s, 'QAT', 'UKR', {}) },
  { what: 'network, all 24 months', run: (b, s) => b.alignmentNetwork(s, {}) },
  { what: 'network, one quarter', run: (b, s) => b.alignmentNetwork(s, { since: '2026-04-01', until: '2026-06-30' }) },
  { what: 'brief SYR-RUS en (markdown)', run: async (b, s) => b.toMarkdown(await b.buildBrief(s, 'SYR', 'RUS', { lang: 'en' })) },
  { what: 'brief SYR-RUS ar (html)', run: async (b, s) => b.toHtml(await b.buildBrief(s, 'SYR', 'RUS', { lang: 'ar' })) },
];

/** One timed call: its wall and CPU time, and what it returned. */
async function timeOnce(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number; result: unknown }> {
  const [t, c] = [performance.now(), process.cpuUsage()];
  const result = await fn();
  const used = process.cpuUsage(c);
  return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000, result };
}

function summary(first: number, runs: Array<{ wall: number; cpu: number }>): Timing {
  const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
  const walls = runs.map((r) => r.wall);
  return { first, median: median(walls), max: Math.max(...walls), cpu: median(runs.map((r) => r.cpu)) };
}

/**
 * Time `fn` (one untimed-for-the-median first call, then `runs` calls) and, when given, `old` turn about with
 * it, so that both meet the same load; with `old`, also whether both first calls returned the same (as JSON).
 */
async function time(runs: number, fn: () => Promise<unknown>, old?: () => Promise<unknown>): Promise<{ now: Timing; old?: Timing; same?: boolean }> {
  const first = await timeOnce(fn);
  const oldFirst = old ? await timeOnce(old) : undefined;
  const mine: Array<{ wall: number; cpu: number }> = [];
  const theirs: Array<{ wall: number; cpu: number }> = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which build goes first, so that neither always follows the other's garbage.
    if (old && i % 2 === 1) theirs.push(await timeOnce(old));
    mine.push(await timeOnce(fn));
    if (old && i % 2 === 0) theirs.push(await timeOnce(old));
  }
  const now = summary(first.wall, mine);
  if (!old || !oldFirst) return { now };
  return { now, old: summary(oldFirst.wall, theirs), same: JSON.stringify(first.result) === JSON.stringify(oldFirst.result) };
}

/** The benchmark's figures. */
export interface BenchAnalyticsResult {
  generated: Generated;
  timings: Array<{ what: string; now: Timing; old?: Timing; same?: boolean }>;
}

/** Options of {@link benchAnalytics}; all optional. */
export interface BenchAnalyticsOptions {
  /** Event mentions to generate (default 1 M). */
  events?: number;
  /** Keep the generated stores (their folder is printed on stderr). */
  keep?: boolean;
  /** Root of another built checkout to compare with (see the file's summary). */
  baseline?: string;
  /** Timed calls per case (default 5). */
  runs?: number;
}

/** Generate the store (and the baseline's) and time the three analytics. */
export async function benchAnalytics(opts: BenchAnalyticsOptions = {}): Promise<BenchAnalyticsResult> {
  const events = opts.events ?? 1_000_000;
  const dir = mkdtempSync(join(tmpdir(), 'mizan-analytics-bench-'));
  const mine = await loadBuild();
  const theirs = opts.baseline ? await loadBuild(resolve(opts.baseline, 'dist')) : undefined;
  const store = await mine.openSqliteStore(join(dir, 'bench.db'));
  const old = theirs ? await theirs.openSqliteStore(join(dir, 'baseline.db')) : undefined;
  try {
    const generated = mine.generate(store, events);
    if (theirs && old) theirs.generate(old, events);
    const timings: BenchAnalyticsResult['timings'] = [];
    for (const c of CASES) {
      const t = await time(opts.runs ?? 5, () => c.run(mine, store), theirs && old ? () => c.run(theirs, old) : undefined);
      timings.push({ what: c.what, ...t });
    }
    return { generated, timings };
  } finally {
    await store.close();
    await old?.close();
    if (opts.keep) process.stderr.write(`kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** Print the figures (`npm run bench` calls this). */
export async function main(argv: string[] = []): Promise<void> {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const events = Number(value('--events') ?? process.env.MIZAN_BENCH_EVENTS ?? 1_000_000);
  const baseline = value('--baseline');
  const { generated: g, timings } = await benchAnalytics({ events, keep: argv.includes('--keep'), ...(baseline ? { baseline } : {}) });
  console.log('== analytics (SQLite, generated store)');
  console.log(`store             ${g.events.toLocaleString('en')} event mentions, ${g.clusters.toLocaleString('en')} events, `
    + `${g.articles.toLocaleString('en')} articles, ${ACTORS.length} actors, ${EVENT_TYPES.length} types, ${DOMAINS.length} domains, 24 months`);
  console.log(`generated in      ${g.seconds.toFixed(1)} s, ${g.dbMiB.toFixed(0)} MiB`);
  if (baseline) console.log(`baseline          ${baseline} (ratios: this build / baseline)`);
  const ms = (x: number): string => x.toFixed(0).padStart(5);
  for (const t of timings) {
    let line = `${t.what.padEnd(40)} median ${ms(t.now.median)} ms  max ${ms(t.now.max)} ms  first ${ms(t.now.first)} ms  cpu ${ms(t.now.cpu)} ms`;
    if (t.old) {
      line += `  | baseline median ${ms(t.old.median)} ms  cpu ${ms(t.old.cpu)} ms  | ratio wall ${(t.now.median / t.old.median).toFixed(2)}`
        + ` cpu ${(t.now.cpu / t.old.cpu).toFixed(2)}  ${t.same ? 'same result' : 'RESULT DIFFERS'}`;
    }
    console.log(line);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
