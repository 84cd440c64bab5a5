/**
 * Bad input through the real CLI: one batch of empty, binary, mis-encoded, malformed and wordless files
 * beside good ones. Each bad input is named with its reason, the good ones are stored, the run exits 1.
 */
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { ROOT } from '../cli/helpers.js';
import { tempDir } from '../helpers/stores.js';
import { runMizan, type BoundedRun } from './helpers.js';

const FIXTURES = join(ROOT, 'test/fixtures/hardening');

const utf16 = (text: string, order: 'le' | 'be', bom: boolean): Buffer => {
  const le = Buffer.from(text, 'utf16le');
  const bytes = order === 'le' ? le : Buffer.from(le).swap16();
  return bom ? Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]) : bytes;
};

/** Bytes of `text` in a single-byte charset (windows-1256, windows-1251…), by inverting its decoder. */
const singleByte = (text: string, charset: string): Buffer => {
  const decoder = new TextDecoder(charset);
  const table = new Map(Array.from({ length: 256 }, (_, b) => [decoder.decode(Uint8Array.of(b)), b] as const));
  return Buffer.from([...text].map((ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`${ch} is not in ${charset}`);
    return b;
  }));
};

/** UTF-32LE with its byte order mark. */
const utf32 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), ...[...text].map((ch) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(ch.codePointAt(0) as number);
  return b;
})]);

