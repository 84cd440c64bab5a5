/** Is an event mention a report of a concrete happening, or a word used in passing? */
import type { SeqMatch } from '../text/seq-index.js';
import type { TriggerSense } from './lexicon.js';
import type { Structure } from './structure.js';

/** Where a trigger's arguments are looked for, and what made it verbal. */
export interface Anchor {
  start: number;
  end: number;
  verbal: boolean;
  by: 'light' | 'reporting' | 'self';
}

/** The judgement on one mention, with the signals behind it. */
export interface ReportJudgement {
  reported: boolean;
  features?: Record<string, number>;
}

/** Judge a mention: a verb, or a noun in a sentence with signs of a concrete happening. */
export function judgeReport(st: Structure, hit: SeqMatch<TriggerSense>, anchor: Anchor, index: number): ReportJudgement {
  const features = reportFeatures(st, hit, anchor, index);
  return { reported: anchor.verbal || (features.occurrence ?? 0) > 0, features };
}

/** Signals that an event mention reports a concrete happening rather than naming one in passing. */
export function reportFeatures(st: Structure, hit: SeqMatch<TriggerSense>, anchor: Anchor, index: number): Record<string, number> {
  const clause = st.clauseOf[hit.start] as number;
  let clauseStart = hit.start;
  while (clauseStart > 0 && st.clauseOf[clauseStart - 1] === clause) clauseStart--;
  const startCue = st.cueAt[clauseStart];
  const tok = st.tokens[hit.start];
  const count = (c: string): number => st.cues.filter((x) => x.value === c).length;
  return {
    verb: hit.value.pos === 'verb' ? 1 : 0,
    light: anchor.by === 'light' ? 1 : 0,
    reporting: anchor.by === 'reporting' ? 1 : 0,
    article: tok?.kind === 'ar' && /^[وف]?(?:ال|بال|لل|كال)/u.test(tok.norm) ? 1 : 0,
    clause0: clause === 0 ? 1 : 0,
    relative: startCue === 'clauseBreak' ? 1 : 0,
    complement: startCue === 'complementizer' ? 1 : 0,
    firstTrigger: index === 0 ? 1 : 0,
    position: st.tokens.length ? hit.start / st.tokens.length : 0,
    occurrence: Math.min(3, count('occurrence')),
    reportingCues: Math.min(3, count('reporting')),
    conditional: count('conditional') > 0 ? 1 : 0,
    negation: count('negation') + count('negationVerb') > 0 ? 1 : 0,
    numbers: Math.min(3, st.tokens.filter((t) => t.kind === 'num').length),
    question: st.tokens.some((t) => t.norm === '?' || t.norm === '؟') ? 1 : 0,
    quote: st.tokens.some((t) => t.norm === '«' || t.norm === '"') ? 1 : 0,
    length: Math.min(1, st.tokens.length / 60),
    triggers: Math.min(4, st.triggers.length),
    sameType: Math.min(3, st.triggers.filter((t) => t.value.entry.type === hit.value.entry.type).length),
    groups: Math.min(3, st.groups.length),
    roles: 0,
  };
}
