import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SignedEdge } from './balance.js';
import { signedBlocs, signedModularity } from './blocs.js';

const E = (a: string, b: string, weight: number): SignedEdge => ({ a, b, weight });

// Two camps of three that cooperate inside and clash across, one bridge of weak cooperation, and a loner.
const CAMPS = [E('A', 'B', 5), E('A', 'C', 4), E('B', 'C', 3), E('D', 'E', 5), E('D', 'F', 4), E('E', 'F', 6),
  E('A', 'D', -5), E('B', 'E', -3), E('C', 'F', -2), E('C', 'D', 1)];
const NODES = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];

describe('signed blocs', () => {
  it('separates two camps that clash, despite a weak bridge, and leaves an unlinked actor on its own', () => {
    const p = signedBlocs(NODES, CAMPS);
    assert.deepEqual(p.blocs, [['A', 'B', 'C'], ['D', 'E', 'F'], ['G']]);
    assert.deepEqual([...p.blocOf].filter(([n]) => n === 'C' || n === 'D'), [['C', 0], ['D', 1]]);
    assert.ok(p.modularity > 0.4, `modularity ${p.modularity}`);
  });

  it('keeps two rivals apart even when they share a partner, which Louvain on cooperation alone would merge', () => {
    const edges = [E('P', 'X', 5), E('P', 'Y', 5), E('X', 'Y', -8), E('X', 'X2', 4), E('Y', 'Y2', 4)];
    const p = signedBlocs(['P', 'X', 'X2', 'Y', 'Y2'], edges);
    assert.notEqual(p.blocOf.get('X'), p.blocOf.get('Y'));
    assert.equal(p.blocOf.get('X'), p.blocOf.get('X2'));
    assert.equal(p.blocOf.get('Y'), p.blocOf.get('Y2'));
  });

  it('gives the same blocs on every run and for every order of the input', () => {
    const runs = [signedBlocs(NODES, CAMPS), signedBlocs([...NODES].reverse(), [...CAMPS].reverse()), signedBlocs(NODES, CAMPS, { seed: 1 })];
    for (const r of runs) assert.deepEqual(r.blocs, runs[0]?.blocs);
    assert.equal(new Set(runs.map((r) => r.modularity)).size, 1);
  });

  it('measures signed modularity: cooperation inside blocs raises it, conflict inside lowers it', () => {
    const split = new Map([['A', 0], ['B', 0], ['C', 0], ['D', 1], ['E', 1], ['F', 1], ['G', 2]]);
    const lumped = new Map(NODES.map((n) => [n, 0]));
    assert.ok(signedModularity(NODES, CAMPS, split) > signedModularity(NODES, CAMPS, lumped));
    assert.equal(signedModularity(NODES, [], split), 0);
  });

  it('copes with a graph of conflict only and with no graph at all', () => {
    const p = signedBlocs(['A', 'B'], [E('A', 'B', -3)]);
    assert.notEqual(p.blocOf.get('A'), p.blocOf.get('B'));
    assert.deepEqual(signedBlocs([], []).blocs, []);
  });
});