/** Inputs generated here (binary, encodings, control characters), by file name. */
function generated(): Record<string, string | Buffer> {
  const pad = Buffer.alloc(64, 0x20);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6]);
  // "Iraq and Syria signed a trade deal." in Arabic, as windows-1256 bytes: not UTF-8.
  const cp1256 = Buffer.from([0xe6, 0xde, 0xda, 0x20, 0xc7, 0xe1, 0xda, 0xd1, 0xc7, 0xde, 0x20, 0xe6, 0xd3, 0xe6, 0xd1, 0xed, 0xc7, 0x20, 0xc7, 0xc9, 0xde, 0xc7, 0xde, 0xc7, 0x2e, 0x0a]);
  return {
    'empty.txt': '',
    'empty.jsonl': '',
    'blank.jsonl': '\n\n   \n\t\n',
    'spaces.md': '   \n\n\t\n',
    'photo.txt': png,
    'photo.jsonl': Buffer.concat([png, pad]),
    'image.html': Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), pad]),
    'anim.txt': Buffer.concat([Buffer.from('GIF89a'), pad]),
    'report.md': Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), pad]),
    'archive.txt': Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0]), pad]),
    'program.txt': Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), pad]),
    'store.json': Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), pad]),
    'utf32.txt': utf32('Title: UTF-32\n\nSyria and Iraq held talks in Baghdad on Monday.\n'),
    'cp1256-declared.html': Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1256"><title>x</title></head><body><article><p>'),
      singleByte('استقبل الرئيس المصري وزير الخارجية الأردني في القاهرة يوم الأحد.', 'windows-1256'), Buffer.from('</p></article></body></html>'),
    ]),
    'cp1251-declared.rss': Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Wire</title><language>ru</language><item><title>T</title><description>'),
      singleByte('Россия и Турция провели переговоры в Москве в среду.', 'windows-1251'), Buffer.from('</description></item></channel></rss>'),
    ]),
    'fragment.html': '<p>Jordan and Iraq agreed to extend the Aqaba pipeline talks in Amman on Tuesday, officials said.</p><p>Both sides praised the progress.</p>',
    'plain.html': 'Egypt and Sudan held talks on the Nile dam in Cairo on Wednesday, the foreign ministry said.\n',
    'outside-body.html': '<html><head><title>Talks</title></head>Lebanon and Syria discussed border demarcation in Beirut on Thursday, the ministers said.</html>',
    'empty-entry.atom': '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><entry/><entry><title>Talks</title>'
      + '<content type="text">Oman and Yemen discussed the border crossing at Sarfait on Monday, officials said.</content></entry></feed>',
    'empty-item.rss': '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item/><item><title>Deal</title>'
      + '<description>Kuwait and Iraq signed a maritime agreement in Kuwait City on Sunday.</description></item></channel></rss>',
    'scan.html': Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.alloc(64, 0x20)]),
    'nul.txt': Buffer.from('Title: NUL\n\nIraq\0reopened the crossing.\n', 'latin1'),
    'cp1256.txt': cp1256,
    'bad-utf8.jsonl': Buffer.concat([
      Buffer.from('{"id": "u-1", "lang": "en", "text": "Qatar and Egypt agreed to mediate between Israel and Hamas in Doha on Friday."}\n'),
      Buffer.from('{"id": "u-2", "text": "Syria \xff\xfe border"}\n', 'latin1'),
      Buffer.from('{"id": "u-3", "lang": "en", "text": "Russia delivered wheat to Syria through the port of Tartus on Monday."}\n'),
    ]),
    'utf16le-bom.txt': utf16('Title: UTF-16LE\n\nTurkey and Russia held talks on Syria in Ankara on Monday.\n', 'le', true),
    'utf16be-bom.txt': utf16('Title: UTF-16BE\n\nIran and Iraq signed a gas agreement in Baghdad on Tuesday.\n', 'be', true),
    'utf16le-nobom.txt': utf16('Lang: ru\n\nРоссия и Турция провели переговоры по Сирии в Москве в среду.\n', 'le', false),
    'utf16be-nobom.txt': utf16('وقعت سوريا والعراق اتفاقية تجارية في دمشق يوم الخميس.\n', 'be', false),
    'utf16-bom.jsonl': utf16('{"id": "w-1", "lang": "en", "text": "Lebanon and Cyprus signed a maritime deal in Nicosia on Sunday."}\n', 'le', true),
    'deep.html': `<html><body>${'<div>'.repeat(50_000)}Iraq reopened the Qaim crossing with Syria on Monday.${'</div>'.repeat(50_000)}</body></html>`,
    'controls.txt': '\u0001\u0002\u0003\u0007\u0008\u001b\u007f\u0085\u0090\u009f\n\u000b\u000c\n',
    'with-controls.txt': 'Title: Escapes\n\nJordan \u001b[31mopened\u001b[0m the Jaber crossing\u0007 with Syria on Saturday.\n',
    'long-title.jsonl': `${JSON.stringify({ id: 't-1', lang: 'en', title: `Talks\u0007 ${'and more talks '.repeat(4_000)}`, text: 'Oman hosted talks between Iran and the United States in Muscat on Saturday.' })}\n`,
    'surrogate.jsonl': '{"id": "s-1", "lang": "en", "text": "Israel struck targets in Syria \\ud800 on Sunday night."}\n',
  };
}

