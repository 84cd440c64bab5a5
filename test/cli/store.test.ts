import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { EVENT_COLUMNS } from '../../src/export/formats.js';
import type { StoreStats, StoredEvent, SearchHit } from '../../src/store/store.js';
import { send, serve } from '../helpers/http.js';
import { tempDir } from '../helpers/stores.js';
import { mizan, ROOT } from './helpers.js';

const CORPUS = join(ROOT, 'examples/corpus');

/** Run `mizan` without blocking this process (so a server in it can answer). */
function mizanAsync(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/mizan'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('mizan ingest, stats, events, search and export on the example corpus', () => {
  let dir: string;
  let db: string;
  let first: ReturnType<typeof mizan>;
  let stats: StoreStats;
  before(() => {
    dir = tempDir('mizan-cli-');
    db = join(dir, 'corpus.db');
    first = mizan(['ingest', CORPUS, '--db', db]);
    stats = JSON.parse(mizan(['stats', '--db', db, '--json']).stdout) as StoreStats;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('ingests 54 articles, finds the exact duplicate in the batch, and says so', () => {
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, new RegExp(`^Ingested into ${db.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')} in [\\d.]+ s`, 'u'));
    assert.match(first.stdout, /^ {2}articles {3}54 new, 0 near-duplicate, 1 duplicate, 0 skipped$/mu);
    assert.match(first.stdout, /^ {2}events {5}\d+: \d+ asserted, \d+ negated, \d+ future, \d+ speculative, \d+ normative$/mu);
    assert.doesNotMatch(first.stderr, /skipped/u);
  });

  it('adds nothing when the same corpus is ingested again', () => {
    const again = mizan(['ingest', CORPUS, '--db', db, '--json']);
    assert.equal(again.status, 0, again.stderr);
    const s = JSON.parse(again.stdout) as { articles: Record<string, number>; events: { total: number } };
    assert.deepEqual(s.articles, { added: 0, nearDuplicate: 0, duplicate: 55, skipped: 0 });
    assert.equal(s.events.total, 0);
    assert.deepEqual(JSON.parse(mizan(['stats', '--db', db, '--json']).stdout), stats);
  });

  it('counts articles by language as the corpus README does, and events by language and modality', () => {
    assert.deepEqual(stats.articles.byLang, { ar: 25, en: 17, ru: 12 });
    assert.deepEqual([stats.articles.firstDate, stats.articles.lastDate], ['2026-06-03', '2026-10-28']);
    const byLang = Object.values(stats.events.byLang).reduce((a, b) => a + b, 0);
    const byModality = Object.values(stats.events.byModality).reduce((a, b) => a + b, 0);
    assert.ok(stats.events.total > 50);
    assert.equal(byLang, stats.events.total);
    assert.equal(byModality, stats.events.total);
    assert.ok(stats.clusters.multiArticle >= 3, 'the near-duplicate groups G1–G3 report shared events');
    const human = mizan(['stats', '--db', db]);
    assert.match(human.stdout, /^ {2}articles {3}54 \(ar 25, en 17, ru 12\), published 2026-06-03 … 2026-10-28; 0 near-duplicate$/mu);
    assert.match(human.stdout, /^ {4}by modality {2}asserted \d+, negated \d+, future \d+, speculative \d+, normative \d+$/mu);
  });

  it('lists Syria–Russia events either way, most recent first, with evidence from the article', () => {
    const r = mizan(['events', '--db', db, '--dyad', 'SYR-RUS', '--limit', '0', '--json']);
    assert.equal(r.status, 0, r.stderr);
    const events = JSON.parse(r.stdout) as StoredEvent[];
    assert.ok(events.length >= 10, `${events.length} SYR–RUS events`);
    assert.ok(events.every((e) => [e.source, e.target].sort().join('-') === 'RUS-SYR'));
    assert.ok(events.some((e) => e.source === 'SYR') && events.some((e) => e.source === 'RUS'));
    const dates = events.map((e) => e.eventDate ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.ok(events.every((e) => e.evidenceText.length > 0 && e.article.url?.startsWith('https://example.')));
    const directed = JSON.parse(mizan(['events', '--db', db, '--dyad', 'SYR-RUS', '--directed', '--limit', '0', '--json']).stdout) as StoredEvent[];
    assert.ok(directed.length > 0 && directed.length < events.length && directed.every((e) => e.source === 'SYR'));
  });

  it('dates the defence minister\'s talks in Moscow on Monday 13 July, and clusters reports of the training protocol', () => {
    const events = JSON.parse(mizan(['events', '--db', db, '--dyad', 'SYR-RUS', '--since', '2026-07-13', '--until', '2026-07-15', '--limit', '0', '--json']).stdout) as StoredEvent[];
    assert.ok(events.some((e) => e.eventDate === '2026-07-13' && e.dateText === 'أمس الاثنين'));
    const shared = events.filter((e) => (e.cluster?.numArticles ?? 0) >= 2);
    assert.ok(shared.length > 0 && shared.every((e) => (e.cluster?.numSources ?? 0) >= 2));
  });

  it('filters by type, actor, modality and domain, and shows one row per real-world event with --distinct', () => {
    const get = (...args: string[]): StoredEvent[] => JSON.parse(mizan(['events', '--db', db, '--limit', '0', '--json', ...args]).stdout) as StoredEvent[];
    assert.ok(get('--type', 'assault').every((e) => e.type === 'ASSAULT'));
    assert.ok(get('--actor', 'isr').every((e) => e.source === 'ISR' || e.target === 'ISR'));
    assert.ok(get('--modality', 'future').every((e) => e.modality === 'future'));
    assert.ok(get('--domain', 'energy').every((e) => e.domains.includes('energy')));
    assert.equal(get('--distinct').length, stats.clusters.total);
    const human = mizan(['events', '--db', db, '--type', 'ASSAULT', '--limit', '1']);
    assert.match(human.stdout, /^\d{4}-\d{2}-\d{2} {2}\w+ → \w+ {2}ASSAULT/u);
    assert.match(human.stdout, /\(the first 1; --limit 0 shows all\)/u);
  });

  it('searches through Arabic clitics and Russian ё, with highlights', () => {
    const r = mizan(['search', 'موسكو', '--db', db, '--limit', '50', '--json']);
    assert.equal(r.status, 0, r.stderr);
    const hits = JSON.parse(r.stdout) as SearchHit[];
    const words = hits.flatMap((h) => h.sentences.flatMap((s) => s.highlights.map((x) => s.text.slice(x.start, x.end))));
    assert.ok(words.includes('وموسكو'), 'وموسكو is found by موسكو');
    assert.ok(hits.every((h) => h.article.lang === 'ar'));
    const human = mizan(['search', 'دمشق موسكو', '--db', db, '--lang', 'ar', '--limit', '50']);
    assert.match(human.stdout, /\[دمشق\] \[وموسكو\]/u);
    const ru = JSON.parse(mizan(['search', 'договоренностей', '--db', db, '--json']).stdout) as SearchHit[];
    assert.equal(ru[0]?.article.lang, 'ru');
    assert.ok(ru[0]?.sentences.some((s) => s.text.includes('договорённостей')));
    const dated = JSON.parse(mizan(['search', 'Moscow', '--db', db, '--since', '2026-09', '--json']).stdout) as SearchHit[];
    assert.ok(dated.length > 0 && dated.every((h) => (h.article.publishedDate ?? '') >= '2026-09-01'));
  });

  it('exports CSV that a strict RFC 4180 parser reads back: header, one row per event, ISO dates', () => {
    const out = join(dir, 'events.csv');
    const r = mizan(['export', '--db', db, '--format', 'csv', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    const text = readFileSync(out, 'utf8');
    assert.ok(text.startsWith(`${EVENT_COLUMNS.join(',')}\r\n`) && text.endsWith('\r\n'), 'a header row; records end in CRLF');
    const rows = parse(text, { columns: true, strict: true } as never) as Array<Record<string, string>>;
    assert.deepEqual(Object.keys(rows[0] ?? {}), [...EVENT_COLUMNS]);
    assert.equal(rows.length, stats.events.total);
    assert.ok(rows.every((row) => /^\d{4}-\d{2}-\d{2}$/u.test(row.event_date ?? '') && /^\d{4}-\d{2}-\d{2}$/u.test(row.published_date ?? '')));
    assert.ok(rows.some((row) => row.lang === 'ar' && /[\u0600-\u06ff]/u.test(row.evidence_text ?? '')));
  });

  it('exports JSON Lines with the same columns, and PLOVER records', () => {
    const jsonl = mizan(['export', '--db', db, '--format', 'jsonl']).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(jsonl.length, stats.events.total);
    assert.deepEqual(Object.keys(jsonl[0] ?? {}), [...EVENT_COLUMNS]);
    assert.ok(Array.isArray(jsonl[0]?.domains));
    const plover = mizan(['export', '--db', db, '--format', 'plover']).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(plover.length, stats.events.total);
    for (const p of plover) for (const k of ['id', 'event', 'actor', 'recipient', 'context', 'date', 'text']) assert.ok(k in p, k);
    assert.ok(plover.filter((p) => p.modality === 'future').every((p) => p.aux_mode === 'future'));
  });

  it('takes the store from MIZAN_DB when --db is absent', () => {
    const r = mizan(['stats', '--json'], undefined, { MIZAN_DB: db });
    assert.equal(r.status, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as StoreStats).articles.total, 54);
  });
});

describe('mizan store commands: errors, quiet runs and interrupted runs', () => {
  let dir: string;
  before(() => {
    dir = tempDir('mizan-cli-');
  });

  /** Articles committed in a store another process is writing (0 while it has none). */
  const committed = (db: string): number => {
    if (!existsSync(db)) return 0;
    const conn = new BetterSqlite3(db, { readonly: true, fileMustExist: true });
    try {
      const ready = (conn.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'article'").get() as { n: number }).n > 0;
      return ready ? (conn.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n : 0;
    } finally {
      conn.close();
    }
  };
  const firstCommit = async (db: string): Promise<void> => {
    for (let waited = 0; committed(db) === 0 && waited < 60_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  };

  /** A JSON Lines file of 400 distinct articles: the first commit comes by the 200th, well before the end. */
  const manyArticles = (): string => {
    const input = join(dir, 'many.jsonl');
    if (existsSync(input)) return input;
    const bodies = readFileSync(join(CORPUS, 'batch-2026-09.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
    const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify({ id: `k${i}`, date: '2026-09-20', text: `Bulletin ${i}.\n\n${bodies[i % bodies.length]}` }));
    writeFileSync(input, `${lines.join('\n')}\n`);
    return input;
  };

  it('stops on Ctrl-C after the article in hand, keeps what it stored and exits 130', async () => {
    const db = join(dir, 'interrupted.db');
    const child = spawn(process.execPath, [join(ROOT, 'bin/mizan'), 'ingest', manyArticles(), '--db', db, '--json']);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    await firstCommit(db);
    child.kill('SIGINT');
    const status = await new Promise((resolve) => child.once('close', resolve));
    assert.equal(status, 130, stderr);
    assert.match(stderr, /interrupted; what was stored is kept, and the same command resumes the rest/u);
    const s = JSON.parse(stdout) as { interrupted: boolean; articles: { added: number; nearDuplicate: number } };
    assert.equal(s.interrupted, true);
    const stored = committed(db);
    assert.ok(stored > 0 && stored < 400, `${stored} stored`);
    assert.equal(stored, s.articles.added + s.articles.nearDuplicate, 'every article the summary counts was committed');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each bad input with its place, ingests the rest and exits 1', () => {
    const r = mizan(['ingest', join(ROOT, 'test/fixtures/ingest/bad'), '--db', join(dir, 'bad.db')]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /2 new, 0 near-duplicate, 0 duplicate, 4 skipped/u);
    assert.match(r.stderr, /mizan ingest: skipped \S+\/bad\/broken\.jsonl:2: not valid JSON/u);
    assert.match(r.stderr, /mizan ingest: skipped \S+\/bad\/empty\.txt: no article text/u);
    assert.match(r.stderr, /mizan ingest: 4 input\(s\) skipped, each reported above\n$/u);
  });

  it('ingests a feed from an http URL served on 127.0.0.1', async () => {
    const server = await serve({ '/feed.rss': send(readFileSync(join(CORPUS, 'feed.rss')), 'application/rss+xml; charset=utf-8') });
    try {
      const r = await mizanAsync(['ingest', `${server.url}/feed.rss`, '--db', join(dir, 'feed.db')]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /6 new, 0 near-duplicate, 0 duplicate, 0 skipped/u);
    } finally {
      await server.close();
    }
  });

  it('draws a progress bar with articles/s and ETA on a terminal', { skip: spawnSync('script', ['--version']).status !== 0 && 'no script(1) for a pseudo-terminal' }, () => {
    const cmd = `"${process.execPath}" "${join(ROOT, 'bin/mizan')}" ingest "${join(CORPUS, 'ar')}" --db "${join(dir, 'tty.db')}"`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\d+% \| \d+ articles \| \d+ articles\/s \| ETA \d+s/u);
  });

  it('prints nothing with --quiet when all goes well', () => {
    const r = mizan(['ingest', join(ROOT, 'test/fixtures/ingest/plain.txt'), '--db', join(dir, 'quiet.db'), '--quiet']);
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, '', '']);
  });

  it('refuses to read a store that does not exist, and rejects bad options', () => {
    const missing = mizan(['stats', '--db', join(dir, 'none.db')]);
    assert.equal(missing.status, 5);
    assert.match(missing.stderr, /^mizan: error MIZAN_E_STORE: .*none\.db: no store here yet \(run "mizan ingest" first/u);
    assert.equal(existsSync(join(dir, 'none.db')), false);
    const db = join(dir, 'quiet.db');
    for (const args of [['events', '--dyad', 'SYR'], ['events', '--since', '2026-13'], ['events', '--type', 'HUG'], ['export', '--format', 'xml'], ['search', '?!']]) {
      const r = mizan([...args, '--db', db]);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /MIZAN_E_USAGE/u);
    }
  });

  it('resumes after being killed: every stored article is whole, and the next run stores only the rest', async () => {
    const input = manyArticles();
    const db = join(dir, 'killed.db');
    const child = spawn(process.execPath, [join(ROOT, 'bin/mizan'), 'ingest', input, '--db', db, '--quiet'], { stdio: 'ignore' });
    await firstCommit(db);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const conn = new BetterSqlite3(db, { readonly: true });
    const n = (sql: string): number => (conn.prepare(sql).get() as { n: number }).n;
    const kept = n('SELECT count(*) AS n FROM article');
    assert.ok(kept > 0 && kept < 400, `${kept} articles stored before the kill`);
    assert.equal(n('SELECT count(*) AS n FROM article a WHERE NOT EXISTS (SELECT 1 FROM sentence s WHERE s.article_id = a.id)'), 0, 'no article without its sentences');
    assert.equal(n('SELECT count(*) AS n FROM event e WHERE e.cluster_id IS NULL'), 0, 'no event without its cluster');
    conn.close();
    const resumed = mizan(['ingest', input, '--db', db, '--json']);
    assert.equal(resumed.status, 0, resumed.stderr);
    const s = JSON.parse(resumed.stdout) as { articles: { added: number; nearDuplicate: number; duplicate: number } };
    assert.equal(s.articles.duplicate, kept);
    assert.equal(s.articles.added + s.articles.nearDuplicate, 400 - kept);
  });
});
