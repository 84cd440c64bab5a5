/**
 * Property tests: the readers over random strings, random JSON and random XML-ish and HTML-ish markup never
 * throw (but the catalogued MIZAN_E_INPUT of a page nested too deep), and what they give has a place.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { htmlish, newsText, RUNS, xmlish } from '../../../test/hardening/arbitraries.js';
import { MizanError } from '../../core/errors.js';
import type { ReadItem } from '../article.js';
import { readJson, readJsonLine } from './batch.js';
import { stripDoctype } from './doctype.js';
import { decodeXml, looksLikeFeed, readFeed } from './feed.js';
import { htmlToText } from './html-text.js';
import { readHtml } from './html.js';
import { markdownToText, readMarkdown } from './markdown.js';
import { readTxt } from './txt.js';

const noPage = async (_url: string, origin: string): Promise<ReadItem> => ({ problem: { place: origin, reason: 'no network in tests' } });

/** Every item names a place under `origin`, and an article has text. */
function assertItems(items: ReadItem[], origin: string): void {
  for (const item of items) {
    if ('problem' in item) {
      assert.ok(item.problem.place.startsWith(origin), item.problem.place);
      assert.ok(item.problem.reason.length > 0);
    } else {
      assert.ok(item.article.origin.startsWith(origin), item.article.origin);
      assert.equal(typeof item.article.text, 'string');
    }
  }
}

const anyString = fc.oneof(newsText(200), fc.string({ unit: 'binary', maxLength: 300, size: 'max' }));
const articleJson = fc.record({
  id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
  text: fc.oneof(newsText(100), fc.constant(''), fc.integer(), fc.constant(null)),
  title: fc.oneof(newsText(20), fc.constant(undefined)),
  date: fc.oneof(fc.constantFrom('2026-07-13', 'Mon, 13 Jul 2026 10:00:00 +0300', 'yesterday', '13/07/2026', ''), newsText(10)),
  lang: fc.oneof(fc.constantFrom('ar', 'en-GB', 'Russian', 'fr', 'xx', ''), newsText(5)),
  source: fc.oneof(fc.record({ name: newsText(10) }), newsText(10), fc.constant(null)),
}, { requiredKeys: [] });

describe('JSON readers', () => {
  it('read any line, or say why not, naming the line', () => {
    fc.assert(fc.property(fc.oneof(anyString, fc.jsonValue().map((v) => JSON.stringify(v)), articleJson.map((v) => JSON.stringify(v))), (line) => {
      const item = readJsonLine(line, 'in.jsonl:7');
      if (item === undefined) assert.equal(line.trim(), '');
      else assertItems([item], 'in.jsonl:7');
    }), { numRuns: RUNS });
  });

  it('read an article object with string text as that text, trimmed', () => {
    fc.assert(fc.property(articleJson, (record) => {
      const item = readJsonLine(JSON.stringify(record), 'x:1');
      assert.ok(item);
      if (typeof record.text === 'string' && record.text.trim()) assert.equal('article' in item && item.article.text, record.text.trim());
      else assert.ok('problem' in item);
    }), { numRuns: RUNS });
  });

  it('read any .json content', () => {
    fc.assert(fc.property(fc.oneof(anyString, fc.array(articleJson).map((a) => JSON.stringify(a)), fc.jsonValue().map((v) => JSON.stringify({ articles: v }))), (content) => {
      assertItems(readJson(content, 'batch.json'), 'batch.json');
    }), { numRuns: RUNS });
  });
});

describe('feed reader', () => {
  it('reads any XML-ish text without throwing, each item named', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(xmlish, anyString), async (xml) => {
      assertItems(await readFeed(xml, 'feed.rss', noPage), 'feed.rss');
      assert.equal(typeof looksLikeFeed(xml), 'boolean');
      assert.equal(typeof decodeXml(xml), 'string');
    }), { numRuns: RUNS });
  });

  it('takes out only a DOCTYPE declaration, keeping the line count', () => {
    fc.assert(fc.property(xmlish, (xml) => {
      const r = stripDoctype(xml);
      if ('problem' in r || r.xml === xml) return;
      assert.equal(r.xml.split('\n').length, xml.split('\n').length);
      const doctypes = (s: string): number => s.toUpperCase().split('<!DOCTYPE').length;
      assert.ok(doctypes(r.xml) < doctypes(xml));
    }), { numRuns: RUNS });
  });

  it('never lets an item that uses a DTD entity through', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.stringMatching(/^[A-Za-z ]{0,40}$/u), { minLength: 1, maxLength: 4 }), fc.nat(3), async (texts, pick) => {
      const items = texts.map((t, i) => `<item><title>t${i}</title><description>${t}${i === pick % texts.length ? '&x;' : ''}</description></item>`);
      const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>F</title>${items.join('')}</channel></rss>`;
      const out = await readFeed(xml, 'f.rss', noPage);
      const bad = out[pick % texts.length];
      assert.ok(bad && 'problem' in bad && /&x;/u.test(bad.problem.reason), JSON.stringify(bad));
      for (const item of out) if ('article' in item) assert.doesNotMatch(item.article.text, /root:|&x;/u);
    }), { numRuns: RUNS });
  });
});

describe('HTML, Markdown and text readers', () => {
  it('read any HTML-ish page, or refuse it with MIZAN_E_INPUT', () => {
    fc.assert(fc.property(fc.oneof(htmlish, anyString), (html) => {
      try {
        const a = readHtml(html, 'page.html', 'https://example.org/p');
        if (a) assert.ok(a.text.length >= 40);
      } catch (err) {
        assert.ok(err instanceof MizanError && err.code === 'MIZAN_E_INPUT', String(err));
      }
      assert.equal(typeof htmlToText(html), 'string');
    }), { numRuns: RUNS });
  });

  it('read any Markdown or text file', () => {
    fc.assert(fc.property(fc.oneof(anyString, fc.array(fc.constantFrom('---\n', 'title: "x"\n', '# ', '## ', '- ', '1. ', '> ', '```\n', '[a](b)', '![i](j)', '**', '*', '_', '`', '<b>', '\n\n', '   ', 'Title: T\n', 'Date: 2026-07-13\n')).map((a) => a.join('')), newsText(100)), (content) => {
      const md = readMarkdown(content, 'a.md');
      assert.equal(md.origin, 'a.md');
      assert.equal(typeof markdownToText(content), 'string');
      const txt = readTxt(content, 'a.txt');
      assert.equal(txt.text, txt.text.trim());
    }), { numRuns: RUNS });
  });
});
