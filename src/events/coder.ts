/** The event coder: triggers, their sides, modality, domains and intensity, sentence by sentence. */
import type { ActorMention } from '../actors/matcher.js';
import type { CodedEvent, Domain, Lang, Modality, Span, Trigger } from '../core/types.js';
import type { Token } from '../text/tokenize.js';
import type { SeqMatch } from '../text/seq-index.js';
import { eventTokenKeys } from './keys.js';
import type { CueClass, EventLexicon, TriggerSense } from './lexicon.js';
import { analyse, type Group, type Structure } from './structure.js';
import { modalityOf } from './modality.js';
import { domainsOf } from './domains.js';
import { intensityOf } from './intensity.js';

/** A sentence ready to code. */
export interface SentenceToCode {
  tokens: Token[];
  span: Span;
  lang: Exclude<Lang, 'und'>;
  mentions: ActorMention[];
  /** The whole original text the tokens' offsets point into. */
  text: string;
}

/** What the coder found in one sentence. */
export interface SentenceCoding {
  events: CodedEvent[];
  triggers: Trigger[];
}

/** The sides of one trigger. */
interface Sides {
  sources: ActorMention[];
  targets: ActorMention[];
  /** Members of a "between" group or a symmetric coordinated subject: pairs among themselves. */
  pairs: ActorMention[];
  /** The speaker when the act sits in reported speech ("X said Y should …"). */
  rule: string;
}

const SKIP_AFTER_VERB = 2;

/** Code one sentence. */
export function codeSentence(s: SentenceToCode, lex: EventLexicon): SentenceCoding {
  const keyCache: Array<readonly string[] | undefined> = [];
  const keysOf = (k: number): readonly string[] => {
    if (k < 0 || k >= s.tokens.length) return [];
    let ks = keyCache[k];
    if (!ks) {
      ks = eventTokenKeys(s.tokens[k] as Token);
      keyCache[k] = ks;
    }
    return ks;
  };
  const st = analyse(s.tokens, s.mentions, lex, keysOf);
  const events: CodedEvent[] = [];
  const triggers: Trigger[] = [];
  const seen = new Set<string>();
  const evidence = { start: s.span.start, end: s.span.end };
  const absorbed = absorbedTriggers(st);
  for (let ti = 0; ti < st.triggers.length; ti++) {
    const hit = st.triggers[ti] as SeqMatch<TriggerSense>;
    const anchor = anchorOf(st, hit);
    const modality = modalityOf(st, hit, anchor, lex.lang);
    const first = s.tokens[hit.start] as Token;
    const last = s.tokens[hit.end - 1] as Token;
    const trigger: Trigger = { type: hit.value.entry.type, modality, evidence, text: s.text.slice(first.start, last.end) };
    triggers.push(trigger);
    if (absorbed.has(ti)) continue;
    const sides = findSides(st, hit, anchor, lex.lang);
    const domains = domainsOf(st, hit, sides.sources.concat(sides.targets, sides.pairs));
    const emit = (src: ActorMention, tgt: ActorMention, type = hit.value.entry.type, mod: Modality = modality): void => {
      if (src.code === tgt.code) return;
      const key = `${src.code}|${tgt.code}|${type}`;
      if (seen.has(key)) return;
      seen.add(key);
      const ev: CodedEvent = {
        source: src.code, target: tgt.code, type, domains: type === hit.value.entry.type ? domains : ['diplomatic'],
        modality: mod, intensity: intensityOf(type, hit.value.entry, mod), evidence,
        trigger: trigger.text ?? '', rule: `${lex.lang}:${sides.rule}`,
      };
      if (hit.value.entry.mode && type === hit.value.entry.type) ev.mode = hit.value.entry.mode;
      if (src.sector) ev.sourceSector = src.sector;
      if (tgt.sector) ev.targetSector = tgt.sector;
      events.push(ev);
    };
    const speaker = modality === 'normative' ? reportingSpeaker(st, anchor) : undefined;
    if (speaker) {
      for (const sp of speaker.members) for (const t of sides.sources.length ? sides.sources : sides.targets) emit(sp, t, 'REQUEST', 'asserted');
      continue;
    }
    for (const src of sides.sources) for (const tgt of sides.targets) emit(src, tgt);
    for (let a = 0; a < sides.pairs.length; a++) {
      for (let b = a + 1; b < sides.pairs.length; b++) emit(sides.pairs[a] as ActorMention, sides.pairs[b] as ActorMention);
    }
  }
  return { events, triggers };
}

