/**
 * A user's search query as a PostgreSQL tsquery over the store's search terms, with the meaning the SQLite
 * store gives it (search-terms.ts): every word required, a word ending in `*` a prefix, and "quoted words"
 * near one another. The index interleaves each Arabic word's readings, so nearness is asked of each pair of
 * neighbouring quoted words, within 2n positions either way, not as strict adjacency.
 */
import { normalize } from '../../text/normalize.js';

/** The tsquery text of a query (for `to_tsquery('simple', …)`), or undefined when it has no word. */
export function toTsQuery(query: string): string | undefined {
  const parts: string[] = [];
  for (const m of query.matchAll(/"([^"]*)"?|(\S+)/gu)) {
    const words = [...normalize(m[1] ?? m[2] ?? '').text.matchAll(/([\p{L}\p{N}]+)(\*?)/gu)]
      .map((w) => `'${w[1] as string}'${w[2] === '*' ? ':*' : ''}`);
    if (words.length === 0) continue;
    parts.push(...words);
    if (m[1] === undefined || words.length < 2) continue;
    const reach = 2 * words.length;
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b] = [words[i] as string, words[i + 1] as string];
      const near: string[] = [];
      for (let d = 1; d <= reach; d++) near.push(`${a} <${d}> ${b}`, `${b} <${d}> ${a}`);
      parts.push(`(${near.join(' | ')})`);
    }
  }
  return parts.length === 0 ? undefined : parts.join(' & ');
}
