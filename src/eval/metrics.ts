/** The contract's metrics: actors, directed and undirected events, domains and modality on matches. */
import type { CodedEvent, CodedRecord } from '../core/types.js';

/** Precision, recall and F1 with their counts. */
export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** A full evaluation. */
export interface Evaluation {
  records: number;
  actors: PRF;
  directed: PRF;
  undirected: PRF;
  domains: PRF;
  modality: { correct: number; total: number; accuracy: number };
  byLang: Record<string, { records: number; actors: PRF; directed: PRF; undirected: PRF; domains: PRF; modality: { correct: number; total: number; accuracy: number } }>;
  byType: Record<string, PRF>;
  confusions: Array<{ kind: string; gold: string; predicted: string; count: number; example: string }>;
  modalityConfusion: Record<string, Record<string, number>>;
}

/** Build a PRF from counts. */
export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

const dkey = (e: CodedEvent): string => `${e.source}|${e.target}|${e.type}`;
const ukey = (e: CodedEvent): string => (e.source < e.target ? `${e.source}|${e.target}|${e.type}` : `${e.target}|${e.source}|${e.type}`);

function firstBy(events: CodedEvent[], key: (e: CodedEvent) => string): Map<string, CodedEvent> {
  const m = new Map<string, CodedEvent>();
  for (const e of events) if (!m.has(key(e))) m.set(key(e), e);
  return m;
}

interface Counts {
  records: number;
  a: [number, number, number];
  d: [number, number, number];
  u: [number, number, number];
  dom: [number, number, number];
  mod: [number, number];
}
const zero = (): Counts => ({ records: 0, a: [0, 0, 0], d: [0, 0, 0], u: [0, 0, 0], dom: [0, 0, 0], mod: [0, 0] });

/**
 * Score predictions against gold, matching records by id. Domains and modality are scored on events
 * matched undirected (same unordered pair and type). A gold record with no prediction counts as empty.
 */
export function evaluate(gold: Array<CodedRecord & { text?: string }>, predicted: CodedRecord[]): Evaluation {
  const preds = new Map(predicted.map((p) => [p.id, p]));
  const total = zero();
  const perLang = new Map<string, Counts>();
  const perType = new Map<string, [number, number, number]>();
  const conf = new Map<string, { kind: string; gold: string; predicted: string; count: number; example: string }>();
  const modConf: Record<string, Record<string, number>> = {};
  const bump = (kind: string, g: string, p: string, example: string): void => {
    const k = `${kind}|${g}|${p}`;
    const c = conf.get(k);
    if (c) c.count++;
    else conf.set(k, { kind, gold: g, predicted: p, count: 1, example });
  };
  for (const g of gold) {
    const p = preds.get(g.id) ?? { id: g.id, lang: g.lang, actors: [], events: [] };
    const lc = perLang.get(g.lang) ?? zero();
    perLang.set(g.lang, lc);
    const add = (f: (c: Counts) => void): void => {
      f(total);
      f(lc);
    };
    add((c) => c.records++);
    const ga = new Set(g.actors);
    const pa = new Set(p.actors);
    const atp = [...pa].filter((x) => ga.has(x)).length;
    add((c) => {
      c.a[0] += atp;
      c.a[1] += pa.size - atp;
      c.a[2] += ga.size - atp;
    });
    for (const [which, key] of [['d', dkey], ['u', ukey]] as const) {
      const gm = firstBy(g.events, key);
      const pm = firstBy(p.events, key);
      let tp = 0;
      for (const k of pm.keys()) if (gm.has(k)) tp++;
      add((c) => {
        c[which][0] += tp;
        c[which][1] += pm.size - tp;
        c[which][2] += gm.size - tp;
      });
      if (which === 'd') {
        for (const [k, e] of gm) {
          const t = perType.get(e.type) ?? [0, 0, 0];
          if (pm.has(k)) t[0]++;
          else t[2]++;
          perType.set(e.type, t);
        }
        for (const [k, e] of pm) {
          if (gm.has(k)) continue;
          const t = perType.get(e.type) ?? [0, 0, 0];
          t[1]++;
          perType.set(e.type, t);
        }
      }
      if (which === 'u') {
        for (const [k, ge] of gm) {
          const pe = pm.get(k);
          if (!pe) {
            const samePair = p.events.find((e) => ukey({ ...e, type: ge.type }) === k);
            bump('type', ge.type, samePair ? samePair.type : '(none)', `${g.id}: ${ge.source}->${ge.target}`);
            continue;
          }
          const gd = new Set(ge.domains);
          const pd = new Set(pe.domains);
          const dtp = [...pd].filter((x) => gd.has(x)).length;
          add((c) => {
            c.dom[0] += dtp;
            c.dom[1] += pd.size - dtp;
            c.dom[2] += gd.size - dtp;
            c.mod[1]++;
            if (ge.modality === pe.modality) c.mod[0]++;
          });
          const row = (modConf[ge.modality] ??= {});
          row[pe.modality] = (row[pe.modality] ?? 0) + 1;
          if (ge.modality !== pe.modality) bump('modality', ge.modality, pe.modality, `${g.id}: ${ge.type}`);
          if (ge.source !== pe.source && ge.source !== ge.target) bump('direction', `${ge.source}->${ge.target}`, `${pe.source}->${pe.target}`, `${g.id}: ${ge.type}`);
        }
        for (const [k, pe] of pm) if (!gm.has(k)) bump('spurious', '(none)', pe.type, `${g.id}: ${pe.source}->${pe.target}`);
      }
    }
  }
  const finish = (c: Counts) => ({
    records: c.records,
    actors: prf(...c.a),
    directed: prf(...c.d),
    undirected: prf(...c.u),
    domains: prf(...c.dom),
    modality: { correct: c.mod[0], total: c.mod[1], accuracy: c.mod[1] ? c.mod[0] / c.mod[1] : 1 },
  });
  const byLang: Evaluation['byLang'] = {};
  for (const [l, c] of [...perLang].sort()) byLang[l] = finish(c);
  const byType: Record<string, PRF> = {};
  for (const [t, c] of [...perType].sort()) byType[t] = prf(...c);
  const confusions = [...conf.values()].sort((a, b) => b.count - a.count).slice(0, 25);
  return { ...finish(total), byLang, byType, confusions, modalityConfusion: modConf };
}