/** Noun triggers that complete another trigger ("signed an agreement of cooperation") code nothing alone. */
function absorbedTriggers(st: Structure): Set<number> {
  const out = new Set<number>();
  for (let i = 1; i < st.triggers.length; i++) {
    const cur = st.triggers[i] as SeqMatch<TriggerSense>;
    if (cur.value.pos !== 'noun') continue;
    for (let j = i - 1; j >= 0; j--) {
      const prev = st.triggers[j] as SeqMatch<TriggerSense>;
      if (cur.start - prev.end > 3) break;
      if (st.clauseOf[prev.start] !== st.clauseOf[cur.start]) break;
      const between = st.groups.some((g) => g.start >= prev.end && g.end <= cur.start);
      if (!between) {
        out.add(i);
        break;
      }
    }
  }
  return out;
}

/** Where a trigger's arguments are looked for: its light verb ("held talks", "أجرى مباحثات") or itself. */
export function anchorOf(st: Structure, hit: SeqMatch<TriggerSense>): { start: number; end: number; verbal: boolean } {
  if (hit.value.pos === 'noun') {
    for (let k = hit.start - 1; k >= Math.max(0, hit.start - 4); k--) {
      if (st.clauseOf[k] !== st.clauseOf[hit.start]) break;
      if (st.cueAt[k] === 'light') {
        let start = k;
        while (start > 0 && st.cueAt[start - 1] === 'light') start--;
        return { start, end: k + 1, verbal: true };
      }
      if (st.groups.some((g) => g.start <= k && k < g.end)) break;
    }
    return { start: hit.start, end: hit.end, verbal: false };
  }
  return { start: hit.start, end: hit.end, verbal: true };
}

function inClause(st: Structure, g: Group, clause: number): boolean {
  return st.clauseOf[g.start] === clause;
}

/** The nearest ungoverned group before `pos` in the clause. */
function subjectBefore(st: Structure, pos: number, clause: number): Group | undefined {
  for (let i = st.groups.length - 1; i >= 0; i--) {
    const g = st.groups[i] as Group;
    if (g.end > pos || !inClause(st, g, clause)) continue;
    if (g.governor === 'none') return g;
  }
  return undefined;
}

function isSkippable(st: Structure, k: number): boolean {
  const cue = st.cueAt[k];
  return cue === 'skip' || st.tokens[k]?.kind === 'punct';
}

/** An ungoverned group starting right after `pos` (VSO subject), allowing a few skippable words. */
function groupRightAfter(st: Structure, pos: number, clause: number): Group | undefined {
  let k = pos;
  let skipped = 0;
  while (k < st.tokens.length && skipped <= SKIP_AFTER_VERB) {
    const g = st.groups.find((x) => x.start === k);
    if (g) return g.governor === 'none' && inClause(st, g, clause) ? g : undefined;
    if (!isSkippable(st, k)) return undefined;
    k++;
    skipped++;
  }
  return undefined;
}

/** The target group after `pos`: the trigger's own prepositions first, then objects and targets, then places. */
function targetAfter(st: Structure, hit: SeqMatch<TriggerSense>, pos: number, clause: number, exclude: Set<Group>, lexTargetPreps?: (g: Group) => boolean): Group | undefined {
  let direct: Group | undefined;
  let locative: Group | undefined;
  let seenOther = 0;
  for (const g of st.groups) {
    if (g.start < pos || exclude.has(g) || !inClause(st, g, clause)) continue;
    if (lexTargetPreps?.(g)) return g;
    if ((g.governor === 'none' || g.governor === 'target') && !direct) direct = g;
    else if (g.governor === 'locative' && !locative) locative = g;
    else seenOther++;
    if (direct && !lexTargetPreps) break;
  }
  void hit;
  void seenOther;
  return direct ?? locative;
}

function groupAfterCue(st: Structure, cue: CueClass, from: number, clause: number): Group | undefined {
  return st.groups.find((g) => g.start >= from && g.governor === cue.replace('Prep', '') && inClause(st, g, clause));
}

