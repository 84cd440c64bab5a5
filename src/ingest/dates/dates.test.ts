import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Lang } from '../../core/types.js';
import { eventDate } from './event-date.js';
import { findDates } from './find.js';
import { resolveTemporal } from './resolve.js';

/** Every date expression of a text as [text, date, precision, role], resolved against `anchor`. */
function dates(text: string, lang: Lang, anchor: string, future = false): Array<[string, string | undefined, string | undefined, string]> {
  return findDates(text, lang).map((m) => {
    const r = resolveTemporal(m.temporal, anchor, { future });
    return [m.text, r?.date, r?.precision, m.role];
  });
}

describe('event dates in Arabic (article of Tuesday 14 July 2026)', () => {
  const anchor = '2026-07-14';
  it('resolve yesterday, today, tomorrow and weekdays against the article date', () => {
    assert.deepEqual(dates('أجرى الوزير أمس الاثنين محادثات، ومن المقرر أن يزور اليوم الثلاثاء الأكاديمية ويعود غداً.', 'ar', anchor), [
      ['أمس الاثنين', '2026-07-13', 'day', 'point'], ['اليوم الثلاثاء', '2026-07-14', 'day', 'point'], ['غداً', '2026-07-15', 'day', 'point'],
    ]);
    assert.deepEqual(dates('التقى الوفدان يوم الأربعاء الماضي، ثم قبل يومين.', 'ar', anchor), [
      ['يوم الأربعاء الماضي', '2026-07-08', 'day', 'point'], ['قبل يومين', '2026-07-12', 'day', 'point'],
    ]);
    assert.deepEqual(dates('وكان الاجتماع الأسبوع الماضي في عمّان.', 'ar', anchor), [['الأسبوع الماضي', '2026-07-06', 'week', 'point']]);
  });

  it('keep absolute dates, in both month namings and with Arabic-Indic digits', () => {
    assert.deepEqual(dates('تدخلت روسيا عسكرياً في سبتمبر 2015.', 'ar', anchor), [['سبتمبر 2015', '2015-09-01', 'month', 'point']]);
    assert.deepEqual(dates('يبدأ التطبيق في 20 تشرين الأول/أكتوبر 2026 ويستمر حتى الثامن من أيلول.', 'ar', anchor), [
      ['20 تشرين الأول/أكتوبر 2026', '2026-10-20', 'day', 'point'], ['الثامن من أيلول', '2026-09-08', 'day', 'point'],
    ]);
    assert.deepEqual(dates('وذلك في ١٢ آب ٢٠٢٦، وعام ٢٠٢٤.', 'ar', anchor), [
      ['١٢ آب ٢٠٢٦', '2026-08-12', 'day', 'point'], ['وعام ٢٠٢٤', '2024-01-01', 'year', 'point'],
    ]);
  });

  it('mark "منذ" spans and ignore words that only look like dates', () => {
    assert.deepEqual(dates('التعاون القائم منذ التدخل العسكري الروسي في أيلول/سبتمبر 2015.', 'ar', anchor), [
      ['أيلول/سبتمبر 2015', '2015-09-01', 'month', 'since'],
    ]);
    assert.deepEqual(dates('وفي اليوم التالي التقى الأحد عشر وزيراً.', 'ar', anchor), []);
  });
});

describe('event dates in English (article of Tuesday 8 September 2026)', () => {
  const anchor = '2026-09-08';
  it('resolve relative expressions', () => {
    assert.deepEqual(dates('Jets struck late on Monday; yesterday Damascus protested; on Tuesday it wrote to the UN.', 'en', anchor), [
      ['Monday', '2026-09-07', 'day', 'point'], ['yesterday', '2026-09-07', 'day', 'point'], ['Tuesday', '2026-09-08', 'day', 'point'],
    ]);
    assert.deepEqual(dates('Talks held last week and two days ago; more next Monday.', 'en', anchor), [
      ['last week', '2026-08-31', 'week', 'point'], ['two days ago', '2026-09-06', 'day', 'point'], ['next Monday', '2026-09-14', 'day', 'point'],
    ]);
  });

  it('point a bare weekday forward for future acts', () => {
    assert.deepEqual(dates('The minister will visit Ankara on Thursday.', 'en', anchor, true), [['Thursday', '2026-09-10', 'day', 'point']]);
  });

  it('keep absolute dates and mark "since" spans', () => {
    assert.deepEqual(dates('Signed on 12 September 2026, after talks on September 3 and in September 2015; troops stay since December 2024.', 'en', anchor), [
      ['12 September 2026', '2026-09-12', 'day', 'point'], ['September 3', '2026-09-03', 'day', 'point'],
      ['September 2015', '2015-09-01', 'month', 'point'], ['December 2024', '2024-12-01', 'month', 'since'],
    ]);
    assert.deepEqual(dates('Russia intervened in 2015.', 'en', anchor), [['2015', '2015-01-01', 'year', 'point']]);
    assert.deepEqual(dates('Russia may withdraw; 2015 soldiers marched.', 'en', anchor), []);
  });

  it('place a day without a year in the year nearest the article', () => {
    assert.deepEqual(dates('Talks began on December 28.', 'en', '2027-01-03'), [['December 28', '2026-12-28', 'day', 'point']]);
  });
});

