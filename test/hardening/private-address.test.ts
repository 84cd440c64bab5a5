/**
 * URLs submitted through the HTTP API may not reach loopback, private or other non-public addresses unless
 * the server was started with --allow-private; the local CLI fetches them as before. Real servers on
 * 127.0.0.1 stand for an internal service, and one on 127.0.0.2 for a target behind a redirect or a feed
 * item, each counting the requests it gets, so "refused" means that no request arrived.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { MizanError } from '../../src/core/errors.js';
import { nonPublicAddress, type AddressCheck } from '../../src/ingest/address.js';
import { fetchText } from '../../src/ingest/fetch.js';
import { createPipeline, type Pipeline } from '../../src/pipeline/pipeline.js';
import { buildApp } from '../../src/server/app.js';
import { ROOT } from '../cli/helpers.js';
import { corpusStore, type TestStore } from '../helpers/corpus-store.js';
import { tempDir } from '../helpers/stores.js';
import { closed, corpusSentences, output } from './helpers.js';

const TOKEN = 'private-address-token';
const auth = { authorization: `Bearer ${TOKEN}` };

/** A server on one loopback address that counts the requests to each path. */
interface CountingServer {
  url: string;
  hits: Map<string, number>;
  total(): number;
  close(): Promise<void>;
}

