/**
 * fast-check arbitraries for the fuzz tests: news-like text in three scripts salted with what breaks naive
 * code (diacritics, emoji, bidi and zero-width marks, control characters, unpaired surrogates), XML-ish and
 * HTML-ish strings built from the pieces of feeds and pages, and the checks every span must pass.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';

const ARABIC = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى'];
const CYRILLIC = [...'абвгдеёжзийклмнопрстуфхцчшщыьэюяАБВЁЖМС'];
const LATIN = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const MARKS = ['\u064B', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0670', '\u0640', '\u0301', '\u0308', '\uFE0F'];
const PUNCT = [...'.!?؟…،؛,;:"\'«»“”()[]-–—/&%#*_<>', '...', '. ', '.\n'];
const SPACE = [' ', ' ', ' ', '\n', '\n\n', '\t', '\u00A0', '\u2029', '\r\n', '\u3000'];
const DIGITS = [...'0123456789٠١٢٣٤٥٦٧٨٩'];
const ODD = ['😀', '🇸🇾', '👍🏽', '\u200D', '\u200B', '\u200E', '\u202E', '\uFEFF', '\u00AD', '\uD800', '\uDC00', '\u0000', '\u001B', '\u0085', '\uFFFD', 'ﻻ', 'ﷺ', 'ﬁ', 'Ⅻ', '中'];
const WORDS = [
  'Syria', 'Russia', 'Turkey', 'Iran', 'Israel', 'United States', 'the US', 'Moscow', 'Damascus', 'Ankara', 'UN', 'NATO', 'Hezbollah',
  'foreign minister', 'president', 'army', 'said', 'signed', 'attacked', 'condemned', 'met', 'agreed', 'will', 'not', 'may', 'must',
  'yesterday', 'on Monday', 'last week', 'in 2015', '12 September 2026', 'the two sides', 'his country', 'U.S.', 'Dr.', 'e.g.',
  'سوريا', 'روسيا', 'تركيا', 'دمشق', 'وموسكو', 'الرئيس', 'وزير الخارجية', 'وقع', 'هاجم', 'أدان', 'بحث', 'اتفاقية', 'أمس الاثنين', 'لم',
  'Россия', 'Сирия', 'Турция', 'Москва', 'министр', 'президент', 'подписал', 'заявил', 'осудил', 'вчера', 'не', 'в среду',
];

/** One piece of news-like text: a letter, a space, punctuation, a mark, a digit, an oddity, a known word, or raw UTF-16. */
export const newsPiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...ARABIC, ...CYRILLIC, ...LATIN) },
  { weight: 4, arbitrary: fc.constantFrom(...SPACE) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 1, arbitrary: fc.constantFrom(...DIGITS) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 4, arbitrary: fc.constantFrom(...WORDS).map((w) => ` ${w} `) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);

/** News-like text of up to `maxLength` pieces. */
export function newsText(maxLength = 300): fc.Arbitrary<string> {
  return fc.string({ unit: newsPiece, maxLength, size: 'max' });
}

const XML_PIECES = [
  '<?xml version="1.0"?>', '<?xml version="1.0" encoding="windows-1256"?>', '<rss version="2.0">', '</rss>', '<channel>', '</channel>',
  '<item>', '</item>', '<feed xmlns="http://www.w3.org/2005/Atom">', '</feed>', '<entry>', '</entry>', '<rdf:RDF>', '</rdf:RDF>',
  '<title>', '</title>', '<description>', '</description>', '<content:encoded>', '</content:encoded>', '<summary>', '</summary>',
  '<content type="html">', '</content>', '<link>http://example.org/a</link>', '<link href="https://example.org/b" rel="alternate"/>',
  '<link>', '</link>', '<guid isPermaLink="true">https://example.org/c</guid>', '<pubDate>Mon, 13 Jul 2026 10:00:00 +0300</pubDate>',
  '<language>ar</language>', '<![CDATA[', ']]>', '<!DOCTYPE rss [', '<!DOCTYPE feed>', '<!ENTITY a "b">', '<!ENTITY lol "&a;&a;&a;">',
  '<!ENTITY x SYSTEM "file:///etc/passwd">', '<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd">', '%p;', ']>', '&a;', '&x;', '&lol;',
  '&amp;', '&lt;p&gt;', '&#x41;', '&#0;', '&#xD800;', '&#99999999;', '&nbsp;', '<!--', '-->', '<a:b c="d">', '</a:b>', '"', "'", '<', '>',
  '&', '/>', '<p>', '</p>', '<div>', '</div>', '<br>', '<script>alert(1)</script>',
];

/** XML-ish text: pieces of RSS, Atom, DTDs, entities and CDATA mixed with news-like text. */
export const xmlish: fc.Arbitrary<string> = fc.array(
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...XML_PIECES) }, { weight: 1, arbitrary: newsText(20) }),
  { maxLength: 60, size: 'max' },
).map((parts) => parts.join(''));

const HTML_PIECES = [
  '<!doctype html>', '<html lang="ar">', '<html>', '</html>', '<head>', '</head>', '<body>', '</body>', '<title>', '</title>',
  '<meta property="og:title" content="T">', '<meta name="date" content="2026-07-13">', '<meta charset="utf-8">', '<article>', '</article>',
  '<p>', '</p>', '<div class="ad">', '<div>', '</div>', '<span>', '</span>', '<b>', '<i>', '</b>', '<table><tr><td>', '</td>', '<br>',
  '<script>x=1</script>', '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2026-07-13"}</script>',
  '<script type="application/ld+json">{"@graph":[null,1,"x"]}</script>', '<style>p{}</style>', '<!--', '-->', '&amp;', '&nbsp;', '&#1575;',
  '<', '>', '"', '<h1>', '</h1>', '<li>', '<ul>', '</ul>', '<time datetime="2026-07-13">',
];

/** HTML-ish text: pieces of pages mixed with news-like text. */
export const htmlish: fc.Arbitrary<string> = fc.array(
  fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...HTML_PIECES) }, { weight: 1, arbitrary: newsText(40) }),
  { maxLength: 60, size: 'max' },
).map((parts) => parts.join(''));

/** True when a string has no unpaired surrogate. */
export function wellFormed(s: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u.test(s);
}

/** A span must be integer offsets with 0 <= start <= end <= text.length (and start < end when `nonEmpty`). */
export function assertSpan(text: string, span: { start: number; end: number }, what: string, nonEmpty = false): void {
  const { start, end } = span;
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: offsets ${start}, ${end} are not integers`);
  assert.ok(start >= 0 && start <= end && end <= text.length, `${what}: [${start}, ${end}) is not inside [0, ${text.length}]`);
  if (nonEmpty) assert.ok(start < end, `${what}: [${start}, ${end}) is empty`);
}

/** Runs of each property: enough to find the common faults, few enough to keep the suite fast. */
export const RUNS = Number(process.env.MIZAN_FUZZ_RUNS ?? 200);
