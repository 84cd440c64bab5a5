import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mizan } from './helpers.js';

const lines = [
  { id: 's-1', text: 'وصل وزير الدفاع السوري إلى موسكو في زيارة رسمية.', lang: 'ar' },
  { id: 's-2', text: 'Turkey condemned the Israeli strikes on Syria.' },
  { id: 's-3', text: 'Россия и Сирия подписали соглашение о поставках пшеницы.' },
].map((l) => JSON.stringify(l)).join('\n');

test('mizan --help lists the commands and exits 0', () => {
  const r = mizan(['--help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /code/u);
  assert.match(r.stdout, /eval/u);
});

test('mizan code: one record per input line, same ids and order, contract fields', () => {
  const r = mizan(['code'], `${lines}\n`);
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out.map((o) => o.id), ['s-1', 's-2', 's-3']);
  assert.deepEqual(out.map((o) => o.lang), ['ar', 'en', 'ru']);
  assert.deepEqual(out[0].events.map((e: { source: string; target: string; type: string }) => `${e.source}>${e.target}:${e.type}`), ['SYR>RUS:CONSULT']);
  for (const o of out) assert.deepEqual(o.actors, [...o.actors].sort());
});

test('a bad line is named with its number and exits 2, writing no output file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-code-'));
  const outFile = join(dir, 'out.jsonl');
  const r = mizan(['code', '--out', outFile], `${lines}\n{"id": "s-4", "text": 12}\n`);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /stdin:4: missing "text"/u);
  assert.equal(existsSync(outFile), false);
});

test('--skip-bad reports and counts bad lines, codes the rest, exits 1', () => {
  const r = mizan(['code', '--skip-bad'], `not json\n${lines}\n{"id": 5}\n`);
  assert.equal(r.status, 1);
  assert.equal(r.stdout.trim().split('\n').length, 3);
  assert.match(r.stderr, /stdin:1: not valid JSON/u);
  assert.match(r.stderr, /3 coded, 2 bad line\(s\) skipped/u);
});

test('plain-text input codes one document; PLOVER output carries actor, recipient and aux mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-code-'));
  const file = join(dir, 'article.txt');
  writeFileSync(file, 'ستزود روسيا سوريا بشحنات من القمح الشهر المقبل.');
  const r = mizan(['code', '--in', file, '--format', 'plover', '--out', join(dir, 'p.jsonl')]);
  assert.equal(r.status, 0, r.stderr);
  const rows = readFileSync(join(dir, 'p.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(rows[0].actor, 'RUS');
  assert.equal(rows[0].recipient, 'SYR');
  assert.equal(rows[0].event, 'AID');
  assert.equal(rows[0].aux_mode, 'future');
  assert.equal(rows[0].source_doc, 'article.txt');
});

test('usage errors exit 2 with a message', () => {
  const r = mizan(['code', '--format', 'xml'], '');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /MIZAN_E_USAGE: --format must be jsonl or plover/u);
  assert.equal(mizan(['nosuchcommand']).status, 2);
});

test('mizan eval scores a gold file and reports the contract metrics as JSON', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-eval-'));
  const gold = join(dir, 'gold.jsonl');
  const text = 'وصل وزير الدفاع السوري إلى موسكو في زيارة رسمية.';
  writeFileSync(gold, `${JSON.stringify({ id: 'g1', lang: 'ar', text, actors: ['RUS', 'SYR'], events: [{ source: 'SYR', target: 'RUS', type: 'CONSULT', domains: ['military'], modality: 'asserted', intensity: 1, evidence: { start: 0, end: text.length } }] })}\n`);
  const r = mizan(['eval', '--gold', gold, '--json']);
  assert.equal(r.status, 0, r.stderr);
  const e = JSON.parse(r.stdout);
  assert.equal(e.directed.f1, 1);
  assert.equal(e.actors.f1, 1);
  const bad = join(dir, 'bad.jsonl');
  writeFileSync(bad, '{"id": "g1", "text": "x", "actors": [], "events": [{"type": "NOPE"}]}\n');
  const rb = mizan(['eval', '--gold', bad]);
  assert.equal(rb.status, 2);
  assert.match(rb.stderr, /bad\.jsonl:1: event 0/u);
});
