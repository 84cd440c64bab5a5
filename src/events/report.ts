/**
 * Is an event mention a report of a concrete happening, or a word used in passing?
 *
 * Each mention gets type-independent signals (where it stands in the sentence's clauses, what
 * governs it, signs of a concrete happening around it: time, place, counts, attribution; signs of
 * a mention in passing: background prepositions, generic, judicial, historical and opinion words),
 * and a logistic model (data/models/report.json, trained by src/events/train-report.ts) weighs
 * them. A type with its own trained model uses it; any other type uses the general model, which
 * sees only the type-independent signals. Without a model file, or for a language the model was
 * not trained on, the old rule stands: a verb, or a noun in a sentence with an occurrence cue.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Lang } from '../core/types.js';
import { dataPath } from '../core/paths.js';
import type { SeqMatch } from '../text/seq-index.js';
import { SentenceMatches } from '../text/tagged-index.js';
import { LastMemo } from '../text/last-memo.js';
import { AR_POSSESSIVE, eventLexicon, VERBAL_SECTORS, type TriggerSense } from './lexicon.js';
import type { ReportCue } from './report-cues.js';
import type { Token } from '../text/tokenize.js';
import type { Structure } from './structure.js';

/** Where a trigger's arguments are looked for, and what made it verbal. */
export interface Anchor {
  start: number;
  end: number;
  verbal: boolean;
  by: 'light' | 'reporting' | 'lightInverse' | 'self';
}

/** The judgement on one mention, with the signals behind it. */
export interface ReportJudgement {
  reported: boolean;
  /** The model's probability that the mention reports a happening, when a model judged it. */
  score?: number;
  features?: Record<string, number>;
}

/** One logistic model: features standardized by mean and scale, then weighed. */
export interface LogisticModel {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  threshold: number;
  /** Cross-validated figures recorded by the trainer (informative only). */
  cv?: Record<string, number>;
}

/** The model file: per-language models, `general` for types without their own. */
export interface ReportModelFile {
  version: number;
  trainedOn: string;
  langs: Record<string, { general: LogisticModel } & Record<string, LogisticModel>>;
}

let modelFile: ReportModelFile | null | undefined;

/** The model file, loaded once (null when absent). */
export function reportModel(): ReportModelFile | null {
  if (modelFile !== undefined) return modelFile;
  const path = dataPath('models', 'report.json');
  modelFile = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ReportModelFile) : null;
  return modelFile;
}

/** Use this model file instead of data/models/report.json (null: no model; undefined: reload). */
export function setReportModel(m: ReportModelFile | null | undefined): void {
  modelFile = m;
}

/** The language of a sentence, from its tokens' scripts. */
export function sentenceLang(st: Structure): Exclude<Lang, 'und'> {
  let ar = 0;
  let cyr = 0;
  let lat = 0;
  for (const t of st.tokens) {
    if (t.kind === 'ar') ar++;
    else if (t.kind === 'cyr') cyr++;
    else if (t.kind === 'lat') lat++;
  }
  if (ar >= cyr && ar >= lat && ar > 0) return 'ar';
  return cyr > lat ? 'ru' : 'en';
}

/** The probability a logistic model gives a feature set. */
export function scoreModel(m: LogisticModel, f: Record<string, number>): number {
  let z = m.bias;
  for (let i = 0; i < m.features.length; i++) {
    const x = f[m.features[i] as string] ?? 0;
    z += (m.weights[i] ?? 0) * ((x - (m.mean[i] ?? 0)) / (m.scale[i] || 1));
  }
  return 1 / (1 + Math.exp(-z));
}

/** Judge a mention: the trained model for its type (or the general one), else the old rule. */
export function judgeReport(st: Structure, hit: SeqMatch<TriggerSense>, anchor: Anchor, index: number): ReportJudgement {
  const features = reportFeatures(st, hit, anchor, index);
  const models = reportModel()?.langs[sentenceContext(st).lang];
  if (!models) return { reported: anchor.verbal || (features.occurrence ?? 0) > 0, features };
  const m = models[hit.value.entry.type] ?? models.general;
  let input = features;
  if (m.features.some((f) => f.startsWith('w:'))) {
    input = { ...features };
    for (const w of contextWords(st.tokens)) input[`w:${w}`] = 1;
  }
  const score = scoreModel(m, input);
  return { reported: score >= m.threshold, score, features };
}

