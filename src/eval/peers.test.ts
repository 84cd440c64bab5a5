import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodedRecord } from '../core/types.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectLabel, detectionOnCsv, detectionOnGold, detects, readLabels } from './peers.js';

const record = (over: Partial<CodedRecord>): CodedRecord => ({ id: 'r', lang: 'ar', actors: [], events: [], ...over });

test('detectLabel reads a boolean detection label per type, and nothing else', () => {
  assert.equal(detectLabel({ detect: { PROTEST: true } }, 'PROTEST'), true);
  assert.equal(detectLabel({ detect: { PROTEST: false } }, 'PROTEST'), false);
  assert.equal(detectLabel({ detect: { PROTEST: 'yes' } }, 'PROTEST'), undefined);
  assert.equal(detectLabel({ detect: { PROTEST: true } }, 'ASSAULT'), undefined);
  assert.equal(detectLabel({}, 'PROTEST'), undefined);
});

test('detects: an asserted event, or an asserted trigger not judged a mere mention', () => {
  const evidence = { start: 0, end: 1 };
  assert.ok(detects(record({ triggers: [{ type: 'PROTEST', modality: 'asserted', evidence, reported: true }] }), 'PROTEST'));
  assert.ok(!detects(record({ triggers: [{ type: 'PROTEST', modality: 'asserted', evidence, reported: false }] }), 'PROTEST'));
  assert.ok(!detects(record({ triggers: [{ type: 'PROTEST', modality: 'future', evidence, reported: true }] }), 'PROTEST'));
});

test('detectionOnGold scores only the records labelled for the type', async () => {
  const pipeline = await createPipeline({ fastText: false });
  const gold = [
    { ...record({ id: 'a' }), text: 'تظاهر آلاف العمال أمس أمام مقر الحكومة في العاصمة احتجاجا على تأخر رواتبهم.', detect: { PROTEST: true } },
    { ...record({ id: 'b' }), text: 'التظاهر السلمي حق يكفله الدستور لجميع المواطنين.', detect: { PROTEST: false } },
    { ...record({ id: 'c' }), text: 'وصل الوزير إلى العاصمة.' },
  ];
  const r = detectionOnGold(pipeline, gold, 'PROTEST', 'toy');
  assert.equal(r.sentences, 2);
  assert.equal(r.excluded, 1);
  assert.equal(r.score.f1, 1);
});

test('our labels of peer sentences: read by id, scored instead of the file\'s own, a bad row named', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-labels-'));
  const peer = join(dir, 'peer.csv');
  writeFileSync(peer, 'id,label,text\na,easy no,تظاهر آلاف الطلاب في عمان أمس احتجاجا على رفع الرسوم\nb,yes,وقال الوزير إن الاقتصاد ينمو\nc,yes,انفجرت سيارة\n');
  const labels = join(dir, 'labels.csv');
  writeFileSync(labels, 'id,label\na,yes\nb,no\n');
  const pipeline = await createPipeline({ fastText: false });
  const r = detectionOnCsv(pipeline, peer, 'PROTEST', 'own', readLabels(labels));
  assert.equal(r.sentences, 2);
  assert.deepEqual([r.score.tp, r.score.fp, r.score.fn], [1, 0, 0]);
  writeFileSync(labels, 'id,label\na,yes\nb,maybe\n');
  assert.throws(() => readLabels(labels), /row 3: expected an id and a label yes, no or ambiguous/);
});
