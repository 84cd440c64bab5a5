import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Lang } from '../core/types.js';
import { normalize } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';
import { actorLexicon } from './lexicon.js';
import { findActors } from './matcher.js';

const codes = (text: string, lang: Lang): string[] => findActors(tokenize(normalize(text)), lang, actorLexicon()).mentions.map((m) => m.code);
const scan = (text: string, lang: Lang) => findActors(tokenize(normalize(text)), lang, actorLexicon());

test('Arabic names, demonyms, capitals and seats through clitics and variants', () => {
  assert.deepEqual(codes('وبموسكو التقى الوفد السوري بنظيره التركي', 'ar'), ['RUS', 'SYR', 'TUR']);
  assert.deepEqual(codes('أعلن الكرملين أن دمشق وأنقرة', 'ar'), ['RUS', 'SYR', 'TUR']);
  assert.deepEqual(codes('للأمم المتحدة والولايات المتحدة الأميركية', 'ar'), ['UN', 'USA']);
  assert.deepEqual(codes('القوات الإسرائيلية والسوريين في سورية', 'ar'), ['ISR', 'SYR', 'SYR']);
});

test('officials and bodies resolve to their state with a sector', () => {
  const ar = scan('وصل وزير الدفاع السوري إلى موسكو', 'ar').mentions[0];
  assert.equal(ar?.code, 'SYR');
  assert.equal(ar?.sector, 'MIL');
  const en = scan("Russia's foreign minister met the Turkish army chief", 'en').mentions;
  assert.deepEqual(en.map((m) => m.code), ['RUS', 'TUR']);
  const ru = scan('Министр обороны Сирии прибыл в Москву', 'ru').mentions;
  assert.deepEqual(ru.map((m) => m.code), ['SYR', 'RUS']);
  assert.equal(ru[0]?.sector, 'MIL');
});

test('Russian names match through their cases', () => {
  assert.deepEqual(codes('с Сирией, в Сирии, Сирию; Россией и Турцией; израильские удары', 'ru'), ['SYR', 'SYR', 'SYR', 'RUS', 'TUR', 'ISR']);
});

test('acronyms match only in capitals; blocked phrases are not actors', () => {
  assert.deepEqual(codes('The US and the UN', 'en'), ['USA', 'UN']);
  assert.deepEqual(codes('let us go, un peu', 'en'), []);
  assert.deepEqual(codes('in the Indian Ocean', 'en'), []);
});

test('names that are also common words count only where a name can stand', () => {
  assert.deepEqual(codes('انسحبت القوات الفرنسية من مالي', 'ar'), ['FRA', 'MLI']);
  assert.deepEqual(codes('وصل الوفد إلى باماكو بعد أن قطعت مالي علاقاتها مع فرنسا', 'ar').includes('MLI'), true);
  assert.deepEqual(codes('النيجر ومالي وبوركينا فاسو', 'ar'), ['NER', 'MLI', 'BFA']);
  assert.deepEqual(codes('قدمت فرنسا دعما مالي وعسكريا', 'ar'), ['FRA']);
  assert.deepEqual(codes('تعاني الوزارة من عجز إداري ومالي', 'ar'), []);
  assert.deepEqual(codes('زار الوزير الصيني سيول وطوكيو', 'ar').includes('KOR'), false);
  assert.deepEqual(codes('عقدت محادثات في سيول بين واشنطن وسيول', 'ar'), ['KOR', 'USA', 'KOR']);
  assert.deepEqual(codes('جرفت سيول الأمطار المنازل', 'ar'), []);
});

test('an Arabic name written with the article needs it: without it the word is another', () => {
  assert.deepEqual(codes('أعلنت الشركة أن الظروف قاهرة', 'ar'), []);
  assert.deepEqual(codes('افتتحت الوزارة رياض الأطفال', 'ar'), []);
  assert.deepEqual(codes('وقعت الشركتان ورقة تفاهم', 'ar'), []);
  assert.deepEqual(codes('وصل الوفد إلى القاهرة ثم للرياض', 'ar'), ['EGY', 'SAU']);
  assert.deepEqual(codes('رست سفينة سعودية في الميناء', 'ar'), ['SAU']);
});
