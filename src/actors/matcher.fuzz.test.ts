/** Property tests: actor matching over random Unicode never throws, and every mention and role stays inside its sentence's tokens. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertSpan, newsText, RUNS } from '../../test/hardening/arbitraries.js';
import type { Lang } from '../core/types.js';
import { normalize } from '../text/normalize.js';
import { splitSentences } from '../text/segment.js';
import { tokenize } from '../text/tokenize.js';
import { ArticleMemory, loadCoreference, resolveReferences } from './coreference.js';
import { actorLexicon } from './lexicon.js';
import { findActors } from './matcher.js';

describe('findActors', () => {
  const lex = actorLexicon();
  const coref = loadCoreference();
  it('gives mentions and roles over valid token ranges, with the head inside the mention', () => {
    fc.assert(fc.property(newsText(300), fc.constantFrom<Lang>('ar', 'en', 'ru', 'und'), (text, lang) => {
      const n = normalize(text);
      const memory = new ArticleMemory();
      for (const s of splitSentences(text)) {
        const tokens = tokenize(n, s);
        const found = findActors(tokens, lang, lex);
        const resolved = resolveReferences(tokens, found.mentions, memory, coref);
        memory.remember(found.mentions);
        for (const m of resolved) {
          assert.ok(m.start >= 0 && m.start < m.end && m.end <= tokens.length, `mention ${m.code} [${m.start}, ${m.end}) of ${tokens.length} tokens`);
          assert.ok(m.headStart >= m.start && m.headStart < m.headEnd && m.headEnd <= m.end, `head of ${m.code}`);
          assert.ok(typeof m.code === 'string' && m.code.length > 0, 'an empty actor code');
          const first = tokens[m.start];
          const last = tokens[m.end - 1];
          assert.ok(first && last);
          assertSpan(text, { start: first.start, end: last.end }, `mention ${m.code}`, true);
        }
        for (const r of found.roles) assert.ok(r.start >= 0 && r.start < r.end && r.end <= tokens.length, `role ${r.term}`);
      }
    }), { numRuns: RUNS });
  });
});
