/** Read one input (file or URL) into articles and problems, each with the bytes of input it consumed. */
import { readFileSync } from 'node:fs';
import { MizanError } from '../core/errors.js';
import type { Problem, ReadItem } from './article.js';
import { decodeFile, type Decoded } from './decode.js';
import { fetchText, type FetchOptions } from './fetch.js';
import { formatBytes, MAX_FILE_BYTES } from './limits.js';
import { readLines } from './lines.js';
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
      if (err instanceof MizanError) return { problem: fetchProblem(origin, err) };
      return { problem: { place: origin, reason: `cannot be read (${(err as Error).name}: ${(err as Error).message})` } };
    }
  };
}

/** The problem of a failed fetch: its message, and its code when it is more than a failure to fetch (an address refused). */
function fetchProblem(place: string, err: MizanError): Problem {
  return { place, reason: err.message, ...(err.code === 'MIZAN_E_FETCH' ? {} : { code: err.code }) };
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
      yield { item: { problem: fetchProblem(input.url, err) }, bytes: 0 };
      return;
    }
    for (const item of await readContent(page.text, formatOfPage(page.mediaType, page.text), page.url, readPage, page.url)) yield { item, bytes: 0 };
    return;
  }
  const refuse = (reason: string): Read => ({ item: { problem: { place: input.path, reason } }, bytes: input.bytes });
  if (input.bytes === 0) {
    yield refuse('empty file (0 bytes)');
    return;
  }
  if (input.format === 'jsonl') {
    yield* readJsonLines(input.path, input.bytes);
    return;
  }
  if (input.bytes > MAX_FILE_BYTES) {
    yield refuse(`the file is ${formatBytes(input.bytes)}, over the ${formatBytes(MAX_FILE_BYTES)} limit for a file read whole; `
      + 'split it, or give its articles as JSON Lines (.jsonl), which are read line by line');
    return;
  }
  let decoded: Decoded;
  try {
    decoded = decodeFile(readFileSync(input.path));
  } catch (err) {
    yield refuse(`cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    return;
  }
  if ('problem' in decoded) {
    yield refuse(decoded.problem);
    return;
  }
  const items = await readContent(decoded.text.replace(/^\uFEFF/u, ''), input.format, input.path, readPage);
  for (const [i, item] of items.entries()) {
    if (decoded.note && 'article' in item) item.article.note = decoded.note;
    yield { item, bytes: i === items.length - 1 ? input.bytes : 0 };
  }
}

/** Read content by its format; a reader's failure (a page nested too deep, a stack overflow) is a problem of this input alone. */
async function readContent(content: string, format: Format, origin: string, readPage: PageReader, url?: string): Promise<ReadItem[]> {
  try {
    return await readFormat(content, format, origin, readPage, url);
  } catch (err) {
    if (err instanceof MizanError && err.code !== 'MIZAN_E_INPUT') throw err;
    return [{ problem: { place: origin, reason: err instanceof MizanError ? err.message : `cannot be read (${(err as Error).name}: ${(err as Error).message})` } }];
  }
}

async function readFormat(content: string, format: Format, origin: string, readPage: PageReader, url?: string): Promise<ReadItem[]> {
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

async function* readJsonLines(path: string, size: number): AsyncGenerator<Read> {
  let records = 0;
  try {
    for await (const line of readLines(path)) {
      if (!('n' in line)) {
        yield { item: { problem: { place: path, reason: line.problem } }, bytes: size };
        return;
      }
      const item = line.text === undefined ? { problem: { place: `${path}:${line.n}`, reason: line.problem ?? 'cannot be read' } } : readJsonLine(line.text, `${path}:${line.n}`);
      if (item) records++;
      yield item ? { item, bytes: line.bytes } : { bytes: line.bytes };
    }
  } catch (err) {
    yield { item: { problem: { place: path, reason: `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` } }, bytes: 0 };
    return;
  }
  if (records === 0) yield { item: { problem: { place: path, reason: 'no records: every line is blank' } }, bytes: 0 };
}
