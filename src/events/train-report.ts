/**
 * Train the report judgement (src/events/report.ts) and write data/models/report.json.
 *
 *   node dist/src/events/train-report.js [--folds 5] [--repeats 3] [--l2 1] [--gold-weight 2] [--dry-run]
 *
 * Read: assault_gsr.csv of the arabic_event_gsr peer benchmark (development), and the records of
 * eval/gold/dev that carry sentence-level detection labels (`"detect": {"PROTEST": true}`). The PROTEST
 * peer file is a test set and never touched here. Two logistic models are fitted: `ASSAULT`, with
 * every signal, on the assault sentences; and `general`, with the type-independent signals (each
 * type's own outcome words included), on the assault sentences and the labelled gold sentences
 * together, used for every type without its own model. Each is cross-validated by sentence, folds
 * stratified by type and label: the threshold is picked on the training folds' peer sentences, then
 * detection F1 is measured on the held-out fold, counting a sentence as detected the way the
 * benchmark does (an asserted event, or an asserted trigger judged reported); the general model's
 * held-out figures on each gold-labelled type are printed beside. A second figure ("gated") counts a
 * sentence only when one of its asserted mentions is judged reported, as if asserted events counted
 * only through their mention; `--rule gated` ships that threshold.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { dataPath, packageRoot } from '../core/paths.js';
import { EVENT_TYPES, type EventType, type Lang } from '../core/types.js';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';
import { detectLabel, peersDir } from '../eval/peers.js';
import type { GoldRecord } from '../eval/gold.js';
import { loadGoldPath } from '../eval/run.js';
import { contextWords, scoreModel, setReportModel, type LogisticModel, type ReportModelFile } from './report.js';

/** One labelled sentence: whether an asserted event already detects it, and its asserted mentions. */
export interface Sample {
  text: string;
  type: EventType;
  label: boolean;
  byEvent: boolean;
  mentions: Array<Record<string, number>>;
  /** How much the sentence weighs in training (1 for peer newswire). */
  weight: number;
  /** Where it comes from: the peer development set, or a gold file with detection labels. */
  origin: 'peer' | 'gold';
}

/**
 * Features the general model may not use, because what they mean depends on the trigger's type:
 * ar.json's occurrence cues (mostly casualty words), and counts of triggers of the same or other
 * types (a rich lexicon stacks several mentions of one attack; a protest comes with demands and
 * accusations). The outcome features stay: each type has its own outcome list in report-cues.json
 * (casualties for an attack, crowds and slogans for a protest), and the general model learns what
 * "the happening's own outcome is told" is worth from every type it is trained on.
 */
export const TYPE_SPECIFIC = new Set(['sameType', 'otherTypes', 'occurrence']);

/**
 * Signals added for the general model's sake (calls, bans, cancellations, an official as the actor,
 * a count beside the mention): they carry the report judgement over to types without data of their
 * own, but do not improve the ASSAULT model's cross-validated F1 (56.1 without them, 55.2 with), so
 * that model leaves them out.
 */
export const GENERAL_ONLY = new Set(['official', 'call', 'callBefore', 'rule', 'cancel', 'countNear']);

