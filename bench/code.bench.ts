/** Coding speed: sentences/s and MB/s on one core, and peak RSS, over a generated corpus. */
import { createPipeline } from '../src/pipeline/pipeline.js';
import { packageRoot } from '../src/core/paths.js';
import { loadPool, makeDocument, rng } from './corpus.js';
import { splitSentences } from '../src/text/segment.js';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

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

/** CPU time of this build's coder against another build's, turn about on the same documents. */
export interface TurnAbout {
  documents: number;
  sentences: number;
  /** Sentences per CPU second: this build, the other build (best of the rounds each). */
  thisPerCpuSecond: number;
  otherPerCpuSecond: number;
  /** This build's CPU time over the other's: below 1 is faster. */
  ratio: number;
  /** Whether both builds coded every document the same way. */
  sameOutput: boolean;
}

/**
 * Code the same generated documents with this build and with the build in `otherRoot` (a checkout of an
 * earlier commit, built), alternating rounds in one process, so that both meet the same machine load.
 */
export async function turnAbout(otherRoot: string, documents = 2500, rounds = 5): Promise<TurnAbout> {
  const other = (await import(pathToFileURL(join(resolve(otherRoot), 'dist/src/pipeline/pipeline.js')).href)) as typeof import('../src/pipeline/pipeline.js');
  const pipelines = [await createPipeline({ fastText: false }), await other.createPipeline({ fastText: false })];
  const pool = loadPool(packageRoot());
  const rand = rng(11);
  const docs = Array.from({ length: documents }, () => makeDocument(pool, rand));
  const sentences = docs.reduce((n, d) => n + d.sentences, 0);
  const outputs = pipelines.map((p) => docs.map((d, i) => JSON.stringify(p.code({ id: `d${i}`, text: d.text, lang: d.lang }))));
  const best = [Infinity, Infinity];
  for (let r = 0; r < rounds; r++) {
    pipelines.forEach((p, k) => {
      const c0 = process.cpuUsage();
      for (const d of docs) p.code({ id: 'x', text: d.text, lang: d.lang });
      const c = process.cpuUsage(c0);
      best[k] = Math.min(best[k] as number, (c.user + c.system) / 1e6);
    });
  }
  const [mine, theirs] = best as [number, number];
  return {
    documents, sentences, thisPerCpuSecond: sentences / mine, otherPerCpuSecond: sentences / theirs, ratio: mine / theirs,
    sameOutput: outputs[0]?.every((o, i) => o === outputs[1]?.[i]) ?? false,
  };
}

// `node dist/bench/code.bench.js --baseline DIR`: this build against the build in DIR.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--baseline');
  const dir = at >= 0 ? process.argv[at + 1] : undefined;
  if (!dir) {
    console.error('usage: node dist/bench/code.bench.js --baseline DIR   (DIR: a built checkout of another commit)');
    process.exit(2);
  }
  const r = await turnAbout(dir);
  console.log(`${r.documents} documents, ${r.sentences} sentences, best of 5 rounds each`);
  console.log(`this build   ${r.thisPerCpuSecond.toFixed(0)} sentences per CPU second`);
  console.log(`${dir.padEnd(12)} ${r.otherPerCpuSecond.toFixed(0)} sentences per CPU second`);
  console.log(`CPU time ratio this/other ${r.ratio.toFixed(2)}; same output: ${r.sameOutput ? 'yes' : 'no'}`);
}
