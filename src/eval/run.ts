/** Run the pipeline over gold records and score it. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CodedRecord } from '../core/types.js';
import { MizanError } from '../core/errors.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { readGold, type GoldRecord } from './gold.js';
import { evaluate, type Evaluation } from './metrics.js';

/** Gold records from a file or from every .jsonl file of a folder. */
export function loadGoldPath(path: string): GoldRecord[] {
  if (!existsSync(path)) throw new MizanError('MIZAN_E_IO', 'no such gold file or folder', path);
  if (statSync(path).isDirectory()) {
    return readdirSync(path).filter((f) => f.endsWith('.jsonl')).sort().flatMap((f) => readGold(join(path, f)));
  }
  return readGold(path);
}

/** Code every gold text (with its gold language) and score the result. */
export function evaluatePipeline(pipeline: Pipeline, gold: GoldRecord[]): { evaluation: Evaluation; predictions: CodedRecord[] } {
  const predictions = gold.map((g) => pipeline.code(g.lang === 'und' ? { id: g.id, text: g.text } : { id: g.id, text: g.text, lang: g.lang }));
  return { evaluation: evaluate(gold, predictions), predictions };
}
