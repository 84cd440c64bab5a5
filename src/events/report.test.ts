import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodedRecord, EventType } from '../core/types.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { reportModel, scoreModel, setReportModel, type LogisticModel } from './report.js';
import { bestThreshold, fitLogistic } from './train-report.js';

const pipeline = await createPipeline({ fastText: false });
const code = (text: string): CodedRecord => pipeline.code({ id: 't', text, lang: 'ar' });
/** True when the sentence holds an asserted mention of the type judged a report. */
const reported = (text: string, type: EventType): boolean => (code(text).triggers ?? []).some((t) => t.type === type && t.modality === 'asserted' && t.reported === true);
const mentioned = (text: string, type: EventType): boolean => (code(text).triggers ?? []).some((t) => t.type === type);

test('the model file loads: a general Arabic model with consistent arrays and a threshold in (0, 1)', () => {
  const file = reportModel();
  assert.ok(file, 'data/models/report.json is missing');
  const general = file.langs.ar?.general;
  assert.ok(general);
  for (const m of Object.values(file.langs.ar ?? {})) {
    assert.equal(m.weights.length, m.features.length);
    assert.equal(m.mean.length, m.features.length);
    assert.equal(m.scale.length, m.features.length);
    assert.ok(m.threshold > 0 && m.threshold < 1);
  }
  // The general model serves types without their own model: it may weigh each type's own outcome
  // words, but not signals whose meaning changes with the lexicon (occurrence cues, mention counts).
  for (const f of ['occurrence', 'sameType', 'otherTypes']) assert.ok(!general.features.includes(f), f);
});

test('a concrete attack with casualties, time, place and a source is reported', () => {
  const s = 'لقي أربعة أشخاص مصرعهم وأصيب تسعة آخرون صباح أمس في انفجار سيارة مفخخة قرب سوق شعبية في مدينة كركوك، بحسب مصدر في الشرطة.';
  assert.ok(reported(s, 'ASSAULT'));
});

test('generic, historical, judicial and metaphorical mentions of attacks are not reported', () => {
  const cases = [
    'ينبغي للدول المجاورة أن تتعاون في مكافحة الإرهاب وأن تمنع أي هجمات مشابهة مستقبلا.',
    'يروي المؤلف في كتابه الجديد تاريخ الاغتيالات السياسية في المنطقة منذ الستينات.',
    'وأكد محامي المتهم أمام المحكمة أن موكله لا علاقة له بالتفجير.',
    'شن الكاتب هجوما لاذعا على سياسة الحكومة الاقتصادية في مقاله الأسبوعي.',
  ];
  for (const s of cases) {
    assert.ok(mentioned(s, 'ASSAULT'), `no ASSAULT mention found in: ${s}`);
    assert.ok(!reported(s, 'ASSAULT'), `judged reported: ${s}`);
  }
});

test('a type without its own model uses the general model: a protest report vs an opinion about protests', () => {
  assert.ok(reported('تظاهر مئات العمال صباح اليوم أمام مقر الوزارة في العاصمة احتجاجا على تأخر دفع رواتبهم.', 'PROTEST'));
  const opinion = 'يعتقد الباحث أن الاحتجاجات ظاهرة طبيعية في كل مجتمع حي.';
  assert.ok(mentioned(opinion, 'PROTEST'));
  assert.ok(!reported(opinion, 'PROTEST'));
});

test('calls, announcements, bans and other senses of the protest words are not reported protests', () => {
  const cases = [
    'دعت أحزاب المعارضة أنصارها إلى التظاهر يوم الجمعة المقبل في جميع الميادين.',
    'يحظر القانون على موظفي القطاع العام الإضراب عن العمل.',
    'يرى محللون أن موجة الاحتجاجات تعكس عمق الأزمة الاقتصادية.',
  ];
  for (const s of cases) {
    assert.ok(mentioned(s, 'PROTEST'), `no PROTEST mention found in: ${s}`);
    assert.ok(!reported(s, 'PROTEST'), `judged reported: ${s}`);
  }
});

test('protests told by their participants, place and time are reported, verb or noun', () => {
  for (const s of [
    'خرج آلاف الطلاب أمس في مسيرة سلمية جابت شوارع المدينة مطالبين بإصلاح التعليم.',
    'أصيب عشرة أشخاص في مواجهات بين محتجين والشرطة وسط المدينة ليلة السبت.',
  ]) assert.ok(reported(s, 'PROTEST'), `not reported: ${s}`);
});

test('the judgement changes detection only: events are the same with and without a model', () => {
  const s = 'قصفت القوات الإسرائيلية مواقع في جنوب لبنان أمس.';
  const withModel = code(s);
  setReportModel(null);
  try {
    const without = code(s);
    assert.deepEqual(without.events, withModel.events);
    // The fallback rule: a verb is reported.
    assert.ok((without.triggers ?? []).some((t) => t.type === 'ASSAULT' && t.reported === true));
  } finally {
    setReportModel(undefined);
  }
});

test('scoreModel standardizes, weighs and squashes', () => {
  const m: LogisticModel = { features: ['a', 'b'], mean: [1, 0], scale: [2, 1], weights: [2, -1], bias: 0.5, threshold: 0.5 };
  const z = 0.5 + 2 * ((3 - 1) / 2) - 1 * 1;
  assert.ok(Math.abs(scoreModel(m, { a: 3, b: 1 }) - 1 / (1 + Math.exp(-z))) < 1e-12);
  assert.ok(Math.abs(scoreModel(m, {}) - 1 / (1 + Math.exp(-(0.5 + 2 * -0.5)))) < 1e-12);
});

test('fitLogistic learns the sign of a signal, and bestThreshold separates scores', () => {
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < 40; i++) {
    const x = i % 2;
    xs.push([x, (i * 7) % 3]);
    ys.push(i % 8 === 0 ? 1 - x : x);
  }
  const m = fitLogistic(xs, ys, xs.map(() => 1), ['signal', 'noise'], 1);
  assert.ok((m.weights[0] ?? 0) > 1);
  assert.ok(Math.abs(m.weights[1] ?? 0) < Math.abs(m.weights[0] ?? 0));
  const thr = bestThreshold([{ score: 0.9, label: true }, { score: 0.8, label: true }, { score: 0.3, label: false }, { score: 0.1, label: false }]);
  assert.ok(thr > 0.3 && thr <= 0.8);
});
