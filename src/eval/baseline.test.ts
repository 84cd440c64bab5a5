import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/paths.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { evaluatePipeline, loadGoldPath } from './run.js';

test('test-split event F1 does not drop below the committed baseline', async () => {
  const root = packageRoot();
  const base = JSON.parse(readFileSync(join(root, 'eval', 'baseline.json'), 'utf8')) as Record<string, number>;
  const { evaluation } = evaluatePipeline(await createPipeline(), loadGoldPath(join(root, 'eval', 'gold', 'test')));
  assert.ok(evaluation.directed.f1 + 1e-9 >= (base.directed_f1 ?? 1), `directed F1 ${evaluation.directed.f1} < baseline ${base.directed_f1}`);
  assert.ok(evaluation.undirected.f1 + 1e-9 >= (base.undirected_f1 ?? 1), `undirected F1 ${evaluation.undirected.f1} < baseline ${base.undirected_f1}`);
  assert.ok(evaluation.actors.f1 + 1e-9 >= (base.actors_f1 ?? 1), `actors F1 ${evaluation.actors.f1} < baseline ${base.actors_f1}`);
});
