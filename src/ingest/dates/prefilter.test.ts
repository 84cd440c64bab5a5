import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { packageRoot } from '../../core/paths.js';
import { loadGoldPath } from '../../eval/run.js';
import { createPipeline } from '../../pipeline/pipeline.js';
import { normalizedIndex } from '../../store/search-terms.js';
import { normalize } from '../../text/normalize.js';
import { findDates, patternsFor, scanDates } from './find.js';
import type { DateLang } from './lexicon.js';

const root = packageRoot();

/** True unless the text, normalized or as tokens, surely holds no date expression of the language. */
const mayHoldDate = (text: Parameters<typeof patternsFor>[0], lang: DateLang): boolean => patternsFor(text, lang) !== undefined;
const LANGS: DateLang[] = ['ar', 'en', 'ru'];

/** Texts by language: the development gold sentences, and every phrase of the date vocabulary set in a sentence. */
function texts(): Record<DateLang, string[]> {
  const out: Record<DateLang, string[]> = { ar: [], en: [], ru: [] };
  for (const r of loadGoldPath(join(root, 'eval/gold/dev'))) if (r.lang !== 'und') out[r.lang].push(r.text);
  const frames: Record<DateLang, string[]> = {
    ar: ['وقال الوزير {} إن الوفد وصل', 'و{} وصل الوفد', 'ف{} 2025 وقع الاتفاق', 'منذ {} الماضي', 'في {} من العام'],
    en: ['The minister said {} that talks began.', 'Since {} of 2015, talks stalled', 'on {}, officials met', '{} ago'],
    ru: ['Министр заявил {}, что переговоры начались.', 'в {} 2015 года', '{} назад', 'с {} прошлого года'],
  };
  for (const lang of LANGS) {
    const lexicon = JSON.parse(readFileSync(join(root, 'data/dates', `${lang}.json`), 'utf8')) as Record<string, unknown>;
    for (const value of Object.values(lexicon)) {
      for (const phrase of Array.isArray(value) ? (value as string[]) : Object.keys(value as object)) {
        for (const frame of frames[lang]) out[lang].push(frame.replace('{}', phrase), frame.replace('{}', `3 ${phrase}`));
      }
    }
  }
  return out;
}

describe('the date prefilter', () => {
  it('finds every date all the patterns find, in each sentence, from its tokens and from its text alone', async () => {
    const pipeline = await createPipeline();
    let sentences = 0;
    let skipped = 0;
    let dated = 0;
    for (const [lang, list] of Object.entries(texts()) as Array<[DateLang, string[]]>) {
      for (const text of list) {
        const doc = pipeline.analyse({ id: 't', text, lang });
        const n = normalize(text);
        for (const s of doc.sentences) {
          const from = normalizedIndex(n, s.start);
          const part = n.text.slice(from, normalizedIndex(n, s.end));
          const all = scanDates(text, lang, n, from, part);
          assert.deepEqual(findDates(text, lang, n, s), all, `${lang} tokens: ${text.slice(s.start, s.end)}`);
          assert.deepEqual(findDates(text, lang, n, { start: s.start, end: s.end }), all, `${lang} text: ${text.slice(s.start, s.end)}`);
          sentences++;
          if (all.length > 0) dated++;
          if (!mayHoldDate(s.tokens, lang)) skipped++;
        }
      }
    }
    // Not vacuous: the patterns find dates, and over a thousand sentences (most of the gold set's) are spared them.
    assert.ok(dated > 500, `${dated} of ${sentences} sentences with dates`);
    assert.ok(skipped > 1000, `${skipped} of ${sentences} sentences skipped`);
  });

  it('lets through a digit, a vocabulary word and one after the conjunction و, and stops a sentence with none', () => {
    assert.equal(mayHoldDate(normalize('وصل الوفد إلى دمشق لبحث التعاون').text, 'ar'), false);
    assert.equal(mayHoldDate(normalize('وأمس وصل الوفد').text, 'ar'), true);
    assert.equal(mayHoldDate(normalize('وصل الوفد في 12 منه').text, 'ar'), true);
    assert.equal(mayHoldDate(normalize('The delegation arrived in Damascus.').text, 'en'), false);
    assert.equal(mayHoldDate(normalize('The delegation arrived on Tuesday.').text, 'en'), true);
    assert.equal(mayHoldDate(normalize('Делегация прибыла в Дамаск.').text, 'ru'), false);
    assert.equal(mayHoldDate(normalize('Делегация прибыла в среду.').text, 'ru'), true);
  });
});
