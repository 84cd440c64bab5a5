/** Property tests: coding random Unicode never throws, and every sentence, mention, trigger and event evidence span slices the text. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { assertSpan, newsText, RUNS, wellFormed } from '../../test/hardening/arbitraries.js';
import { EVENT_TYPES, MODALITIES, type Lang } from '../core/types.js';
import { createPipeline, toRecord, type Pipeline } from './pipeline.js';

describe('the coding pipeline over random text', () => {
  let pipeline: Pipeline;
  before(async () => {
    pipeline = await createPipeline();
  });

  it('codes any text, in any or no declared language, with every span inside it', () => {
    fc.assert(fc.property(newsText(400), fc.constantFrom<Lang | undefined>('ar', 'en', 'ru', undefined), (text, lang) => {
      const doc = pipeline.analyse(lang ? { id: 'fuzz', text, lang } : { id: 'fuzz', text });
      assert.ok(['ar', 'en', 'ru', 'und'].includes(doc.lang));
      for (const s of doc.sentences) {
        assertSpan(text, s, 'sentence', true);
        for (const t of s.tokens) assert.ok(t.start >= s.start && t.start < s.end, 'a token starting outside its sentence');
        for (const m of s.mentions) assert.ok(m.start >= 0 && m.start < m.end && m.end <= s.tokens.length, `mention ${m.code}`);
        for (const t of s.triggers) {
          assertSpan(text, t.evidence, `trigger ${t.type}`, true);
          assert.ok(EVENT_TYPES.includes(t.type) && MODALITIES.includes(t.modality));
        }
        for (const e of s.events) {
          assertSpan(text, e.evidence, `${e.source} ${e.type} ${e.target}`, true);
          assert.ok(e.evidence.start >= s.start && e.evidence.end <= s.end, 'evidence outside its sentence');
          if (wellFormed(text)) assert.ok(wellFormed(text.slice(e.evidence.start, e.evidence.end)), 'evidence cuts a surrogate pair');
          assert.ok(EVENT_TYPES.includes(e.type) && MODALITIES.includes(e.modality));
          assert.ok(Number.isFinite(e.intensity), `intensity ${e.intensity}`);
          assert.ok(e.source && e.target);
          if (e.trigger !== undefined) assert.ok(text.slice(s.start, s.end).includes(e.trigger) || e.trigger.length > 0);
        }
      }
      const record = toRecord(doc);
      assert.equal(record.id, 'fuzz');
    }), { numRuns: RUNS });
  });
});
