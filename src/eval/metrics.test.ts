import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodedEvent, CodedRecord } from '../core/types.js';
import { evaluate, prf } from './metrics.js';

const ev = (source: string, target: string, type: CodedEvent['type'], extra: Partial<CodedEvent> = {}): CodedEvent => ({
  source, target, type, domains: ['diplomatic'], modality: 'asserted', intensity: 0, evidence: { start: 0, end: 1 }, ...extra,
});
const rec = (id: string, actors: string[], events: CodedEvent[]): CodedRecord => ({ id, lang: 'en', actors, events });

test('prf handles empty sets', () => {
  assert.deepEqual(prf(0, 0, 0), { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
  assert.equal(prf(1, 1, 0).f1, 2 / 3);
});

test('directed and undirected matching, duplicates counted once, missing predictions empty', () => {
  const gold = [
    rec('1', ['RUS', 'SYR'], [ev('SYR', 'RUS', 'CONSULT'), ev('SYR', 'RUS', 'CONSULT')]),
    rec('2', ['TUR'], []),
    rec('3', ['IRN', 'ISR'], [ev('ISR', 'IRN', 'ASSAULT')]),
  ];
  const pred = [
    rec('1', ['RUS', 'SYR', 'TUR'], [ev('RUS', 'SYR', 'CONSULT', { modality: 'future', domains: ['military', 'diplomatic'] })]),
    rec('2', ['TUR'], [ev('TUR', 'SYR', 'ACCUSE')]),
  ];
  const e = evaluate(gold, pred);
  assert.deepEqual([e.directed.tp, e.directed.fp, e.directed.fn], [0, 2, 2]);
  assert.deepEqual([e.undirected.tp, e.undirected.fp, e.undirected.fn], [1, 1, 1]);
  assert.deepEqual([e.actors.tp, e.actors.fp, e.actors.fn], [3, 1, 2]);
  assert.deepEqual([e.domains.tp, e.domains.fp, e.domains.fn], [1, 1, 0]);
  assert.deepEqual(e.modality, { correct: 0, total: 1, accuracy: 0 });
  assert.ok(e.confusions.some((c) => c.kind === 'modality' && c.gold === 'asserted' && c.predicted === 'future'));
});
