/** Peer benchmarks read from ../shared/peers (never copied into the project): detection and event F1. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CodedRecord, EventType } from '../core/types.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { evaluate, prf, type Evaluation, type PRF } from './metrics.js';

/** Detection scores of one event type on a labelled sentence set. */
export interface DetectionResult {
  name: string;
  type: EventType;
  sentences: number;
  excluded: number;
  score: PRF;
}

/** True when a record holds the type as asserted, in its events or its triggers. */
export function detects(record: CodedRecord, type: EventType): boolean {
  return record.events.some((e) => e.type === type && e.modality === 'asserted') || (record.triggers ?? []).some((t) => t.type === type && t.modality === 'asserted' && t.reported !== false);
}

/**
 * Score detection on an arabic_event_gsr CSV: "yes" is positive, "easy no" and "difficult no" are
 * negative, "ambiguous" is left out. With `labels` (sentence id → label, e.g. our own PROTEST labels
 * of assault sentences, `readLabels`), only the sentences labelled there are scored, by those labels.
 */
export function detectionOnCsv(pipeline: Pipeline, path: string, type: EventType, name: string, labels?: ReadonlyMap<string, string>): DetectionResult {
  const all = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  const rows: Array<Record<string, string>> = labels ? all.filter((row) => labels.has(row.id ?? '')).map((row) => ({ ...row, label: labels.get(row.id ?? '') ?? '' })) : all;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let excluded = 0;
  rows.forEach((row, i) => {
    const label = (row.label ?? '').trim();
    if (label === 'ambiguous' || !row.text) {
      excluded++;
      return;
    }
    const positive = label === 'yes';
    const found = detects(pipeline.code({ id: String(i), text: row.text, lang: 'ar' }), type);
    if (found && positive) tp++;
    else if (found) fp++;
    else if (positive) fn++;
  });
  return { name, type, sentences: rows.length - excluded, excluded, score: prf(tp, fp, fn) };
}

/**
 * Our own detection labels of a peer file's sentences (`eval/peer-labels/*.csv`: `id,label`, label yes / no /
 * ambiguous): the peer file stays where it is, only ids and our judgements are kept in the project.
 */
export function readLabels(path: string): Map<string, string> {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  const labels = new Map<string, string>();
  rows.forEach((row, i) => {
    const label = (row.label ?? '').trim();
    if (!row.id || !['yes', 'no', 'ambiguous'].includes(label)) throw new Error(`${path}: row ${i + 2}: expected an id and a label yes, no or ambiguous`);
    labels.set(row.id, label === 'no' ? 'easy no' : label);
  });
  return labels;
}

/** A gold record's sentence-level detection labels (`"detect": {"PROTEST": true}`), when it has them. */
export function detectLabel(record: object, type: EventType): boolean | undefined {
  const d = (record as { detect?: Record<string, unknown> }).detect;
  const v = d?.[type];
  return typeof v === 'boolean' ? v : undefined;
}

/** Score detection on gold records that carry a detection label for the type (others are left out). */
export function detectionOnGold(pipeline: Pipeline, gold: Array<CodedRecord & { text: string }>, type: EventType, name: string): DetectionResult {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let excluded = 0;
  for (const g of gold) {
    const positive = detectLabel(g, type);
    if (positive === undefined) {
      excluded++;
      continue;
    }
    const found = detects(pipeline.code(g.lang === 'und' ? { id: g.id, text: g.text } : { id: g.id, text: g.text, lang: g.lang }), type);
    if (found && positive) tp++;
    else if (found) fp++;
    else if (positive) fn++;
  }
  return { name, type, sentences: gold.length - excluded, excluded, score: prf(tp, fp, fn) };
}

const OLD_NAMES: Record<string, EventType> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' };

interface PloverGsrRecord {
  id: string;
  event?: string;
  text?: string;
  source?: Array<{ code?: string }> | string;
  target?: Array<{ code?: string }> | string;
}