/** A sentence's words for a bag-of-words model: Arabic words without و/ف and the article. */
export function contextWords(tokens: readonly Token[]): string[] {
  const out = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'ar') continue;
    let w = t.norm.replace(/^[وف](?=..)/u, '');
    w = w.replace(/^(?:ال|بال|لل|كال)(?=..)/u, '');
    if (w.length >= 2) out.add(w);
  }
  return [...out];
}

const RELATIVE = new Set(['الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللذان', 'اللتان', 'اللواتي', 'which', 'that', 'who', 'который', 'которая', 'которое', 'которые']);
const OPEN_QUOTES = new Set(['«', '"', '“', '„']);
const CLOSE_QUOTES = new Set(['»', '”']);

/** A class no cue of the sentence belongs to: shared, never changed. */
const NO_CUES: ReadonlyArray<SeqMatch<ReportCue>> = [];

const cuesBySentence = new LastMemo<Structure, Map<ReportCue, Array<SeqMatch<ReportCue>>>>();

/** A sentence's report cues outside its triggers, by class, in sentence order (scanned once per sentence). */
function reportCuesOf(st: Structure, lang: Exclude<Lang, 'und'>): Map<ReportCue, Array<SeqMatch<ReportCue>>> {
  let byClass = cuesBySentence.get(st);
  if (byClass) return byClass;
  byClass = new Map();
  // The cues of the sentence's own language: usually the lexicon's, already matched with its other dictionaries.
  const lex = eventLexicon(lang);
  const matches = lex.index === st.matches.index ? st.matches : new SentenceMatches(lex.index, st.tokens.length, st.keysOf);
  const n = st.tokens.length;
  const inTrigger = (m: SeqMatch<ReportCue>): boolean => st.triggers.some((t) => t.start <= m.start && m.start < t.end);
  if (lex.reportCues.size > 0) {
    for (let i = 0; i < n; ) {
      const ms = matches.at(lex.reportCues, i);
      if (ms.length) {
        for (const m of ms) {
          if (inTrigger(m)) continue;
          const list = byClass.get(m.value);
          if (list) list.push(m);
          else byClass.set(m.value, [m]);
        }
        i = (ms[0] as SeqMatch<ReportCue>).end;
      } else i++;
    }
  }
  cuesBySentence.set(st, byClass);
  return byClass;
}

/** What every trigger of a sentence shares in its report features: computed once per sentence. */
interface SentenceContext {
  lang: Exclude<Lang, 'und'>;
  /** Cue classes of the structure and how often each occurs. */
  cueCounts: Map<string, number>;
  /** Token k's clause starts at clauseStart[k]. */
  clauseStart: Int32Array;
  /** Open quotes not yet closed before token k. */
  quoteDepth: Int32Array;
  numbers: number;
  years: number;
  question: number;
  quote: number;
  locGroups: number;
  armed: number;
  states: number;
  groupsByClause: Map<number, number>;
  /** Trigger types and how many triggers of each. */
  triggerTypes: Map<string, number>;
}

const contexts = new LastMemo<Structure, SentenceContext>();

