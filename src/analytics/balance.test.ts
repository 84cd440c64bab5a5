import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { structuralBalance, triads, type SignedEdge } from './balance.js';

const E = (a: string, b: string, weight: number): SignedEdge => ({ a, b, weight });

describe('structural balance', () => {
  // A+B+C form a friendly triangle; D is the enemy of A and B (balanced: two negatives); C–D is friendly, which
  // leaves A, C, D and B, C, D unbalanced (C befriends both sides of an enmity).
  const edges = [E('A', 'B', 5), E('A', 'C', 4), E('B', 'C', 3), E('A', 'D', -6), E('B', 'D', -2), E('C', 'D', 1), E('D', 'E', 9), E('A', 'X', 0)];

  it('finds every triad of mutually linked actors once, leaving out edges of weight zero', () => {
    const all = triads(edges);
    assert.deepEqual(all.map((t) => t.actors.join('')), ['ABC', 'ABD', 'ACD', 'BCD']);
    assert.deepEqual(all.map((t) => t.balanced), [true, true, false, false]);
    assert.deepEqual(all.find((t) => t.actors.join('') === 'ACD')?.signs, [1, -1, 1]);
  });

  it('gives the share of balanced triads and names the unbalanced ones with the firmest first', () => {
    const b = structuralBalance(edges);
    assert.equal(b.triads, 4);
    assert.equal(b.balanced, 2);
    assert.equal(b.share, 0.5);
    assert.deepEqual(b.unbalanced.map((t) => [t.actors.join(''), t.strength]), [['ACD', 1], ['BCD', 1]]);
    assert.equal(structuralBalance(edges, 1).unbalanced.length, 1);
  });

  it('has no share without triads', () => {
    assert.deepEqual(structuralBalance([E('A', 'B', 1)]), { triads: 0, balanced: 0, share: null, unbalanced: [] });
  });

  it('counts a triad of three enmities as unbalanced and one friendship between two enemies of a third as balanced', () => {
    assert.equal(structuralBalance([E('A', 'B', -1), E('A', 'C', -1), E('B', 'C', -1)]).balanced, 0);
    assert.equal(structuralBalance([E('A', 'B', 1), E('A', 'C', -1), E('B', 'C', -1)]).balanced, 1);
  });
});
