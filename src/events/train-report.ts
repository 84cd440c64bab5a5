/**
 * Train the report judgement (src/events/report.ts) on the ASSAULT development set of the
 * arabic_event_gsr peer benchmark, and write data/models/report.json.
 *
 *   node dist/src/events/train-report.js [--folds 5] [--repeats 3] [--l2 1] [--dry-run]
 *
 * Only assault_gsr.csv (development) is read; the PROTEST file is a test set and never touched here.
 * Two logistic models are fitted: `ASSAULT`, with every signal, and `general`, with the
 * type-independent signals only (no outcome words), used for every type without its own model.
 * Each is cross-validated by sentence: the threshold is picked on the training folds, then
 * detection F1 is measured on the held-out fold, counting a sentence as detected the way the
 * benchmark does (an asserted event, or an asserted trigger judged reported). A second figure
 * ("gated") counts a sentence only when one of its asserted mentions is judged reported, as if
 * asserted events counted only through their mention; `--rule gated` ships that threshold.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { dataPath, packageRoot } from '../core/paths.js';
import type { EventType } from '../core/types.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { peersDir } from '../eval/peers.js';
import { contextWords, scoreModel, setReportModel, type LogisticModel, type ReportModelFile } from './report.js';

/** One labelled sentence: whether an asserted event already detects it, and its asserted mentions. */
export interface Sample {
  text: string;
  label: boolean;
  byEvent: boolean;
  mentions: Array<Record<string, number>>;
}

/**
 * Features the general model may not use, because what they mean depends on the trigger's type:
 * per-type outcome words, ar.json's occurrence cues (mostly casualty words), and counts of
 * triggers of the same or other types (a rich lexicon stacks several mentions of one attack; a
 * protest comes with demands and accusations).
 */
export const TYPE_SPECIFIC = new Set(['outcome', 'outcomeClause', 'sameType', 'otherTypes', 'occurrence']);

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
      ws.push(1 / s.mentions.length);
    }
  }
  return fitLogistic(xs, ys, ws, features, l2);
}

