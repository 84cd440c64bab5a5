/**
 * Large inputs through the real CLI, generated here: a 200 MB file of each kind (read whole: refused by its
 * size; JSON Lines: streamed, its 200 MB line skipped), and 1 MB single lines built to trip the readers'
 * regular expressions and the coder. Each run must end (a run past its time limit is killed, and fails) and
 * stay within a bound of peak memory; how fast it is belongs to `npm run bench`.
 */
import assert from 'node:assert/strict';
import { closeSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { tempDir } from '../helpers/stores.js';
import { runMizan } from './helpers.js';

const MiB = 1024 * 1024;
const GOOD_1 = { id: 'g1', lang: 'en', text: 'Iraq reopened the Qaim border crossing with Syria on Monday for commercial traffic.' };
const GOOD_2 = { id: 'g2', lang: 'en', text: 'Jordan hosted talks with Syrian officials on border security in Amman on Wednesday.' };
/** What `mizan ingest` of a small input costs: node, the pipeline and fastText (about 150 MiB); a big input may add a little. */
const PEAK_MIB = 400;

/** Write `head`, then `bytes` of `fill` repeated, then `tail`, in 8 MiB chunks (never holding the whole file). */
function writeLarge(path: string, head: string, fill: string, bytes: number, tail: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    const chunk = Buffer.from(fill.repeat(Math.ceil((8 * MiB) / fill.length))).subarray(0, 8 * MiB);
    for (let left = bytes; left > 0; left -= chunk.length) writeSync(fd, chunk, 0, Math.min(left, chunk.length));
    writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
}

const origins = (db: string): string[] => {
  const conn = new BetterSqlite3(db, { readonly: true });
  try {
    return (conn.prepare('SELECT origin FROM article ORDER BY id').all() as Array<{ origin: string }>).map((r) => r.origin.replace(/^.*\//u, ''));
  } finally {
    conn.close();
  }
};

describe('200 MB inputs', () => {
  let dir: string;
  before(() => {
    dir = tempDir('mizan-large-');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a 200 MB text file by its size, without reading it', (t) => {
    const file = join(dir, 'huge.txt');
    writeLarge(file, 'Title: Huge\n\n', 'Iraq reopened the crossing. ', 200 * MiB, '\n');
    const r = runMizan(['ingest', file, '--db', join(dir, 'txt.db')], { timeoutMs: 60_000 });
    rmSync(file);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /skipped \S+\/huge\.txt: the file is 200\.0 MiB, over the 64\.0 MiB limit for a file read whole; split it, or give its articles as JSON Lines \(\.jsonl\), which are read line by line/u);
    t.diagnostic(`${Math.round(r.ms)} ms, peak ${Math.round(r.peakMiB ?? 0)} MiB`);
    assert.ok((r.peakMiB ?? Infinity) < PEAK_MIB, `peak ${r.peakMiB} MiB`);
  });

  it('streams a 200 MB JSON Lines file: its 200 MB line is skipped unread, the lines around it are stored', (t) => {
    const file = join(dir, 'huge.jsonl');
    writeLarge(file, `${JSON.stringify(GOOD_1)}\n{"id": "huge", "text": "`, 'Syria and Iraq talk. ', 200 * MiB, `"}\n${JSON.stringify(GOOD_2)}\n`);
    const db = join(dir, 'jsonl.db');
    const r = runMizan(['ingest', file, '--db', db], { timeoutMs: 60_000 });
    rmSync(file);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /skipped \S+\/huge\.jsonl:2: the line is 200\.0 MiB, over the 4\.0 MiB limit for one record/u);
    assert.match(r.stdout, /2 new, 0 near-duplicate, 0 duplicate, 1 skipped/u);
    assert.deepEqual(origins(db), ['huge.jsonl:1', 'huge.jsonl:3']);
    t.diagnostic(`${Math.round(r.ms)} ms, peak ${Math.round(r.peakMiB ?? 0)} MiB`);
    assert.ok((r.peakMiB ?? Infinity) < PEAK_MIB, `peak ${r.peakMiB} MiB`);
  });
});

describe('1 MB single lines', () => {
  let dir: string;
  let run: ReturnType<typeof runMizan>;
  let db: string;
  const words = 'Iraq and Syria and Russia and Turkey said talks would go on ';
  const line = (fill: string, bytes = MiB): string => fill.repeat(Math.ceil(bytes / fill.length)).slice(0, bytes);
  before(() => {
    dir = tempDir('mizan-lines-');
    const files: Record<string, string> = {
      // One line of ordinary sentences: past the 500,000-character limit of one article.
      'prose.txt': line('Iraq reopened the Qaim border crossing with Syria on Monday. '),
      // Words without a full stop: one 300,000-character sentence, past the 5,000 the coder takes.
      'run-on.jsonl': `${JSON.stringify(GOOD_1)}\n${JSON.stringify({ id: 'run-on', text: line(words, 300_000) })}\n${JSON.stringify(GOOD_2)}\n`,
      // Letters and dots without spaces: what makes the sentence splitter scan back at every dot.
      'dots.txt': line('a.', 400_000),
      // Spaces, tabs and unclosed marks: what made the trimming and Markdown expressions backtrack.
      'spaces.md': `# Talks${line(' \t', MiB)}x\n\nEgypt hosted talks between Israeli and Palestinian officials in Cairo on Sunday.\n`,
      'marks.md': `${line('[a ![b <c *d _e `f ', MiB)}\n\nQatar mediated between the two sides in Doha on Friday.\n`,
      'trailing.txt': `Turkey and Iraq signed a water agreement in Ankara on Thursday.${line(' \t', MiB)}\nBoth sides praised it.\n`,
      // One line of markup: ordinary paragraphs, then the same as a feed item's escaped HTML.
      'page.html': `<html><body><article>${line('<p>Iraq reopened the crossing with Syria.</p>', MiB)}</article></body></html>`,
      // Inline elements holding only a space: 130,000 spaces in a row once the tags are gone.
      'spans.rss': `<rss><channel><title>T</title><item><title>Spans</title><description><![CDATA[<p>Lebanon and Cyprus signed a maritime deal in Nicosia on Sunday.</p><p>${line('<b> </b>', MiB)}</p>]]></description></item></channel></rss>`,
      'feed.rss': `<rss><channel><title>T</title><item><title>Long</title><description>${line('&lt;p&gt;Syria and Jordan met.&lt;/p&gt;', MiB)}</description></item></channel></rss>`,
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    db = join(dir, 'lines.db');
    run = runMizan(['ingest', dir, '--db', db], { timeoutMs: 90_000 });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads them all to the end in bounded memory', (t) => {
    t.diagnostic(`${Math.round(run.ms)} ms, peak ${Math.round(run.peakMiB ?? 0)} MiB`);
    assert.equal(run.signal, null, `killed after ${run.ms} ms`);
    assert.equal(run.status, 1, run.stderr);
    assert.ok((run.peakMiB ?? Infinity) < PEAK_MIB + 200, `peak ${run.peakMiB} MiB`);
  });

  it('names each line past a limit, and why', () => {
    assert.match(run.stderr, /skipped \S+\/prose\.txt: the text is 1,048,576 characters, over the 500,000 limit for one article/u);
    assert.match(run.stderr, /skipped \S+\/run-on\.jsonl:2: the sentence at character 0 is 299,9\d\d characters long, over the 5,000 limit for one sentence/u);
    assert.match(run.stderr, /skipped \S+\/dots\.txt: a run of 400,000 letters and dots without a space \(at character 0\) is over the 256 limit: not prose/u);
    assert.match(run.stderr, /skipped \S+\/page\.html: the text is [\d,]+ characters, over the 500,000 limit for one article/u);
    assert.match(run.stderr, /skipped \S+\/feed\.rss item 1: the text is [\d,]+ characters, over the 500,000 limit for one article/u);
  });

  it('stores what is an article after all: the text after a heading of spaces, sentences with a megabyte of trailing or inline space', () => {
    const stored = origins(db);
    for (const name of ['run-on.jsonl:1', 'run-on.jsonl:3', 'spaces.md', 'trailing.txt', 'spans.rss item 1']) assert.ok(stored.includes(name), `${name} in ${stored.join(', ')}`);
  });

  it('reads a megabyte of unclosed Markdown marks to its end, keeping them as text, and skips it by the text limit', () => {
    assert.match(run.stderr, /skipped \S+\/marks\.md: the text is [\d,]+ characters, over the 500,000 limit for one article/u);
  });
});
