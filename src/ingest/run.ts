/**
 * The ingest run: read every input, skip what is already stored (exact content hash) before coding it,
 * link near-duplicates, code the rest and store each article in its own transaction. A killed run
 * resumes where it stopped, since stored articles are recognised by their hash.
 */
import { MizanError } from '../core/errors.js';
import { MODALITIES, type Modality } from '../core/types.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Store } from '../store/store.js';
import type { Problem, RawArticle } from './article.js';
import type { FetchOptions } from './fetch.js';
import { fingerprint, NEAR_DUPLICATE_JACCARD, textSimilarity } from './fingerprint.js';
import { checkArticle, codeArticle } from './prepare.js';
import { readInput } from './read.js';
import { expandSources } from './sources.js';

/** Options of {@link ingest}. */
export interface IngestOptions {
  store: Store;
  pipeline: Pipeline;
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
  let yielded = performance.now();
  for (const input of inputs) {
    if (o.signal?.aborted) break;
    for await (const { item, bytes } of readInput(input, o.fetch)) {
      if (o.signal?.aborted) break;
      progress.bytesDone += bytes;
      if (!item) continue;
      if ('problem' in item) {
        summary.articles.skipped++;
        o.onProblem?.(item.problem);
      } else {
        summary.articles[await storeArticle(item.article, o, summary)]++;
      }
      progress.articles++;
      o.onProgress?.(progress);
      if (performance.now() - yielded >= YIELD_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        yielded = performance.now();
      }
    }
  }
  summary.seconds = (performance.now() - started) / 1000;
  summary.interrupted = o.signal?.aborted ?? false;
  return summary;
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
export async function storeArticle(raw: RawArticle, o: IngestOptions, summary: IngestSummary): Promise<Outcome> {
  const checked = checkArticle(raw);
  if ('problem' in checked) {
    o.onProblem?.(checked.problem);
    return 'skipped';
  }
  const fp = fingerprint(checked.text, checked.normalized.text);
  if ((await o.store.findByContentHash(fp.contentHash)) !== undefined) return 'duplicate';
  let near: { id: number; similarity: number } | undefined;
  for (const c of await o.store.nearDuplicateCandidates(fp.bands)) {
    const similarity = textSimilarity(checked.text, c.text);
    if (similarity >= (o.nearDuplicateJaccard ?? NEAR_DUPLICATE_JACCARD) && similarity > (near?.similarity ?? 0)) near = { id: c.id, similarity };
  }
  let coded;
  try {
    coded = codeArticle(checked, o.pipeline);
  } catch (err) {
    if (err instanceof MizanError && err.code === 'MIZAN_E_DATA') throw err;
    o.onProblem?.({ place: raw.origin, reason: `coding failed: ${(err as Error).message}` });
    return 'skipped';
  }
  let result;
  try {
    result = await o.store.addArticle({ ...coded, ...fp, ...(near ? { nearDuplicateOf: near } : {}) });
  } catch (err) {
    if (!(err instanceof MizanError) || err.code !== 'MIZAN_E_INPUT') throw err;
    o.onProblem?.({ place: raw.origin, reason: err.message });
    return 'skipped';
  }
  if (result.status === 'duplicate') return 'duplicate';
  checked.notes.forEach((n) => o.onNote?.(n));
  summary.sentences += coded.sentences.length;
  summary.events.total += coded.events.length;
  for (const e of coded.events) summary.events.byModality[e.modality]++;
  summary.clusters.created += result.clustersCreated;
  summary.clusters.joined += result.clustersJoined;
  return near ? 'nearDuplicate' : 'added';
}
