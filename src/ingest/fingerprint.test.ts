import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { packageRoot } from '../core/paths.js';
import { candidateProbability, contentWords, fingerprint, hash32, minhash, NEAR_DUPLICATE_JACCARD, SHINGLE_SEED, shingleHashes, textSimilarity, wordsMinhash } from './fingerprint.js';
import { readTxt } from './readers/txt.js';

const fixture = (name: string): string =>
  readTxt(readFileSync(`${packageRoot()}/test/fixtures/ingest/near-duplicate/${name}`, 'utf8'), name).text;

describe('fingerprints', () => {
  it('hash the normalized content: spacing, diacritics, letter variants and case do not matter', () => {
    const a = fingerprint('وقّعت سوريا وروسيا اتفاقاً   في موسكو.\n\nThe END.');
    const b = fingerprint('وقعت سوريا وروسيا اتفاقا في موسكو. the end.');
    assert.equal(a.contentHash, b.contentHash);
    assert.notEqual(a.contentHash, fingerprint('وقعت سوريا وتركيا اتفاقا في موسكو. the end.').contentHash);
    assert.match(a.contentHash, /^[0-9a-f]{64}$/u);
    assert.equal(a.bands.length, 8);
  });

  it('find a lightly edited reprint near (Jaccard ≥ the threshold, a shared LSH band) and a same-dyad story far', () => {
    const [original, reprint, distinct] = ['original.txt', 'reprint.txt', 'distinct.txt'].map(fixture) as [string, string, string];
    const near = textSimilarity(original, reprint);
    assert.ok(near >= NEAR_DUPLICATE_JACCARD, `reprint similarity ${near}`);
    assert.ok(textSimilarity(original, distinct) < 0.05);
    const [fo, fr, fd] = [original, reprint, distinct].map((t) => fingerprint(t).bands);
    assert.ok(fo?.some((b) => fr?.includes(b)), 'the reprint shares a band, so it is compared');
    assert.ok(!fo?.some((b) => fd?.includes(b)), 'the distinct story shares none');
  });

  it('document the LSH trade-off: near texts are almost always compared, unrelated ones almost never', () => {
    assert.ok(candidateProbability(0.7) > 0.88);
    assert.ok(candidateProbability(0.9) > 0.999);
    assert.ok(candidateProbability(0.1) < 0.001);
  });

  it('hash each shingle as its words joined by spaces, and sign the words as their set of shingles', () => {
    const texts = ['', 'Damascus', 'Russia Syria', 'Russia sent wheat', 'a b a b a b a b', 'وقعت سوريا وروسيا اتفاقا في موسكو 𝐀𝐁 ok',
      readFileSync(`${packageRoot()}/test/fixtures/ingest/near-duplicate/original.txt`, 'utf8')];
    for (const t of texts) {
      const words = contentWords(t);
      const joined = new Set<number>();
      for (let i = 0; i < Math.max(1, words.length - 2) && words.length > 0; i++) joined.add(hash32(words.slice(i, i + 3).join(' '), SHINGLE_SEED));
      assert.deepEqual(shingleHashes(words), joined, t);
      assert.deepEqual(wordsMinhash(words), minhash(shingleHashes(words)), t);
    }
  });
});
