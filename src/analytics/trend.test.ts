import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyPoint, periodOf, periodsBetween, splitOf, summarize, type PeriodPoint } from './trend.js';

const point = (period: string, acts: number, intensity: number): PeriodPoint => ({ ...emptyPoint(period), acts, intensity, mean: acts ? intensity / acts : null });

describe('trend periods and summary', () => {
  it('labels weeks by their Monday and months as YYYY-MM, and lists every period between two dates', () => {
    assert.equal(periodOf('2026-07-19', 'week'), '2026-07-13');
    assert.equal(periodOf('2026-07-20', 'week'), '2026-07-20');
    assert.equal(periodOf('2026-07-19', 'month'), '2026-07');
    assert.deepEqual(periodsBetween('2026-06-03', '2026-10-28', 'month'), ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    assert.deepEqual(periodsBetween('2026-12-30', '2027-01-12', 'week'), ['2026-12-28', '2027-01-04', '2027-01-11']);
    assert.deepEqual(periodsBetween('2026-11-15', '2027-02-01', 'month'), ['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('splits after the first half of the periods', () => {
    assert.equal(splitOf(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10']), '2026-08-01');
    assert.equal(splitOf(['2026-06-01', '2026-06-08']), '2026-06-08');
    assert.equal(splitOf(['2026-06']), null);
  });

  it('calls a rise of one point in mean intensity more cooperative, and half again as many acts per period rising', () => {
    const s = summarize([point('2026-06', 2, 2), point('2026-07', 2, 2), point('2026-08', 3, 9), point('2026-09', 3, 9)]);
    assert.deepEqual(s.earlier, { periods: 2, acts: 4, mean: 1 });
    assert.deepEqual(s.later, { periods: 2, acts: 6, mean: 3 });
    assert.equal(s.tone, 'more-cooperative');
    assert.equal(s.activity, 'rising');
    assert.equal(summarize([point('a', 4, 8), point('b', 4, 6)]).tone, 'steady');
    assert.equal(summarize([point('2026-06', 4, 8), point('2026-07', 2, -2)]).tone, 'more-conflictual');
    assert.equal(summarize([point('2026-06', 4, 8), point('2026-07', 2, -2)]).activity, 'falling');
  });

  it('says nothing with too few acts', () => {
    const s = summarize([point('2026-06', 0, 0), point('2026-07', 4, 4)]);
    assert.equal(s.tone, 'insufficient');
    assert.equal(s.activity, 'rising');
    assert.equal(summarize([point('2026-06', 1, 1), point('2026-07', 1, 1)]).activity, 'insufficient');
    assert.equal(summarize([]).split, null);
  });
});
