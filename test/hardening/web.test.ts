/**
 * The HTTP API under hostile input, through `app.inject()` (only what src/server/app.ts already protects;
 * the rest is listed in docs/security.md): SQL and FTS syntax in every free-text parameter, and uploads of
 * the hostile files that `mizan ingest` refuses.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { ROOT } from '../cli/helpers.js';
import { corpusStore, type TestStore } from '../helpers/corpus-store.js';
import { tempDir } from '../helpers/stores.js';

const TOKEN = 'hardening-token';
const auth = { authorization: `Bearer ${TOKEN}` };
const FIXTURES = join(ROOT, 'test/fixtures/hardening');
const SECRET = 'MIZAN-WEB-SECRET-51c2';

/** Strings that break naive SQL, LIKE patterns, FTS5 queries, paths and parsers. */
const HOSTILE = [
  "'", '"', "' OR '1'='1", '"; DROP TABLE article; --', "'); DELETE FROM event; --", '%', '_', '\\', '*', '* OR 1', 'NEAR(a b)',
  'a OR b', 'a AND NOT b', '-a', '^a', 'col:a', '(a', 'a)', '"unclosed', 'a"b"c', '\u0000', '../../etc/passwd', '%00',
  '${7*7}', '<script>alert(1)</script>', 'سوريا OR روسيا', 'x'.repeat(400), '🇸🇾*', 'NULL', '1; SELECT 1',
].map(encodeURIComponent).concat(['%ED%A0%80', '%FF', '%', '%%', '%u0000', '%C0%AF']);

describe('the API under hostile input', () => {
  let fixture: TestStore;
  let app: FastifyInstance;
  let dir: string;
  let counts: () => Record<string, number>;
  before(async () => {
    fixture = await corpusStore({ empty: true });
    app = await buildApp({ store: fixture.store, webRoot: false, token: TOKEN, writeLimits: { max: 1000 } });
    dir = tempDir('mizan-web-hardening-');
    const db = fixture.store.db;
    counts = () => Object.fromEntries(['article', 'sentence', 'event', 'event_cluster'].map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
  });
  after(async () => {
    await app.close();
    await fixture.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores what good files are uploaded, and names each hostile one by its own name without reading what its entities point to', async () => {
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, SECRET);
    const form = new FormData();
    const add = (name: string, content: string | Buffer): void => form.append('files', new Blob([content]), name);
    add('good.jsonl', readFileSync(join(FIXTURES, 'good.jsonl')));
    add('laughs.rss', readFileSync(join(FIXTURES, 'billion-laughs.rss')));
    add('leak.atom', readFileSync(join(FIXTURES, 'xxe.atom'), 'utf8').replace(/SECRET_URL|REMOTE_URL|PARAMETER_URL/gu, `file://${secret}`));
    add('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    add('deep.html', `<html><body>${'<div>'.repeat(20_000)}text${'</div>'.repeat(20_000)}</body></html>`);
    add('runon.txt', 'Syria and Turkey and Russia talk '.repeat(300));
    const req = new Request('http://localhost/', { method: 'POST', body: form });
    const r = await app.inject({
      method: 'POST', url: '/api/ingest/files', headers: { ...auth, 'content-type': req.headers.get('content-type') as string },
      payload: Buffer.from(await req.arrayBuffer()),
    });
    assert.equal(r.statusCode, 200, r.body);
    const result = r.json() as { articles: { added: number; skipped: number }; problems: Array<{ place: string; reason: string }> };
    const places = result.problems.map((p) => `${p.place}: ${p.reason}`);
    for (const want of [
      /^laughs\.rss item 1: it uses the entity &lol9;/u, /^leak\.atom item 1: it uses the entity &passwd;/u, /^leak\.atom item 2: it uses the entity &secret;/u,
      /^photo\.txt: binary content, not text: a PNG image$/u, /^deep\.html: the page nests elements 20000 deep/u, /^runon\.txt: the sentence at character 0 is/u,
    ]) assert.ok(places.some((p) => want.test(p)), `${want} in ${places.join(' | ')}`);
    assert.ok(places.every((p) => !p.includes('mizan-upload-')), 'no temporary path is shown');
    assert.equal(result.articles.added, 4, 'good.jsonl 1 and 2, laughs.rss item 2, leak.atom item 4');
    const texts = fixture.store.db.prepare('SELECT title, text FROM article').all() as Array<{ title: string | null; text: string }>;
    assert.ok(texts.every((t) => !`${t.title} ${t.text}`.includes(SECRET) && !t.text.includes('root:')));
  });

  it('answers SQL, LIKE and FTS syntax in every free-text parameter with a 200 or a 4xx, never a fault, and changes nothing', async () => {
    const before = counts();
    const params = ['/api/search?q=', '/api/articles?outlet=', '/api/events?actor=', '/api/events?dyad=', '/api/events?dyad=SYR-',
      '/api/events?type=', '/api/events?domain=', '/api/dyad?b=SYR&a=', '/api/brief?b=SYR&a=', '/api/network?dyad=', '/api/articles/'];
    for (const base of params) {
      for (const value of HOSTILE) {
        const url = `${base}${value}`;
        const r = await app.inject({ url });
        assert.ok([200, 400, 404, 414].includes(r.statusCode), `${url} answered ${r.statusCode}: ${r.body.slice(0, 200)}`);
        assert.doesNotMatch(r.body, /SQLITE_|syntax error|fts5:/iu, url);
      }
    }
    assert.deepEqual(counts(), before);
  });
});
