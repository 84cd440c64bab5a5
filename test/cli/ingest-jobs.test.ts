import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { syntheticJsonl } from '../hardening/helpers.js';
import { storeLines } from '../../src/store/sqlite-dump.js';
import { tempDir } from '../helpers/stores.js';
import { mizan, ROOT } from './helpers.js';

const CORPUS = join(ROOT, 'examples/corpus');
const BAD = join(ROOT, 'test/fixtures/ingest/bad');

/** The summary of `ingest --json` without its time. */
function summary(stdout: string): unknown {
  const { seconds: _, db: __, ...rest } = JSON.parse(stdout) as Record<string, unknown>;
  return rest;
}

/** Standard error without the progress lines, which come every few seconds. */
function reports(stderr: string): string[] {
  return stderr.split('\n').filter((l) => !/^mizan ingest: \d+ articles \(/u.test(l));
}

describe('mizan ingest --jobs', () => {
  let dir: string;
  let generated: string;
  before(() => {
    dir = tempDir('mizan-cli-jobs-');
    generated = join(dir, 'generated.jsonl');
    writeFileSync(generated, syntheticJsonl(250, 23));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [name, input] of [['the example corpus', CORPUS], ['a generated corpus', '']] as const) {
    it(`gives the same store with --jobs 2 as with --jobs 1: ${name}`, () => {
      const inputs = [input || generated];
      const one = mizan(['ingest', ...inputs, '--db', join(dir, `${name}-1.db`), '--jobs', '1', '--json']);
      const two = mizan(['ingest', ...inputs, '--db', join(dir, `${name}-2.db`), '--jobs', '2', '--json']);
      assert.equal(one.status, 0, one.stderr);
      assert.equal(two.status, 0, two.stderr);
      assert.deepEqual(summary(two.stdout), summary(one.stdout));
      assert.deepEqual(reports(two.stderr), reports(one.stderr));
      assert.deepEqual([...storeLines(join(dir, `${name}-2.db`))], [...storeLines(join(dir, `${name}-1.db`))]);
    });
  }

  it('adds nothing when the same inputs are ingested again with --jobs 2', () => {
    const db = join(dir, 'again.db');
    const first = mizan(['ingest', CORPUS, '--db', db, '--jobs', '2', '--json']);
    assert.equal(first.status, 0, first.stderr);
    const stored = [...storeLines(db)];
    const again = mizan(['ingest', CORPUS, '--db', db, '--jobs', '2', '--json']);
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual((JSON.parse(again.stdout) as { articles: unknown }).articles, { added: 0, nearDuplicate: 0, duplicate: 55, skipped: 0 });
    assert.deepEqual([...storeLines(db)], stored);
  });

  it('reports each bad input as one thread does, in the same order, and exits 1', () => {
    const args = (db: string, jobs: string): string[] => ['ingest', BAD, join(dir, 'missing.txt'), '--db', join(dir, db), '--jobs', jobs];
    const one = mizan(args('bad-1.db', '1'));
    const two = mizan(args('bad-2.db', '2'));
    assert.equal(two.status, 1);
    assert.equal(two.status, one.status);
    assert.match(two.stderr, /^mizan ingest: skipped \S+broken\.jsonl:2: not valid JSON/mu);
    assert.match(two.stderr, /^mizan ingest: 5 input\(s\) skipped, each reported above$/mu);
    assert.deepEqual(reports(two.stderr), reports(one.stderr));
    assert.deepEqual([...storeLines(join(dir, 'bad-2.db'))], [...storeLines(join(dir, 'bad-1.db'))]);
  });

  it('refuses a --jobs that is not a whole number from 1 to 64', () => {
    for (const jobs of ['0', '65', 'two']) {
      const r = mizan(['ingest', CORPUS, '--db', join(dir, 'never.db'), '--jobs', jobs]);
      assert.equal(r.status, 2, jobs);
      assert.match(r.stderr, /--jobs takes a whole number/u);
    }
  });

  it('says in its help what --jobs does', () => {
    const r = mizan(['ingest', '--help']);
    assert.match(r.stdout, /--jobs <n>/u);
    assert.match(r.stdout, /SQLite or PostgreSQL/u);
  });
});