describe('event dates in Russian (article of Thursday 6 August 2026)', () => {
  const anchor = '2026-08-06';
  it('resolve relative expressions', () => {
    assert.deepEqual(dates('Судно прибыло в среду, разгрузка началась вчера, а удар нанесён в ночь на вторник.', 'ru', anchor), [
      ['в среду', '2026-08-05', 'day', 'point'], ['вчера', '2026-08-05', 'day', 'point'], ['в ночь на вторник', '2026-08-04', 'day', 'point'],
    ]);
    assert.deepEqual(dates('На прошлой неделе и три дня назад, а также в прошлую пятницу и в следующий понедельник.', 'ru', anchor), [
      ['На прошлой неделе', '2026-07-27', 'week', 'point'], ['три дня назад', '2026-08-03', 'day', 'point'],
      ['в прошлую пятницу', '2026-07-31', 'day', 'point'], ['в следующий понедельник', '2026-08-10', 'day', 'point'],
    ]);
  });

  it('keep absolute dates and mark "с" spans', () => {
    assert.deepEqual(dates('Соглашение подписано 12 сентября 2026 года; операция началась в сентябре 2015 года, база работает с 2017 года.', 'ru', anchor), [
      ['12 сентября 2026 года', '2026-09-12', 'day', 'point'], ['в сентябре 2015 года', '2015-09-01', 'month', 'point'],
      ['2017 года', '2017-01-01', 'year', 'since'],
    ]);
    assert.deepEqual(dates('В 2015 году Россия начала операцию.', 'ru', anchor), [['2015 году', '2015-01-01', 'year', 'point']]);
  });
});

describe('the date of an event', () => {
  const text = 'Russia, which intervened in September 2015, signed a deal with Syria on Monday. The parties met yesterday.';
  const mentions = findDates(text, 'en');
  const first = { start: 0, end: text.indexOf(' The parties') };

  it('takes the expression in the trigger\'s clause, else the nearest, inside the evidence', () => {
    assert.deepEqual(eventDate(mentions, '2026-07-15', { text, evidence: first, triggerAt: text.indexOf('signed') }),
      { date: '2026-07-13', precision: 'day', text: 'Monday' });
    assert.deepEqual(eventDate(mentions, '2026-07-15', { text, evidence: first, triggerAt: text.indexOf('intervened') }),
      { date: '2015-09-01', precision: 'month', text: 'September 2015' });
  });

  it('passes over a date after the report for an asserted act, not for a future one', () => {
    const t = 'The two sides signed a memorandum; the committees start work next week.';
    const m = findDates(t, 'en');
    const q = { text: t, evidence: { start: 0, end: t.length }, triggerAt: t.indexOf('signed') };
    assert.deepEqual(eventDate(m, '2026-08-20', { ...q, modality: 'asserted' }), { date: '2026-08-20', precision: 'day' });
    assert.deepEqual(eventDate(m, '2026-08-20', { ...q, modality: 'future' }), { date: '2026-08-24', precision: 'week', text: 'next week' });
  });

  it('passes over a date in a quotation the trigger is outside of, and keeps one inside the trigger\'s own', () => {
    const t = 'The minister affirmed his support, urging Israel to "withdraw from the land it entered after December 2024".';
    const m = findDates(t, 'en');
    const whole = { start: 0, end: t.length };
    assert.deepEqual(eventDate(m, '2026-08-27', { text: t, evidence: whole, triggerAt: t.indexOf('support') }), { date: '2026-08-27', precision: 'day' });
    assert.deepEqual(eventDate(m, '2026-08-27', { text: t, evidence: whole, triggerAt: t.indexOf('entered') }),
      { date: '2024-12-01', precision: 'month', text: 'December 2024' });
    const ar = 'وقال الوزير: «وقّعنا الاتفاق أمس في دمشق».';
    assert.deepEqual(eventDate(findDates(ar, 'ar'), '2026-08-27', { text: ar, evidence: { start: 0, end: ar.length }, triggerAt: ar.indexOf('وقّعنا') }),
      { date: '2026-08-26', precision: 'day', text: 'أمس' });
  });

  it('falls back to the article date, and gives nothing without one for relative dates', () => {
    const none = findDates('Syria thanked Russia.', 'en');
    assert.deepEqual(eventDate(none, '2026-07-15', { text: 'Syria thanked Russia.', evidence: { start: 0, end: 21 } }), { date: '2026-07-15', precision: 'day' });
    const rel = findDates('They met yesterday.', 'en');
    assert.equal(eventDate(rel, undefined, { text: 'They met yesterday.', evidence: { start: 0, end: 19 } }), undefined);
    const abs = findDates('They met on 3 May 2026.', 'en');
    assert.deepEqual(eventDate(abs, undefined, { text: 'They met on 3 May 2026.', evidence: { start: 0, end: 23 } }), { date: '2026-05-03', precision: 'day', text: '3 May 2026' });
  });
});
