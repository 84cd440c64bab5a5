/** Defences of the server: CSP and other headers, no CORS, static files without traversal, auth and limits on the write routes. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { packageRoot } from '../core/paths.js';
import { corpusStore, XSS_ARTICLE, type TestStore } from '../../test/helpers/corpus-store.js';
import { send, serve, type TestServer } from '../../test/helpers/http.js';
import { tempDir } from '../../test/helpers/stores.js';
import { buildApp } from './app.js';
import { UPLOAD_LIMITS } from './routes/ingest.js';

const TOKEN = 'test-token-Ω';
const SECRET = 'do-not-serve-this';

let fixture: TestStore;
let webRoot: string;
let app: FastifyInstance;

before(async () => {
  fixture = await corpusStore({ empty: true });
  const dir = tempDir('mizan-web-');
  webRoot = join(dir, 'web');
  mkdirSync(join(webRoot, 'assets'), { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>dashboard</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(webRoot, '.env'), SECRET);
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  app = await buildApp({ store: fixture.store, webRoot, token: TOKEN, writeLimits: { max: 1000 } });
});

after(async () => {
  await app.close();
  await fixture.cleanup();
});

/** A multipart/form-data body with files under the field "files". */
async function multipart(files: Array<{ name: string; content: string | Buffer }>): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([f.content]), f.name);
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await req.arrayBuffer()), headers: { 'content-type': req.headers.get('content-type') as string } };
}

const auth = { authorization: `Bearer ${TOKEN}` };

