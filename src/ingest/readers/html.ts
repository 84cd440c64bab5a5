/** HTML pages: the article text by @mozilla/readability on linkedom, and its metadata from meta tags and JSON-LD. */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { firstOf, type RawArticle } from '../article.js';
import { MizanError } from '../../core/errors.js';
import { MAX_HTML_DEPTH } from '../limits.js';
import { htmlToText, nodeDepth, nodeText, tagDepth, type NodeLike } from './html-text.js';

/** Elements that are advertising, whatever the page's layout: removed before extraction. */
const ADS = '.ad, .ads, .advert, .advertisement, .sponsored, ins.adsbygoogle, [data-ad-slot], [data-slot^="in-article"], [id^="ad-"], [class^="ad-"]';

/** Extracted text shorter than this is navigation or a stub, not an article. */
const MIN_TEXT = 40;

type Doc = ReturnType<typeof parseHTML>['document'];

function tooDeep(depth: number): MizanError {
  return new MizanError('MIZAN_E_INPUT', `the page nests elements ${depth} deep, past the limit of ${MAX_HTML_DEPTH}; it is not read`);
}

function meta(doc: Doc, ...names: string[]): string | undefined {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content');
    if (v?.trim()) return v.trim();
  }
  return undefined;
}

/** The NewsArticle (or Article) object of the page's JSON-LD, if any. */
function jsonLd(doc: Doc): Record<string, unknown> | undefined {
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let v: unknown;
    try {
      v = JSON.parse(s.textContent ?? '');
    } catch {
      continue;
    }
    const graph = Array.isArray(v) ? v : (v as { '@graph'?: unknown[] })['@graph'] ?? [v];
    for (const item of graph as Array<Record<string, unknown>>) {
      const t = item?.['@type'];
      const types = Array.isArray(t) ? t : [t];
      if (types.some((x) => typeof x === 'string' && /Article|Posting|Report/u.test(x))) return item;
    }
  }
  return undefined;
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return nameOf(v[0]);
  if (v && typeof v === 'object') return nameOf((v as { name?: unknown }).name);
  return undefined;
}

/** Elements of a page's head, left where they are when stray content is gathered into the body. */
const HEAD_ELEMENTS = new Set(['HEAD', 'TITLE', 'META', 'LINK', 'STYLE', 'SCRIPT', 'BASE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Move what linkedom leaves beside <body> (text or elements after </head> or after </body>) into the body,
 * in order, as an HTML5 parser does; readability reads only the body.
 */
function gatherIntoBody(document: Doc): void {
  const root = document.documentElement;
  if (!root) return;
  const children = [...root.childNodes];
  let at = children.findIndex((n) => n.nodeName.toUpperCase() === 'BODY');
  const body = at >= 0 ? children[at] as (typeof children)[number] : root.appendChild(document.createElement('body'));
  if (at < 0) at = children.length;
  const first = body.firstChild;
  for (const node of children.slice(0, at)) {
    if (HEAD_ELEMENTS.has(node.nodeName.toUpperCase())) continue;
    if (first) body.insertBefore(node, first);
    else body.appendChild(node);
  }
  for (const node of children.slice(at + 1)) body.appendChild(node);
}

/**
 * Read an HTML page: main text by readability (ads removed first), title from og:title, JSON-LD or
 * <title>, published date from article:published_time, date meta tags, JSON-LD or <time>, outlet from
 * og:site_name, JSON-LD publisher or author, URL from canonical or og:url, language from <html lang>.
 * Returns undefined when no article text (at least 40 characters) can be found; throws MIZAN_E_INPUT
 * when elements nest deeper than {@link MAX_HTML_DEPTH}.
 */
export function readHtml(html: string, origin: string, pageUrl?: string): RawArticle | undefined {
  // Deep nesting is refused before the parser (quadratic in the depth) and readability (cubic) see it.
  const estimated = tagDepth(html);
  if (estimated > MAX_HTML_DEPTH) throw tooDeep(estimated);
  let { document } = parseHTML(html);
  // A fragment ("<table>…", plain text, a lone comment) gets no <html> root from linkedom, and readability
  // fails on it: read it as the body of a page.
  if (document.documentElement?.nodeName.toUpperCase() !== 'HTML') ({ document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`));
  const depth = nodeDepth(document as unknown as NodeLike);
  if (depth > MAX_HTML_DEPTH) throw tooDeep(depth);
  gatherIntoBody(document);
  const ld = jsonLd(document);
  const article: RawArticle = { text: '', origin };
  const title = firstOf(meta(document, 'og:title', 'twitter:title'), nameOf(ld?.headline), document.querySelector('title')?.textContent);
  const date = firstOf(
    meta(document, 'article:published_time', 'datePublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'DC.date.issued', 'parsely-pub-date'),
    typeof ld?.datePublished === 'string' ? ld.datePublished : undefined,
    document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime'),
  );
  const outlet = firstOf(meta(document, 'og:site_name'), nameOf(ld?.publisher), meta(document, 'author'));
  const url = firstOf(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), meta(document, 'og:url'), pageUrl);
  const lang = firstOf(document.documentElement?.getAttribute('lang'), meta(document, 'og:locale'), typeof ld?.inLanguage === 'string' ? ld.inLanguage : undefined);
  for (const el of document.querySelectorAll(ADS)) el.remove();
  let text = '';
  let readTitle: string | null | undefined;
  try {
    const parsed = new Readability(document).parse();
    if (parsed?.content) text = htmlToText(parsed.content);
    readTitle = parsed?.title;
  } catch {
    // Markup broken past what readability handles (text placed outside <body>): the page's whole text is the best reading.
    text = nodeText(document.documentElement as unknown as NodeLike);
  }
  if (text.length < MIN_TEXT) return undefined;
  article.text = text;
  const finalTitle = firstOf(title, readTitle ?? undefined);
  if (finalTitle) article.title = finalTitle;
  if (date) article.date = date;
  if (outlet) article.outlet = outlet;
  if (url) article.url = url;
  if (lang) article.lang = lang;
  return article;
}