async function countingServer(host: string, routes: Record<string, (res: ServerResponse, req: IncomingMessage) => void>): Promise<CountingServer> {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (route) route(res, req);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    hits,
    total: () => [...hits.values()].reduce((a, b) => a + b, 0),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const html = (text: string): ((res: ServerResponse) => void) => (res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><head><title>Talks</title></head><body><article><h1>Talks</h1>${text.split('\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);
};
const redirect = (location: string): ((res: ServerResponse) => void) => (res) => res.writeHead(302, { location }).end();

/** Only 127.0.0.1 passes, standing in for a public address; everything else is judged as the server judges it. */
const only127001: AddressCheck = (a) => (a === '127.0.0.1' ? undefined : nonPublicAddress(a));

const refused = (pattern: RegExp) => (err: unknown): boolean =>
  err instanceof MizanError && err.code === 'MIZAN_E_PRIVATE_ADDRESS' && pattern.test(err.message);

describe('non-public addresses', () => {
  let outer: CountingServer;
  let inner: CountingServer;
  let texts: string[];
  before(async () => {
    const en = corpusSentences().en;
    texts = [en.slice(0, 5).join('\n'), en.slice(5, 10).join('\n'), en.slice(10, 15).join('\n')];
    inner = await countingServer('127.0.0.2', { '/secret': html(texts[2] as string), '/page.html': html(texts[1] as string) });
    outer = await countingServer('127.0.0.1', {
      '/page.html': html(texts[0] as string),
      '/to-inner': redirect(`${inner.url}/secret`),
      '/to-page': redirect('/page.html'),
      '/feed.rss': (res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Full</title><link>${outer.url}/full</link><description>${(texts[0] as string).replace(/\n/gu, ' ')}</description></item>
<item><title>Stub</title><link>${inner.url}/page.html</link><description>Read more…</description></item>
</channel></rss>`);
      },
    });
  });
  after(async () => {
    await outer.close();
    await inner.close();
  });

  describe('fetching with an address check (the server\'s fetch path)', () => {
    it('refuses an IP address in the URL in any spelling, before connecting', async () => {
      const before = outer.total();
      const port = new URL(outer.url).port;
      for (const [url, why] of [
        [`${outer.url}/page.html`, /^http:\/\/127\.0\.0\.1:\d+\/page\.html: 127\.0\.0\.1 is a loopback address \(this machine\); this server fetches public addresses only \(start it with --allow-private to allow others\)$/u],
        [`http://2130706433:${port}/page.html`, /127\.0\.0\.1 is a loopback address/u],
        [`http://0x7f.1:${port}/page.html`, /127\.0\.0\.1 is a loopback address/u],
        [`http://[::ffff:127.0.0.1]:${port}/page.html`, /::ffff:7f00:1 is a loopback address/u],
        [`http://0.0.0.0:${port}/page.html`, /0\.0\.0\.0 is the unspecified address/u],
      ] as const) await assert.rejects(fetchText(url, { addressCheck: nonPublicAddress }), refused(why), url);
      assert.equal(outer.total(), before, 'a request reached the server');
    });

    it('resolves a name and refuses it by the address it resolves to', async () => {
      const before = outer.total();
      const url = `http://localhost:${new URL(outer.url).port}/page.html`;
      await assert.rejects(fetchText(url, { addressCheck: nonPublicAddress }), refused(/: localhost \((127\.0\.0\.1|::1)\) is a loopback address/u));
      assert.equal(outer.total(), before, 'a request reached the server');
    });

    it('checks every redirect: one to an address the check refuses is not followed', async () => {
      await assert.rejects(fetchText(`${outer.url}/to-inner`, { addressCheck: only127001 }), (err: unknown) => err instanceof MizanError
        && err.code === 'MIZAN_E_PRIVATE_ADDRESS' && err.place === `${outer.url}/to-inner`
        && err.message === `${outer.url}/to-inner: redirected to ${inner.url}/secret, which was not fetched: 127.0.0.2 is a loopback address (this machine); this server fetches public addresses only (start it with --allow-private to allow others)`);
      assert.equal(inner.total(), 0, 'the redirect reached 127.0.0.2');
      const page = await fetchText(`${outer.url}/to-page`, { addressCheck: only127001 });
      assert.equal(page.url, `${outer.url}/page.html`);
    });

    it('fetches any address without a check, as the local CLI does', async () => {
      const before = outer.hits.get('/page.html') ?? 0;
      assert.match((await fetchText(`${outer.url}/page.html`)).text, /<article>/u);
      assert.equal(outer.hits.get('/page.html'), before + 1);
    });
  });

  describe('the write routes of the API', () => {
    let fixture: TestStore;
    let pipeline: Promise<Pipeline>;
    const apps: FastifyInstance[] = [];
    const app = async (options: { allowPrivate?: boolean; addressCheck?: AddressCheck } = {}): Promise<FastifyInstance> => {
      const a = await buildApp({
        store: fixture.store, webRoot: false, token: TOKEN, writeLimits: { max: 1000 }, allowPrivate: options.allowPrivate,
        ingest: { pipeline: () => pipeline, fetch: { addressCheck: options.addressCheck } },
      });
      apps.push(a);
      return a;
    };
    const articles = (): number => (fixture.store.db.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n;
    const postUrls = (a: FastifyInstance, urls: string[]) => a.inject({ method: 'POST', url: '/api/ingest/urls', headers: auth, payload: { urls } });
    before(async () => {
      fixture = await corpusStore({ empty: true });
      pipeline = createPipeline();
    });
    after(async () => {
      for (const a of apps) await a.close();
      await fixture.cleanup();
    });

    it('refuse a submitted URL on a loopback address with a 403 naming it, fetching nothing', async () => {
      const before = outer.total();
      const r = await postUrls(await app(), [`${outer.url}/feed.rss`]);
      assert.equal(r.statusCode, 403, r.body);
      assert.deepEqual(r.json(), { error: {
        code: 'MIZAN_E_PRIVATE_ADDRESS',
        message: `body field "urls.0": ${outer.url}/feed.rss: 127.0.0.1 is a loopback address (this machine); this server fetches public addresses only (start it with --allow-private to allow others)`,
      } });
      assert.equal(outer.total(), before);
      assert.equal(articles(), 0);
    });

    it('refuse a name that resolves to a loopback address', async () => {
      const before = outer.total();
      const r = await postUrls(await app(), [`http://localhost:${new URL(outer.url).port}/feed.rss`]);
      assert.equal(r.statusCode, 403, r.body);
      assert.match(r.json<{ error: { message: string } }>().error.message, /^body field "urls\.0": http:\/\/localhost:\d+\/feed\.rss: localhost \((127\.0\.0\.1|::1)\) is a loopback address/u);
      assert.equal(outer.total(), before);
    });

    it('refuse a whole request when any of its URLs is on a non-public address, fetching none of them', async () => {
      const before = outer.total() + inner.total();
      const r = await postUrls(await app({ addressCheck: only127001 }), [`${outer.url}/feed.rss`, `${inner.url}/page.html`]);
      assert.equal(r.statusCode, 403, r.body);
      assert.match(r.json<{ error: { message: string } }>().error.message, /^body field "urls\.1": http:\/\/127\.0\.0\.2:\d+\/page\.html: 127\.0\.0\.2 is a loopback address/u);
      assert.equal(outer.total() + inner.total(), before);
      assert.equal(articles(), 0);
    });

    it('refuse a redirect to a non-public address at that hop, and the page of a feed item on one', async () => {
      const a = await app({ addressCheck: only127001 });
      const hop = await postUrls(a, [`${outer.url}/to-inner`]);
      assert.equal(hop.statusCode, 200, hop.body);
      const hopResult = hop.json<{ articles: { added: number; skipped: number }; problems: Array<{ place: string; reason: string; code?: string }> }>();
      assert.deepEqual(hopResult.articles.skipped, 1);
      assert.deepEqual(hopResult.problems, [{
        place: `${outer.url}/to-inner`,
        reason: `${outer.url}/to-inner: redirected to ${inner.url}/secret, which was not fetched: 127.0.0.2 is a loopback address (this machine); this server fetches public addresses only (start it with --allow-private to allow others)`,
        code: 'MIZAN_E_PRIVATE_ADDRESS',
      }]);
      const feed = await postUrls(a, [`${outer.url}/feed.rss`]);
      assert.equal(feed.statusCode, 200, feed.body);
      const feedResult = feed.json<typeof hopResult>();
      assert.equal(feedResult.articles.added, 1, 'the full item');
      assert.equal(feedResult.problems.length, 1);
      const [problem] = feedResult.problems;
      assert.equal(problem?.code, 'MIZAN_E_PRIVATE_ADDRESS');
      assert.equal(problem?.place, `${outer.url}/feed.rss item 2 (${inner.url}/page.html)`);
      assert.match(problem?.reason ?? '', /^the item is a stub \(\d+ characters\) and its page could not be read: http:\/\/127\.0\.0\.2:\d+\/page\.html: 127\.0\.0\.2 is a loopback address/u);
      assert.equal(inner.total(), 0, 'a request reached 127.0.0.2');
    });

    it('refuse the page of an item in an uploaded feed', async () => {
      const before = inner.total();
      const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Up</title>
<item><title>Stub</title><link>${inner.url}/page.html</link><description>Read more…</description></item></channel></rss>`;
      const form = new FormData();
      form.append('files', new Blob([feed]), 'wire.rss');
      const req = new Request('http://localhost/', { method: 'POST', body: form });
      const r = await (await app()).inject({
        method: 'POST', url: '/api/ingest/files', headers: { ...auth, 'content-type': req.headers.get('content-type') as string },
        payload: Buffer.from(await req.arrayBuffer()),
      });
      assert.equal(r.statusCode, 200, r.body);
      const [problem, ...rest] = r.json<{ problems: Array<{ place: string; reason: string; code?: string }> }>().problems;
      assert.deepEqual(rest, []);
      assert.equal(problem?.place, `wire.rss item 1 (${inner.url}/page.html)`);
      assert.equal(problem?.code, 'MIZAN_E_PRIVATE_ADDRESS');
      assert.match(problem?.reason ?? '', /127\.0\.0\.2 is a loopback address/u);
      assert.equal(inner.total(), before);
    });

    it('fetch them all when the server was started with --allow-private', async () => {
      const before = articles();
      const r = await postUrls(await app({ allowPrivate: true }), [`${outer.url}/feed.rss`, `${outer.url}/to-inner`]);
      assert.equal(r.statusCode, 200, r.body);
      const result = r.json<{ articles: { added: number; duplicate: number }; problems: unknown[] }>();
      assert.deepEqual(result.problems, []);
      assert.equal(result.articles.added, 2, 'the stub item\'s page and the page behind the redirect (the full item is stored already)');
      assert.equal(result.articles.duplicate, 1);
      assert.equal(articles(), before + 2);
      assert.deepEqual([inner.hits.get('/page.html'), inner.hits.get('/secret')], [1, 1]);
    });
  });

  describe('the commands', () => {
    let dir: string;
    const children: ChildProcess[] = [];
    before(() => {
      dir = tempDir('mizan-private-');
    });
    after(() => {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    });

    /** Start `mizan serve` on a free port with the write routes on; resolve with its URL and what it printed. */
    const serve = async (db: string, extra: string[]): Promise<{ url: string; out: string; child: ChildProcess }> => {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'mizan'), 'serve', '--db', join(dir, db), '--port', '0', ...extra], {
        cwd: ROOT, env: { ...process.env, MIZAN_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk;
          const m = /at (http:\/\/127\.0\.0\.1:\d+)\/\n[^]*Ctrl-C/u.exec(out);
          if (m) resolve(m[1] as string);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      return { url, out, child };
    };
    const stop = async (child: ChildProcess): Promise<void> => {
      const done = closed(child);
      child.kill('SIGTERM');
      assert.equal(await done, 0);
    };
    const post = async (base: string, urls: string[]): Promise<{ status: number; body: Record<string, unknown> }> => {
      const res = await fetch(`${base}/api/ingest/urls`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ urls }) });
      return { status: res.status, body: await res.json() as Record<string, unknown> };
    };

    it('mizan serve refuses a loopback URL by default, and fetches it with --allow-private', async () => {
      const closedDoor = await serve('default.db', []);
      assert.match(closedDoor.out, /URLs fetched from public addresses only/u);
      const r = await post(closedDoor.url, [`${outer.url}/page.html`]);
      assert.equal(r.status, 403);
      assert.equal((r.body.error as { code: string }).code, 'MIZAN_E_PRIVATE_ADDRESS');
      await stop(closedDoor.child);

      const open = await serve('open.db', ['--allow-private']);
      assert.match(open.out, /URLs fetched from any address, private ones included \(--allow-private\)/u);
      const ok = await post(open.url, [`${outer.url}/page.html`]);
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal((ok.body.articles as { added: number }).added, 1);
      await stop(open.child);
    });

    it('mizan ingest fetches a loopback URL, its redirects and its items\' pages, as before', async () => {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'mizan'), 'ingest', `${outer.url}/feed.rss`, `${outer.url}/to-inner`, '--db', join(dir, 'cli.db'), '--json'], {
        cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      const out = output(child);
      assert.equal(await closed(child), 0, out.stderr());
      assert.equal((JSON.parse(out.stdout()) as { articles: { added: number } }).articles.added, 3);
    });
  });
});
