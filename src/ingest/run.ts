/**
 * The ingest run: read every input, skip what is already stored (exact content hash) before coding it,
 * link near-duplicates, code the rest and store each article in its own transaction. A killed run
 * resumes where it stopped, since stored articles are recognised by their hash.
 *
 * With `jobs` above 1, worker threads check, fingerprint and code the articles (pool.ts) while this thread
 * reads the inputs and stays the store's only writer: it takes the workers' results back in input order and
 * makes every decision that depends on earlier articles (duplicate, near-duplicate, cluster) just as the
 * one-thread run does, so the store ends up the same. A worker skips coding an article the store already holds
 * when it asks; one that repeats an article of this run not yet stored is coded, then found a duplicate here.
 */
import { MizanError } from '../core/errors.js';
import { MODALITIES, type Modality } from '../core/types.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { createIngestPipeline } from '../pipeline/pipeline.js';
import type { Store } from '../store/store.js';
import type { Problem, RawArticle } from './article.js';
import type { FetchOptions } from './fetch.js';
import { NEAR_DUPLICATE_JACCARD, textSimilarity } from './fingerprint.js';
import { workerPool } from './pool.js';
import { localPreparer, prepareHere, type Preparation, type Preparer } from './prepared.js';
import { readInput, type Read } from './read.js';
import { expandSources } from './sources.js';

/** Options of {@link ingest}. */
export interface IngestOptions {
  store: Store;
  /** The coding pipeline of the one-thread run (default: `createIngestPipeline()`); each worker builds its own. */
  pipeline?: Pipeline;
  /**
   * Threads that check, fingerprint and code articles (default 1: all on this thread). Above 1, that many worker
   * threads do it while this thread reads and writes; the store ends up the same.
   */
  jobs?: number;
  /** The module each worker thread runs (default ingest-worker.js; tests give one that fails). */
  workerUrl?: URL;
  fetch?: FetchOptions;
  /** Least shingle Jaccard similarity for a near-duplicate (default {@link NEAR_DUPLICATE_JACCARD}). */
  nearDuplicateJaccard?: number;
  /** Called once the inputs are known, with the bytes of local files to read. */
  onStart?: (totalBytes: number) => void;
  /** Called after each article or problem. */
  onProgress?: (p: IngestProgress) => void;
  /** Called for each input or article that was skipped. */
  onProblem?: (p: Problem) => void;
  /** Called for what was stored but not fully understood (an unreadable date, an unknown language). */
  onNote?: (p: Problem) => void;
  /** Stop after the article in hand when this aborts (what was stored stays stored). */
  signal?: AbortSignal;
}

/** Running counts, for progress displays. */
export interface IngestProgress {
  /** Articles handled so far: stored, duplicate or skipped. */
  articles: number;
  /** Bytes of local input read so far, and in all. */
  bytesDone: number;
  bytesTotal: number;
}

/** What a run did. */
export interface IngestSummary {
  articles: { added: number; nearDuplicate: number; duplicate: number; skipped: number };
  sentences: number;
  events: { total: number; byModality: Record<Modality, number> };
  clusters: { created: number; joined: number };
  seconds: number;
  /** True when the run stopped early on its signal. */
  interrupted: boolean;
}

/** The outcome of one article. */
export type Outcome = 'added' | 'nearDuplicate' | 'duplicate' | 'skipped';

/** Coding is synchronous: hand the event loop back this often, so progress timers and a hosting server keep running. */
const YIELD_MS = 50;

