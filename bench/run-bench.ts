/** `npm run bench`: every benchmark in one run, figures and ratios printed together. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { benchCode, benchHostile } from './code.bench.js';

const mb = Number(process.env.MIZAN_BENCH_MB ?? 20);
const code = await benchCode(mb);
console.log('== coding (one core)');
console.log(`corpus            ${code.megabytes.toFixed(1)} MB, ${code.documents} documents, ${code.sentences} sentences`);
console.log(`time              ${code.seconds.toFixed(1)} s`);
console.log(`sentences/s       ${code.sentencesPerSecond.toFixed(0)}  (target 10,000: ratio ${(code.sentencesPerSecond / 10000).toFixed(2)})`);
console.log(`per CPU second    ${code.sentencesPerCpuSecond.toFixed(0)} sentences (CPU ${code.cpuSeconds.toFixed(1)} s over ${code.seconds.toFixed(1)} s wall: ratio ${(code.cpuSeconds / code.seconds).toFixed(2)}; target ratio ${(code.sentencesPerCpuSecond / 10000).toFixed(2)})`);
console.log(`MB/s              ${code.megabytesPerSecond.toFixed(2)}`);
console.log(`peak RSS          ${code.peakRssMb.toFixed(0)} MB (at half the corpus ${code.rssAtHalfMb.toFixed(0)} MB: ratio end/half ${(code.peakRssMb / Math.max(1, code.rssAtHalfMb)).toFixed(2)})`);
const hostile = await benchHostile();
console.log('== hostile input');
console.log(`one sentence 8x longer    ${hostile.shortMs.toFixed(0)} ms -> ${hostile.longMs.toFixed(0)} ms: ratio ${hostile.longSentenceRatio.toFixed(1)} (8 is linear)`);
console.log(`"a." x 6,000 / x 48,000   ${hostile.dotsMs.toFixed(1)} ms / ${hostile.dotsLongMs.toFixed(1)} ms: ratio ${(hostile.dotsLongMs / Math.max(0.01, hostile.dotsMs)).toFixed(1)} (8 is linear)`);

const here = dirname(fileURLToPath(import.meta.url));
for (const extra of ['ingest.bench.js', 'analytics.bench.js']) {
  const path = join(here, extra);
  if (!existsSync(path)) continue;
  const mod = (await import(path)) as { main?: () => Promise<void> };
  if (mod.main) await mod.main();
}
