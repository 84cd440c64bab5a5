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
    const heading = /^#{1,6}\s+(.*?)\s*#*$/u.exec(line);
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/u.exec(line);
    if (heading || item) {
      flush();
      current.push(inline(((heading ?? item) as RegExpExecArray)[1] as string));
      flush();
      continue;
    }
    current.push(inline(line.replace(/^>\s?/u, '')));
  }
  flush();
  return tidyText(paragraphs.filter((p) => p.trim()).join('\n\n'));
}

function inline(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/gu, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/<[^>]+>/gu, '')
    .replace(/(\*\*|__)(.+?)\1/gu, '$2')
    .replace(/(^|[^\p{L}\p{N}*_])([*_])(?=\S)(.+?)(?<=\S)\2(?![\p{L}\p{N}])/gu, '$1$3')
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
  const headline = /^\s*#\s+(.+?)\s*#*\s*(?:\n|$)/u.exec(body);
  if (headline) {
    const title = firstOf(article.title, inline(headline[1] as string));
    if (title) article.title = title;
    body = body.slice(headline[0].length);
  }
  article.text = markdownToText(body);
  return article;
}
