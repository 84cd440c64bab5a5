/** Modality of a trigger: negation, future, speculation and norms in its scope. */
import type { Modality } from '../core/types.js';
import type { SeqMatch } from '../text/seq-index.js';
import { LastMemo } from '../text/last-memo.js';
import type { CueClass, TriggerSense } from './lexicon.js';
import type { Structure } from './structure.js';

/** How far before its anchor an adjacent cue (not, will, may, لم، سوف، قد، не) may stand. */
const ADJACENT = 3;
/** How far back a clause cue (expected to, من المتوقع أن, denied, планирует) may stand. */
const CLAUSE = 12;

const ADJACENT_CUES: Partial<Record<CueClass, Modality>> = {
  negation: 'negated', future: 'future', speculative: 'speculative', normative: 'normative',
};
const CLAUSE_CUES: Partial<Record<CueClass, Modality>> = {
  negationVerb: 'negated', futureClause: 'future', speculativeClause: 'speculative', normativeClause: 'normative',
  conditional: 'speculative', hypothetical: 'speculative',
};

/** The modality of the act a trigger reports. */
export function modalityOf(st: Structure, hit: SeqMatch<TriggerSense>, anchor: { start: number; end: number }, lang: string): Modality {
  const clause = st.clauseOf[hit.start] as number;
  let nearest: { modality: Modality; distance: number } | undefined;
  let negated = false;
  let hedged = false;
  const consider = (modality: Modality, distance: number): void => {
    if (modality === 'speculative') hedged = true;
    if (modality === 'negated') negated = true;
    else if (!nearest || distance < nearest.distance) nearest = { modality, distance };
  };
  // Cues between the anchor (a light verb) and the trigger count as adjacent too.
  const scanStart = Math.min(anchor.start, hit.start);
  const cues = st.cues;
  // Only cues near the trigger can count: walk back from it while a cue may still be in its clause, inside
  // its anchor or within reach of a clause cue (each of these only gets less true further back), and
  // forward to the end of its clause. Linear in the sentence, not quadratic, and the same result.
  let lo = firstCueFrom(cues, hit.start);
  while (lo > 0) {
    const c = cues[lo - 1] as SeqMatch<CueClass>;
    if (st.clauseOf[c.start] !== clause && c.start < anchor.start && wordsBetween(st, c.end, scanStart) >= CLAUSE) break;
    lo--;
  }
  for (let ci = lo; ci < cues.length; ci++) {
    const cue = cues[ci] as SeqMatch<CueClass>;
    if (cue.start >= hit.start && st.clauseOf[cue.start] !== clause) break;
    if (cue.value === 'futureTime' && st.clauseOf[cue.start] === clause) {
      // A past verb stays past ("اتفقتا على إعادة الأطفال مطلع الشهر المقبل"): the date belongs to what was agreed.
      if (cue.start >= hit.end && (pastVerb(st, hit) || pastVerbOver(st, hit))) continue;
      consider('future', cue.start >= hit.end ? cue.start - hit.end : Math.max(0, scanStart - cue.end));
      continue;
    }
    if (cue.end > hit.start || cue.start >= hit.start) continue;
    const distance = wordsBetween(st, cue.end, scanStart);
    const within = cue.start >= anchor.start && cue.end <= hit.start;
    const adjacent = ADJACENT_CUES[cue.value];
    const qad = lang === 'ar' && adjacent === 'speculative' && st.tokens[cue.start]?.norm.replace(/^[وف]/u, '') === 'قد';
    if (adjacent && (within || (distance >= 0 && distance < ADJACENT)) && st.clauseOf[cue.start] === clause) {
      if (qad && !presentAt(st, hit, anchor.start)) continue;
      consider(adjacent, distance);
      continue;
    }
    // قد before a present verb that is no act itself hedges the act it leads to ("قد تلجأ واشنطن إلى فرض رسوم").
    if (qad && hit.value.pos === 'noun' && presentVerbAt(st, cue.end) && st.clauseOf[cue.start] === clause && distance >= 0 && distance < CLAUSE
      && !triggerBetween(st, cue.end, hit.start)) {
      consider('speculative', distance);
      continue;
    }
    const wide = CLAUSE_CUES[cue.value];
    if (wide && distance >= 0 && distance < CLAUSE && !hardBreakBetween(st, cue.end, scanStart) && !triggerBetween(st, cue.end, hit.start)) {
      consider(wide, distance + ADJACENT);
    }
  }
  if (lang === 'ar' && hasFuturePrefix(st, hit, anchor.start)) consider('future', 0);
  // The support verb itself may carry the modality ("يعتزم استدعاء", "plans a sit-in", "должен провести").
  const own = anchor.start < hit.start ? st.cueAt[anchor.start] : undefined;
  const ownModality = own ? (CLAUSE_CUES[own] ?? ADJACENT_CUES[own]) : undefined;
  if (ownModality) consider(ownModality, 0);
  if (obligedBefore(st, hit.start)) consider('normative', 1);
  if (negated) return 'negated';
  // A hedge on a verb outweighs a future form or date: "may … will", "возможно, откроет".
  if (hedged && nearest?.modality === 'future' && hit.value.pos === 'verb') return 'speculative';
  if (!nearest && hit.value.entry.modality) return hit.value.entry.modality;
  if (!nearest && hit.value.pos === 'noun' && anchor.start === hit.start) {
    const governing = governingVerb(st, hit);
    if (governing) return governing;
  }
  return nearest?.modality ?? 'asserted';
}

