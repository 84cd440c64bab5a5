/** What readers produce: raw articles with whatever metadata the input carries, or problems with their place. */
import type { ErrorCode } from '../core/errors.js';
import type { Lang } from '../core/types.js';

/** An article as read, before coding. */
export interface RawArticle {
  text: string;
  title?: string;
  /** The publication date or time as written (ISO 8601, RFC 822, ...). */
  date?: string;
  outlet?: string;
  url?: string;
  /** The language as the input declares it (`ar`, `ar-SY`, `Russian`...). */
  lang?: string;
  externalId?: string;
  /** Where it was read: file, file:line, "feed.rss item 3", URL. */
  origin: string;
  /** What the reader had to guess to read it (an encoding without a byte order mark). */
  note?: string;
}

/** An input that could not be read, and why. */
export interface Problem {
  place: string;
  reason: string;
  /** The catalogued code, where the problem is one (a fetch refused for its address: MIZAN_E_PRIVATE_ADDRESS). */
  code?: ErrorCode;
}

/** One result of reading: an article or a problem. */
export type ReadItem = { article: RawArticle } | { problem: Problem };

const LANG_NAMES: Record<string, Lang> = {
  ar: 'ar', ara: 'ar', arabic: 'ar', 'العربية': 'ar',
  en: 'en', eng: 'en', english: 'en',
  ru: 'ru', rus: 'ru', russian: 'ru', 'русский': 'ru',
};

/** A declared language as one Mizan codes ('ar-SY' → 'ar'), or undefined for any other or none. */
export function declaredLang(s: string | undefined): Lang | undefined {
  if (!s) return undefined;
  const base = s.trim().toLowerCase().split(/[-_]/u)[0] ?? '';
  return LANG_NAMES[base];
}

/** Text with its line ends unified, trailing spaces cut and runs of blank lines folded to one (in linear time). */
export function tidyText(s: string): string {
  return s.replace(/\r\n?/gu, '\n').split('\n').map(trimLineEnd).join('\n').replace(/\n{3,}/gu, '\n\n').trim();
}

/** A line without its trailing spaces and tabs (a regular expression would backtrack over long runs of them). */
function trimLineEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** The first non-empty string among the arguments, trimmed. */
export function firstOf(...values: Array<string | null | undefined>): string | undefined {
  for (const v of values) if (typeof v === 'string' && v.trim()) return v.trim();
  return undefined;
}
