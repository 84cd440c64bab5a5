/** API tests through app.inject() on a temporary store holding the example corpus and the XSS test article. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { packageRoot } from '../core/paths.js';
import { eventFilter } from '../cli/commands/events.js';
import { EVENT_COLUMNS } from '../export/formats.js';
import { corpusStore, type TestStore } from '../../test/helpers/corpus-store.js';
import { buildApp } from './app.js';

let fixture: TestStore;
let app: FastifyInstance;

before(async () => {
  fixture = await corpusStore();
  app = await buildApp({ store: fixture.store, webRoot: false });
});

after(async () => {
  await app.close();
  await fixture.cleanup();
});

/** GET a JSON route; returns status and parsed body. */
async function get<T = any>(url: string): Promise<{ status: number; body: T; headers: Record<string, unknown> }> {
  const r = await app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.headers['content-type']?.toString().startsWith('application/json') ? r.json() : (r.body as T), headers: r.headers };
}

describe('service routes', () => {
  test('health says ok, with the write routes off without a token', async () => {
    const r = await get('/api/health');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { status: 'ok', version: r.body.version, writeRoutes: false, dashboard: false });
  });

  test('stats count the corpus and the test article', async () => {
    const r = await get('/api/stats');
    assert.equal(r.status, 200);
    assert.equal(r.body.articles.total, 55);
    assert.deepEqual(Object.keys(r.body.articles.byLang).sort(), ['ar', 'en', 'ru']);
    assert.deepEqual(r.body, await fixture.store.stats());
  });

  test('actors come most frequent first, with names in three languages', async () => {
    const r = await get('/api/actors');
    assert.equal(r.status, 200);
    const syr = r.body.items.find((a: any) => a.code === 'SYR');
    assert.equal(r.body.items[0].code, 'SYR');
    assert.equal(syr.kind, 'state');
    assert.ok(syr.names.ar && syr.names.en && syr.names.ru);
    const counts = r.body.items.map((a: any) => a.events);
    assert.deepEqual(counts, [...counts].sort((x: number, y: number) => y - x));
  });

  test('the timeline groups dated events by month or week', async () => {
    const month = await get('/api/timeline?by=month&since=2026-06&until=2026-10');
    assert.equal(month.status, 200);
    assert.ok(month.body.periods.length >= 5);
    for (const p of month.body.periods) assert.match(p.period, /^2026-(0[6-9]|10)-01$/u);
    const week = await get('/api/timeline?by=week&since=2026-07-01&until=2026-07-31');
    for (const p of week.body.periods) assert.equal(new Date(`${p.period}T00:00:00Z`).getUTCDay(), 1, 'weeks start on Monday');
    const total = month.body.periods.reduce((t: number, p: any) => t + p.events, 0);
    const events = await fixture.store.events({ since: '2026-06-01', until: '2026-10-31' });
    assert.equal(total, events.length);
  });

  test('the OpenAPI document lists every API route', async () => {
    const r = await get('/api/openapi.json');
    assert.equal(r.status, 200);
    assert.match(r.body.openapi, /^3\./u);
    const paths = Object.keys(r.body.paths);
    for (const p of ['/api/health', '/api/stats', '/api/actors', '/api/timeline', '/api/articles', '/api/articles/{id}', '/api/search',
      '/api/events', '/api/export', '/api/dyad', '/api/network', '/api/brief', '/api/ingest/files', '/api/ingest/urls']) assert.ok(paths.includes(p), `${p} missing`);
    assert.ok(r.body.paths['/api/events'].get.parameters.some((p: any) => p.name === 'dyad' && p.in === 'query'));
    const doc = readFileSync(join(packageRoot(), 'docs', 'server.md'), 'utf8');
    for (const p of paths) {
      const method = Object.keys(r.body.paths[p])[0]?.toUpperCase();
      assert.ok(doc.includes(`\`${method} ${p}`), `${method} ${p} is documented in docs/server.md`);
    }
  });

  test('an unknown route is a JSON 404', async () => {
    const r = await get('/api/nothing-here');
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'MIZAN_E_NOT_FOUND');
  });
});