function sentenceContext(st: Structure): SentenceContext {
  const cached = contexts.get(st);
  if (cached) return cached;
  const n = st.tokens.length;
  const cueCounts = new Map<string, number>();
  for (const c of st.cues) cueCounts.set(c.value, (cueCounts.get(c.value) ?? 0) + 1);
  const clauseStart = new Int32Array(n);
  const quoteDepth = new Int32Array(n + 1);
  let numbers = 0;
  let years = 0;
  let question = 0;
  let quote = 0;
  let depth = 0;
  for (let k = 0; k < n; k++) {
    clauseStart[k] = k > 0 && st.clauseOf[k - 1] === st.clauseOf[k] ? (clauseStart[k - 1] as number) : k;
    quoteDepth[k] = depth;
    const t = st.tokens[k] as Token;
    if (OPEN_QUOTES.has(t.norm)) {
      depth = t.norm === '"' ? 1 - depth : depth + 1;
      quote = 1;
    } else if (CLOSE_QUOTES.has(t.norm)) depth = Math.max(0, depth - 1);
    if (t.norm === '?' || t.norm === '؟') question = 1;
    if (t.kind === 'num') {
      numbers++;
      if (/^(?:19|20)\d\d$/u.test(t.norm)) years++;
    }
  }
  quoteDepth[n] = depth;
  const groupsByClause = new Map<number, number>();
  const states = new Set<string>();
  let locGroups = 0;
  let armed = 0;
  for (const g of st.groups) {
    const c = st.clauseOf[g.start] as number;
    groupsByClause.set(c, (groupsByClause.get(c) ?? 0) + 1);
    if (g.governor === 'locative') locGroups = 1;
    for (const m of g.members) {
      if (m.kind === 'armed') armed = 1;
      if (m.kind === 'state') states.add(m.code);
    }
  }
  const triggerTypes = new Map<string, number>();
  for (const t of st.triggers) triggerTypes.set(t.value.entry.type, (triggerTypes.get(t.value.entry.type) ?? 0) + 1);
  const ctx: SentenceContext = {
    lang: sentenceLang(st), cueCounts, clauseStart, quoteDepth, numbers, years, question, quote, locGroups, armed,
    states: states.size, groupsByClause, triggerTypes,
  };
  contexts.set(st, ctx);
  return ctx;
}