/** Decide source, target and pair sides of a trigger. */
function findSides(st: Structure, hit: SeqMatch<TriggerSense>, anchor: { start: number; end: number; verbal: boolean }, lang: string): Sides {
  const clause = st.clauseOf[hit.start] as number;
  const entry = hit.value.entry;
  const sides: Sides = { sources: [], targets: [], pairs: [], rule: 'none' };
  const betweenGroup = st.groups.find((g) => g.governor === 'between' && inClause(st, g, clause) && g.members.length >= 2 && g.start >= anchor.start - 1);
  const ownPreps = entryPrepTest(st, hit);

  let source: Group | undefined;
  let target: Group | undefined;
  const agent = groupAfterCue(st, 'agentPrep', hit.end, clause);

  if (agent) {
    source = agent;
    target = subjectBefore(st, anchor.start, clause) ?? targetAfter(st, hit, hit.end, clause, new Set([agent]), ownPreps);
    sides.rule = 'passive';
  } else if (!anchor.verbal) {
    // A noun: "زيارة وزير الدفاع السوري إلى موسكو", "Israeli strikes on Syria", "визит министра в Москву".
    const genitive = groupRightAfter(st, hit.end, clause);
    const modifier = st.groups.find((g) => g.end === hit.start && g.governor === 'none' && inClause(st, g, clause));
    if (lang !== 'ar' && modifier) {
      source = modifier;
      sides.rule = 'noun-modifier';
    } else if (genitive) {
      source = genitive;
      sides.rule = 'noun-genitive';
    } else if (modifier) {
      source = modifier;
      sides.rule = 'noun-modifier';
    }
    if (source) target = targetAfter(st, hit, Math.max(hit.end, source.end), clause, new Set([source]), ownPreps);
  } else if (lang === 'ar') {
    const before = subjectBefore(st, anchor.start, clause);
    const adjacentBefore = before && anchor.start - before.end <= 1 ? before : undefined;
    const after = groupRightAfter(st, anchor.end, clause);
    if (adjacentBefore) {
      source = adjacentBefore;
      sides.rule = 'svo';
    } else if (after) {
      source = after;
      sides.rule = 'vso';
    } else if (before) {
      source = before;
      sides.rule = 'svo-far';
    }
    const from = source && source.start >= anchor.end ? source.end : hit.end;
    target = targetAfter(st, hit, from, clause, new Set(source ? [source] : []), ownPreps);
  } else {
    source = subjectBefore(st, anchor.start, clause);
    sides.rule = 'svo';
    if (!source && lang === 'ru') {
      source = groupRightAfter(st, hit.end, clause);
      sides.rule = 'vs';
    }
    const from = source && source.start >= hit.end ? source.end : hit.end;
    target = targetAfter(st, hit, from, clause, new Set(source ? [source] : []), ownPreps);
  }
  if (target?.governor === 'between' || (betweenGroup && (target === betweenGroup || source === betweenGroup))) target = undefined;
  if (betweenGroup && (entry.symmetric || !source)) {
    sides.pairs = betweenGroup.members;
    sides.rule += '+between';
    if (source === betweenGroup) source = undefined;
  }
  if (source) {
    if (target) {
      sides.sources = source.members;
      sides.targets = target.members;
    } else if (entry.symmetric && source.members.length >= 2) {
      sides.pairs = source.members;
      sides.rule += '+coord';
    }
  }
  return sides;
}

function entryPrepTest(st: Structure, hit: SeqMatch<TriggerSense>): ((g: Group) => boolean) | undefined {
  return (g: Group): boolean => {
    if (g.governor === 'none') return false;
    const own = hit.value.entry.targetPreps;
    if (!own?.length) return false;
    const start = g.govStart;
    for (const p of own) {
      const keys = st.keysOf(start);
      const norm = st.tokens[start]?.norm ?? '';
      if (keys.some((k) => k === p || k === `=${p}` || k === `s:${p}`) || norm === p) return true;
      const first = st.tokens[g.start];
      if (first?.kind === 'ar' && g.members[0]?.clitics?.replace(/^[وف]/u, '').startsWith(p)) return true;
    }
    return false;
  };
}

/** The speaker of a reporting verb before `anchor` ("X said Y should …"), if any. */
function reportingSpeaker(st: Structure, anchor: { start: number }): Group | undefined {
  for (let k = anchor.start - 1; k >= 0; k--) {
    if (st.cueAt[k] !== 'reporting') continue;
    const clause = st.clauseOf[k] as number;
    return groupRightAfter(st, k + 1, clause) ?? subjectBefore(st, k, clause);
  }
  return undefined;
}

export type { Domain };
