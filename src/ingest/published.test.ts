import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePublished } from './published.js';

describe('publication dates', () => {
  it('read ISO dates and times, keeping the local date and the offset', () => {
    assert.deepEqual(parsePublished('2026-07-14'), { published: '2026-07-14', date: '2026-07-14' });
    assert.deepEqual(parsePublished('2026-07-14T23:50:00+03:00'), { published: '2026-07-14T23:50:00+03:00', date: '2026-07-14' });
    assert.deepEqual(parsePublished('2026-07-14T01:05Z'), { published: '2026-07-14T01:05:00+00:00', date: '2026-07-14' });
  });

  it('read RFC 822 feed dates and written-out dates', () => {
    assert.deepEqual(parsePublished('Thu, 06 Aug 2026 14:05:00 +0300'), { published: '2026-08-06T14:05:00+03:00', date: '2026-08-06' });
    assert.deepEqual(parsePublished('Tue, 6 Oct 2026 23:40:00 GMT'), { published: '2026-10-06T23:40:00+00:00', date: '2026-10-06' });
    assert.deepEqual(parsePublished('14 July 2026'), { published: '2026-07-14', date: '2026-07-14' });
    assert.deepEqual(parsePublished('July 14, 2026'), { published: '2026-07-14', date: '2026-07-14' });
  });

  it('give nothing for what is not a date', () => {
    for (const s of ['', 'yesterday', '2026-02-30', '31/12/2026', undefined]) assert.equal(parsePublished(s), undefined, String(s));
  });
});
