/** JSON and JSON Lines batches: one article object per line, or an array (or a single object) in a .json file. */
import { firstOf, type RawArticle, type ReadItem } from '../article.js';

const TEXT = ['text', 'body', 'content'];
const DATE = ['date', 'published', 'published_at', 'publishedAt', 'datePublished', 'pubDate'];
const OUTLET = ['outlet', 'source', 'site', 'publisher'];
const URL_KEYS = ['url', 'link'];

function pick(r: Record<string, unknown>, keys: string[]): string | undefined {
  for (const k of keys) {
    const v = r[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (k === 'publisher' || k === 'source') {
      const name = (v as { name?: unknown } | null)?.name;
      if (typeof name === 'string' && name.trim()) return name.trim();
    }
  }
  return undefined;
}

/** Read one parsed JSON value as an article, or say what is wrong with it. */
export function articleFromJson(v: unknown, place: string): ReadItem {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { problem: { place, reason: 'not a JSON object' } };
  const r = v as Record<string, unknown>;
  const text = pick(r, TEXT);
  if (text === undefined) return { problem: { place, reason: `no article text (expected a non-empty string in "${TEXT.join('", "')}")` } };
  const article: RawArticle = { text, origin: place };
  const id = typeof r.id === 'number' ? String(r.id) : firstOf(r.id as string | undefined, r.guid as string | undefined);
  const fields: Array<[keyof RawArticle, string | undefined]> = [
    ['externalId', id], ['title', pick(r, ['title', 'headline'])], ['date', pick(r, DATE)], ['outlet', pick(r, OUTLET)],
    ['url', pick(r, URL_KEYS)], ['lang', pick(r, ['lang', 'language'])],
  ];
  for (const [k, val] of fields) if (val !== undefined) article[k] = val;
  return { article };
}

/** Read one line of a JSON Lines file (blank lines give nothing). */
export function readJsonLine(line: string, place: string): ReadItem | undefined {
  if (!line.trim()) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (err) {
    return { problem: { place, reason: `not valid JSON (${(err as Error).message})` } };
  }
  return articleFromJson(v, place);
}

/** Read a .json file: an array of article objects, an object with an "articles" array, or one article object. */
export function readJson(content: string, origin: string): ReadItem[] {
  let v: unknown;
  try {
    v = JSON.parse(content);
  } catch (err) {
    return [{ problem: { place: origin, reason: `not valid JSON (${(err as Error).message})` } }];
  }
  const list = Array.isArray(v) ? v : Array.isArray((v as { articles?: unknown })?.articles) ? (v as { articles: unknown[] }).articles : undefined;
  if (list === undefined) return [articleFromJson(v, origin)];
  return list.map((item, i) => articleFromJson(item, `${origin} item ${i + 1}`));
}
