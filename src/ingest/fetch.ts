/**
 * Fetching pages and feeds over HTTP(S): a time limit, a size cap, a few redirects, the declared charset,
 * and, for the HTTP API, only public addresses (checked where each connection is made, redirects included).
 */
import { isIP } from 'node:net';
import { Agent, buildConnector, fetch, type Dispatcher } from 'undici';
import { MizanError } from '../core/errors.js';
import { addressRefused, checkedLookup, type AddressCheck } from './address.js';
import { byteOrderMark } from './decode.js';

/** Options of {@link fetchText}; all optional. */
export interface FetchOptions {
  /** Milliseconds for the whole request, body included (default 15000). */
  timeoutMs?: number;
  /** Largest body accepted, in bytes (default 5 MiB). */
  maxBytes?: number;
  /** Redirects followed at most (default 5). */
  maxRedirects?: number;
  /**
   * Which addresses may be connected to (default: any). The server passes `nonPublicAddress` unless started
   * with --allow-private; every connection, of the URL and of each redirect, is checked after DNS resolution.
   */
  addressCheck?: AddressCheck | undefined;
}

/** A fetched document. */
export interface Fetched {
  /** The URL after redirects. */
  url: string;
  /** The media type, lower case, without parameters ('' when not given). */
  mediaType: string;
  text: string;
}

const USER_AGENT = 'Mizan/0.1 (news event coder)';

/** One connection pool per address check, so that its connections are reused across fetches. */
const dispatchers = new WeakMap<AddressCheck, Dispatcher>();

/**
 * A dispatcher whose every connection goes through `check`: an IP address in the URL is checked as it is,
 * a name is resolved by {@link checkedLookup} and the connection made to the address it checked.
 */
function checkingDispatcher(check: AddressCheck): Dispatcher {
  let agent = dispatchers.get(check);
  if (!agent) {
    const connect = buildConnector({ lookup: checkedLookup(check) });
    agent = new Agent({
      connect: (opts, callback) => {
        const host = opts.hostname.replace(/^\[(.*)\]$/u, '$1');
        const why = isIP(host) ? check(host) : undefined;
        if (why) callback(addressRefused(host, host, why), null);
        else connect(opts, callback);
      },
    });
    dispatchers.set(check, agent);
  }
  return agent;
}

/** Fetch a URL as text; throws MIZAN_E_FETCH naming the URL on any failure, MIZAN_E_PRIVATE_ADDRESS when the check refuses an address. */
export async function fetchText(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  const dispatcher = options.addressCheck ? checkingDispatcher(options.addressCheck) : undefined;
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const u = new URL(current);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new MizanError('MIZAN_E_FETCH', `only http and https URLs can be fetched`, current);
      const res = await fetch(u, { redirect: 'manual', signal, ...(dispatcher ? { dispatcher } : {}), headers: { 'user-agent': USER_AGENT, accept: 'text/html, application/rss+xml, application/atom+xml, application/xml, application/json, text/plain;q=0.9, */*;q=0.5' } });
      if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
        await res.body?.cancel();
        if (hop >= maxRedirects) throw new MizanError('MIZAN_E_FETCH', `more than ${maxRedirects} redirects`, url);
        current = new URL(res.headers.get('location') as string, u).href;
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new MizanError('MIZAN_E_FETCH', `HTTP ${res.status} ${res.statusText}`.trim(), current);
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > maxBytes) {
        await res.body?.cancel();
        throw new MizanError('MIZAN_E_FETCH', `the body (${declared} bytes) is larger than the ${maxBytes}-byte limit`, current);
      }
      const bytes = await readCapped(res, maxBytes, current);
      const type = res.headers.get('content-type') ?? '';
      return { url: current, mediaType: type.split(';')[0]?.trim().toLowerCase() ?? '', text: decodeBytes(bytes, type) };
    }
  } catch (err) {
    if (err instanceof MizanError) throw err;
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.cause instanceof MizanError) {
      // An address the check refused: the request never left this machine.
      throw current === url ? new MizanError(e.cause.code, e.cause.message, url)
        : new MizanError(e.cause.code, `redirected to ${current}, which was not fetched: ${e.cause.message}`, url);
    }
    const why = e.name === 'TimeoutError' || e.name === 'AbortError' ? `no complete answer within ${options.timeoutMs ?? 15_000} ms`
      : e.cause?.code ? `${e.cause.code}${e.cause.message ? ` (${e.cause.message})` : ''}` : e.message;
    throw new MizanError('MIZAN_E_FETCH', `cannot fetch: ${why}`, current);
  }
}

async function readCapped(res: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new MizanError('MIZAN_E_FETCH', `the body is larger than the ${maxBytes}-byte limit`, url);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Decode bytes by their byte order mark, else the charset of a Content-Type, else of an HTML <meta> or XML declaration, else as UTF-8. */
export function decodeBytes(bytes: Uint8Array, contentType = ''): string {
  const bom = byteOrderMark(bytes);
  if (bom && bom.encoding !== 'utf-32') return new TextDecoder(bom.encoding).decode(bytes);
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const label = /charset=["']?([\w-]+)/iu.exec(contentType)?.[1]
    ?? /<meta[^>]+charset=["']?([\w-]+)/iu.exec(head)?.[1]
    ?? /<\?xml[^>]+encoding=["']([\w-]+)/iu.exec(head)?.[1]
    ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