describe('headers', () => {
  test('every response carries a strict Content-Security-Policy', async () => {
    for (const url of ['/', '/api/health', '/api/nothing', '/assets/app.js']) {
      const r = await app.inject({ url });
      const csp = r.headers['content-security-policy'] as string;
      assert.ok(csp, `${url} has a CSP`);
      assert.match(csp, /default-src 'self'/u);
      assert.match(csp, /script-src 'self'(;|$)/u);
      assert.match(csp, /object-src 'none'/u);
      assert.match(csp, /frame-ancestors 'none'/u);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/u);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
    }
  });

  test('CORS is off: no Access-Control-Allow-Origin, and preflights are not answered', async () => {
    const r = await app.inject({ url: '/api/health', headers: { origin: 'https://elsewhere.example' } });
    assert.equal(r.headers['access-control-allow-origin'], undefined);
    const pre = await app.inject({ method: 'OPTIONS', url: '/api/events', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' } });
    assert.equal(pre.headers['access-control-allow-origin'], undefined);
    assert.equal(pre.statusCode, 404);
  });
});

describe('the dashboard files', () => {
  test('index.html and assets are served, assets cached for long', async () => {
    const index = await app.inject({ url: '/' });
    assert.equal(index.statusCode, 200);
    assert.match(index.body, /dashboard/u);
    assert.equal(index.headers['cache-control'], 'no-cache');
    const asset = await app.inject({ url: '/assets/app.js' });
    assert.equal(asset.statusCode, 200);
    assert.match(asset.headers['cache-control'] as string, /immutable/u);
  });

  test('without a built dashboard, / says how to build it', async () => {
    const bare = await buildApp({ store: fixture.store, webRoot: join(webRoot, 'assets') });
    try {
      const r = await bare.inject({ url: '/' });
      assert.equal(r.statusCode, 404);
      assert.match(r.json().error.message, /npm run build/u);
    } finally {
      await bare.close();
    }
  });

  test('nothing outside the folder, and no dot files, can be reached', async () => {
    const attempts = [
      '/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt', '/assets/..%5c..%5csecret.txt', '/%2e%2e%2fsecret.txt', '/.env', '/assets/../.env', '/%2eenv', '//secret.txt',
      '/assets/%252e%252e/%252e%252e/secret.txt', '/..;/secret.txt', `/${'..%2f'.repeat(8)}etc/passwd`, '/assets/app.js%00.html',
    ];
    for (const url of attempts) {
      const r = await app.inject({ url });
      assert.ok(!r.body.includes(SECRET), `${url} leaked the file`);
      assert.ok(!r.body.includes('root:'), `${url} leaked /etc/passwd`);
      assert.ok([400, 403, 404].includes(r.statusCode), `${url} answered ${r.statusCode}`);
    }
  });

  test('a path the router cannot take is a catalogued 4xx, the router\'s without echoing the path', async () => {
    const bare = await buildApp({ store: fixture.store, webRoot: false });
    try {
      for (const url of [`/api/articles/${'9'.repeat(201)}`, `/api/articles/${'<script>'.repeat(40)}`, '/api/articles/%E0%A4%A']) {
        // Without the dashboard the router refuses the parameter; with it, the dashboard's catch-all answers 404.
        for (const [name, a, status, code] of [['API only', bare, 400, 'MIZAN_E_PARAM'], ['with the dashboard', app, 404, 'MIZAN_E_NOT_FOUND']] as const) {
          const r = await a.inject({ url });
          assert.equal(r.statusCode, url.includes('%E0') ? 400 : status, `${name} ${url}`);
          assert.equal(r.json().error.code, url.includes('%E0') ? 'MIZAN_E_PARAM' : code, `${name} ${url}`);
          if (a === bare) assert.doesNotMatch(r.body, /script|9{20}|%E0/u, `${name} ${url}`);
        }
      }
      assert.match((await bare.inject({ url: `/api/articles/${'9'.repeat(201)}` })).json().error.message, /^path parameter: longer than the 200 characters accepted$/u);
    } finally {
      await bare.close();
    }
  });
});

describe('write routes', () => {
  test('are off (403) when no token is configured', async () => {
    const open = await buildApp({ store: fixture.store, webRoot: false });
    try {
      const r = await open.inject({ method: 'POST', url: '/api/ingest/urls', headers: { authorization: 'Bearer anything' }, payload: { urls: ['http://127.0.0.1/'] } });
      assert.equal(r.statusCode, 403);
      assert.equal(r.json().error.code, 'MIZAN_E_WRITE_OFF');
    } finally {
      await open.close();
    }
  });

  test('need the bearer token (401 without it or with a wrong one)', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }]) {
      for (const url of ['/api/ingest/urls', '/api/ingest/files']) {
        const r = await app.inject({ method: 'POST', url, headers, payload: { urls: ['http://127.0.0.1/'] } });
        assert.equal(r.statusCode, 401, `${url} ${JSON.stringify(headers)}`);
        assert.equal(r.json().error.code, 'MIZAN_E_AUTH');
        assert.match(r.headers['www-authenticate'] as string, /^Bearer/u);
      }
    }
  });

  test('ingest uploaded files and report what they did; the markup stays text', async () => {
    const body = await multipart([{ name: 'xss-article.txt', content: readFileSync(XSS_ARTICLE) }]);
    const r = await app.inject({ method: 'POST', url: '/api/ingest/files', headers: { ...auth, ...body.headers }, payload: body.payload });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().articles.added, 1);
    assert.ok(r.json().events.total >= 1);
    const again = await app.inject({ method: 'POST', url: '/api/ingest/files', headers: { ...auth, ...body.headers }, payload: body.payload });
    assert.equal(again.json().articles.duplicate, 1);
    const list = (await app.inject({ url: '/api/articles' })).json();
    assert.ok(list.items.some((a: any) => a.title.includes('<script>')));
  });

  test('reject unknown file types, empty uploads, JSON bodies and files over the size limit', async () => {
    const exe = await multipart([{ name: 'tool.exe', content: 'MZ' }]);
    const r1 = await app.inject({ method: 'POST', url: '/api/ingest/files', headers: { ...auth, ...exe.headers }, payload: exe.payload });
    assert.equal(r1.statusCode, 400);
    assert.match(r1.json().error.message, /tool\.exe/u);
    const empty = await multipart([]);
    const r2 = await app.inject({ method: 'POST', url: '/api/ingest/files', headers: { ...auth, ...empty.headers }, payload: empty.payload });
    assert.equal(r2.statusCode, 400);
    const r3 = await app.inject({ method: 'POST', url: '/api/ingest/files', headers: auth, payload: { files: [] } });
    assert.equal(r3.statusCode, 400);
    const big = await multipart([{ name: 'big.txt', content: Buffer.alloc(UPLOAD_LIMITS.fileBytes + 10, 'a') }]);
    const r4 = await app.inject({ method: 'POST', url: '/api/ingest/files', headers: { ...auth, ...big.headers }, payload: big.payload });
    assert.equal(r4.statusCode, 413);
    assert.equal(r4.json().error.code, 'MIZAN_E_TOO_LARGE');
  });

  test('ingest feeds by URL, and name bad URLs', async () => {
    const feed = readFileSync(join(packageRoot(), 'test', 'fixtures', 'ingest', 'feed.rss'));
    const server: TestServer = await serve({ '/feed.rss': send(feed, 'application/rss+xml') });
    // The test server is on 127.0.0.1, which only a server started with --allow-private fetches.
    const open = await buildApp({ store: fixture.store, webRoot: false, token: TOKEN, writeLimits: { max: 1000 }, allowPrivate: true });
    try {
      const r = await open.inject({ method: 'POST', url: '/api/ingest/urls', headers: auth, payload: { urls: [`${server.url}/feed.rss`] } });
      assert.equal(r.statusCode, 200, r.body);
      assert.ok(r.json().articles.added > 0);
      const missing = await open.inject({ method: 'POST', url: '/api/ingest/urls', headers: auth, payload: { urls: [`${server.url}/gone.rss`] } });
      assert.equal(missing.statusCode, 200);
      assert.equal(missing.json().articles.skipped, 1);
      assert.match(missing.json().problems[0].reason, /404/u);
      const refused = await app.inject({ method: 'POST', url: '/api/ingest/urls', headers: auth, payload: { urls: [`${server.url}/feed.rss`] } });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, 'MIZAN_E_PRIVATE_ADDRESS');
    } finally {
      await open.close();
      await server.close();
    }
    const bad = await app.inject({ method: 'POST', url: '/api/ingest/urls', headers: auth, payload: { urls: ['file:///etc/passwd'] } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /"urls\.0"/u);
    const extra = await app.inject({ method: 'POST', url: '/api/ingest/urls', headers: auth, payload: { urls: ['http://127.0.0.1/'], depth: 3 } });
    assert.equal(extra.statusCode, 400);
    assert.match(extra.json().error.message, /"depth"/u);
    const broken = await app.inject({ method: 'POST', url: '/api/ingest/urls', headers: { ...auth, 'content-type': 'application/json' }, payload: '{"urls":' });
    assert.equal(broken.statusCode, 400);
    assert.equal(broken.json().error.code, 'MIZAN_E_PARAM');
  });

  test('bodies over the limit are 413', async () => {
    const urls = Array.from({ length: 20 }, (_, i) => `http://127.0.0.1/${'x'.repeat(60_000)}${i}`);
    const r = await app.inject({ method: 'POST', url: '/api/ingest/urls', headers: auth, payload: { urls } });
    assert.equal(r.statusCode, 413);
    assert.equal(r.json().error.code, 'MIZAN_E_TOO_LARGE');
  });

  test('are rate-limited (429 with Retry-After)', async () => {
    const limited = await buildApp({ store: fixture.store, webRoot: false, token: TOKEN, writeLimits: { max: 2, timeWindowMs: 60_000 } });
    try {
      const codes: number[] = [];
      let last;
      for (let i = 0; i < 3; i++) {
        last = await limited.inject({ method: 'POST', url: '/api/ingest/urls', headers: auth, payload: { urls: ['ftp://x'] } });
        codes.push(last.statusCode);
      }
      assert.deepEqual(codes, [400, 400, 429]);
      assert.equal(last?.json().error.code, 'MIZAN_E_RATE_LIMIT');
      assert.ok(Number(last?.headers['retry-after']) > 0);
      const read = await limited.inject({ url: '/api/health' });
      assert.equal(read.statusCode, 200, 'reads are not limited');
    } finally {
      await limited.close();
    }
  });
});

describe('faults', () => {
  test('a store fault is a 500 with a generic message: no SQL, stack or path leaks', async () => {
    const broken = Object.create(fixture.store) as typeof fixture.store;
    Object.defineProperty(broken, 'events', { value: async () => { throw new Error('SQLITE_CORRUPT at /secret/path.db: SELECT * FROM event'); } });
    const faulty = await buildApp({ store: broken, webRoot: false });
    try {
      const r = await faulty.inject({ url: '/api/events' });
      assert.equal(r.statusCode, 500);
      assert.equal(r.json().error.code, 'MIZAN_E_INTERNAL');
      assert.doesNotMatch(r.body, /SQLITE|secret|SELECT/u);
    } finally {
      await faulty.close();
    }
  });
});
