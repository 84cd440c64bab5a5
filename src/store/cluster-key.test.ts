import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterKey } from './cluster-key.js';

describe('cluster keys', () => {
  it('take joint acts (AGREE, CONSULT, COOPERATE) unordered and every other type directed', () => {
    const key = (source: string, target: string, type: 'AGREE' | 'ACCUSE') => clusterKey({ source, target, type, modality: 'asserted' });
    assert.equal(key('SYR', 'RUS', 'AGREE'), key('RUS', 'SYR', 'AGREE'));
    assert.notEqual(key('SYR', 'RUS', 'ACCUSE'), key('RUS', 'SYR', 'ACCUSE'));
  });

  it('keep modalities apart: a denial is not a report of the act', () => {
    assert.notEqual(clusterKey({ source: 'IRN', target: 'SYR', type: 'AID', modality: 'negated' }),
      clusterKey({ source: 'IRN', target: 'SYR', type: 'AID', modality: 'asserted' }));
  });
});
