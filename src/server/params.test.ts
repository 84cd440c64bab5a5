import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorParam, countParam, dateParam, dyadParam, flagParam, readDate, typeParam } from './params.js';

test('dates are read as the CLI reads them: a year or month from its first or last day', () => {
  assert.equal(readDate('2026', 'start'), '2026-01-01');
  assert.equal(readDate('2026', 'end'), '2026-12-31');
  assert.equal(readDate('2024-02', 'end'), '2024-02-29');
  assert.equal(readDate('2026-02', 'end'), '2026-02-28');
  assert.equal(readDate('2026-09-03', 'start'), '2026-09-03');
  for (const bad of ['2026-13', '2026-02-30', '26', '2026/01/01', '', '2026-1']) assert.equal(readDate(bad, 'start'), undefined, bad);
  assert.equal(dateParam('end').parse('2026-06'), '2026-06-30');
  assert.equal(dateParam('start').safeParse('June').success, false);
});

test('actors, dyads, flags, counts and types', () => {
  assert.equal(actorParam.parse(' syr '), 'SYR');
  assert.equal(actorParam.safeParse('S').success, false);
  assert.deepEqual(dyadParam.parse('syr:rus'), ['SYR', 'RUS']);
  assert.equal(dyadParam.safeParse('SYR-RUS-TUR').success, false);
  assert.deepEqual(['true', '1', '', 'false', '0'].map((v) => flagParam.parse(v)), [true, true, true, false, false]);
  assert.equal(flagParam.safeParse('yes').success, false);
  const limit = countParam(1, 10, 5);
  assert.equal(limit.parse(undefined), 5);
  assert.equal(limit.parse('10'), 10);
  for (const bad of ['0', '11', '-1', '1.5', 'ten', '']) assert.equal(limit.safeParse(bad).success, false, bad);
  assert.equal(typeParam.parse('assault'), 'ASSAULT');
});