/** Each bad input and the message that must name it. */
const SKIPPED: Array<[string, RegExp]> = [
  ['empty.txt', /empty\.txt: empty file \(0 bytes\)/u],
  ['empty.jsonl', /empty\.jsonl: empty file \(0 bytes\)/u],
  ['blank.jsonl', /blank\.jsonl: no records: every line is blank/u],
  ['spaces.md', /spaces\.md: no article text$/mu],
  ['photo.txt', /photo\.txt: binary content, not text: a PNG image/u],
  ['photo.jsonl', /photo\.jsonl: binary content, not text: a PNG image/u],
  ['image.html', /image\.html: binary content, not text: a JPEG image/u],
  ['anim.txt', /anim\.txt: binary content, not text: a GIF image/u],
  ['report.md', /report\.md: binary content, not text: a ZIP archive or Office document/u],
  ['archive.txt', /archive\.txt: binary content, not text: a gzip archive/u],
  ['program.txt', /program\.txt: binary content, not text: an ELF executable/u],
  ['store.json', /store\.json: binary content, not text: a SQLite database/u],
  ['utf32.txt', /utf32\.txt: UTF-32 text is not read; convert it to UTF-8/u],
  ['empty-entry.atom item 1', /empty-entry\.atom item 1: the item has no text and no link to read it from/u],
  ['empty-item.rss item 1', /empty-item\.rss item 1: the item has no text and no link to read it from/u],
  ['scan.html', /scan\.html: binary content, not text: a PDF document/u],
  ['nul.txt', /nul\.txt: binary content, not text: a NUL byte at line 3, column 5 \(offset 16\)/u],
  ['cp1256.txt', /cp1256\.txt: not valid UTF-8: byte 0xE6 at line 1, column 1 \(offset 0\); convert the file to UTF-8/u],
  ['bad-utf8.jsonl:2', /bad-utf8\.jsonl:2: not valid UTF-8: byte 0xFF at column 30; convert the file to UTF-8/u],
  ['broken.jsonl:2', /broken\.jsonl:2: not valid JSON \(/u],
  ['broken.jsonl:3', /broken\.jsonl:3: not a JSON object/u],
  ['broken.jsonl:4', /broken\.jsonl:4: no article text \(expected a non-empty string in "text", "body", "content"\)/u],
  ['broken.jsonl:5', /broken\.jsonl:5: no article text/u],
  ['broken.jsonl:7', /broken\.jsonl:7: not valid JSON \(/u],
  ['no-text.html', /no-text\.html: no article text found in the page/u],
  ['deep.html', /deep\.html: the page nests elements 50000 deep, past the limit of 200; it is not read/u],
  ['diacritics.txt', /diacritics\.txt: no words: the text has no letters, only diacritics and other combining marks/u],
  ['emoji.txt', /emoji\.txt: no words: the text has no letters, only emoji and symbols/u],
  ['invisible.txt', /invisible\.txt: no words: the text has no letters, only invisible format characters/u],
  ['controls.txt', /controls\.txt: no article text: only control characters/u],
];

/** What must be stored, by origin (relative to the batch folder), with a word of its text. */
const STORED: Array<[string, RegExp]> = [
  ['good.jsonl:1', /Qaim/u], ['good.jsonl:2', /Amman/u], ['broken.jsonl:1', /water agreement/u], ['broken.jsonl:8', /Beirut/u],
  ['bad-utf8.jsonl:1', /Doha/u], ['bad-utf8.jsonl:3', /Tartus/u], ['malformed.html', /Nasib crossing[\s\S]*customs officers returned/u],
  ['utf16le-bom.txt', /^Turkey and Russia held talks/u], ['utf16be-bom.txt', /^Iran and Iraq signed/u],
  ['utf16le-nobom.txt', /^Россия и Турция/u], ['utf16be-nobom.txt', /^وقعت سوريا والعراق/u], ['utf16-bom.jsonl:1', /Nicosia/u],
  ['french.txt', /La France/u], ['chinese.md', /中国和俄罗斯/u], ['with-controls.txt', /^Jordan \[31mopened\[0m the Jaber crossing with Syria/u],
  ['surrogate.jsonl:1', /Syria \uFFFD on Sunday/u], ['long-title.jsonl:1', /Muscat/u],
  ['cp1256-declared.html', /^استقبل الرئيس المصري وزير الخارجية الأردني/u], ['cp1251-declared.rss item 1', /^Россия и Турция провели переговоры/u],
  ['fragment.html', /^Jordan and Iraq agreed[\s\S]*praised the progress/u], ['plain.html', /^Egypt and Sudan held talks/u],
  ['outside-body.html', /^Lebanon and Syria discussed border demarcation/u],
  ['empty-entry.atom item 2', /Sarfait/u], ['empty-item.rss item 2', /Kuwait City/u],
];

describe('a batch of bad inputs through `mizan ingest`', () => {
  let dir: string;
  let db: string;
  let run: BoundedRun;
  let stored: Map<string, { text: string; lang: string; title: string | null }>;
  before(() => {
    dir = tempDir('mizan-bad-');
    readdirSync(FIXTURES).filter((f) => !/\.(rss|atom)$|^README/u.test(f)).forEach((f) => copyFileSync(join(FIXTURES, f), join(dir, f)));
    for (const [name, content] of Object.entries(generated())) writeFileSync(join(dir, name), content);
    db = join(dir, 'store.db');
    run = runMizan(['ingest', dir, '--db', db, '--json'], { timeoutMs: 60_000 });
    const conn = new BetterSqlite3(db, { readonly: true });
    stored = new Map((conn.prepare('SELECT origin, text, lang, title FROM article').all() as Array<{ origin: string; text: string; lang: string; title: string | null }>)
      .map((r) => [r.origin.slice(dir.length + 1), { text: r.text, lang: r.lang, title: r.title }]));
    conn.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1, saying how many inputs it skipped', () => {
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`mizan ingest: ${SKIPPED.length} input\\(s\\) skipped, each reported above\\n$`, 'u'));
    const summary = JSON.parse(run.stdout) as { articles: { added: number; nearDuplicate: number; skipped: number } };
    assert.equal(summary.articles.skipped, SKIPPED.length);
    assert.equal(summary.articles.added + summary.articles.nearDuplicate, STORED.length);
  });

  for (const [place, message] of SKIPPED) {
    it(`names ${place} and why it was skipped, and stores nothing of it`, () => {
      assert.match(run.stderr, new RegExp(`^mizan ingest: skipped \\S+/${message.source}`, 'mu'));
      assert.equal(stored.has(place), false);
    });
  }

  for (const [origin, text] of STORED) {
    it(`stores ${origin}`, () => {
      const a = stored.get(origin);
      assert.ok(a, `${origin} is stored (stored: ${[...stored.keys()].join(', ')})`);
      assert.match(a.text, text);
    });
  }

  it('stores nothing else, and no stored text holds a control character, a NUL or an unpaired surrogate', () => {
    assert.deepEqual([...stored.keys()].sort(), STORED.map(([o]) => o).sort());
    for (const [origin, a] of stored) {
      assert.doesNotMatch(a.text, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u, origin);
      assert.doesNotMatch(a.text, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u, origin);
    }
  });

  it('notes what it guessed, cut or could not tell: UTF-16 without a byte order mark, control characters, a long title, unknown languages', () => {
    assert.match(run.stderr, /note: \S+\/utf16le-nobom\.txt: no byte order mark: read as UTF-16LE from its NUL bytes/u);
    assert.match(run.stderr, /note: \S+\/utf16be-nobom\.txt: no byte order mark: read as UTF-16BE from its NUL bytes/u);
    assert.match(run.stderr, /note: \S+\/with-controls\.txt: 3 control character\(s\) taken out of the text/u);
    assert.match(run.stderr, /note: \S+\/french\.txt: declared language "fr" is not one Mizan codes/u);
    assert.match(run.stderr, /note: \S+\/french\.txt: the language was not identified as ar, en or ru; stored as "und"/u);
    assert.match(run.stderr, /note: \S+\/chinese\.md: the language was not identified as ar, en or ru/u);
    assert.match(run.stderr, /note: \S+\/long-title\.jsonl:1: the title is 60,00\d characters; cut to 1,000/u);
    assert.equal(stored.get('long-title.jsonl:1')?.title?.length, 1_000);
    assert.match(stored.get('long-title.jsonl:1')?.title ?? '', /^Talks and more talks/u);
    assert.equal(stored.get('french.txt')?.lang, 'und');
    assert.equal(stored.get('utf16be-nobom.txt')?.lang, 'ar');
  });

  it('reads the same batch again as duplicates and skips the same inputs', () => {
    const again = runMizan(['ingest', dir, '--db', db, '--json', '--quiet'], { timeoutMs: 60_000 });
    assert.equal(again.status, 1);
    const s = JSON.parse(again.stdout) as { articles: { added: number; duplicate: number; skipped: number } };
    assert.deepEqual([s.articles.added, s.articles.duplicate, s.articles.skipped], [0, STORED.length, SKIPPED.length]);
  });
});