/** A gold record set built from the PLOVER GSR (English, early PLOVER names mapped to current ones). */
export function ploverGold(path: string): Array<CodedRecord & { text: string }> {
  const all = JSON.parse(readFileSync(path, 'utf8')) as PloverGsrRecord[];
  const out: Array<CodedRecord & { text: string }> = [];
  for (const r of all) {
    if (!r.event || !r.text || r.id === 'DOCUMENT') continue;
    const type = (OLD_NAMES[r.event] ?? r.event) as EventType;
    const codes = (xs?: Array<{ code?: string }> | string): string[] => (Array.isArray(xs) ? xs : []).map((x) => (x.code ?? '').slice(0, 3)).filter((c) => /^[A-Z]{3}$/u.test(c));
    const sources = codes(r.source);
    const targets = codes(r.target);
    const events = sources.flatMap((s) => targets.filter((t) => t !== s).map((t) => ({
      source: s, target: t, type, domains: [], modality: 'asserted' as const, intensity: 0, evidence: { start: 0, end: r.text?.length ?? 0 },
    })));
    out.push({ id: r.id, lang: 'en', text: r.text, actors: [...new Set([...sources, ...targets])].sort(), events });
  }
  return out;
}

/** CAMEO code → PLOVER type, from CAMEO2PLOVER-2021.txt. */
export function readCameoToPlover(path: string): Map<string, EventType> {
  const map = new Map<string, EventType>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^(\d{2,4}):\s*([A-Z]+)/u.exec(line);
    if (m) map.set(m[1] as string, (OLD_NAMES[m[2] as string] ?? m[2]) as EventType);
  }
  return map;
}

/** A gold record set built from PETR2_GSR_validation.xml (English), CAMEO codes mapped to PLOVER. */
export function petrGold(path: string, cameo: Map<string, EventType>): Array<CodedRecord & { text: string }> {
  const xml = readFileSync(path, 'utf8');
  const out: Array<CodedRecord & { text: string }> = [];
  const blocks = xml.split(/<Sentence\s/u).slice(1);
  for (const b of blocks) {
    const id = /id="([^"]+)"/u.exec(b)?.[1];
    const text = /<Text>([\s\S]*?)<\/Text>/u.exec(b)?.[1]?.replace(/\s+/gu, ' ').trim();
    if (!id || !text) continue;
    const events = [...b.matchAll(/<EventCoding\s+([^>]*)\/?>/gu)].flatMap((m) => {
      const attrs = m[1] as string;
      const code = /eventcode="(\d+)"/u.exec(attrs)?.[1];
      const src = /sourcecode="([A-Z]+)"/u.exec(attrs)?.[1]?.slice(0, 3);
      const tgt = /targetcode="([A-Z]+)"/u.exec(attrs)?.[1]?.slice(0, 3);
      if (!code || !src || !tgt || src === tgt) return [];
      let type: EventType | undefined;
      for (let k = code.length; k >= 2 && !type; k--) type = cameo.get(code.slice(0, k));
      if (!type) return [];
      return [{ source: src, target: tgt, type, domains: [], modality: 'asserted' as const, intensity: 0, evidence: { start: 0, end: text.length } }];
    });
    const actors = [...new Set(events.flatMap((e) => [e.source, e.target]))].sort();
    out.push({ id, lang: 'en', text, actors, events });
  }
  return out;
}

/** Event scores on a peer gold set (actors counted only where the peer lists them). */
export function eventsOnPeer(pipeline: Pipeline, gold: Array<CodedRecord & { text: string }>): Evaluation {
  const preds = gold.map((g) => {
    const r = pipeline.code({ id: g.id, text: g.text, lang: 'en' });
    return { ...r, actors: r.actors.filter((a) => g.actors.includes(a)) };
  });
  return evaluate(gold, preds);
}

/** Where the peer data is: $MIZAN_PEERS, or ../shared/peers beside the checkout. */
export function peersDir(root: string): string | undefined {
  const candidates = [process.env.MIZAN_PEERS, join(root, '..', 'shared', 'peers')].filter(Boolean) as string[];
  return candidates.find((c) => existsSync(c));
}
