import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packageRoot } from '../core/paths.js';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.js';
import { send, serve, type Handler } from '../../test/helpers/http.js';
import { tempDir } from '../../test/helpers/stores.js';
import type { Problem } from './article.js';
import { readTxt } from './readers/txt.js';
import { ingest, type IngestSummary } from './run.js';
import { expandSources } from './sources.js';

const FIXTURES = join(packageRoot(), 'test/fixtures/ingest');
const fixture = (...names: string[]): string[] => names.map((n) => join(FIXTURES, n));

describe('ingest', () => {
  let pipeline: Pipeline;
  let dir: string;
  before(async () => {
    pipeline = await createPipeline();
    dir = tempDir('mizan-ingest-');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Ingest into a store (a new one unless given), collecting problems and notes. */
  const run = async (args: string[], store?: SqliteStore): Promise<{ summary: IngestSummary; problems: Problem[]; notes: Problem[]; store: SqliteStore }> => {
    const s = store ?? await openSqliteStore(join(tempDir('mizan-run-'), 'test.db'));
    const problems: Problem[] = [];
    const notes: Problem[] = [];
    const summary = await ingest(args, { store: s, pipeline, onProblem: (p) => problems.push(p), onNote: (p) => notes.push(p) });
    return { summary, problems, notes, store: s };
  };

  it('walks folders in name order, leaving out hidden files, project documents and other file types', () => {
    const { inputs, problems } = expandSources([FIXTURES, join(FIXTURES, 'bad/notes.docx'), join(FIXTURES, 'nowhere'), 'https://example.org/feed']);
    const names = inputs.map((i) => (i.kind === 'file' ? i.path.slice(FIXTURES.length + 1) : i.url));
    assert.deepEqual(names, ['article.md', 'bad/broken.jsonl', 'bad/empty.txt', 'batch.json', 'batch.jsonl', 'feed.atom', 'feed.rss', 'header.txt',
      'near-duplicate/distinct.txt', 'near-duplicate/original.txt', 'near-duplicate/reprint.txt', 'page.html', 'plain.txt', 'https://example.org/feed']);
    assert.deepEqual(problems.map((p) => p.reason.split(' (')[0]), ['unknown file type ".docx"', 'no such file or folder']);
  });

  it('reads every format, dates events against the article, and stores each article once', async () => {
    const files = fixture('header.txt', 'plain.txt', 'article.md', 'page.html', 'batch.json', 'batch.jsonl', 'feed.rss', 'feed.atom');
    const { summary, problems, store } = await run(files);
    assert.deepEqual(problems, []);
    assert.deepEqual(summary.articles, { added: 11, nearDuplicate: 0, duplicate: 0, skipped: 0 });
    const stats = await store.stats();
    assert.deepEqual(stats.articles.byLang, { ar: 3, en: 5, ru: 3 });
    assert.equal(stats.sentences.total, summary.sentences);
    const visit = (await store.events({ dyad: ['TUR', 'SYR'], type: 'CONSULT' })).find((e) => e.article.publishedDate === '2026-08-20');
    assert.deepEqual([visit?.eventDate, visit?.dateText], ['2026-08-19', 'أمس الأربعاء'], 'the visit of "yesterday, Wednesday"');
    const again = await run(files, store);
    assert.deepEqual(again.summary.articles, { added: 0, nearDuplicate: 0, duplicate: 11, skipped: 0 });
    assert.deepEqual(await store.stats(), stats);
    await store.close();
  });

  it('links a near-duplicate to its original, and skips an exact duplicate under other metadata', async () => {
    const { summary, store } = await run([join(FIXTURES, 'near-duplicate')]);
    assert.deepEqual(summary.articles, { added: 2, nearDuplicate: 1, duplicate: 0, skipped: 0 });
    const [reprint] = await store.search({ text: 'grain ship arrives' });
    const [original] = await store.search({ text: 'cargo docks' });
    assert.ok(reprint && original);
    assert.equal(reprint.article.nearDuplicateOf, original.article.id);
    const body = readTxt(readFileSync(join(FIXTURES, 'near-duplicate/original.txt'), 'utf8'), 'x').text;
    const copy = join(dir, 'copy.jsonl');
    writeFileSync(copy, `${JSON.stringify({ id: 'other', title: 'Another headline', outlet: 'Someone else', date: '2026-08-06', text: `${body}\n` })}\n`);
    const again = await run([copy], store);
    assert.deepEqual(again.summary.articles, { added: 0, nearDuplicate: 0, duplicate: 1, skipped: 0 });
    assert.equal((await store.stats()).articles.total, 3);
    await store.close();
  });

  it('reports each bad input with its place and reason, and ingests the rest', async () => {
    const { summary, problems, store } = await run([...fixture('bad/broken.jsonl', 'bad/empty.txt', 'bad/notes.docx'), join(dir, 'missing.txt')]);
    assert.deepEqual(summary.articles, { added: 2, nearDuplicate: 0, duplicate: 0, skipped: 6 });
    const short = problems.map((p) => `${p.place.replace(FIXTURES, '').replace(dir, '')}: ${p.reason.split(' (')[0]}`);
    assert.deepEqual(short.sort(), [
      '/bad/broken.jsonl:2: not valid JSON', '/bad/broken.jsonl:3: no article text', '/bad/broken.jsonl:4: not a JSON object',
      '/bad/empty.txt: no article text', '/bad/notes.docx: unknown file type ".docx"', '/missing.txt: no such file or folder',
    ]);
    assert.equal((await store.stats()).articles.total, 2);
    await store.close();
  });

  it('resumes: a second run over more inputs stores only what the first did not', async () => {
    const first = await run(fixture('header.txt', 'batch.jsonl'));
    assert.equal(first.summary.articles.added, 3);
    const second = await run(fixture('header.txt', 'batch.jsonl', 'plain.txt', 'feed.atom'), first.store);
    assert.deepEqual(second.summary.articles, { added: 2, nearDuplicate: 0, duplicate: 3, skipped: 0 });
    await first.store.close();
  });

  it('notes what it stores without understanding: an unreadable date leaves relative dates unresolved', async () => {
    const file = join(dir, 'odd-date.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'x', date: 'around midsummer', lang: 'en', text: 'Turkey and Syria held talks in Ankara yesterday.' })}\n`);
    const { summary, notes, store } = await run([file]);
    assert.equal(summary.articles.added, 1);
    assert.match(notes[0]?.reason ?? '', /publication date "around midsummer" not understood/u);
    assert.ok((await store.events()).every((e) => e.eventDate === null));
    await store.close();
  });

  it('reads a feed served over HTTP, fetching the page of a stub item and reporting one that cannot be fetched', async () => {
    const routes: Record<string, Handler> = {};
    const server = await serve(routes);
    const item = (n: number, description: string): string => `<item><title>Item ${n}</title><link>${server.url}/news/${n}.html</link>
      <pubDate>Wed, 14 Oct 2026 09:00:00 +0300</pubDate><description>${description}</description></item>`;
    const full = 'Jordan and Syria signed an agreement on Tuesday to run direct truck transit through the Jaber crossing. '.repeat(4);
    routes['/feed.rss'] = send(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title><language>en</language>
      ${item(1, full)}${item(2, 'Russia and Syria held talks…')}${item(3, 'A teaser with a dead link…')}</channel></rss>`, 'application/rss+xml');
    routes['/news/2.html'] = send(`<html lang="en"><head><meta property="og:site_name" content="Page Site"></head><body><article><h1>Item 2</h1>
      <p>Russian and Syrian defence officials held talks in Damascus on Tuesday about training programmes for Syrian officers.</p>
      <p>The two sides agreed to meet again in Moscow next month, the Syrian defence ministry said.</p></article></body></html>`, 'text/html');
    try {
      const { summary, problems, store } = await run([`${server.url}/feed.rss`]);
      assert.deepEqual(summary.articles, { added: 2, nearDuplicate: 0, duplicate: 0, skipped: 1 });
      assert.equal(problems[0]?.place, `${server.url}/feed.rss item 3 (${server.url}/news/3.html)`);
      assert.match(problems[0]?.reason ?? '', /is a stub .* HTTP 404/u);
      const [hit] = await store.search({ text: 'training programmes' });
      assert.deepEqual([hit?.article.title, hit?.article.outlet, hit?.article.publishedDate], ['Item 2', 'Test Wire', '2026-10-14']);
      await store.close();
    } finally {
      await server.close();
    }
  });
});
