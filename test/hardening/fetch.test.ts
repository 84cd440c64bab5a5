/**
 * Fetching hostile servers: a gzip bomb, a redirect to a file: URL, a body that trickles past the time
 * limit, and a page in UTF-16 with a byte order mark.
 */
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { MizanError } from '../../src/core/errors.js';
import { fetchText } from '../../src/ingest/fetch.js';
import { serve, type TestServer } from '../helpers/http.js';

const fails = (pattern: RegExp) => (err: unknown): boolean => err instanceof MizanError && err.code === 'MIZAN_E_FETCH' && pattern.test(err.message);

describe('fetching from a hostile server', () => {
  let server: TestServer;
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
  before(async () => {
    server = await serve({
      '/bomb': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
        res.end(bomb);
      },
      '/to-file': (_req, res) => {
        res.writeHead(302, { location: 'file:///etc/passwd' });
        res.end();
      },
      '/trickle': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const timer = setInterval(() => res.write('<p>'), 50);
        res.on('close', () => clearInterval(timer));
      },
      '/utf16': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Сирия и Турция', 'utf16le')]));
      },
    });
  });
  after(() => server.close());

  it('counts the bytes of a compressed body after inflating them, and stops at the cap', async () => {
    assert.ok(bomb.length < 1024 * 1024, `the bomb is ${bomb.length} bytes on the wire`);
    await assert.rejects(fetchText(`${server.url}/bomb`, { maxBytes: 1024 * 1024 }), fails(/larger than the 1048576-byte limit/u));
  });

  it('does not follow a redirect to a file: URL', async () => {
    await assert.rejects(fetchText(`${server.url}/to-file`), fails(/only http and https URLs can be fetched/u));
  });

  it('gives up on a body that trickles in past the time limit', async () => {
    await assert.rejects(fetchText(`${server.url}/trickle`, { timeoutMs: 400 }), fails(/no complete answer within 400 ms/u));
  });

  it('reads a page by its byte order mark', async () => {
    assert.equal((await fetchText(`${server.url}/utf16`)).text, 'Сирия и Турция');
  });
});
