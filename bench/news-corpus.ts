/**
 * A generated news corpus on disk: JSON Lines articles of 3 to 10 development-gold sentences with actors swapped
 * (see corpus.ts), each with an outlet and a publication date, so that the coder finds events and dates in them.
 * Used by the cluster bench and by the worker tests that need more articles than the example corpus has.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/core/paths.js';
import { loadPool, makeDocument, rng } from './corpus.js';

const OUTLETS = ['Levant Wire', 'Orontes Daily', 'Eastern Courier', 'Gulf Monitor', 'Barada Today', 'Meridian', 'Crescent Post', 'Cedar Times'];

/** Write `n` articles into `dir` as JSON Lines files of at most 1,000 articles; returns the files. */
export function writeNewsCorpus(dir: string, n: number, seed = 1): string[] {
  const pool = loadPool(packageRoot());
  const random = rng(seed);
  const start = Date.parse('2025-01-01T00:00:00Z');
  const span = Date.parse('2026-10-31T00:00:00Z') - start;
  const files: string[] = [];
  let lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const doc = makeDocument(pool, random);
    const date = new Date(start + Math.floor(random() * span)).toISOString().slice(0, 10);
    const outlet = OUTLETS[Math.floor(random() * OUTLETS.length)] as string;
    lines.push(JSON.stringify({ id: `gen-${seed}-${i}`, title: doc.text.slice(0, 80), date, outlet, lang: doc.lang, text: doc.text }));
    if (lines.length === 1000 || i === n - 1) {
      const file = join(dir, `news-${String(files.length).padStart(4, '0')}.jsonl`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      files.push(file);
      lines = [];
    }
  }
  return files;
}
