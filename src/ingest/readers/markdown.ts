/** Markdown articles: YAML front matter (the simple `key: value` subset), then the body with its markup removed. */
import { firstOf, tidyText, type RawArticle } from '../article.js';

const FIELDS: Record<string, keyof RawArticle> = {
  title: 'title', date: 'date', published: 'date', outlet: 'outlet', source: 'outlet', publisher: 'outlet',
  url: 'url', link: 'url', canonical_url: 'url', lang: 'lang', language: 'lang', id: 'externalId',
};

/** Parse a front matter block's `key: value` lines (quoted or bare scalars; nested values are ignored). */
export function parseFrontMatter(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.split('\n')) {
    const m = /^([A-Za-z_][\w-]*):[ \t]*(.*?)[ \t]*$/u.exec(line);
    if (!m || !m[2]) continue;
    let v = m[2] as string;
    if (/^"(?:[^"\\]|\\.)*"$/u.test(v)) {
      try {
        v = JSON.parse(v) as string;
      } catch {
        v = v.slice(1, -1);
      }
    } else if (/^'(?:[^']|'')*'$/u.test(v)) {
      v = v.slice(1, -1).replace(/''/gu, "'");
    } else {
      v = v.replace(/\s+#.*$/u, '');
    }
    out[(m[1] as string).toLowerCase()] = v;
  }
  return out;
}

/** Markdown to plain text: headings, lists and quotes become paragraphs; links keep their words; images, code fences and HTML tags go. */
export function markdownToText(md: string): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) paragraphs.push(current.join(' '));
    current = [];
  };
  let fenced = false;
  for (const raw of md.split('\n')) {
    if (/^\s*(```|~~~)/u.test(raw)) {
      fenced = !fenced;
      flush();
      continue;
    }
    if (fenced) continue;
    const line = raw.trim();
    if (line === '' || /^([-*_])(\s*\1){2,}$/u.test(line)) {
      flush();
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/u.exec(line);
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/u.exec(line);
    if (heading || item) {
      flush();
      current.push(inline(heading ? headingText(heading[1] as string) : (item as RegExpExecArray)[1] as string));
      flush();
      continue;
    }
    current.push(inline(line.replace(/^>\s?/u, '')));
  }
  flush();
  return tidyText(paragraphs.filter((p) => p.trim()).join('\n\n'));
}

/**
 * A heading's text without its closing #s and the spaces around them, trimmed by hand: the regular
 * expression that did this backtracked over long runs of spaces (minutes for a 10,000-space line).
 */
function headingText(s: string): string {
  let end = s.length;
  const back = (): void => {
    while (end > 0 && /\s/u.test(s[end - 1] as string)) end--;
  };
  back();
  while (end > 0 && s[end - 1] === '#') end--;
  back();
  return s.slice(0, end).trimStart();
}

/**
 * Inline markup to its words. No pattern scans past the next opening mark of its own kind, so a line full
 * of unclosed marks ("[a[a[a…", " *a *a…") costs linear, not quadratic, time.
 */
function inline(s: string): string {
  return s
    .replace(/!\[[^[\]]*\]\([^()]*\)/gu, '')
    .replace(/\[([^[\]]*)\]\([^()]*\)/gu, '$1')
    .replace(/<[^<>]+>/gu, '')
    .replace(/(\*\*|__)(.+?)\1/gu, '$2')
    .replace(/(^|[^\p{L}\p{N}*_])\*(?=\S)([^*]+?)(?<=\S)\*(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}*_])_(?=\S)([^_]+?)(?<=\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/`([^`]*)`/gu, '$1')
    .trim();
}

/** Read a Markdown file: front matter fields, then the body; a first `# heading` is the headline, not body text. */
export function readMarkdown(content: string, origin: string): RawArticle {
  let body = content.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const article: RawArticle = { text: '', origin };
  const fm = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/u.exec(body);
  if (fm) {
    for (const [k, v] of Object.entries(parseFrontMatter(fm[1] as string))) {
      const field = FIELDS[k];
      if (field && field !== 'text' && field !== 'origin') article[field] = v;
    }
    body = body.slice(fm[0].length);
  }
  const headline = /^\s*#\s+([^\n]*)(?:\n|$)/u.exec(body);
  if (headline && headingText(headline[1] as string)) {
    const title = firstOf(article.title, inline(headingText(headline[1] as string)));
    if (title) article.title = title;
    body = body.slice(headline[0].length);
  }
  article.text = markdownToText(body);
  return article;
}
