/**
 * A temporary SQLite store holding the example corpus and the XSS test article (test/fixtures/server),
 * ingested with the real ingest run: the fixture of the API and dashboard tests.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/paths.js';
import { ingest, type IngestSummary } from '../../src/ingest/run.js';
import { createPipeline } from '../../src/pipeline/pipeline.js';
import { openServerStore } from '../../src/server/server.js';
import type { SqliteStore } from '../../src/store/sqlite-store.js';
import { tempDir } from './stores.js';

/** The XSS test article: title, outlet and text with `<script>` and `<img onerror>` markup. */
export const XSS_ARTICLE = join(packageRoot(), 'test', 'fixtures', 'server', 'xss-article.txt');

/** A store made for a test, with its file and a way to remove it. */
export interface TestStore {
  store: SqliteStore;
  /** The store file. */
  path: string;
  summary: IngestSummary | undefined;
  /** Close the store and remove its folder. */
  cleanup(): Promise<void>;
}

/** A new store with the example corpus and the XSS article (or nothing, when `empty`). */
export async function corpusStore(options: { empty?: boolean } = {}): Promise<TestStore> {
  const dir = tempDir('mizan-server-');
  const path = join(dir, 'corpus.db');
  const store = await openServerStore(path);
  let summary: IngestSummary | undefined;
  if (!options.empty) {
    summary = await ingest([join(packageRoot(), 'examples', 'corpus'), XSS_ARTICLE], { store, pipeline: await createPipeline() });
  }
  return {
    store, path, summary,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