/** Signals that an event mention reports a concrete happening rather than naming one in passing. */
export function reportFeatures(st: Structure, hit: SeqMatch<TriggerSense>, anchor: Anchor, index: number): Record<string, number> {
  const n = st.tokens.length;
  const ctx = sentenceContext(st);
  const lang = ctx.lang;
  const type = hit.value.entry.type;
  const clause = st.clauseOf[hit.start] as number;
  const clauseStart = ctx.clauseStart[hit.start] as number;
  const startCue = st.cueAt[clauseStart];
  const tok = st.tokens[hit.start];
  const key = hit.keys[0] ?? '';
  const count = (c: string): number => ctx.cueCounts.get(c) ?? 0;

  // The report cues of data/events/report-cues.json, scanned over the sentence once for all its triggers.
  const byClass = reportCuesOf(st, lang);
  const cls = (c: ReportCue): ReadonlyArray<SeqMatch<ReportCue>> => byClass.get(c) ?? NO_CUES;
  const any = (c: ReportCue): number => (cls(c).length > 0 ? 1 : 0);
  const sameClause = (c: ReportCue): number => (cls(c).some((m) => st.clauseOf[m.start] === clause) ? 1 : 0);
  const near = (c: ReportCue, w: number): number => (cls(c).some((m) => st.clauseOf[m.start] === clause && m.end >= hit.start - w && m.start <= hit.end + w) ? 1 : 0);
  const before = (c: ReportCue, w: number): number => (cls(c).some((m) => m.end <= hit.start && m.end >= hit.start - w) ? 1 : 0);

  // The trigger word itself: prefixes (article, proclitic preposition), possessive, plural.
  const norm = tok?.norm ?? '';
  const at = lang === 'ar' ? norm.lastIndexOf(key) : -1;
  const prefix = at > 0 ? norm.slice(0, at) : '';
  const suffix = at >= 0 ? norm.slice(at + key.length) : '';
  const noun = !anchor.verbal;
  const bare = prefix.replace(/^[وف]/u, '');

  // Quotation: an open quote before the trigger not yet closed.
  const depth = ctx.quoteDepth[hit.start] as number;

  const { numbers: numCount, years } = ctx;
  const prevNorm = st.tokens[hit.start - 1]?.norm ?? '';
  const nextRel = [hit.end, hit.end + 1, hit.end + 2].some((k) => RELATIVE.has(st.tokens[k]?.norm ?? ''));
  const otherTypes = ctx.triggerTypes.size - (ctx.triggerTypes.has(type) ? 1 : 0);
  const outcome = `outcome:${type}` as ReportCue;
  const official = st.groups.some((g) => g.governor === 'none' && st.clauseOf[g.start] === clause && g.start < hit.end + 3 && g.end > hit.start - 3 && g.members.some((m) => m.sector !== undefined && VERBAL_SECTORS.has(m.sector)));

  return {
    verb: hit.value.pos === 'verb' ? 1 : 0,
    present: hit.value.present ? 1 : 0,
    light: anchor.by === 'light' ? 1 : 0,
    reporting: anchor.by === 'reporting' ? 1 : 0,
    article: noun && /ال$/u.test(bare) ? 1 : 0,
    preposed: noun && /^[بلك]/u.test(bare) ? 1 : 0,
    purpose: noun && /^ل/u.test(bare) ? 1 : 0,
    possessive: noun && lang === 'ar' && AR_POSSESSIVE.test(key + suffix) ? 1 : 0,
    plural: noun && lang === 'ar' && /ات$/u.test(key + suffix) ? 1 : 0,
    afterIn: noun && (['في', 'in', 'в', 'во'].includes(prevNorm) || /^ب/u.test(bare)) ? 1 : 0,
    afterBackground: before('background', 2),
    afterGeneric: before('generic', 3),
    relativeNext: nextRel ? 1 : 0,
    actorAfter: st.groups.some((g) => g.start >= hit.end && g.start <= hit.end + 3 && st.clauseOf[g.start] === clause) ? 1 : 0,
    actorBefore: st.groups.some((g) => g.end <= hit.start && g.end >= hit.start - 2 && st.clauseOf[g.start] === clause) ? 1 : 0,
    clause0: clause === 0 ? 1 : 0,
    clauseIndex: Math.min(3, clause) / 3,
    relative: startCue === 'clauseBreak' ? 1 : 0,
    complement: startCue === 'complementizer' ? 1 : 0,
    quoted: depth > 0 ? 1 : 0,
    firstTrigger: index === 0 ? 1 : 0,
    position: n ? hit.start / n : 0,
    sameType: Math.min(3, ctx.triggerTypes.get(type) ?? 0) / 3,
    otherTypes: Math.min(3, otherTypes) / 3,
    occurrence: Math.min(3, count('occurrence')),
    reportingCues: Math.min(3, count('reporting')) / 3,
    conditional: count('conditional') > 0 ? 1 : 0,
    negation: count('negation') + count('negationVerb') > 0 ? 1 : 0,
    speculation: count('speculative') + count('speculativeClause') + count('hypothetical') > 0 ? 1 : 0,
    futureCue: count('future') + count('futureClause') + count('futureTime') > 0 ? 1 : 0,
    numbers: Math.min(3, numCount - years) / 3,
    year: years > 0 ? 1 : 0,
    question: ctx.question,
    quote: ctx.quote,
    length: Math.min(1, n / 60),
    groups: Math.min(3, st.groups.length) / 3,
    locGroups: ctx.locGroups,
    time: any('time'),
    timeClause: sameClause('time'),
    happen: any('happen'),
    happenNear: near('happen', 3),
    clauseGroups: Math.min(2, ctx.groupsByClause.get(clause) ?? 0) / 2,
    armed: ctx.armed,
    states: Math.min(3, ctx.states) / 3,
    verbMain: hit.value.pos === 'verb' && clause === 0 ? 1 : 0,
    nounBare: noun && bare === '' ? 1 : 0,
    place: any('place'),
    placeClause: sameClause('place'),
    count: any('count'),
    attribution: any('attribution'),
    background: any('background'),
    generic: any('generic'),
    reaction: any('reaction'),
    opinion: Math.min(2, cls('opinion').length) / 2,
    history: any('history'),
    judicial: any('judicial'),
    plan: any('plan'),
    responsibility: any('responsibility'),
    topic: any('topic'),
    afterTopic: before('topic', 2),
    outcome: any(outcome),
    outcomeClause: sameClause(outcome),
    official: official ? 1 : 0,
    call: any('call'),
    callBefore: before('call', 4),
    rule: any('rule'),
    cancel: any('cancel'),
    countNear: near('count', 4),
  };
}
