/** Plain-text articles: an optional header block (Title:, Date:, Outlet:, URL:, Lang:) and a blank line, then the body. */
import { tidyText, type RawArticle } from '../article.js';

const FIELDS: Record<string, keyof RawArticle> = {
  title: 'title', headline: 'title', date: 'date', published: 'date', outlet: 'outlet', source: 'outlet',
  url: 'url', link: 'url', lang: 'lang', language: 'lang', id: 'externalId',
};
const HEADER_LINE = /^([A-Za-z][\w-]*):[ \t]*(.*)$/u;

/** Read a text file: a header block is recognised when its first line is a known field. */
export function readTxt(content: string, origin: string): RawArticle {
  const lines = content.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').split('\n');
  const article: RawArticle = { text: '', origin };
  const first = HEADER_LINE.exec(lines[0] ?? '');
  let bodyStart = 0;
  if (first && FIELDS[(first[1] as string).toLowerCase()]) {
    let i = 0;
    for (; i < lines.length && (lines[i] as string).trim() !== ''; i++) {
      const m = HEADER_LINE.exec(lines[i] as string);
      if (!m) break;
      const field = FIELDS[(m[1] as string).toLowerCase()];
      const value = (m[2] as string).trim();
      if (field && field !== 'text' && field !== 'origin' && value) article[field] = value;
    }
    bodyStart = i;
  }
  article.text = tidyText(lines.slice(bodyStart).join('\n'));
  return article;
}
