import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { MizanError } from '../core/errors.js';
import { packageRoot } from '../core/paths.js';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import { syntheticJsonl } from '../../test/hardening/helpers.js';
import { storeLines } from '../store/sqlite-dump.js';
import { STORE_BACKENDS, tempDir } from '../../test/helpers/stores.js';
import type { Problem } from './article.js';
import { ingest, type IngestSummary } from './run.js';

const ROOT = packageRoot();
const FIXTURES = join(ROOT, 'test/fixtures/ingest');
const CRASHING_WORKER = new URL('../../test/helpers/crashing-ingest-worker.js', import.meta.url);

/** What a run gave: its summary (without its time), the problems and notes in the order reported, and the store's rows. */
interface Outcome {
  summary: Omit<IngestSummary, 'seconds'>;
  problems: Problem[];
  notes: Problem[];
  progress: number[];
  dump: string[];
}

describe('ingest --jobs: worker threads code, this thread writes', () => {
  let pipeline: Pipeline;
  let dir: string;
  let generated: string;
  before(async () => {
    pipeline = await createPipeline();
    dir = tempDir('mizan-jobs-');
    generated = join(dir, 'generated.jsonl');
    writeFileSync(generated, syntheticJsonl(300, 11));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  let runs = 0;
  /** Ingest `args` with `jobs` threads into the store `db` (a new one unless given). */
  const run = async (args: string[], jobs: number, db = join(dir, `store-${runs++}.db`)): Promise<Outcome> => {
    const store = await openSqliteStore(db);
    const problems: Problem[] = [];
    const notes: Problem[] = [];
    const progress: number[] = [];
    let summary: IngestSummary;
    try {
      summary = await ingest(args, {
        store, jobs, ...(jobs === 1 ? { pipeline } : {}),
        onProblem: (p) => problems.push(p), onNote: (p) => notes.push(p), onProgress: (p) => progress.push(p.articles, p.bytesDone),
      });
    } finally {
      await store.close();
    }
    const { seconds: _, ...rest } = summary;
    return { summary: rest, problems, notes, progress, dump: [...storeLines(db)] };
  };

  const corpora: Array<[string, () => string[]]> = [
    ['the example corpus', () => [join(ROOT, 'examples/corpus')]],
    ['a generated corpus with exact and near duplicates', () => [generated]],
    ['every fixture format, bad inputs among them', () => [FIXTURES, join(dir, 'missing.txt')]],
  ];
  for (const [name, args] of corpora) {
    it(`stores ${name} as one thread does: the same rows under the same ids, reports and progress`, async () => {
      const inputs = args();
      const one = await run(inputs, 1);
      const two = await run(inputs, 2);
      assert.ok(one.dump.length > 100);
      assert.deepEqual(two.summary, one.summary);
      assert.deepEqual(two.problems, one.problems);
      assert.deepEqual(two.notes, one.notes);
      assert.deepEqual(two.progress, one.progress);
      assert.deepEqual(two.dump, one.dump);
    });
  }

  for (const backend of STORE_BACKENDS) {
    it(`gives the same events, ids and clusters with 2 threads as with 1 in the ${backend.name} store`, async () => {
      const held = [];
      for (const jobs of [1, 2]) {
        const { store, cleanup } = await backend.open();
        try {
          await ingest([generated], { store, jobs, ...(jobs === 1 ? { pipeline } : {}) });
          held.push({ events: await store.events(), stats: await store.stats(), hits: await store.search({ text: 'talks', limit: 100 }) });
        } finally {
          await cleanup();
        }
      }
      assert.ok((held[0]?.events.length ?? 0) > 100);
      assert.deepEqual(held[1], held[0]);
    });
  }

  it('adds nothing when run again over what it stored', async () => {
    const db = join(dir, 'again.db');
    const first = await run([generated], 2, db);
    const again = await run([generated], 2, db);
    const { added, nearDuplicate, duplicate } = first.summary.articles;
    assert.deepEqual(again.summary.articles, { added: 0, nearDuplicate: 0, duplicate: added + nearDuplicate + duplicate, skipped: 0 });
    assert.deepEqual(again.dump, first.dump);
  });

  it('stops after the article in hand when its signal aborts, and a run again completes the store', async () => {
    const clean = await run([generated], 1);
    const db = join(dir, 'stopped.db');
    const store = await openSqliteStore(db);
    const stop = new AbortController();
    let handled = 0;
    const summary = await ingest([generated], {
      store, jobs: 2, signal: stop.signal,
      onProgress: (p) => {
        handled = p.articles;
        if (p.articles === 50) stop.abort();
      },
    });
    await store.close();
    assert.equal(summary.interrupted, true);
    assert.equal(handled, 50);
    const a = summary.articles;
    assert.equal(a.added + a.nearDuplicate + a.duplicate + a.skipped, 50);
    const resumed = await run([generated], 2, db);
    assert.equal(resumed.summary.articles.duplicate - clean.summary.articles.duplicate, a.added + a.nearDuplicate);
    assert.deepEqual(resumed.dump, clean.dump);
  });

  it('fails cleanly when a worker crashes: whole articles stored, MIZAN_E_WORKER, and a run again completes the store', async () => {
    const clean = await run([generated], 1);
    const db = join(dir, 'crashed.db');
    const store = await openSqliteStore(db, { batchSize: 20 });
    await assert.rejects(ingest([generated], { store, jobs: 2, workerUrl: CRASHING_WORKER }), (err: unknown) => {
      assert.ok(err instanceof MizanError);
      assert.equal(err.code, 'MIZAN_E_WORKER');
      assert.match(err.message, /an ingest worker thread stopped \(Error: test crash\); .* the same command run again resumes/u);
      return true;
    });
    await store.close();
    const conn = new BetterSqlite3(db, { readonly: true });
    const count = (sql: string): number => (conn.prepare(sql).get() as { n: number }).n;
    const stored = count('SELECT count(*) AS n FROM article');
    assert.ok(stored > 0 && stored < 120, `${stored} articles stored before the crash`);
    assert.equal(count('SELECT count(*) AS n FROM article a WHERE NOT EXISTS (SELECT 1 FROM sentence s WHERE s.article_id = a.id)'), 0);
    assert.equal(count('SELECT count(*) AS n FROM event WHERE cluster_id IS NULL'), 0);
    conn.close();
    const resumed = await run([generated], 2, db);
    assert.ok(resumed.summary.articles.duplicate >= stored);
    assert.deepEqual(resumed.dump, clean.dump);
  });
});