/** Fit a ridge-penalized logistic regression by Newton's method on standardized features. */
export function fitLogistic(xs: number[][], ys: number[], ws: number[], features: string[], l2: number): LogisticModel {
  const d = features.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  const W = ws.reduce((a, b) => a + b, 0) || 1;
  xs.forEach((x, i) => x.forEach((v, j) => (mean[j] = (mean[j] as number) + (ws[i] as number) * v)));
  for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) / W;
  xs.forEach((x, i) => x.forEach((v, j) => (scale[j] = (scale[j] as number) + (ws[i] as number) * (v - (mean[j] as number)) ** 2)));
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt((scale[j] as number) / W) || 1;
  const z = xs.map((x) => [1, ...x.map((v, j) => (v - (mean[j] as number)) / (scale[j] as number))]);
  const beta = new Array<number>(d + 1).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const g = new Array<number>(d + 1).fill(0);
    const H: number[][] = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    z.forEach((row, i) => {
      let s = 0;
      for (let j = 0; j <= d; j++) s += (beta[j] as number) * (row[j] as number);
      const p = 1 / (1 + Math.exp(-s));
      const w = ws[i] as number;
      const r = w * ((ys[i] as number) - p);
      const h = w * p * (1 - p);
      for (let j = 0; j <= d; j++) {
        g[j] = (g[j] as number) + r * (row[j] as number);
        const Hj = H[j] as number[];
        for (let k = j; k <= d; k++) Hj[k] = (Hj[k] as number) + h * (row[j] as number) * (row[k] as number);
      }
    });
    for (let j = 0; j <= d; j++) {
      for (let k = 0; k < j; k++) (H[j] as number[])[k] = (H[k] as number[])[j] as number;
      if (j > 0) {
        g[j] = (g[j] as number) - l2 * (beta[j] as number);
        (H[j] as number[])[j] = ((H[j] as number[])[j] as number) + l2;
      }
      (H[j] as number[])[j] = ((H[j] as number[])[j] as number) + 1e-9;
    }
    const step = solve(H, g);
    let change = 0;
    for (let j = 0; j <= d; j++) {
      beta[j] = (beta[j] as number) + (step[j] as number);
      change = Math.max(change, Math.abs(step[j] as number));
    }
    if (change < 1e-7) break;
  }
  return { features, mean, scale, weights: beta.slice(1), bias: beta[0] as number, threshold: 0.5 };
}

/** Solve A x = b by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs((M[r] as number[])[c] as number) > Math.abs((M[p] as number[])[c] as number)) p = r;
    [M[c], M[p]] = [M[p] as number[], M[c] as number[]];
    const pivot = (M[c] as number[])[c] as number;
    if (Math.abs(pivot) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = ((M[r] as number[])[c] as number) / pivot;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) (M[r] as number[])[k] = ((M[r] as number[])[k] as number) - f * ((M[c] as number[])[k] as number);
    }
  }
  return M.map((row, i) => ((row[n] as number) / ((row[i] as number) || 1)));
}

/** Fit a model on sentences: each mention carries its sentence's label, weighed 1/mentions. */
export function fitOnSamples(samples: Sample[], features: string[], l2: number): LogisticModel {
  const xs: number[][] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  for (const s of samples) {
    for (const m of s.mentions) {
      xs.push(features.map((f) => m[f] ?? 0));
      ys.push(s.label ? 1 : 0);
      ws.push(s.weight / s.mentions.length);
    }
  }
  return fitLogistic(xs, ys, ws, features, l2);
}

/** A sentence's score: its best mention (1 when an asserted event detects it anyway). */
export function sentenceScore(m: LogisticModel, s: Sample, gated: boolean | number = false): number {
  if (s.byEvent && gated === false) return 2;
  let best = -1;
  for (const f of s.mentions) best = Math.max(best, scoreModel(m, f));
  // A numeric gate: an event detects its sentence unless the model judges its mentions below the gate.
  if (s.byEvent && typeof gated === 'number') return best >= gated ? 2 : best;
  return best;
}

interface Counts { tp: number; fp: number; fn: number }

function f1(c: Counts): number {
  return c.tp ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0;
}

function countAt(scored: Array<{ score: number; label: boolean }>, thr: number): Counts {
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const s of scored) {
    const hit = s.score >= thr;
    if (hit && s.label) c.tp++;
    else if (hit) c.fp++;
    else if (s.label) c.fn++;
  }
  return c;
}

/** The threshold with the best F1 on scored sentences. */
export function bestThreshold(scored: Array<{ score: number; label: boolean }>): number {
  const cands = [...new Set(scored.map((s) => s.score).filter((x) => x >= 0 && x <= 1))].sort((a, b) => a - b);
  let best = 0.5;
  let bestF = -1;
  for (const t of cands) {
    const f = f1(countAt(scored, t));
    if (f > bestF) {
      bestF = f;
      best = t;
    }
  }
  // Halfway to the next lower score, so that small shifts do not flip the boundary sentence.
  const below = cands.filter((x) => x < best).pop();
  return below === undefined ? best : (best + below) / 2;
}

