import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MizanError } from '../core/errors.js';
import { send, serve, type TestServer } from '../../test/helpers/http.js';
import { fetchText } from './fetch.js';

/** Russian text in windows-1251 (А–я are 0xC0–0xFF). */
function cp1251(s: string): Buffer {
  return Buffer.from([...s].map((ch) => {
    const c = ch.charCodeAt(0);
    return c >= 0x410 && c <= 0x44f ? c - 0x410 + 0xc0 : c;
  }));
}

describe('fetching over HTTP', () => {
  let server: TestServer;
  before(async () => {
    server = await serve({
      '/page': send('<html><body><p>hello</p></body></html>', 'text/html; charset=utf-8'),
      '/moved': (_req, res) => {
        res.writeHead(302, { location: '/page' });
        res.end();
      },
      '/loop': (_req, res) => {
        res.writeHead(301, { location: '/loop' });
        res.end();
      },
      '/slow': () => {},
      '/big': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        for (let i = 0; i < 64; i++) res.write('x'.repeat(32 * 1024));
        res.end();
      },
      '/cp1251': send(Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>'), cp1251('Москва и Дамаск'), Buffer.from('</p></body></html>')]), 'text/html'),
      '/gone': (_req, res) => {
        res.writeHead(410, 'Gone');
        res.end();
      },
    });
  });
  after(() => server.close());

  const fails = (code: string, pattern: RegExp) => (err: unknown) => err instanceof MizanError && err.code === code && pattern.test(err.message);

  it('follows redirects and reports the final URL and media type', async () => {
    const page = await fetchText(`${server.url}/moved`);
    assert.deepEqual([page.url, page.mediaType], [`${server.url}/page`, 'text/html']);
    assert.match(page.text, /hello/u);
  });

  it('stops after a few redirects', async () => {
    await assert.rejects(fetchText(`${server.url}/loop`, { maxRedirects: 3 }), fails('MIZAN_E_FETCH', /more than 3 redirects/u));
  });

  it('gives up on a server that does not answer in time', async () => {
    await assert.rejects(fetchText(`${server.url}/slow`, { timeoutMs: 300 }), fails('MIZAN_E_FETCH', /within 300 ms/u));
  });

  it('refuses bodies over the size cap, even without a Content-Length', async () => {
    await assert.rejects(fetchText(`${server.url}/big`, { maxBytes: 1024 * 1024 }), fails('MIZAN_E_FETCH', /larger than the 1048576-byte limit/u));
  });

  it('decodes the charset a page declares', async () => {
    assert.match((await fetchText(`${server.url}/cp1251`)).text, /Москва и Дамаск/u);
  });

  it('names the URL and the HTTP status of a failure, and refuses other schemes', async () => {
    await assert.rejects(fetchText(`${server.url}/gone`), (err: unknown) => err instanceof MizanError && err.place === `${server.url}/gone` && /HTTP 410 Gone/u.test(err.message));
    await assert.rejects(fetchText('file:///etc/passwd'), fails('MIZAN_E_FETCH', /only http and https/u));
  });
});