/** A sentence's score: its best mention (1 when an asserted event detects it anyway). */
export function sentenceScore(m: LogisticModel, s: Sample, gated = false): number {
  if (s.byEvent && !gated) return 2;
  let best = -1;
  for (const f of s.mentions) best = Math.max(best, scoreModel(m, f));
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

/** Cross-validate a feature set: thresholds chosen on training folds, F1 pooled over held-out folds. */
export function crossValidate(samples: Sample[], features: string[], l2: number, folds: number, repeats: number, gated = false): { f1: number; precision: number; recall: number; oofThreshold: number; f1s: number[] } {
  const total = { tp: 0, fp: 0, fn: 0 };
  const f1s: number[] = [];
  const oof: Array<{ score: number; label: boolean }> = [];
  for (let r = 0; r < repeats; r++) {
    const pos = shuffle(samples.filter((s) => s.label), 17 + r);
    const neg = shuffle(samples.filter((s) => !s.label), 91 + r);
    const foldOf = new Map<Sample, number>();
    pos.forEach((s, i) => foldOf.set(s, i % folds));
    neg.forEach((s, i) => foldOf.set(s, i % folds));
    const rep = { tp: 0, fp: 0, fn: 0 };
    for (let k = 0; k < folds; k++) {
      const train = samples.filter((s) => foldOf.get(s) !== k);
      const test = samples.filter((s) => foldOf.get(s) === k);
      const m = fitOnSamples(train, features, l2);
      const thr = bestThreshold(train.map((s) => ({ score: sentenceScore(m, s, gated), label: s.label })));
      const scored = test.map((s) => ({ score: sentenceScore(m, s, gated), label: s.label }));
      if (r === 0) oof.push(...scored);
      const c = countAt(scored, thr);
      rep.tp += c.tp;
      rep.fp += c.fp;
      rep.fn += c.fn;
    }
    f1s.push(f1(rep));
    total.tp += rep.tp;
    total.fp += rep.fp;
    total.fn += rep.fn;
  }
  return {
    f1: f1(total), precision: total.tp / (total.tp + total.fp || 1), recall: total.tp / (total.tp + total.fn || 1),
    oofThreshold: bestThreshold(oof), f1s,
  };
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
    const doc = pipeline.analyse({ id: String(i), text: row.text, lang: 'ar' });
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
    out.push({ text: row.text, label: label === 'yes', byEvent, mentions });
  });
  setReportModel(undefined);
  return out;
}

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
    },
  });
  const folds = Number(values.folds);
  const repeats = Number(values.repeats);
  const l2 = Number(values.l2);
  const peers = peersDir(packageRoot());
  if (!peers) throw new Error('peer data not found (set MIZAN_PEERS)');
  const minDf = Number(values.bow);
  const samples = await loadSamples(join(peers, 'arabic_event_gsr', 'assault_gsr.csv'), 'ASSAULT', minDf > 0);
  const dropped = new Set(String(values.drop).split(',').filter(Boolean));
  const base = Object.keys(samples.find((s) => s.mentions.length)?.mentions[0] ?? {}).filter((f) => !f.startsWith('w:') && !dropped.has(f));
  const df = new Map<string, number>();
  for (const s of samples) for (const k of new Set(s.mentions.flatMap((m) => Object.keys(m).filter((x) => x.startsWith('w:'))))) df.set(k, (df.get(k) ?? 0) + 1);
  const vocab = minDf > 0 ? [...df].filter(([, c]) => c >= minDf).map(([k]) => k).sort() : [];
  const all = [...base, ...vocab];
  const general = base.filter((f) => !TYPE_SPECIFIC.has(f));
  const pos = samples.filter((s) => s.label).length;
  console.log(`assault dev: ${samples.length} sentences (${pos} yes), ${samples.filter((s) => s.mentions.length).length} with asserted mentions, ${samples.filter((s) => s.byEvent).length} detected by events alone (${samples.filter((s) => s.byEvent && s.label).length} yes)`);
  const file: ReportModelFile = { version: 1, trainedOn: 'arabic_event_gsr assault_gsr.csv (dev), sentence labels yes vs easy/difficult no', langs: { ar: {} as ReportModelFile['langs'][string] } };
  const models = file.langs.ar as Record<string, LogisticModel>;
  for (const [name, feats] of [['ASSAULT', all], ['general', general]] as const) {
    const cv = crossValidate(samples, feats, l2, folds, repeats);
    const g = crossValidate(samples, feats, l2, folds, repeats, true);
    const gatedThreshold = g.oofThreshold;
    const m = fitOnSamples(samples, feats, l2);
    m.threshold = values.rule === 'gated' ? gatedThreshold : cv.oofThreshold;
    const fit = countAt(samples.map((s) => ({ score: sentenceScore(m, s), label: s.label })), m.threshold);
    m.cv = { folds, repeats, l2, f1: cv.f1, precision: cv.precision, recall: cv.recall, gatedF1: g.f1, gatedPrecision: g.precision, gatedRecall: g.recall };
    models[name] = m;
    console.log(`${name} if asserted events counted only when their mention is judged reported: CV F1 ${(g.f1 * 100).toFixed(1)} P ${(g.precision * 100).toFixed(1)} R ${(g.recall * 100).toFixed(1)}`);
    console.log(`${name}: ${feats.length} features, ${folds}-fold CV x${repeats}: F1 ${(cv.f1 * 100).toFixed(1)} P ${(cv.precision * 100).toFixed(1)} R ${(cv.recall * 100).toFixed(1)} (per repeat ${cv.f1s.map((x) => (x * 100).toFixed(1)).join(' ')}); threshold ${m.threshold.toFixed(3)}; fit on all F1 ${(f1(fit) * 100).toFixed(1)}`);
    const ranked = m.features.map((f, i) => [f, m.weights[i] as number] as const).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
    console.log(`  weights: ${ranked.map(([f, w]) => `${f} ${w >= 0 ? '+' : ''}${w.toFixed(2)}`).join(', ')}`);
  }
  if (process.env.REPORT_DUMP) {
    const m = models.ASSAULT as LogisticModel;
    const lines = samples.map((s) => `${sentenceScore(m, s).toFixed(3)}\t${s.label ? 'Y' : 'N'}\t${s.byEvent ? 'E' : '-'}\t${s.text}`);
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
