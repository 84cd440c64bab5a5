/**
 * RSS 2.0, RSS 1.0 and Atom feeds, parsed by fast-xml-parser with entity expansion off (only the five XML entities
 * and character references are decoded, by hand; a DOCTYPE is taken out before parsing, and items that use
 * the entities it declares are skipped): each item's own text, or its linked page when the item is a stub.
 */
import { XMLParser } from 'fast-xml-parser';
import { firstOf, type RawArticle, type ReadItem } from '../article.js';
import { stripDoctype } from './doctype.js';
import { htmlToText } from './html-text.js';

/**
 * An item whose own text is shorter than this many characters (a teaser of a sentence or two), or ends
 * in an ellipsis, is a stub: its linked page is read instead.
 */
export const STUB_CHARS = 300;
const TRUNCATED = /(…|\.\.\.|\[…\]|\[\.\.\.\])\s*$/u;

/** Fetches a linked page and reads it as an article (or says why it could not). */
export type PageReader = (url: string, origin: string) => Promise<ReadItem>;

type Node = Record<string, unknown>;

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: '#cdata',
  textNodeName: '#text',
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode the five predefined XML entities and numeric character references; leave anything else as written. */
export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/giu, (whole, ref: string) => {
    if (ref[0] !== '#') return XML_ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The text of an element: its character data (decoded) and CDATA sections (as they are). */
function textOf(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return decodeXml(v);
  if (Array.isArray(v)) return v.map(textOf).join('');
  const n = v as Node;
  return [textOf(n['#text']), typeof n['#cdata'] === 'string' ? n['#cdata'] : textOf(n['#cdata'])].join('');
}

function plain(html: string): string {
  return html.includes('<') || html.includes('&') ? htmlToText(html) : html.trim();
}

/** True when a string looks like an RSS or Atom document. */
export function looksLikeFeed(content: string): boolean {
  return /<(rss|feed|rdf:RDF)[\s>]/u.test(content.slice(0, 4096));
}

/** Read a feed: one item per article; stubs are replaced by their linked page through `readPage`. */
export async function readFeed(content: string, origin: string, readPage: PageReader): Promise<ReadItem[]> {
  const prolog = stripDoctype(content);
  if ('problem' in prolog) return [{ problem: { place: origin, reason: `not a readable feed (${prolog.problem})` } }];
  let doc: Node;
  try {
    doc = parser.parse(prolog.xml) as Node;
  } catch (err) {
    return [{ problem: { place: origin, reason: `not a readable feed (${(err as Error).message})` } }];
  }
  const rdf = doc['rdf:RDF'] as Node | undefined;
  const rss = ((doc.rss as Node | undefined)?.channel ?? rdf?.channel) as Node | undefined;
  const atom = doc.feed as Node | undefined;
  if (!rss && !atom) return [{ problem: { place: origin, reason: 'neither an RSS <channel> nor an Atom <feed>' } }];
  const channel = (rss ?? atom) as Node;
  // RSS 1.0 (RDF) puts its items beside the channel, RSS 2.0 inside it.
  const items = ((rss ? (rdf ? rdf.item : channel.item) : channel.entry) ?? []) as Node[];
  const feedTitle = textOf(channel.title);
  const feedLang = firstOf(textOf(channel.language), (channel['@_xml:lang'] as string | undefined));
  const out: ReadItem[] = [];
  for (const [i, raw] of items.entries()) {
    // An empty <item/> parses to '', whose .link is String.prototype.link: read it as an item without children.
    const item: Node = typeof raw === 'object' && raw !== null ? raw : {};
    const a = rss ? rssItem(item) : atomEntry(item);
    const place = `${origin} item ${i + 1}${a.url ? ` (${a.url})` : ''}`;
    a.origin = place;
    const entity = usesDeclared(item, prolog.entities);
    if (entity) {
      out.push({ problem: { place, reason: entity } });
      continue;
    }
    if (!a.lang && feedLang) a.lang = feedLang;
    if (!a.outlet && feedTitle) a.outlet = feedTitle;
    if (a.text.length >= STUB_CHARS && !TRUNCATED.test(a.text)) {
      out.push({ article: a });
      continue;
    }
    if (!a.url || !/^https?:\/\//iu.test(a.url)) {
      out.push(a.text ? { article: a } : { problem: { place, reason: 'the item has no text and no link to read it from' } });
      continue;
    }
    const page = await readPage(a.url, place);
    if ('problem' in page) {
      out.push({ problem: { ...page.problem, place, reason: `the item is a stub (${a.text.length} characters) and its page could not be read: ${page.problem.reason}` } });
      continue;
    }
    const full: RawArticle = { ...page.article, ...definedOf(a), text: page.article.text, origin: place };
    out.push({ article: full });
  }
  return out;
}

/** Why an item that refers to an entity of the feed's DTD is skipped (such entities are never expanded or read). */
function usesDeclared(item: Node, entities: Map<string, string | undefined>): string | undefined {
  if (entities.size === 0) return undefined;
  const raw = JSON.stringify(item);
  for (const m of raw.matchAll(/&([^\s&;<>"]+);/gu)) {
    const name = m[1] as string;
    if (!entities.has(name)) continue;
    const target = entities.get(name);
    return `it uses the entity &${name}; that the feed's DTD declares${target === undefined ? '' : ` (external: "${target}", which was not read)`}; `
      + 'Mizan never expands DTD entities, so the item is skipped';
  }
  return undefined;
}

function definedOf(a: RawArticle): Partial<RawArticle> {
  return Object.fromEntries(Object.entries(a).filter(([k, v]) => k !== 'text' && v !== undefined && v !== '')) as Partial<RawArticle>;
}

function rssItem(item: Node): RawArticle {
  const description = textOf(item.description);
  const encoded = textOf(item['content:encoded']);
  const text = plain(encoded.length > description.length ? encoded : description);
  const links = (item.link as unknown[] | undefined) ?? [];
  const guid = item.guid as Node | string | undefined;
  const guidText = textOf(guid);
  const permalink = typeof guid === 'object' && guid['@_isPermaLink'] !== 'false' && /^https?:/u.test(guidText) ? guidText : undefined;
  const a: RawArticle = { text, origin: '' };
  const fields: Array<[keyof RawArticle, string | undefined]> = [
    ['title', plain(textOf(item.title))], ['url', firstOf(textOf(links[0]), permalink)],
    ['date', firstOf(textOf(item.pubDate), textOf(item['dc:date']))], ['outlet', firstOf(textOf(item.source))],
    ['lang', firstOf(textOf(item['dc:language']))], ['externalId', firstOf(guidText)],
  ];
  for (const [k, v] of fields) if (v) a[k] = v;
  return a;
}

function atomEntry(entry: Node): RawArticle {
  const content = textOf(entry.content);
  const summary = textOf(entry.summary);
  const text = plain(content.length > summary.length ? content : summary);
  const links = ((entry.link as Node[] | undefined) ?? []).filter((l) => typeof l === 'object');
  const link = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? links[0];
  const a: RawArticle = { text, origin: '' };
  const fields: Array<[keyof RawArticle, string | undefined]> = [
    ['title', plain(textOf(entry.title))], ['url', firstOf(link?.['@_href'] as string | undefined)],
    ['date', firstOf(textOf(entry.published), textOf(entry.updated))],
    ['outlet', firstOf(textOf((entry.source as Node | undefined)?.title))],
    ['lang', firstOf(entry['@_xml:lang'] as string | undefined)], ['externalId', firstOf(textOf(entry.id))],
  ];
  for (const [k, v] of fields) if (v) a[k] = v;
  return a;
}