function shuffle<T>(xs: T[], seed: number): T[] {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Detection figures of one cross-validation. */
export interface CvResult {
  f1: number;
  precision: number;
  recall: number;
  oofThreshold: number;
  f1s: number[];
  /** Pooled held-out figures per event type. */
  byType: Record<string, { f1: number; precision: number; recall: number }>;
}

/**
 * Cross-validate a feature set, folds stratified by type and label: the threshold is chosen on the
 * training folds' peer sentences (real newswire, its real share of reports), F1 pooled over held-out
 * folds — overall on peer sentences, and per type on every sentence of that type.
 */
/** Report scores below which an event's own detection is dropped, as measured by the dry run. */
const EVENT_GATES = [0.02, 0.04, 0.06];

export function crossValidate(samples: Sample[], features: string[], l2: number, folds: number, repeats: number, gated: boolean | number = false): CvResult {
  const total = { tp: 0, fp: 0, fn: 0 };
  const perType = new Map<string, Counts>();
  const f1s: number[] = [];
  const oof: Array<{ score: number; label: boolean }> = [];
  const strata = [...new Set(samples.map((s) => `${s.type}/${s.label}`))];
  for (let r = 0; r < repeats; r++) {
    const foldOf = new Map<Sample, number>();
    strata.forEach((key, k) => shuffle(samples.filter((s) => `${s.type}/${s.label}` === key), 17 + 74 * k + r).forEach((s, i) => foldOf.set(s, i % folds)));
    const rep = { tp: 0, fp: 0, fn: 0 };
    for (let k = 0; k < folds; k++) {
      const train = samples.filter((s) => foldOf.get(s) !== k);
      const test = samples.filter((s) => foldOf.get(s) === k);
      const m = fitOnSamples(train, features, l2);
      const thr = bestThreshold(train.filter((s) => s.origin === 'peer').map((s) => ({ score: sentenceScore(m, s, gated), label: s.label })));
      for (const s of test) {
        const c = countAt([{ score: sentenceScore(m, s, gated), label: s.label }], thr);
        const t = perType.get(s.type) ?? { tp: 0, fp: 0, fn: 0 };
        t.tp += c.tp;
        t.fp += c.fp;
        t.fn += c.fn;
        perType.set(s.type, t);
        if (s.origin !== 'peer') continue;
        if (r === 0) oof.push({ score: sentenceScore(m, s, gated), label: s.label });
        rep.tp += c.tp;
        rep.fp += c.fp;
        rep.fn += c.fn;
      }
    }
    f1s.push(f1(rep));
    total.tp += rep.tp;
    total.fp += rep.fp;
    total.fn += rep.fn;
  }
  const figures = (c: Counts): { f1: number; precision: number; recall: number } => ({ f1: f1(c), precision: c.tp / (c.tp + c.fp || 1), recall: c.tp / (c.tp + c.fn || 1) });
  return { ...figures(total), oofThreshold: bestThreshold(oof), f1s, byType: Object.fromEntries([...perType].map(([t, c]) => [t, figures(c)])) };
}

/** Code one sentence into a sample: its asserted mentions of the type, and whether an event detects it. */
function codeSample(pipeline: Pipeline, id: string, text: string, lang: Lang, type: EventType, label: boolean, bow: boolean, origin: Sample['origin'], weight: number): Sample {
  const doc = pipeline.analyse(lang === 'und' ? { id, text } : { id, text, lang });
  const byEvent = doc.sentences.some((s) => s.events.some((e) => e.type === type && e.modality === 'asserted'));
  const mentions: Array<Record<string, number>> = [];
  for (const s of doc.sentences) {
    const words = bow ? contextWords(s.tokens) : [];
    for (const t of s.triggers) {
      if (t.type !== type || t.modality !== 'asserted' || !t.features) continue;
      const f: Record<string, number> = { ...t.features };
      for (const w of words) f[`w:${w}`] = 1;
      mentions.push(f);
    }
  }
  return { text, type, label, byEvent, mentions, weight, origin };
}

/** Read the development CSV and code it: one sample per non-ambiguous sentence. */
export async function loadSamples(path: string, type: EventType, bow = false): Promise<Sample[]> {
  setReportModel(null);
  const pipeline = await createPipeline({ fastText: false });
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  const out: Sample[] = [];
  rows.forEach((row, i) => {
    const label = (row.label ?? '').trim();
    if (label === 'ambiguous' || !row.text) return;
    out.push(codeSample(pipeline, String(i), row.text, 'ar', type, label === 'yes', bow, 'peer', 1));
  });
  setReportModel(undefined);
  return out;
}

/** Gold records with detection labels (`"detect": {"PROTEST": true}`): one sample per record and labelled type. */
export async function loadGoldSamples(gold: GoldRecord[], weight: number, bow = false): Promise<Sample[]> {
  setReportModel(null);
  const pipeline = await createPipeline({ fastText: false });
  const out: Sample[] = [];
  for (const g of gold) {
    for (const type of EVENT_TYPES) {
      const label = detectLabel(g, type);
      if (label !== undefined) out.push(codeSample(pipeline, g.id, g.text, g.lang, type, label, bow, 'gold', weight));
    }
  }
  setReportModel(undefined);
  return out;
}

const pct = (x: number): string => (x * 100).toFixed(1);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      folds: { type: 'string', default: '5' },
      repeats: { type: 'string', default: '3' },
      l2: { type: 'string', default: '1' },
      'dry-run': { type: 'boolean', default: false },
      drop: { type: 'string', default: '' },
      bow: { type: 'string', default: '0' },
      rule: { type: 'string', default: 'as-is' },
      'gold-weight': { type: 'string', default: '2' },
    },
  });
  const folds = Number(values.folds);
  const repeats = Number(values.repeats);
  const l2 = Number(values.l2);
  const goldWeight = Number(values['gold-weight']);
  const peers = peersDir(packageRoot());
  if (!peers) throw new Error('peer data not found (set MIZAN_PEERS)');
  const minDf = Number(values.bow);
  const assault = await loadSamples(join(peers, 'arabic_event_gsr', 'assault_gsr.csv'), 'ASSAULT', minDf > 0);
  const gold = await loadGoldSamples(loadGoldPath(join(packageRoot(), 'eval', 'gold', 'dev')), goldWeight, minDf > 0);
  const all = [...assault, ...gold];
  const dropped = new Set(String(values.drop).split(',').filter(Boolean));
  const base = Object.keys(assault.find((s) => s.mentions.length)?.mentions[0] ?? {}).filter((f) => !f.startsWith('w:') && !dropped.has(f));
  const df = new Map<string, number>();
  for (const s of assault) for (const k of new Set(s.mentions.flatMap((m) => Object.keys(m).filter((x) => x.startsWith('w:'))))) df.set(k, (df.get(k) ?? 0) + 1);
  const vocab = minDf > 0 ? [...df].filter(([, c]) => c >= minDf).map(([k]) => k).sort() : [];
  const general = base.filter((f) => !TYPE_SPECIFIC.has(f));
  console.log(`assault dev: ${assault.length} sentences (${assault.filter((s) => s.label).length} yes), ${assault.filter((s) => s.mentions.length).length} with asserted mentions, ${assault.filter((s) => s.byEvent).length} detected by events alone (${assault.filter((s) => s.byEvent && s.label).length} yes)`);
  for (const t of new Set(gold.map((s) => s.type))) {
    const g = gold.filter((s) => s.type === t);
    console.log(`gold dev ${t}: ${g.length} labelled sentences (${g.filter((s) => s.label).length} yes), ${g.filter((s) => s.mentions.length).length} with asserted mentions, weight ${goldWeight}`);
  }
  const file: ReportModelFile = { version: 2, trainedOn: 'ASSAULT: arabic_event_gsr assault_gsr.csv (dev); general: the same plus eval/gold/dev records with detection labels; sentence labels', langs: { ar: {} as ReportModelFile['langs'][string] } };
  const models = file.langs.ar as Record<string, LogisticModel>;
  const show = (name: string, feats: string[], samples: Sample[]): LogisticModel => {
    const cv = crossValidate(samples, feats, l2, folds, repeats);
    const g = crossValidate(samples, feats, l2, folds, repeats, true);
    const m = fitOnSamples(samples, feats, l2);
    m.threshold = values.rule === 'gated' ? g.oofThreshold : cv.oofThreshold;
    const peer = samples.filter((s) => s.origin === 'peer');
    const fit = countAt(peer.map((s) => ({ score: sentenceScore(m, s), label: s.label })), m.threshold);
    m.cv = { folds, repeats, l2, f1: cv.f1, precision: cv.precision, recall: cv.recall, gatedF1: g.f1, gatedPrecision: g.precision, gatedRecall: g.recall };
    for (const [t, r] of Object.entries(cv.byType)) if (t !== 'ASSAULT') Object.assign(m.cv, { [`${t}.f1`]: r.f1, [`${t}.precision`]: r.precision, [`${t}.recall`]: r.recall });
    console.log(`${name}: ${feats.length} features, ${folds}-fold CV x${repeats} on assault: F1 ${pct(cv.f1)} P ${pct(cv.precision)} R ${pct(cv.recall)} (per repeat ${cv.f1s.map(pct).join(' ')}); threshold ${m.threshold.toFixed(3)}; fit on all F1 ${pct(f1(fit))}; gated CV F1 ${pct(g.f1)} P ${pct(g.precision)} R ${pct(g.recall)}`);
    for (const [t, r] of Object.entries(cv.byType)) if (t !== 'ASSAULT') console.log(`  held-out ${t} (gold dev): F1 ${pct(r.f1)} P ${pct(r.precision)} R ${pct(r.recall)}`);
    for (const gate of EVENT_GATES) {
      const e = crossValidate(samples, feats, l2, folds, repeats, gate);
      console.log(`  events below ${gate} dropped: CV F1 ${pct(e.f1)} P ${pct(e.precision)} R ${pct(e.recall)}`);
    }
    for (const t of new Set(samples.filter((s) => s.origin === 'gold').map((s) => s.type))) {
      const c = countAt(samples.filter((s) => s.type === t && s.origin === 'gold').map((s) => ({ score: sentenceScore(m, s), label: s.label })), m.threshold);
      console.log(`  in-sample ${t} (gold dev): F1 ${pct(f1(c))} (tp ${c.tp} fp ${c.fp} fn ${c.fn})`);
    }
    const ranked = m.features.map((f, i) => [f, m.weights[i] as number] as const).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
    console.log(`  weights: ${ranked.map(([f, w]) => `${f} ${w >= 0 ? '+' : ''}${w.toFixed(2)}`).join(', ')}`);
    return m;
  };
  models.ASSAULT = show('ASSAULT', [...base.filter((f) => !GENERAL_ONLY.has(f)), ...vocab], assault);
  // Transfer: the general signals trained on assault sentences alone, read on the other types' gold sentences.
  const transfer = fitOnSamples(assault, general, l2);
  transfer.threshold = crossValidate(assault, general, l2, folds, 1).oofThreshold;
  for (const t of new Set(gold.map((s) => s.type))) {
    const c = countAt(gold.filter((s) => s.type === t).map((s) => ({ score: sentenceScore(transfer, s), label: s.label })), transfer.threshold);
    console.log(`general trained on assault only, read on ${t} gold dev: F1 ${pct(f1(c))} (tp ${c.tp} fp ${c.fp} fn ${c.fn})`);
  }
  models.general = show('general', general, all);
  if (process.env.REPORT_DUMP) {
    const lines = all.map((s) => `${sentenceScore(models[s.type] ?? (models.general as LogisticModel), s).toFixed(3)}\t${s.type}\t${s.label ? 'Y' : 'N'}\t${s.byEvent ? 'E' : '-'}\t${s.text}`);
    writeFileSync(process.env.REPORT_DUMP, `${lines.join('\n')}\n`);
  }
  if (!values['dry-run']) {
    const out = dataPath('models', 'report.json');
    const round = (m: LogisticModel): LogisticModel => ({ ...m, mean: m.mean.map((x) => +x.toFixed(6)), scale: m.scale.map((x) => +x.toFixed(6)), weights: m.weights.map((x) => +x.toFixed(6)), bias: +m.bias.toFixed(6), threshold: +m.threshold.toFixed(6) });
    for (const k of Object.keys(models)) models[k] = round(models[k] as LogisticModel);
    writeFileSync(out, `${JSON.stringify(file, null, 1)}\n`);
    console.log(`model written to ${out}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
