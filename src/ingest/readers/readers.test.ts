import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { packageRoot } from '../../core/paths.js';
import type { RawArticle, ReadItem } from '../article.js';
import { readJson, readJsonLine } from './batch.js';
import { decodeXml, readFeed } from './feed.js';
import { readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import { readTxt } from './txt.js';

const FIXTURES = join(packageRoot(), 'test/fixtures/ingest');
const read = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const articles = (items: ReadItem[]): RawArticle[] => items.flatMap((i) => ('article' in i ? [i.article] : []));
const noPage = async (): Promise<ReadItem> => assert.fail('a full item must not fetch its page');

describe('text reader', () => {
  it('reads the header block, then the body after its blank line', () => {
    const a = readTxt(read('header.txt'), 'header.txt');
    assert.deepEqual({ ...a, text: undefined }, {
      text: undefined, origin: 'header.txt', title: 'وزير الخارجية التركي يزور دمشق لبحث ملف المعابر', date: '2026-08-20',
      outlet: 'وكالة الشمال للأنباء', url: 'https://example.org/shamal/2026/08/20/turkish-fm-damascus', lang: 'ar',
    });
    assert.match(a.text, /^وصل وزير الخارجية التركي/u);
    assert.equal(a.text.split('\n\n').length, 2);
  });

  it('reads a plain file as body only', () => {
    const a = readTxt(read('plain.txt'), 'plain.txt');
    assert.deepEqual(Object.keys(a).sort(), ['origin', 'text']);
    assert.match(a.text, /^Jordan and Syria reopened/u);
  });
});

describe('Markdown reader', () => {
  it('reads front matter (quoted and bare values; lists ignored) and strips the markup', () => {
    const a = readMarkdown(read('article.md'), 'article.md');
    assert.equal(a.title, 'Россия и Турция договорились о новых консультациях по Сирии');
    assert.deepEqual([a.date, a.outlet, a.url, a.lang], ['2026-07-09', 'Вестник Причерноморья', 'https://example.net/vestnik/2026/07/09/russia-turkey-consultations', 'ru']);
    assert.deepEqual(a.text.split('\n\n'), [
      'Министры иностранных дел России и Турции провели переговоры в Анкаре во вторник и договорились продолжить консультации по сирийскому урегулированию.',
      'Что дальше',
      'Следующий раунд, по словам дипломатов, пройдёт в Москве в сентябре.',
      'Стороны обсудили ситуацию на севере Сирии.',
      'Турция подтвердила приверженность договорённостям.',
    ]);
  });
});

describe('HTML reader', () => {
  it('keeps the story and its metadata and drops navigation, ads, captions, tickers and boxes', () => {
    const a = readHtml(read('page.html'), 'page.html');
    assert.ok(a);
    assert.deepEqual({ ...a, text: undefined }, {
      text: undefined, origin: 'page.html', title: 'Iraq and Syria agree to extend power line', date: '2026-09-02T09:30:00+03:00',
      outlet: 'Tigris Ledger', url: 'https://example.org/tigris/2026/09/02/iraq-syria-power-line', lang: 'en-GB',
    });
    assert.equal(a.text.split('\n\n').length, 3);
    for (const junk of ['Sudan', 'Advertisement', 'Gold prices', 'archive photo', 'rights reserved', 'Home']) assert.ok(!a.text.includes(junk), junk);
  });

  it('extracts the story of a corpus page without its ticker, sidebar and in-article ad', () => {
    const a = readHtml(readFileSync(join(packageRoot(), 'examples/corpus/ar/2026-07-14-barada-moscow-damascus-military-protocol.html'), 'utf8'), 'x');
    assert.ok(a);
    assert.equal(a.outlet, 'شبكة بردى الإخبارية');
    assert.equal(a.lang, 'ar');
    assert.match(a.text, /^وقّعت سوريا وروسيا بروتوكولاً/u);
    for (const junk of ['السودان', 'إعلان', 'الأكثر قراءة', 'اقرأ أيضاً']) assert.ok(!a.text.includes(junk), junk);
  });

  it('gives nothing for a page without text', () => {
    assert.equal(readHtml('<html><body><nav><a href="/">Home</a></nav></body></html>', 'empty.html'), undefined);
  });
});

describe('JSON readers', () => {
  it('read JSON Lines one article a line, blank lines skipped', () => {
    const lines = read('batch.jsonl').split('\n');
    const items = lines.map((l, i) => readJsonLine(l, `batch.jsonl:${i + 1}`)).filter((x): x is ReadItem => x !== undefined);
    const got = articles(items);
    assert.deepEqual(got.map((a) => [a.externalId, a.origin, a.lang]), [['w-1', 'batch.jsonl:1', 'en'], ['w-2', 'batch.jsonl:3', 'ar']]);
    assert.equal(got[0]?.text.split('\n\n').length, 2);
  });

  it('read a JSON array, with the usual alternative field names', () => {
    const got = articles(readJson(read('batch.json'), 'batch.json'));
    assert.deepEqual(got[0], {
      text: 'EU foreign ministers discussed humanitarian aid to Syria at a meeting in Luxembourg on Thursday.', origin: 'batch.json item 1',
      externalId: '101', title: 'EU foreign ministers discuss Syria aid', date: 'Thu, 01 Oct 2026 10:00:00 +0200', outlet: 'Brussels Brief',
      url: 'https://example.net/brief/2026/10/01/eu-syria-aid', lang: 'en',
    });
    assert.equal(got[1]?.origin, 'batch.json item 2');
  });

  it('say which line is bad and why', () => {
    const items = read('bad/broken.jsonl').split('\n').map((l, i) => readJsonLine(l, `broken.jsonl:${i + 1}`)).filter((x) => x !== undefined);
    const problems = items.flatMap((i) => ('problem' in i ? [`${i.problem.place} ${i.problem.reason.split(' (')[0]}`] : []));
    assert.deepEqual(problems, ['broken.jsonl:2 not valid JSON', 'broken.jsonl:3 no article text', 'broken.jsonl:4 not a JSON object']);
    assert.equal(articles(items as ReadItem[]).length, 2);
  });
});

describe('feed reader', () => {
  it('reads RSS items: escaped HTML and CDATA, channel language and title as fallbacks, no entity expansion', async () => {
    const [a, b, ...rest] = articles(await readFeed(read('feed.rss'), 'feed.rss', noPage));
    assert.equal(rest.length, 0);
    assert.equal(a?.title, 'Turkey and Syria sign customs protocol & agree on joint checks');
    assert.deepEqual([a?.date, a?.lang, a?.outlet, a?.url], ['Mon, 05 Oct 2026 08:15:00 +0300', 'en', 'Harbour Wire', 'https://example.org/harbour/2026/10/05/turkey-syria-customs']);
    assert.equal(a?.text.split('\n\n').length, 2);
    assert.ok(a?.text.includes('&boom2;') && !a.text.includes('BOOM'), 'a DTD entity is left as written, never expanded');
    assert.deepEqual([b?.lang, b?.outlet, b?.externalId, b?.origin], ['ru', 'Восточный вестник', 'vostok-2026-10-06-01',
      'feed.rss item 2 (https://example.net/vostok/2026/10/06/israel-strike-homs)']);
    assert.match(b?.text ?? '', /^Израильская авиация в ночь на вторник/u);
  });

  it('reads Atom entries', async () => {
    const [a] = articles(await readFeed(read('feed.atom'), 'feed.atom', noPage));
    assert.deepEqual([a?.title, a?.lang, a?.outlet, a?.date, a?.url], ['الأردن وسوريا يتفقان على تنظيم نقل المياه', 'ar', 'مرصد البادية',
      '2026-10-10T11:00:00+03:00', 'https://example.org/badia-observer/2026/10/10/jordan-syria-water']);
    assert.equal(a?.text.split('\n\n').length, 2);
  });

  it('reports what is not a feed', async () => {
    const [item] = await readFeed('<html><body>no</body></html>', 'x.xml', noPage);
    assert.deepEqual(item, { problem: { place: 'x.xml', reason: 'neither an RSS <channel> nor an Atom <feed>' } });
  });

  it('reads RSS 1.0 (RDF) items, which stand beside the channel', async () => {
    const text = 'Iraq and Syria agreed on Sunday to reopen the Qaim crossing to trucks. '.repeat(5);
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
      xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://example.org/"><title>RDF Wire</title></channel>
      <item rdf:about="https://example.org/1"><title>Qaim reopens</title><link>https://example.org/1</link><dc:date>2026-07-20</dc:date>
      <dc:language>en</dc:language><description>${text}</description></item></rdf:RDF>`;
    const [a] = articles(await readFeed(rdf, 'feed.rdf', noPage));
    assert.deepEqual([a?.title, a?.outlet, a?.date, a?.lang, a?.url], ['Qaim reopens', 'RDF Wire', '2026-07-20', 'en', 'https://example.org/1']);
  });

  it('decodes only the XML entities and character references', () => {
    assert.equal(decodeXml('&lt;p&gt; &amp;amp; &#1575;&#x644; &nbsp; &custom;'), '<p> &amp; ال &nbsp; &custom;');
  });
});