describe('articles and search', () => {
  test('the list pages through articles, newest first', async () => {
    const first = await get('/api/articles?limit=5');
    const second = await get('/api/articles?limit=5&offset=5');
    assert.equal(first.status, 200);
    assert.equal(first.body.total, 55);
    assert.equal(first.body.items.length, 5);
    const ids = new Set(first.body.items.map((a: any) => a.id));
    for (const a of second.body.items) assert.ok(!ids.has(a.id), 'pages do not overlap');
    const dates = [...first.body.items, ...second.body.items].map((a: any) => a.publishedDate);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  test('the list filters by language and publication date', async () => {
    const ar = await get('/api/articles?lang=ar&limit=200');
    assert.equal(ar.body.total, 25);
    assert.ok(ar.body.items.every((a: any) => a.lang === 'ar'));
    const sept = await get('/api/articles?since=2026-09&until=2026-09&limit=200');
    assert.ok(sept.body.total > 0);
    assert.ok(sept.body.items.every((a: any) => a.publishedDate.startsWith('2026-09')));
  });

  test('one article comes with its text, sentences and events, whose spans point into the text', async () => {
    const list = await get('/api/articles?limit=200');
    const withEvents = list.body.items.filter((a: any) => a.events > 0);
    for (const item of withEvents.slice(0, 6)) {
      const r = await get(`/api/articles/${item.id}`);
      assert.equal(r.status, 200);
      assert.equal(r.body.article.id, item.id);
      assert.equal(r.body.events.length, item.events);
      assert.ok(r.body.sentences.length > 0);
      for (const e of r.body.events) {
        assert.equal(e.articleId, item.id);
        assert.equal(r.body.text.slice(e.evidence.start, e.evidence.end), e.evidenceText);
      }
    }
  });

  test('a missing article is 404 and a bad id 400', async () => {
    assert.equal((await get('/api/articles/999999')).body.error.code, 'MIZAN_E_NOT_FOUND');
    const bad = await get('/api/articles/abc');
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /"id"/u);
  });

  test('search finds Arabic, English and Russian words with highlights', async () => {
    for (const q of ['Tartus', 'طرطوس', 'Тартус']) {
      const r = await get(`/api/search?q=${encodeURIComponent(q)}&limit=3`);
      assert.equal(r.status, 200, q);
      assert.ok(r.body.items.length > 0, `${q} found`);
      assert.ok(r.body.items[0].sentences.length > 0 || r.body.items[0].titleHighlights.length > 0);
    }
    const ru = await get(`/api/search?q=${encodeURIComponent('Тартус')}&lang=en`);
    assert.equal(ru.body.items.length, 0);
  });
});

describe('events', () => {
  test('the filters are those of `mizan events`', async () => {
    const cases: Array<[string, Record<string, string | boolean>]> = [
      ['dyad=SYR-RUS', { dyad: 'SYR-RUS' }],
      ['dyad=SYR-RUS&directed=true', { dyad: 'SYR-RUS', directed: true }],
      ['actor=isr', { actor: 'isr' }],
      ['type=agree', { type: 'agree' }],
      ['domain=energy', { domain: 'energy' }],
      ['modality=future', { modality: 'future' }],
      ['since=2026-09&until=2026-09', { since: '2026-09', until: '2026-09' }],
      ['distinct=true&actor=SYR', { distinct: true, actor: 'SYR' }],
    ];
    for (const [query, opts] of cases) {
      const r = await get(`/api/events?${query}&limit=500`);
      assert.equal(r.status, 200, query);
      const expected = await fixture.store.events(eventFilter({ ...opts, limit: '500' }));
      assert.deepEqual(r.body.items.map((e: any) => e.id), expected.map((e) => e.id), query);
      assert.ok(expected.length > 0, `${query} matches something`);
    }
  });

  test('pages follow each other with hasMore', async () => {
    const all = await fixture.store.events({});
    const ids: number[] = [];
    for (let offset = 0; ; offset += 40) {
      const r = await get(`/api/events?limit=40&offset=${offset}`);
      ids.push(...r.body.items.map((e: any) => e.id));
      if (!r.body.hasMore) break;
    }
    assert.deepEqual(ids, all.map((e) => e.id));
  });

  test('exports stream every event as csv, jsonl or plover', async () => {
    const total = (await fixture.store.stats()).events.total;
    const csv = await app.inject({ url: '/api/export?format=csv' });
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /^text\/csv/u);
    assert.match(csv.headers['content-disposition'] as string, /attachment; filename="mizan-events\.csv"/u);
    assert.ok(csv.body.startsWith(`${EVENT_COLUMNS.join(',')}\r\n`));
    const jsonl = (await app.inject({ url: '/api/export?format=jsonl' })).body.trim().split('\n');
    assert.equal(jsonl.length, total);
    assert.ok(jsonl.every((l) => typeof JSON.parse(l).event_id === 'number'));
    const plover = (await app.inject({ url: '/api/export?format=plover' })).body.trim().split('\n');
    assert.equal(plover.length, total);
  });
});

