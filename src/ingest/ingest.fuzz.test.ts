/**
 * Property tests of what stands between a file and the store: decoding random bytes, streaming lines of
 * random files, and checking and coding random text. Nothing throws; what is stored has letters, no control
 * characters, and offsets (sentences, evidence, dates) that slice its text.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { assertSpan, newsText, RUNS, wellFormed } from '../../test/hardening/arbitraries.js';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';
import { byteOrderMark, decodeFile, invalidUtf8 } from './decode.js';
import { readLines, type Line } from './lines.js';
import { checkArticle, codeArticle } from './prepare.js';

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 300, size: 'max' }),
  newsText(150).map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
  fc.tuple(newsText(100), fc.uint8Array({ maxLength: 4 }), newsText(100)).map(([a, b, c]) => new Uint8Array(Buffer.concat([Buffer.from(a), b, Buffer.from(c)]))),
  newsText(100).map((s) => new Uint8Array(Buffer.from(s, 'utf16le'))),
);

describe('decoding', () => {
  it('finds the first byte that breaks UTF-8 exactly where a strict decoder fails', () => {
    fc.assert(fc.property(bytes, (b) => {
      const at = invalidUtf8(b);
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(b);
      } catch {
        valid = false;
      }
      assert.equal(at === -1, valid);
      if (at >= 0) {
        assert.doesNotThrow(() => new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, at)), 'the bytes before it are UTF-8');
      }
    }), { numRuns: RUNS });
  });

  it('decodes any bytes to text or says why not, never leaving a NUL in UTF-8 text', () => {
    fc.assert(fc.property(bytes, (b) => {
      const d = decodeFile(b);
      if ('problem' in d) assert.ok(d.problem.length > 0);
      else if (!d.note && !byteOrderMark(b)) assert.ok(!d.text.includes('\u0000'));
    }), { numRuns: RUNS });
  });
});

describe('streamed lines', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mizan-lines-fuzz-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('numbers every line of any file, accounts for every byte, and keeps UTF-8 lines as they are', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(bytes, fc.integer({ min: 1, max: 64 }), async (b, max) => {
      const path = join(dir, `f${run++}`);
      writeFileSync(path, b);
      const lines: Line[] = [];
      let accounted = 0;
      for await (const l of readLines(path, max)) {
        if (!('n' in l)) return;
        lines.push(l);
        accounted += l.bytes;
      }
      assert.deepEqual(lines.map((l) => l.n), lines.map((_, i) => i + 1));
      assert.equal(accounted, b.length);
      const text = Buffer.from(b).toString('utf8');
      const plain = invalidUtf8(b) === -1 && !text.startsWith('\uFEFF') && !text.includes('\r') && !lines.some((l) => l.problem?.includes('limit'));
      if (plain && !text.includes('\u0000')) {
        const want = text.split('\n');
        if (want.at(-1) === '') want.pop();
        if (lines.every((l) => l.text !== undefined)) assert.deepEqual(lines.map((l) => l.text), want);
      }
      for (const l of lines) if (l.text !== undefined) assert.ok(Buffer.byteLength(l.text) <= max, `line ${l.n} is longer than ${max} bytes`);
    }), { numRuns: RUNS });
  });
});

describe('checking and coding an article', () => {
  let pipeline: Pipeline;
  before(async () => {
    pipeline = await createPipeline();
  });

  it('stores only text with letters and no control characters, and every offset it stores slices that text', () => {
    fc.assert(fc.property(newsText(400), fc.constantFrom(undefined, 'ar', 'en', 'ru', 'fr'), fc.constantFrom(undefined, '2026-07-13', 'Mon, 13 Jul 2026 10:00:00 +0300', 'soon'), (text, lang, date) => {
      const checked = checkArticle({ text, origin: 'fuzz.txt', ...(lang ? { lang } : {}), ...(date ? { date } : {}) });
      if ('problem' in checked) {
        assert.equal(checked.problem.place, 'fuzz.txt');
        return;
      }
      const t = checked.text;
      assert.match(t, /\p{L}/u);
      assert.doesNotMatch(t, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u);
      assert.ok(wellFormed(t));
      const coded = codeArticle(checked, pipeline);
      assert.equal(coded.text, t);
      for (const s of coded.sentences) assertSpan(t, s, 'sentence', true);
      for (const e of coded.events) {
        assert.ok(e.sentence >= 0 && e.sentence < coded.sentences.length, `event in sentence ${e.sentence}`);
        assertSpan(t, e.evidence, `${e.source} ${e.type} ${e.target}`, true);
        if (e.eventDate !== undefined) assert.match(e.eventDate, /^\d{4}-\d{2}-\d{2}$/u);
      }
    }), { numRuns: RUNS });
  });
});
