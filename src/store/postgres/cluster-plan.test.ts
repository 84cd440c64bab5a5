import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { candidateWindows, planClusters, type PlanMention } from './cluster-plan.js';

const m = (source: string, target: string, eventDate?: string, type: PlanMention['type'] = 'CONSULT'): PlanMention =>
  ({ source, target, type, modality: 'asserted', ...(eventDate ? { eventDate } : {}) });
const KEY = 'CONSULT|asserted|RUS|SYR';

describe('cluster plan', () => {
  it('reads candidates within the window of each dated mention, keys sorted for undirected types', () => {
    assert.deepEqual(candidateWindows([m('SYR', 'RUS', '2026-07-14'), m('SYR', 'RUS')], 3),
      [{ key: KEY, from: '2026-07-11', to: '2026-07-17' }]);
  });

  it('opens one cluster for mentions of one event in an article, and spans their dates', () => {
    const p = planClusters([m('SYR', 'RUS', '2026-07-14'), m('RUS', 'SYR', '2026-07-12')], [], 3);
    assert.deepEqual(p.placements, [{ created: 0 }, { created: 0 }]);
    assert.deepEqual(p.created.map((c) => [c.key, c.firstDate, c.lastDate, c.mentions, c.root]), [[KEY, '2026-07-12', '2026-07-14', 2, 0]]);
    assert.deepEqual(p.joined, []);
  });

  it('joins the stored cluster whose first date is nearest, the older one on a tie, and moves its dates', () => {
    const stored = [
      { id: 9, key: KEY, firstDate: '2026-07-16', lastDate: '2026-07-16' },
      { id: 4, key: KEY, firstDate: '2026-07-12', lastDate: '2026-07-13' },
      { id: 5, key: 'CONSULT|asserted|IRN|SYR', firstDate: '2026-07-14', lastDate: '2026-07-14' },
    ];
    const p = planClusters([m('SYR', 'RUS', '2026-07-14'), m('SYR', 'RUS', '2026-07-11')], stored, 3);
    assert.deepEqual(p.placements, [{ stored: 4 }, { stored: 4 }]);
    assert.deepEqual(p.joined, [{ id: 4, key: KEY, mentions: 2, firstDate: '2026-07-11', lastDate: '2026-07-14' }]);
    assert.deepEqual(p.created, []);
  });

  it('opens a new cluster beyond the window, and joins an undated mention only to an undated cluster of its own article', () => {
    const stored = [{ id: 1, key: KEY, firstDate: '2026-07-01', lastDate: '2026-07-01' }];
    const p = planClusters([m('SYR', 'RUS', '2026-07-10'), m('SYR', 'RUS'), m('RUS', 'SYR'), m('SYR', 'RUS', '2026-07-04')], stored, 3);
    assert.deepEqual(p.placements, [{ created: 0 }, { created: 1 }, { created: 1 }, { stored: 1 }]);
    assert.deepEqual(p.created.map((c) => [c.firstDate, c.mentions]), [['2026-07-10', 1], [null, 2]]);
  });

  it('keeps directed types apart by direction', () => {
    const p = planClusters([m('SYR', 'RUS', '2026-07-10', 'ACCUSE'), m('RUS', 'SYR', '2026-07-10', 'ACCUSE')], [], 3);
    assert.equal(p.created.length, 2);
  });
});
