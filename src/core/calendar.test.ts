import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, addMonths, daysBetween, isIsoDate, weekday, weekStart, ymd } from './calendar.js';

describe('calendar', () => {
  it('checks and builds ISO dates', () => {
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.equal(isIsoDate('2028-02-29'), true);
    assert.equal(ymd(2026, 13, 1), undefined);
    assert.equal(ymd(2026, 9, 3), '2026-09-03');
  });

  it('counts days, weekdays, weeks and months across year ends', () => {
    assert.equal(addDays('2026-12-30', 3), '2027-01-02');
    assert.equal(daysBetween('2026-07-13', '2026-07-16'), 3);
    assert.equal(weekday('2026-07-14'), 2, 'a Tuesday');
    assert.equal(weekStart('2026-07-19'), '2026-07-13', 'Sunday belongs to the week of Monday the 13th');
    assert.equal(addMonths('2026-01-31', -1), '2025-12-01');
  });
});
