/** Coding speed: sentences/s and MB/s on one core, and peak RSS, over a generated corpus. */
import { createPipeline } from '../src/pipeline/pipeline.js';
import { packageRoot } from '../src/core/paths.js';
import { loadPool, makeDocument, rng } from './corpus.js';
import { splitSentences } from '../src/text/segment.js';

/** Figures of one coding run. */
export interface CodeBench {
  megabytes: number;
  documents: number;
  sentences: number;
  seconds: number;
  sentencesPerSecond: number;
  /** Sentences per second of this process's CPU time: the figure that holds on a machine shared with other work. */
  sentencesPerCpuSecond: number;
  cpuSeconds: number;
  megabytesPerSecond: number;
  peakRssMb: number;
  rssAtHalfMb: number;
}

/** Code a generated corpus of at least `megabytes` MB (UTF-8), streaming: nothing is kept. */
export async function benchCode(megabytes = 20): Promise<CodeBench> {
  const pipeline = await createPipeline();
  const pool = loadPool(packageRoot());
  const rand = rng(42);
  const target = megabytes * 1024 * 1024;
  let bytes = 0;
  let documents = 0;
  let sentences = 0;
  let peak = process.memoryUsage().rss;
  let rssAtHalf = 0;
  // Warm up: dictionaries load on first use, and that is not coding speed.
  for (const lang of ['ar', 'en', 'ru'] as const) pipeline.code({ id: 'warm', text: pool[lang][0] ?? '', lang });
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  while (bytes < target) {
    const doc = makeDocument(pool, rand);
    const rec = pipeline.code({ id: `d${documents}`, text: doc.text, lang: doc.lang });
    if (rec.id === '') throw new Error('unreachable');
    bytes += Buffer.byteLength(doc.text);
    sentences += doc.sentences;
    documents++;
    if (documents % 500 === 0) {
      peak = Math.max(peak, process.memoryUsage().rss);
      if (!rssAtHalf && bytes >= target / 2) rssAtHalf = process.memoryUsage().rss;
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    megabytes: bytes / 1024 / 1024, documents, sentences, seconds,
    sentencesPerSecond: sentences / seconds, sentencesPerCpuSecond: sentences / cpuSeconds, cpuSeconds, megabytesPerSecond: bytes / 1024 / 1024 / seconds,
    peakRssMb: peak / 1024 / 1024, rssAtHalfMb: rssAtHalf / 1024 / 1024,
  };
}

/** Figures for hostile input: how time grows with a sentence's length and with a run of "a.". */
export interface HostileBench {
  /** Coding time of a sentence 8× longer, over the shorter one's (8 is linear). */
  longSentenceRatio: number;
  shortMs: number;
  longMs: number;
  /** Splitting 12,000 characters of "a.", and 8× that, in ms. */
  dotsMs: number;
  dotsLongMs: number;
}

/** Time the coder on one long Arabic sentence at two lengths, and the splitter on long runs of dots. */
export async function benchHostile(): Promise<HostileBench> {
  const pipeline = await createPipeline();
  const clause = 'وقال وزير الخارجية السوري إن دمشق وموسكو بحثتا التعاون العسكري وأدانت تركيا الهجوم على ';
  const time = (f: () => void): number => {
    const started = process.hrtime.bigint();
    f();
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const code = (reps: number): number => time(() => pipeline.analyse({ id: 'long', text: clause.repeat(reps), lang: 'ar' }));
  code(4);
  const best = (f: () => number): number => Math.min(f(), f(), f());
  const shortMs = best(() => code(20));
  const longMs = best(() => code(160));
  const dotsMs = best(() => time(() => splitSentences('a.'.repeat(6_000))));
  const dotsLongMs = best(() => time(() => splitSentences('a.'.repeat(48_000))));
  return { longSentenceRatio: longMs / shortMs, shortMs, longMs, dotsMs, dotsLongMs };
}
