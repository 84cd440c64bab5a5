import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';
import { actorLexicon } from './lexicon.js';
import { findActors } from './matcher.js';
import { ArticleMemory, resolveReferences } from './coreference.js';

const references = (text: string): string[] => {
  const tokens = tokenize(normalize(text));
  const lex = actorLexicon();
  const { mentions } = findActors(tokens, 'ar', lex);
  return resolveReferences(tokens, mentions, new ArticleMemory(), lex.references).filter((m) => m.via === 'coreference').map((m) => m.code);
};

test('الأخير stands for the state named before it, unless it is the adjective of a definite noun', () => {
  assert.deepEqual(references('التقى وزير الخارجية المصري نظيره الأردني وأكد الأخير دعم مصر'), ['EGY']);
  assert.deepEqual(references('تحسنت علاقات الأردن مع سوريا في الفترة الأخيرة'), []);
  assert.deepEqual(references('تراجعت صادرات العراق بالآونة الأخيرة'), []);
  assert.deepEqual(references('مددت تركيا العقد مع العراق للفترة الأخيرة من العام'), []);
});

test('a minister named with a possessive pronoun belongs to the state named before', () => {
  assert.deepEqual(references('نفت أنقرة أن يكون وزير خارجيتها قد التقى نظيره السوري'), ['TUR']);
});
