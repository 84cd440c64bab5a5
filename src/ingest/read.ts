/** Read one input (file or URL) into articles and problems, each with the bytes of input it consumed. */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { MizanError } from '../core/errors.js';
import type { ReadItem } from './article.js';
import { decodeBytes, fetchText, type FetchOptions } from './fetch.js';
import { readJson, readJsonLine } from './readers/batch.js';
import { looksLikeFeed, readFeed, type PageReader } from './readers/feed.js';
import { readHtml } from './readers/html.js';
import { readMarkdown } from './readers/markdown.js';
import { readTxt } from './readers/txt.js';
import type { Format, Input } from './sources.js';

/** A read result (none for a blank line) and how many bytes of a local file it accounts for (for progress). */
export interface Read {
  item?: ReadItem;
  bytes: number;
}

/** A page reader that fetches over HTTP(S) and extracts the article with readability. */
export function httpPageReader(options: FetchOptions = {}): PageReader {
  return async (url, origin) => {
    try {
      const page = await fetchText(url, options);
      const article = readHtml(page.text, origin, page.url);
      return article ? { article } : { problem: { place: origin, reason: `no article text found in ${page.url}` } };
    } catch (err) {
      if (err instanceof MizanError) return { problem: { place: origin, reason: err.message } };
      throw err;
    }
  };
}

/** Read an input: files by their format, URLs by their media type (or by sniffing the body). */
export async function* readInput(input: Input, fetchOptions: FetchOptions = {}): AsyncGenerator<Read> {
  const readPage = httpPageReader(fetchOptions);
  if (input.kind === 'url') {
    let page;
    try {
      page = await fetchText(input.url, fetchOptions);
    } catch (err) {
      if (!(err instanceof MizanError)) throw err;
      yield { item: { problem: { place: input.url, reason: err.message } }, bytes: 0 };
      return;
    }
    for (const item of await readContent(page.text, formatOfPage(page.mediaType, page.text), page.url, readPage, page.url)) yield { item, bytes: 0 };
    return;
  }
  if (input.format === 'jsonl') {
    yield* readJsonLines(input.path);
    return;
  }
  let content: string;
  try {
    content = decodeBytes(readFileSync(input.path)).replace(/^\uFEFF/u, '');
  } catch (err) {
    yield { item: { problem: { place: input.path, reason: `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` } }, bytes: input.bytes };
    return;
  }
  const items = await readContent(content, input.format, input.path, readPage);
  for (const [i, item] of items.entries()) yield { item, bytes: i === items.length - 1 ? input.bytes : 0 };
}

async function readContent(content: string, format: Format, origin: string, readPage: PageReader, url?: string): Promise<ReadItem[]> {
  switch (format) {
    case 'txt': return [{ article: readTxt(content, origin) }];
    case 'md': return [{ article: readMarkdown(content, origin) }];
    case 'html': {
      const article = readHtml(content, origin, url);
      return [article ? { article } : { problem: { place: origin, reason: 'no article text found in the page' } }];
    }
    case 'json': return readJson(content, origin);
    case 'jsonl': return content.split('\n').flatMap((line, i) => readJsonLine(line, `${origin}:${i + 1}`) ?? []);
    case 'feed': return readFeed(content, origin, readPage);
  }
}

function formatOfPage(mediaType: string, body: string): Format {
  if (/(rss|atom)\+xml|\/xml$/u.test(mediaType) || looksLikeFeed(body)) return 'feed';
  if (/ndjson|jsonl|json-seq/u.test(mediaType)) return 'jsonl';
  if (/json/u.test(mediaType)) return 'json';
  if (mediaType === 'text/plain') return 'txt';
  if (mediaType === 'text/markdown') return 'md';
  return 'html';
}

async function* readJsonLines(path: string): AsyncGenerator<Read> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of rl) {
      n++;
      const item = readJsonLine(n === 1 ? line.replace(/^\uFEFF/u, '') : line, `${path}:${n}`);
      const bytes = Buffer.byteLength(line, 'utf8') + 1;
      yield item ? { item, bytes } : { bytes };
    }
  } catch (err) {
    yield { item: { problem: { place: path, reason: `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` } }, bytes: 0 };
  }
}