/**
 * The modality a noun takes from the verb whose object it is ("قد تستضيف مسقط جولة من المحادثات"):
 * speculative, future and normative pass down; negation does not (the act named may still have happened).
 */
function governingVerb(st: Structure, hit: SeqMatch<TriggerSense>): Modality | undefined {
  const clause = st.clauseOf[hit.start];
  for (const t of st.triggers) {
    if (t.end > hit.start || hit.start - t.end > 6 || t.value.pos !== 'verb' || st.clauseOf[t.start] !== clause) continue;
    if (st.groups.some((g) => g.start >= t.end && g.end <= hit.start && g.governor !== 'none')) continue;
    const m = modalityOf(st, t, { start: t.start, end: t.end }, st.tokens[t.start]?.kind === 'ar' ? 'ar' : 'en');
    if (m === 'speculative' || m === 'future' || m === 'normative') return m;
  }
  return undefined;
}

/** Clause cues reach over complementizers ("denied that", "نفى أن") but not over ; or a new sentence part. */
function hardBreakBetween(st: Structure, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const n = st.tokens[k]?.norm;
    if (n === ';' || n === '؛' || st.cueAt[k] === 'clauseBreak') return true;
  }
  return false;
}

/** A verb in a past form: Arabic past stem, English -ed, Russian -л/-ла/-ли/-ло. */
function pastVerb(st: Structure, hit: SeqMatch<TriggerSense>): boolean {
  if (hit.value.pos !== 'verb') return false;
  const t = st.tokens[hit.start];
  if (!t) return false;
  if (t.kind === 'ar') return hit.value.present !== true && !/^[وف]?س/u.test(t.norm);
  if (t.kind === 'lat') return /ed$/u.test(t.norm);
  if (t.kind === 'cyr') return /(?:л|ла|ло|ли|лся|лась|лись)$/u.test(t.norm);
  return false;
}

/** Words between a verb and its object noun, its subject between them ("وقع العراق والأردن مذكرة"). */
const OBJECT_REACH = 4;

/**
 * The act's noun is the object of a past verb of the same act ("وقع العراق والأردن مذكرة تفاهم لربط … قبل نهاية العام
 * المقبل"): the date after it belongs to what was signed for, as after a past verb itself.
 */
function pastVerbOver(st: Structure, hit: SeqMatch<TriggerSense>): boolean {
  if (hit.value.pos !== 'noun') return false;
  return st.triggers.some((t) => t.value.pos === 'verb' && t.end <= hit.start && t.value.entry.type === hit.value.entry.type
    && st.clauseOf[t.start] === st.clauseOf[hit.start] && wordsBetween(st, t.end, hit.start) <= OBJECT_REACH && pastVerb(st, t));
}

