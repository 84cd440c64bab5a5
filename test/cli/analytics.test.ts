import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import type { DyadProfile } from '../../src/analytics/dyad.js';
import type { Network } from '../../src/analytics/network.js';
import type { Brief } from '../../src/report/brief.js';
import { ingestCorpus, type CorpusStore } from '../helpers/corpus.js';
import { mizan } from './helpers.js';

describe('mizan dyad, network and report on the example corpus', () => {
  let corpus: CorpusStore;
  before(() => {
    corpus = ingestCorpus();
  });
  after(() => corpus.cleanup());
  const PAIR = "((source = 'SYR' AND target = 'RUS') OR (source = 'RUS' AND target = 'SYR'))";
  const count = (where: string): number => (corpus.sql.prepare(`SELECT COUNT(DISTINCT cluster_id) AS n FROM event WHERE ${PAIR} AND ${where}`).get() as { n: number }).n;

  it('profiles Syria–Russia for the terminal: totals, every domain, outlets', () => {
    const r = mizan(['dyad', 'SYR', 'RUS', '--db', corpus.db]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^Syria \(SYR\) – Russia \(RUS\) {2}all dates$/mu);
    assert.match(r.stdout, new RegExp(`^ {2}${count('1 = 1')} events \\(\\d+ reports in \\d+ articles from \\d+ outlets\\)`, 'mu'));
    for (const d of ['military', 'security', 'diplomatic', 'economic', 'energy', 'transport', 'humanitarian', 'rights']) assert.match(r.stdout, new RegExp(`^${d} `, 'mu'));
    assert.match(r.stdout, /^ {2}fact\/speech {2}\d+ acts \(\d+%\) · \d+ talk/mu);
    assert.match(r.stdout, /^outlets$/mu);
  });

  it('prints the profile as JSON, by week, within dates given as months', () => {
    const r = mizan(['dyad', 'syr', 'rus', '--db', corpus.db, '--json', '--by', 'week', '--since', '2026-07', '--until', '2026-08']);
    assert.equal(r.status, 0, r.stderr);
    const p = JSON.parse(r.stdout) as DyadProfile;
    assert.deepEqual([p.a.code, p.b.code, p.window.by, p.window.since, p.window.until], ['SYR', 'RUS', 'week', '2026-07-01', '2026-08-31']);
    assert.equal(p.all.events, count("event_date BETWEEN '2026-07-01' AND '2026-08-31'"));
    assert.equal(p.all.balance.acts, count("modality = 'asserted' AND event_date BETWEEN '2026-07-01' AND '2026-08-31'"));
    assert.ok(p.all.trend.periods.every((x) => /^\d{4}-\d{2}-\d{2}$/u.test(x.period)));
  });

  it('names an unknown actor code, and refuses bad options, with exit code 2', () => {
    const r = mizan(['dyad', 'SYR', 'XYZ', '--db', corpus.db]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^mizan: error MIZAN_E_NOT_FOUND: unknown actor code "XYZ"/u);
    const report = mizan(['report', 'QQQ', 'RUS', '--db', corpus.db]);
    assert.equal(report.status, 2);
    assert.match(report.stderr, /MIZAN_E_NOT_FOUND: unknown actor code "QQQ"/u);
    const by = mizan(['dyad', 'SYR', 'RUS', '--db', corpus.db, '--by', 'year']);
    assert.equal(by.status, 2);
    assert.match(by.stderr, /MIZAN_E_USAGE: --by must be one of week, month/u);
    const both = mizan(['network', '--db', corpus.db, '--json', '--graphml']);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /MIZAN_E_USAGE/u);
    const missing = mizan(['network', '--db', join(corpus.dir, 'none.db')]);
    assert.equal(missing.status, 5);
    assert.match(missing.stderr, /MIZAN_E_STORE/u);
  });

  it('prints the network for the terminal, as JSON with third parties, and as GraphML', () => {
    const text = mizan(['network', '--db', corpus.db, '--dyad', 'SYR-RUS']);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^ {2}\d+ actors, \d+ links \(\d+ cooperative, \d+ conflictual\)$/mu);
    assert.match(text.stdout, /^ {2}structural balance {2}\d+ of \d+ triads balanced \(\d+%\)$/mu);
    assert.match(text.stdout, /^third parties of SYR–RUS/mu);
    const json = JSON.parse(mizan(['network', '--db', corpus.db, '--json', '--min-events', '2', '--dyad', 'SYR-RUS']).stdout) as Network;
    assert.ok(json.edges.length > 0 && json.edges.every((e) => e.events >= 2));
    assert.equal(json.dyad?.a, 'SYR');
    const graphml = mizan(['network', '--db', corpus.db, '--graphml']);
    assert.equal(graphml.status, 0, graphml.stderr);
    assert.equal(XMLValidator.validate(graphml.stdout), true);
    assert.match(graphml.stdout, /<node id="SYR">/u);
  });

  it('writes the brief as Markdown, as Arabic HTML to a file, and as JSON', () => {
    const md = mizan(['report', 'SYR', 'RUS', '--db', corpus.db]);
    assert.equal(md.status, 0, md.stderr);
    assert.match(md.stdout, /^# Syria – Russia: relationship brief$/mu);
    assert.match(md.stdout, /^## Regional alignment$/mu);
    const out = join(corpus.dir, 'brief.html');
    const html = mizan(['report', 'SYR', 'RUS', '--db', corpus.db, '--lang', 'ar', '--format', 'html', '--out', out]);
    assert.equal(html.status, 0, html.stderr);
    assert.equal(html.stdout, '');
    assert.ok(existsSync(out));
    assert.match(readFileSync(out, 'utf8'), /<html lang="ar" dir="rtl">/u);
    const json = JSON.parse(mizan(['report', 'SYR', 'RUS', '--db', corpus.db, '--format', 'json', '--lang', 'ar']).stdout) as Brief;
    assert.equal(json.dir, 'rtl');
    assert.ok(json.citations.length > 0);
    const bad = mizan(['report', 'SYR', 'RUS', '--db', corpus.db, '--lang', 'ru']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--lang must be one of ar, en/u);
  });
});