describe('analytics', () => {
  test('a dyad profile has both actors, every domain and evidence', async () => {
    const r = await get('/api/dyad?a=SYR&b=RUS');
    assert.equal(r.status, 200);
    assert.equal(r.body.a.code, 'SYR');
    assert.equal(r.body.b.code, 'RUS');
    assert.equal(r.body.domains.length, 8);
    assert.ok(r.body.all.events > 10);
    assert.ok(r.body.all.evidence.length > 0);
    assert.ok(Array.isArray(r.body.all.trend.periods));
  });

  test('the network has signed edges, blocs and each actor\'s ties', async () => {
    const r = await get('/api/network');
    assert.equal(r.status, 200);
    assert.ok(r.body.nodes.some((n: any) => n.code === 'SYR'));
    assert.ok(r.body.edges.some((e: any) => e.weight > 0) && r.body.edges.some((e: any) => e.weight < 0));
    assert.ok(r.body.blocs.length >= 2);
    const narrow = await get('/api/network?since=2026-07&until=2026-07&minEvents=2&dyad=SYR-RUS');
    assert.equal(narrow.status, 200);
    assert.ok(narrow.body.nodes.length < r.body.nodes.length);
    assert.deepEqual(narrow.body.window, { since: '2026-07-01', until: '2026-07-31' });
    assert.ok(narrow.body.dyad);
  });

  test('a brief as JSON, Markdown or a standalone HTML page with its own policy', async () => {
    const json = await get('/api/brief?a=SYR&b=RUS&lang=ar');
    assert.equal(json.status, 200);
    assert.deepEqual([json.body.lang, json.body.dir], ['ar', 'rtl']);
    assert.ok(json.body.citations.length > 0);
    const md = await app.inject({ url: '/api/brief?a=SYR&b=RUS&format=md&download=true' });
    assert.match(md.headers['content-type'] as string, /^text\/markdown/u);
    assert.equal(md.headers['content-disposition'], 'attachment; filename="mizan-brief-SYR-RUS-en.md"');
    assert.ok(md.body.startsWith('# '));
    const html = await app.inject({ url: '/api/brief?a=SYR&b=RUS&lang=ar&format=html' });
    assert.match(html.headers['content-type'] as string, /^text\/html/u);
    assert.match(html.body, /<html lang="ar" dir="rtl">/u);
    const csp = html.headers['content-security-policy'] as string;
    assert.match(csp, /default-src 'none'/u);
    assert.match(csp, /sandbox/u);
    assert.doesNotMatch(csp, /script-src/u);
    assert.equal(html.headers['content-disposition'], undefined);
  });

  test('an unknown actor is 404; a pair of one actor 400', async () => {
    assert.equal((await get('/api/dyad?a=SYR&b=ZZZ')).status, 404);
    const same = await get('/api/dyad?a=SYR&b=syr');
    assert.equal(same.status, 400);
    assert.match(same.body.error.message, /"b"/u);
  });
});

describe('bad parameters are 400s that name the parameter', () => {
  const cases: Array<[string, string]> = [
    ['/api/events?limit=0', 'limit'],
    ['/api/events?limit=501', 'limit'],
    ['/api/events?limit=ten', 'limit'],
    ['/api/events?offset=-1', 'offset'],
    ['/api/events?dyad=SYR', 'dyad'],
    ['/api/events?dyad=SYR-RUS&dyad=SYR-TUR', 'dyad'],
    ['/api/events?actor=S', 'actor'],
    ['/api/events?type=HUG', 'type'],
    ['/api/events?domain=space', 'domain'],
    ['/api/events?modality=maybe', 'modality'],
    ['/api/events?since=2026-02-30', 'since'],
    ['/api/events?until=yesterday', 'until'],
    ['/api/events?directed=perhaps', 'directed'],
    ['/api/events?distinct=2', 'distinct'],
    ['/api/events?colour=red', 'colour'],
    ['/api/articles?lang=fr', 'lang'],
    ['/api/articles?limit=1000', 'limit'],
    ['/api/articles?since=26-01-01', 'since'],
    ['/api/search', 'q'],
    ['/api/search?q=', 'q'],
    ['/api/search?q=x&limit=101', 'limit'],
    ['/api/timeline?by=year', 'by'],
    ['/api/export', 'format'],
    ['/api/export?format=xml', 'format'],
    ['/api/dyad?a=SYR', 'b'],
    ['/api/dyad?a=SYR&b=RUS&by=day', 'by'],
    ['/api/dyad?a=SYR&b=RUS&since=2026-10&until=2026-09', 'until'],
    ['/api/articles/0', 'id'],
    ['/api/network?minEvents=0', 'minEvents'],
    ['/api/network?since=2026-13', 'since'],
    ['/api/network?dyad=SYR', 'dyad'],
    ['/api/network?dyad=SYR-SYR', 'dyad'],
    ['/api/brief?a=SYR&b=RUS&lang=ru', 'lang'],
    ['/api/brief?a=SYR&b=RUS&format=pdf', 'format'],
    ['/api/brief?a=SYR&b=SYR', 'b'],
    ['/api/brief?b=SYR', 'a'],
  ];
  for (const [url, name] of cases) {
    test(url, async () => {
      const r = await get(url);
      assert.equal(r.status, 400);
      assert.equal(r.body.error.code, 'MIZAN_E_PARAM');
      assert.ok(r.body.error.message.includes(`"${name}"`), `${r.body.error.message} names ${name}`);
    });
  }
});