/** Words between two positions, punctuation not counted ("возможно, откроет"); negative when reversed. */
function wordsBetween(st: Structure, from: number, to: number): number {
  if (to < from) return to - from;
  const words = wordCounts(st);
  const at = (k: number): number => words[Math.max(0, Math.min(k, words.length - 1))] as number;
  return at(to) - at(from);
}

const wordCountCache = new LastMemo<Structure, Int32Array>();

/** `counts[k]`: the words (tokens other than punctuation) before token k, for each k up to the length. */
function wordCounts(st: Structure): Int32Array {
  let counts = wordCountCache.get(st);
  if (!counts) {
    counts = new Int32Array(st.tokens.length + 1);
    for (let k = 0; k < st.tokens.length; k++) counts[k + 1] = (counts[k] as number) + (st.tokens[k]?.kind !== 'punct' ? 1 : 0);
    wordCountCache.set(st, counts);
  }
  return counts;
}

/** The index of the first cue starting at or after token `pos` (cues are in sentence order). */
function firstCueFrom(cues: ReadonlyArray<SeqMatch<CueClass>>, pos: number): number {
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cues[mid] as SeqMatch<CueClass>).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** "على X أن …" / "يجب على X …" before the act: an obligation (normative). */
function obligedBefore(st: Structure, pos: number): boolean {
  return firstObliged(st) < pos;
}

const obligedCache = new LastMemo<Structure, number>();

/** Where the sentence's first obliged group ("على X") starts (Infinity when none): computed once per sentence. */
function firstObliged(st: Structure): number {
  let first = obligedCache.get(st);
  if (first !== undefined) return first;
  first = Infinity;
  for (const g of st.groups) {
    if (g.governor !== 'none') continue;
    const prep = g.govStart === g.start ? g.start - 1 : g.govStart;
    if (prep >= 0 && (st.tokens[prep]?.norm ?? '').replace(/^[وف]/u, '') === 'علي' && st.cueAt[prep] === 'targetPrep') first = Math.min(first, g.start);
  }
  obligedCache.set(st, first);
  return first;
}

/** Another trigger stands between a clause cue and this trigger: the cue belongs to that one. */
function triggerBetween(st: Structure, from: number, to: number): boolean {
  return st.triggers.some((t) => t.start >= from && t.end <= to);
}

/** An Arabic present verb, or its support verb, written with the future prefix سـ (سيزور، وستقدم). */
function hasFuturePrefix(st: Structure, hit: SeqMatch<TriggerSense>, anchorStart: number): boolean {
  const candidates: Array<{ pos: number; form: string }> = [];
  if (hit.value.pos === 'verb' && hit.value.present) candidates.push({ pos: hit.start, form: hit.keys[0] ?? '' });
  if (anchorStart < hit.start) {
    const cue = st.cues.find((c) => c.start === anchorStart);
    if (cue) candidates.push({ pos: anchorStart, form: cue.keys[0] ?? '' });
  }
  return candidates.some(({ pos, form }) => {
    const w = (st.tokens[pos]?.norm ?? '').replace(/^[وف]/u, '');
    return form.length > 0 && w.length === form.length + 1 && w.startsWith('س') && w.endsWith(form) && /^[يتنا]/u.test(form);
  });
}

/** An Arabic present-tense form at a position (يـ، تـ، نـ after و/ف). */
function presentVerbAt(st: Structure, k: number): boolean {
  const t = st.tokens[k];
  return t?.kind === 'ar' && /^[يتن]/u.test(t.norm.replace(/^[وف]/u, ''));
}

/** The act's verb (the trigger, or its support verb) is an Arabic present form. */
function presentAt(st: Structure, hit: SeqMatch<TriggerSense>, anchorStart: number): boolean {
  if (anchorStart === hit.start) return hit.value.present === true;
  return presentVerbAt(st, anchorStart);
}
