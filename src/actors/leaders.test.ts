import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Lang } from '../core/types.js';
import { normalize } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';
import { actorLexicon } from './lexicon.js';
import { findActors } from './matcher.js';

const scan = (text: string, lang: Lang) => findActors(tokenize(normalize(text)), lang, actorLexicon()).mentions;
const codes = (text: string, lang: Lang): string[] => scan(text, lang).map((m) => m.code);

test('office-holders name their state or organisation, in every language and case', () => {
  assert.deepEqual(codes('Xi and Putin met in Moscow', 'en'), ['CHN', 'RUS', 'RUS']);
  assert.deepEqual(codes('Guterres urged Netanyahu to halt the offensive', 'en'), ['UN', 'ISR']);
  assert.deepEqual(codes('التقى نتنياهو ترامب في البيت الأبيض', 'ar'), ['ISR', 'USA', 'USA']);
  assert.deepEqual(codes('Путин провел телефонный разговор с Эрдоганом', 'ru'), ['RUS', 'TUR']);
  assert.deepEqual(codes('Лавров заявил, что председатель Си прибудет', 'ru'), ['RUS', 'CHN']);
});

test('an office-holder carries the sector of the office, and former ones keep their state', () => {
  const [lavrov, belousov] = scan('Lavrov and Belousov', 'en');
  assert.equal(lavrov?.sector, 'DIP');
  assert.equal(belousov?.sector, 'MIL');
  assert.deepEqual(codes('Biden, Assad and Raisi', 'en'), ['USA', 'SYR', 'IRN']);
  assert.equal(scan('Foreign Minister Sergei Lavrov said', 'en')[0]?.via, 'leader');
});

test('names that are common words or shared need the full name or a title', () => {
  assert.deepEqual(codes('قال عباس إن الوضع خطير', 'ar'), []);
  assert.deepEqual(codes('استقبل الرئيس محمود عباس وأبو مازن', 'ar'), ['PSE', 'PSE']);
  assert.deepEqual(codes('الأسد في الغابة وحكم الشرع', 'ar'), []);
  assert.deepEqual(codes('هتفوا ضد رئيس فاسد وأغلقوا الطريق الرئيسي المؤدي إلى الميناء', 'ar'), []);
  assert.deepEqual(codes('قال السوداني إن السبب الرئيسي هو الجفاف', 'ar'), ['SDN']);
  assert.deepEqual(codes('Trump trumped his rivals; Melania Trump and Hunter Biden attended', 'en'), ['USA']);
  assert.deepEqual(codes('a gallant effort by Herzog', 'en'), []);
  assert.deepEqual(codes('добавьте лавровый лист; герцог прибыл', 'ru'), []);
});
