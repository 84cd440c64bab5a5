/**
 * Hostile feeds through the real CLI: a DTD with external entities (a local secret file, /etc/passwd, URLs
 * on a server that counts its requests), a billion laughs, an unclosed DOCTYPE, markup nested 50,000 deep
 * in an item, and a stub whose page is nested as deep. Nothing is read, fetched or expanded; each item
 * that needs an entity is named and skipped; the rest is stored.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { ROOT } from '../cli/helpers.js';
import { serve, type TestServer } from '../helpers/http.js';
import { tempDir } from '../helpers/stores.js';
import type { BoundedRun } from './helpers.js';

const FIXTURES = join(ROOT, 'test/fixtures/hardening');
const SECRET = 'MIZAN-SECRET-7f3a9c';
const DEEP = `${'<div>'.repeat(50_000)}Saudi Arabia and Iran agreed to reopen their embassies, officials in Riyadh said on Monday.${'</div>'.repeat(50_000)}`;

/** Run `mizan ingest` without blocking this process, so the test server can answer (or, here, count). */
async function ingestAsync(args: string[]): Promise<BoundedRun> {
  const { spawn } = await import('node:child_process');
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/mizan'), 'ingest', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, ms: performance.now() - started, peakMiB: undefined });
    });
  });
}

describe('hostile feeds', () => {
  let dir: string;
  let server: TestServer;
  const requests: string[] = [];
  let run: BoundedRun;
  let texts: Array<{ origin: string; title: string | null; text: string }>;
  before(async () => {
    dir = tempDir('mizan-feeds-');
    const feeds = join(dir, 'feeds');
    mkdirSync(feeds);
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, `${SECRET}\n`);
    const deepPage = `<html><body>${DEEP}</body></html>`;
    server = await serve(Object.fromEntries(['/evil.dtd', '/remote', '/rss-0.91.dtd', '/deep.html'].map((path) => [path, (req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': path.endsWith('.html') ? 'text/html' : 'application/xml-dtd' });
      res.end(path.endsWith('.html') ? deepPage : `<!ENTITY leak "${SECRET}">`);
    }])));
    const write = (name: string, content: string): void => writeFileSync(join(feeds, name), content);
    write('xxe.atom', readFileSync(join(FIXTURES, 'xxe.atom'), 'utf8').replace('SECRET_URL', `file://${secret}`)
      .replace('REMOTE_URL', `${server.url}/remote`).replace('PARAMETER_URL', `${server.url}/evil.dtd`));
    write('billion-laughs.rss', readFileSync(join(FIXTURES, 'billion-laughs.rss'), 'utf8'));
    write('rss091.rss', readFileSync(join(FIXTURES, 'rss091.rss'), 'utf8').replace('DTD_URL', `${server.url}/rss-0.91.dtd`));
    write('unclosed.rss', '<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY a "b">\n<rss><channel><title>x</title></channel></rss>\n');
    write('deep.rss', `<rss version="2.0"><channel><title>Deep Wire</title><language>en</language>
<item><title>Deep</title><description><![CDATA[${DEEP}]]></description></item>
<item><title>Stub</title><link>${server.url}/deep.html</link><description>Read more…</description></item>
</channel></rss>`);
    const db = join(dir, 'feeds.db');
    run = await ingestAsync([feeds, '--db', db]);
    const conn = new BetterSqlite3(db, { readonly: true });
    texts = (conn.prepare('SELECT origin, title, text FROM article').all() as typeof texts).map((t) => ({ ...t, origin: t.origin.slice(feeds.length + 1) }));
    conn.close();
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes and exits 1 for what it skipped', () => {
    assert.equal(run.signal, null, `killed after ${run.ms} ms`);
    assert.equal(run.status, 1, run.stderr);
  });

  it('never reads a file or URL an entity names, nor the DTD itself', () => {
    assert.deepEqual(requests.filter((r) => r !== '/deep.html'), []);
    for (const t of texts) {
      assert.doesNotMatch(`${t.title} ${t.text}`, new RegExp(`${SECRET}|root:|/bin/(ba)?sh`, 'u'), t.origin);
    }
  });

  it('names each item that uses a DTD entity, with the file or URL it was not read from, and skips it', () => {
    assert.match(run.stderr, /skipped \S+\/xxe\.atom item 1: it uses the entity &passwd; that the feed's DTD declares \(external: "file:\/\/\/etc\/passwd", which was not read\); Mizan never expands DTD entities, so the item is skipped/u);
    assert.match(run.stderr, /skipped \S+\/xxe\.atom item 2: it uses the entity &secret; that the feed's DTD declares \(external: "file:\/\/\S+\/secret\.txt", which was not read\)/u);
    assert.match(run.stderr, /skipped \S+\/xxe\.atom item 3: it uses the entity &remote; that the feed's DTD declares \(external: "http:\/\/127\.0\.0\.1:\d+\/remote", which was not read\)/u);
    assert.deepEqual(texts.filter((t) => t.origin.startsWith('xxe.atom')).map((t) => t.origin), ['xxe.atom item 4']);
  });

  it('does not expand a billion laughs: the item that uses them is skipped, the other stored', () => {
    assert.match(run.stderr, /skipped \S+\/billion-laughs\.rss item 1: it uses the entity &lol9; that the feed's DTD declares; Mizan never expands DTD entities/u);
    const laughs = texts.filter((t) => t.origin.startsWith('billion-laughs.rss'));
    assert.deepEqual(laughs.map((t) => t.origin), ['billion-laughs.rss item 2']);
    assert.ok(texts.every((t) => !t.text.includes('lol')));
  });

  it('reads an RSS 0.91 feed with its public DOCTYPE as usual, HTML entities decoded', () => {
    const old = texts.find((t) => t.origin.startsWith('rss091.rss item 1'));
    assert.equal(old?.title, 'Café diplomacy');
    assert.match(old?.text ?? '', /at a café near the ministry/u);
  });

  it('names a DOCTYPE that never closes', () => {
    assert.match(run.stderr, /skipped \S+\/unclosed\.rss: not a readable feed \(its DOCTYPE declaration never closes\)/u);
  });

  it('keeps the text of an item whose markup nests 50,000 deep, and skips a stub whose page does', () => {
    const deep = texts.find((t) => t.origin === 'deep.rss item 1');
    assert.match(deep?.text ?? '', /^Saudi Arabia and Iran agreed to reopen their embassies/u);
    assert.match(run.stderr, /skipped \S+\/deep\.rss item 2 \(http:\/\/127\.0\.0\.1:\d+\/deep\.html\): the item is a stub \(\d+ characters\) and its page could not be read: the page nests elements 50000 deep, past the limit of 200/u);
  });
});
