import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/paths.js';
import { loadGoldPath } from '../eval/run.js';
import { createIngestPipeline, createPipeline } from './pipeline.js';
import { normalize } from '../text/normalize.js';

const pipeline = await createPipeline();

test('language is identified when absent and kept when given', () => {
  assert.equal(pipeline.code({ id: 'a', text: 'وقعت روسيا وسوريا اتفاقية للتعاون في مجال الطاقة' }).lang, 'ar');
  assert.equal(pipeline.code({ id: 'b', text: 'Россия и Сирия подписали соглашение о сотрудничестве' }).lang, 'ru');
  assert.equal(pipeline.code({ id: 'c', text: 'Russia and Syria signed an energy cooperation agreement' }).lang, 'en');
  assert.equal(pipeline.code({ id: 'd', text: 'Україна та Польща підписали угоду про співпрацю' }).lang, 'und');
  assert.equal(pipeline.code({ id: 'e', text: '12345 !!!' }).lang, 'und');
  assert.equal(pipeline.code({ id: 'f', text: 'Russia', lang: 'ru' }).lang, 'ru');
});

test('records follow the contract: sorted unique actors, one event per triple', () => {
  const r = pipeline.code({ id: 'x', text: 'زار وزير الدفاع السوري موسكو. وزار وزير الدفاع السوري موسكو مرة أخرى.', lang: 'ar' });
  assert.deepEqual(r.actors, [...new Set(r.actors)].sort());
  const keys = r.events.map((e) => `${e.source}|${e.target}|${e.type}`);
  assert.equal(keys.length, new Set(keys).size);
});

const unicodeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom('روسيا', 'وسوريا', 'قصفت', 'لم', 'سـ', 'ّ', 'ـ', ' ', '،', '.', 'Russia', 'attacked', 'Сирия', 'подписали', 'не', '\n', '«', '»', '😀', '\u200f'), { maxLength: 60 }).map((a) => a.join('')),
);

test('property: coding never throws and every offset is valid', () => {
  fc.assert(
    fc.property(unicodeText, fc.constantFrom(undefined, 'ar', 'en', 'ru'), (text, lang) => {
      const r = pipeline.code(lang ? { id: 'p', text, lang } : { id: 'p', text });
      for (const e of [...r.events, ...(r.triggers ?? [])]) {
        assert.ok(e.evidence.start >= 0 && e.evidence.start <= e.evidence.end && e.evidence.end <= text.length);
        assert.ok(text.slice(e.evidence.start, e.evidence.end).trim().length > 0);
      }
      for (const t of r.triggers ?? []) assert.ok(t.text === undefined || text.includes(t.text));
    }),
    { numRuns: 400 },
  );
});

test('a normalization passed in is used when it is of the same text, and ignored otherwise', () => {
  const text = 'وصل وزير الدفاع السوري إلى موسكو. Russia and Turkey signed an agreement.';
  const plain = pipeline.analyse({ id: 'n', text });
  const given = normalize(text);
  const reused = pipeline.analyse({ id: 'n', text }, given);
  assert.equal(reused.normalized, given);
  assert.deepEqual(reused.sentences, plain.sentences);
  const other = normalize('something else entirely');
  const ignored = pipeline.analyse({ id: 'n', text }, other);
  assert.notEqual(ignored.normalized, other);
  assert.deepEqual(ignored.sentences, plain.sentences);
});

test('the ingest pipeline codes the events the full one does, and skips sentences naming fewer than two actors', async () => {
  const ingestPipeline = await createIngestPipeline();
  const root = packageRoot();
  const texts = loadGoldPath(join(root, 'eval/gold/dev')).map(({ text, lang }) => ({ text, lang }));
  for (const lang of ['ar', 'en', 'ru'] as const) {
    const dir = join(root, 'examples/corpus', lang);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) texts.push({ text: readFileSync(join(dir, f), 'utf8'), lang });
  }
  let skipped = 0;
  let events = 0;
  for (const [i, { text, lang }] of texts.entries()) {
    const full = pipeline.analyse({ id: `t${i}`, text, lang });
    const lean = ingestPipeline.analyse({ id: `t${i}`, text, lang });
    assert.deepEqual(lean.sentences.map((s) => s.events), full.sentences.map((s) => s.events), text);
    full.sentences.forEach((s, k) => {
      events += s.events.length;
      if (s.triggers.length > 0 && lean.sentences[k]?.triggers.length === 0) skipped++;
    });
  }
  // Not vacuous: events were coded, and sentences with triggers but under two actors were left uncoded.
  assert.ok(events > 1000, `${events} events`);
  assert.ok(skipped > 50, `${skipped} sentences skipped`);
});