/** Ingest files, folders and URLs into the store. */
export async function ingest(args: readonly string[], o: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const summary = emptySummary();
  const { inputs, problems } = expandSources(args);
  for (const p of problems) {
    summary.articles.skipped++;
    o.onProblem?.(p);
  }
  const progress: IngestProgress = { articles: 0, bytesDone: 0, bytesTotal: inputs.reduce((t, i) => t + (i.kind === 'file' ? i.bytes : 0), 0) };
  o.onStart?.(progress.bytesTotal);
  const jobs = o.jobs ?? 1;
  let pipeline: Pipeline | undefined;
  if (jobs <= 1) pipeline = o.pipeline ?? await createIngestPipeline();
  const preparer = pipeline ? localPreparer(pipeline) : workerPool({
    jobs, isStored: async (hash) => (await o.store.findByContentHash(hash)) !== undefined, ...(o.workerUrl ? { workerUrl: o.workerUrl } : {}),
  });
  // Workers wait for this thread's answers (is an article stored?): with them, hand the event loop back after every article.
  const yieldMs = pipeline ? YIELD_MS : 0;
  // What was read and not yet stored, in input order: at most `preparer.window` entries.
  const inHand: InHand[] = [];
  let yielded = performance.now();
  /** Store (or report) the oldest entry in hand. */
  const settle = async (): Promise<void> => {
    const { read, prepared } = inHand.shift() as InHand;
    progress.bytesDone += read.bytes;
    if (!read.item) return;
    if ('problem' in read.item) {
      summary.articles.skipped++;
      o.onProblem?.(read.item.problem);
    } else {
      summary.articles[await storePrepared(await (prepared as Promise<Preparation>), o, summary)]++;
    }
    progress.articles++;
    o.onProgress?.(progress);
    if (performance.now() - yielded >= yieldMs) {
      await new Promise((resolve) => setImmediate(resolve));
      yielded = performance.now();
    }
  };
  try {
    reading: for (const input of inputs) {
      if (o.signal?.aborted) break;
      for await (const read of readInput(input, o.fetch)) {
        inHand.push(take(read, preparer));
        // Store what is ready, and wait for the oldest whenever the window is full.
        while (inHand.length > 0 && (inHand.length >= preparer.window || (inHand[0] as InHand).ready)) {
          if (o.signal?.aborted) break reading;
          await settle();
        }
      }
    }
    while (inHand.length > 0 && !o.signal?.aborted) await settle();
  } finally {
    await preparer.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  summary.interrupted = o.signal?.aborted ?? false;
  return summary;
}

/** A read result in hand: its article being prepared, and whether that is done. */
interface InHand {
  read: Read;
  prepared?: Promise<Preparation>;
  ready: boolean;
}

/** Start preparing what was read (an article; a problem or a blank line is ready as it is). */
function take(read: Read, preparer: Preparer): InHand {
  if (!read.item || 'problem' in read.item) return { read, ready: true };
  const entry: InHand = { read, prepared: preparer.prepare(read.item.article), ready: false };
  // Marks it ready, and keeps a rejection (a failed worker) from going unhandled until the entry is settled.
  entry.prepared?.then(() => (entry.ready = true), () => (entry.ready = true));
  return entry;
}

/** A summary with every count at zero. */
export function emptySummary(): IngestSummary {
  return {
    articles: { added: 0, nearDuplicate: 0, duplicate: 0, skipped: 0 },
    sentences: 0,
    events: { total: 0, byModality: Object.fromEntries(MODALITIES.map((m) => [m, 0])) as Record<Modality, number> },
    clusters: { created: 0, joined: 0 },
    seconds: 0,
    interrupted: false,
  };
}

/** Store one article unless it is already stored; says what became of it and adds its counts to `summary`. */
export async function storeArticle(raw: RawArticle, o: StoreOptions, summary: IngestSummary): Promise<Outcome> {
  return storePrepared(prepareHere(raw, o.pipeline), o, summary);
}

/** What {@link storeArticle} needs: the store, the pipeline, the similarity threshold and the callbacks. */
export type StoreOptions = Pick<IngestOptions, 'store' | 'nearDuplicateJaccard' | 'onProblem' | 'onNote'> & { pipeline: Pipeline };

/**
 * Store a prepared article unless it is already stored; its coding is asked for only then. The duplicate and
 * near-duplicate decisions read the store as the articles before this one left it.
 */
async function storePrepared(p: Preparation, o: Pick<IngestOptions, 'store' | 'nearDuplicateJaccard' | 'onProblem' | 'onNote'>, summary: IngestSummary): Promise<Outcome> {
  if ('problem' in p) {
    o.onProblem?.(p.problem);
    return 'skipped';
  }
  if ((await o.store.findByContentHash(p.fp.contentHash)) !== undefined) return 'duplicate';
  let near: { id: number; similarity: number } | undefined;
  for (const c of await o.store.nearDuplicateCandidates(p.fp.bands)) {
    const similarity = textSimilarity(p.text, c.text);
    if (similarity >= (o.nearDuplicateJaccard ?? NEAR_DUPLICATE_JACCARD) && similarity > (near?.similarity ?? 0)) near = { id: c.id, similarity };
  }
  const coding = p.code();
  if ('failed' in coding) {
    o.onProblem?.({ place: p.origin, reason: coding.failed });
    return 'skipped';
  }
  const { coded, notes } = coding;
  let result;
  try {
    result = await o.store.addArticle({ ...coded, ...p.fp, ...(near ? { nearDuplicateOf: near } : {}) });
  } catch (err) {
    if (!(err instanceof MizanError) || err.code !== 'MIZAN_E_INPUT') throw err;
    o.onProblem?.({ place: p.origin, reason: err.message });
    return 'skipped';
  }
  if (result.status === 'duplicate') return 'duplicate';
  notes.forEach((n) => o.onNote?.(n));
  summary.sentences += coded.sentences.length;
  summary.events.total += coded.events.length;
  for (const e of coded.events) summary.events.byModality[e.modality]++;
  summary.clusters.created += result.clustersCreated;
  summary.clusters.joined += result.clustersJoined;
  return near ? 'nearDuplicate' : 'added';
}
