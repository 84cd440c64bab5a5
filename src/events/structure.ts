/** Sentence structure for coding: cue spans, clauses, coordinated actor groups and their prepositions. */
import type { ActorMention } from '../actors/matcher.js';
import type { Domain } from '../core/types.js';
import type { Token } from '../text/tokenize.js';
import type { SeqMatch } from '../text/seq-index.js';
import { SentenceMatches } from '../text/tagged-index.js';
import type { CueClass, EventLexicon, TriggerSense } from './lexicon.js';

/** Prepositional status of a group: what governs it. */
export type Governor = 'none' | 'target' | 'locative' | 'agent' | 'between' | 'other' | 'mediator';

/** Coordinated actor mentions ("Russia and Turkey", "الجانبين السوري والعراقي"). */
export interface Group {
  members: ActorMention[];
  start: number;
  end: number;
  governor: Governor;
  /** The preposition tokens' start when governed. */
  govStart: number;
}

/** What the coder knows about a sentence before it codes it. */
export interface Structure {
  tokens: Token[];
  keysOf: (k: number) => readonly string[];
  /** The lexicon's dictionaries matched over the tokens (each position walked once for all of them). */
  matches: SentenceMatches;
  cues: Array<SeqMatch<CueClass>>;
  /** Cue class by token (first cue covering the token). */
  cueAt: Array<CueClass | undefined>;
  triggers: Array<SeqMatch<TriggerSense>>;
  clauseOf: Int32Array;
  groups: Group[];
  /** Domain words outside actor names. */
  domainHits: Array<SeqMatch<Domain>>;
  /** Tokens that are role words without an actor of their own ("وفد", "gunmen"). */
  roleAt: Uint8Array;
  /** Mediators named by a mediation word ("بوساطة تركية", "brokered by China"), each with the word's position. */
  mediations: Mediation[];
}

/** A group that a mediation word names as the mediator of an act in its sentence. */
export interface Mediation {
  /** The mediation word's tokens. */
  at: number;
  end: number;
  group: Group;
}

const GOVERNORS: Partial<Record<CueClass, Governor>> = {
  targetPrep: 'target', locativePrep: 'locative', agentPrep: 'agent', between: 'between', otherPrep: 'other',
};

/** Arabic proclitic prepositions written on a word (ب، ل، ك after an optional و or ف; لل). */
function cliticGovernor(clitics: string | undefined): Governor {
  if (!clitics) return 'none';
  const c = clitics.replace(/^[وف]/u, '');
  if (c.startsWith('ب')) return 'locative';
  if (c.startsWith('ل') || c.startsWith('ك')) return 'target';
  return 'none';
}

/** Non-overlapping matches left to right: `first(i)` is the match chosen at token i, if any. */
function scan<T>(n: number, first: (i: number) => SeqMatch<T> | undefined, blocked?: Uint8Array): Array<SeqMatch<T>> {
  const out: Array<SeqMatch<T>> = [];
  for (let i = 0; i < n; ) {
    const m = blocked?.[i] ? undefined : first(i);
    if (m) {
      out.push(m);
      i = m.end;
    } else i++;
  }
  return out;
}

/** Analyse a sentence: cues, triggers outside actor names, clauses and actor groups. */
export function analyse(tokens: Token[], mentions: ActorMention[], lex: EventLexicon, keysOf: (k: number) => readonly string[], roles: Array<{ start: number; end: number }> = []): Structure {
  const n = tokens.length;
  const inActor = new Uint8Array(n);
  for (const m of mentions) inActor.fill(1, m.headStart, m.headEnd);
  const inMention = new Uint8Array(n);
  for (const m of mentions) inMention.fill(1, m.start, m.end);
  const matches = new SentenceMatches(lex.index, n, keysOf);
  // An exact stop word outranks a stemmed cue of the same length ("like" is not "likely").
  const cues = scan(n, (i) => stopFirst(matches.at(lex.cues, i)), inActor);
  const cueAt: Array<CueClass | undefined> = new Array(n);
  for (const c of cues) for (let k = c.start; k < c.end; k++) cueAt[k] ??= c.value;
  const blocked = new Uint8Array(n);
  // An act's phrase that starts with a light verb and goes past it ("fired rockets"), unless a noun inside it
  // begins a longer act ("провели совместные учения" is a light verb and "совместные учения").
  const phraseOverLight = (k: number, cueEnd: number): boolean => {
    const phrase = longest(matches.at(lex.triggers, k));
    if (!phrase || phrase.end <= cueEnd) return false;
    for (let p = k + 1; p < phrase.end; p++) if ((longest(matches.at(lex.triggers, p))?.end ?? 0) > phrase.end) return false;
    return true;
  };
  for (let k = 0; k < n; k++) {
    const cue = cueAt[k];
    if (inMention[k] || cue === 'reporting' || cue === 'undergo' || cue === 'stop' || cue === 'notAct') blocked[k] = 1;
    // A light verb is no act of its own, unless an act's longer phrase starts with it ("fired rockets").
    else if ((cue === 'light' || cue === 'lightInverse') && !phraseOverLight(k, cueCovering(cues, k)?.end ?? k + 1)) blocked[k] = 1;
  }
  const triggers = scan(n, (i) => preferredReading(tokens, cueAt, mentions, i, validReadings(tokens[i] as Token, matches.at(lex.triggers, i))), blocked);
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  splitPhrases(tokens, sorted, lex, keysOf, triggers, blocked);
  splitParticles(tokens, cueAt, lex, keysOf, triggers, blocked);
  dropBrokenAgreements(cues, triggers);

  const clauseOf = new Int32Array(n);
  // Clauses are numbered in order; a relative clause set off by commas (", who arrived on Sunday,", "، الذي
  // يزور بيروت حالياً،") gets a number of its own below zero, and the comma that closes it returns to the
  // clause it interrupted, so that clause's verb still meets its object.
  let clause = 0;
  let next = 0;
  let outer = -1;
  let relatives = 0;
  for (let k = 0; k < n; k++) {
    const cue = cueAt[k];
    const t = tokens[k] as Token;
    if (outer >= 0 && isComma(t)) {
      clauseOf[k] = clause;
      clause = outer;
      outer = -1;
      continue;
    }
    const commaAnd = cue === 'conjunction' && k > 0 && (tokens[k - 1]?.norm === ',') && t.kind !== 'punct';
    // ", помогающих России обходить ограничения": a Russian participle after a comma opens a relative clause.
    if (outer < 0 && k > 0 && t.kind === 'cyr' && isComma(tokens[k - 1] as Token) && RU_PARTICIPLE.test(t.norm)) {
      outer = clause;
      clause = -(++relatives);
      clauseOf[k] = clause;
      continue;
    }
    const isBreak = ((cue === 'clauseBreak' || cue === 'complementizer') && (k === 0 || cueAt[k - 1] !== cue)) || commaAnd;
    if (isBreak || t.norm === ';' || t.norm === '؛') {
      const parenthetical = cue === 'clauseBreak' && outer < 0 && k > 0 && isComma(tokens[k - 1] as Token) && RELATIVE.has(t.norm.replace(/^[وف]/u, ''));
      if (parenthetical) {
        outer = clause;
        clause = -(++relatives);
      } else {
        outer = -1;
        clause = ++next;
      }
    }
    clauseOf[k] = clause;
  }

  const groups: Group[] = [];
  for (const m of sorted) {
    const last = groups[groups.length - 1];
    if (last && clauseOf[m.start] === clauseOf[last.end - 1] && coordinated(tokens, cueAt, last.end, m)) {
      last.members.push(m);
      last.end = m.end;
      continue;
    }
    let governor: Governor = 'none';
    let govStart = m.start;
    const prev = m.start - 1;
    // "units of the Libyan army", "عناصر من الجيش السوري": the group stands where its head noun stands.
    const partitive = prev >= 0 && cueAt[prev] === 'partitive';
    if (prev >= 0) {
      const cue = cueAt[prev];
      const g = cue ? GOVERNORS[cue] : undefined;
      if (g || partitive) {
        if (g) governor = g;
        govStart = cueCovering(cues, prev)?.start ?? prev;
      }
      // "إلى شمال غرب سوريا", "to the north of": a place word after a word of direction keeps that direction.
      if (cue === 'locativePrep') {
        let k = govStart;
        while (k > 0 && cueAt[k - 1] === 'locativePrep' && !LOCATIVE_HEADS.has(tokens[k - 1]?.norm ?? '')) k--;
        if (k > 0 && cueAt[k - 1] === 'targetPrep' && !LOCATIVE_HEADS.has(tokens[govStart]?.norm ?? '')) {
          governor = 'target';
          govStart = cueCovering(cues, k - 1)?.start ?? k - 1;
        }
      }
    }
    if (governor === 'none') governor = cliticGovernor(m.clitics);
    // "من الأراضي السورية", "على مواقع سورية": an Arabic adjective of a head noun is governed by the noun's preposition.
    const headPrep = governor === 'none' && !partitive ? prepositionOfHead(tokens, cueAt, triggers, m) : undefined;
    if (headPrep !== undefined) {
      governor = GOVERNORS[cueAt[headPrep] as CueClass] ?? 'none';
      govStart = cueCovering(cues, headPrep)?.start ?? headPrep;
    }
    const obliged = governor === 'target' && obligedSubject(tokens, cueAt, govStart);
    if (obliged) governor = 'none';
    // A dateline ("بغداد -", "BAGHDAD —") names where the story was filed, not who acts.
    if (m.start === 0 && (m.via === 'capital' || m.via === 'city') && m.role === undefined && /^[-—–]$/u.test(tokens[m.end]?.norm ?? '')) governor = 'other';
    else if (governor === 'none' && !obliged && !partitive) govStart = m.start;
    groups.push({ members: [m], start: m.start, end: m.end, governor, govStart });
  }
  // The words of an exchange are the act, not what it is about ("traded accusations" is no trade).
  const inPhrase = new Uint8Array(n);
  for (const t of triggers) if (t.value.entry.mutual) inPhrase.fill(1, t.start, t.end);
  const domainHits = scan(n, (i) => matches.at(lex.domains, i)[0], blocked.map((b, k) => (inActor[k] || inPhrase[k] || cueAt[k] === 'stop' ? 1 : 0)));
  // "after London froze …", "после того как Москва …": a group right before a verb is its subject, whatever preposition led to it.
  for (const g of groups) {
    if (g.governor !== 'other' || tokens[g.start]?.kind === 'ar') continue;
    if (verbAt(triggers, g.end)) g.governor = 'none';
  }
  const roleAt = new Uint8Array(n);
  for (const r of roles) roleAt.fill(1, r.start, r.end);
  const mediations = markMediators(tokens, cues, cueAt, groups);
  return { tokens, keysOf, matches, cues, cueAt, triggers, clauseOf, groups, domainHits, roleAt, mediations };
}

/**
 * The preposition before the head noun an Arabic actor qualifies or completes ("من الأراضي السورية", "على مواقع حزب الله"): its token, when the
 * word before the actor is a plain noun (no cue, act or actor) and a preposition stands right before that noun.
 */
function prepositionOfHead(tokens: Token[], cueAt: Array<CueClass | undefined>, triggers: ReadonlyArray<SeqMatch<TriggerSense>>, m: ActorMention): number | undefined {
  const head = m.start - 1;
  if (m.role !== undefined || head < 1 || tokens[m.start]?.kind !== 'ar' || tokens[head]?.kind !== 'ar') return undefined;
  if (cueAt[head] !== undefined || triggers.some((t) => t.start <= head && head < t.end)) return undefined;
  const prep = head - 1;
  return GOVERNORS[cueAt[prep] as CueClass] !== undefined ? prep : undefined;
}

/** How many words may stand between a breach word and the agreement it breaks ("violated the peace treaty"). */
const BREACH_REACH = 2;

/** Agreements named right after a breach word are broken, not made: they are no act of agreeing. */
function dropBrokenAgreements(cues: ReadonlyArray<SeqMatch<CueClass>>, triggers: Array<SeqMatch<TriggerSense>>): void {
  for (const c of cues) {
    if (c.value !== 'breach') continue;
    const at = triggers.findIndex((t) => t.start >= c.end);
    const next = triggers[at];
    if (next && next.start - c.end <= BREACH_REACH && next.value.pos === 'noun' && next.value.entry.type === 'AGREE') triggers.splice(at, 1);
  }
}

/** The match that reaches furthest. */
function longest<T>(found: ReadonlyArray<SeqMatch<T>>): SeqMatch<T> | undefined {
  let best: SeqMatch<T> | undefined;
  for (const m of found) if (!best || m.end > best.end) best = m;
  return best;
}

/** The first cue covering token k. */
function cueCovering(cues: ReadonlyArray<SeqMatch<CueClass>>, k: number): SeqMatch<CueClass> | undefined {
  for (const c of cues) if (c.start <= k && k < c.end) return c;
  return undefined;
}

/** True when a verb trigger starts at token k. */
function verbAt(triggers: ReadonlyArray<SeqMatch<TriggerSense>>, k: number): boolean {
  for (const t of triggers) if (t.start === k && t.value.pos === 'verb') return true;
  return false;
}

/** Arabic words after which an act is named by its verbal noun ("جراء القصف", "إثر هجوم", "عقب قصف"). */
const AR_NOUN_LEADS = new Set(['جراء', 'اثر', 'عقب', 'بعد', 'خلال', 'قبل', 'منذ']);

/** Locative prepositions proper ("في", "in", "в"), which a direction word before them does not govern. */
const LOCATIVE_HEADS = new Set(['في', 'وفي', 'in', 'в', 'во', 'на', 'at']);

/** Endings of Russian participles (помогающих, подозреваемых, задержанных, напавшие). */
export const RU_PARTICIPLE = /(?:ющ|ящ|ущ|ащ|вш|ем|им|енн|анн)(?:ий|ая|ое|ее|ие|ые|их|ых|им|ым|ими|ыми|ую|его|ого|ему|ому|ей|ой)$/u;

/** Relative pronouns that stand for their clause's subject (who, الذي, который). */
export const RELATIVE = new Set(['who', 'which', 'that', 'который', 'которая', 'которое', 'которые', 'الذي', 'التي', 'الذين']);

function isComma(t: Token): boolean {
  return t.norm === ',' || t.norm === '،';
}

const PREPOSITIONS = new Set<CueClass | undefined>(['targetPrep', 'locativePrep', 'otherPrep', 'agentPrep']);

/**
 * "بوساطة تركية", "with Swiss mediation", "a US-brokered truce", "brokered by China", "при посредничестве
 * Китая": the group a mediation word names (its agent, its genitive or adjective, or the name right before
 * it) mediates the act it comes with, and is no side of that act. A mediation word that is itself an act's
 * object ("rejected Egyptian mediation") names no mediator: it must follow a preposition (or carry ب), or
 * be a participle.
 */
function markMediators(tokens: Token[], cues: Array<SeqMatch<CueClass>>, cueAt: Array<CueClass | undefined>, groups: Group[]): Mediation[] {
  const out: Mediation[] = [];
  for (const c of cues) {
    if (c.value !== 'mediation') continue;
    const mediation = mediationOf(tokens, c, cueAt, groups);
    if (mediation) out.push(mediation);
  }
  return out;
}

/** The mediator a mediation word names, marked as such, if any. */
function mediationOf(tokens: Token[], c: SeqMatch<CueClass>, cueAt: Array<CueClass | undefined>, groups: Group[]): Mediation | undefined {
  const after = groups.find((g) => (g.governor === 'agent' || g.governor === 'other') && g.govStart >= c.end && g.govStart <= c.end + 1)
    ?? groups.find((g) => g.start === c.end && g.governor === 'none');
  const before = groups.find((g) => g.end === c.start || (g.end === c.start - 1 && tokens[g.end]?.norm === '-'));
  const group = after ?? before;
  if (!group || group.governor === 'mediator') return undefined;
  const head = tokens[c.start] as Token;
  const lead = before && !after ? before.start : c.start;
  const adverbial = head.kind === 'ar'
    // بوساطة قطرية, بعد وساطة عمانية; بالوساطة is what someone welcomes or rejects
    ? /^[وف]?ب[^ا]/u.test(head.norm) || PREPOSITIONS.has(cueAt[c.start - 1])
    : head.kind === 'lat' && /ed$/u.test(head.norm)
      || (!/or$/u.test(head.norm) && [1, 2].some((d) => PREPOSITIONS.has(cueAt[lead - d]))); // not "the mediator"
  if (!adverbial) return undefined;
  group.governor = 'mediator';
  return { at: c.start, end: c.end, group };
}

/** True when mention m continues the group ending at `end`: only conjunctions or commas between. */
function coordinated(tokens: Token[], cueAt: Array<CueClass | undefined>, end: number, m: ActorMention): boolean {
  if (m.via === 'coreference' && m.end === end) return true;
  if (m.start < end) return false;
  if (m.start === end) {
    const first = tokens[m.start];
    return first?.kind === 'ar' && /^و/u.test(first.norm) && (m.clitics?.startsWith('و') ?? false);
  }
  let comma = false;
  for (let k = end; k < m.start; k++) {
    const t = tokens[k] as Token;
    comma ||= t.norm === ',' || t.norm === '،';
    if (cueAt[k] === 'conjunction' || cueAt[k] === 'skip' || cueAt[k] === 'determiner' || t.norm === ',' || t.norm === '،' || t.norm === '&') continue;
    return false;
  }
  // "… by Israeli aircraft, Lebanese sources said": after a comma, a speaker starts, no list goes on.
  if (comma && cueWithin(cueAt, 'reporting', m.end, m.end + 4)) return false;
  return m.start - end <= 3;
}

/** True when a token in [from, to) has the cue class `cue`. */
function cueWithin(cueAt: Array<CueClass | undefined>, cue: CueClass, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (cueAt[k] === cue) return true;
  return false;
}

/** Arabic verbs take only و، ف، س، ل before them: "الضرب" or "بضرب" is a noun, never the verb ضرب. */
function validReading(token: Token, m: SeqMatch<TriggerSense>): boolean {
  // A definite noun takes no possessive suffix: "السفيرة" is not "سفيره" (his ambassador).
  if (token.kind === 'ar' && m.value.possessive && /^[وف]?[بلك]?ال/u.test(token.norm)) return false;
  if (token.kind !== 'ar' || m.value.pos !== 'verb') return true;
  if (token.taMarbuta) return false;
  const form = m.keys[0] ?? '';
  if (!token.norm.endsWith(form)) return true;
  const prefix = token.norm.slice(0, token.norm.length - form.length);
  if (!/^[وف]?[سل]?$/u.test(prefix)) return false;
  // سـ (future) and لـ (purpose) stand only before a present verb.
  return !/[سل]$/u.test(prefix) || m.value.present === true;
}

/** An exact stop word first among cues of the same length ("like" is not "likely"), else the first. */
function stopFirst(cues: ReadonlyArray<SeqMatch<CueClass>>): SeqMatch<CueClass> | undefined {
  return cues.find((c) => c.value === 'stop') ?? cues[0];
}

/** The trigger senses a token's form allows (`senses` itself when it allows them all). */
function validReadings(token: Token, senses: ReadonlyArray<SeqMatch<TriggerSense>>): ReadonlyArray<SeqMatch<TriggerSense>> {
  for (const m of senses) if (!validReading(token, m)) return senses.filter((x) => validReading(token, x));
  return senses;
}

/**
 * A word that is both a verb and a noun ("attacks", "talks", "strikes") reads as a noun after a
 * determiner, a possessive, a preposition or an actor adjective ("the attack", "Israeli strikes"),
 * and as a verb otherwise: the preferred sense, or undefined when there is none.
 */
function preferredReading(tokens: Token[], cueAt: Array<CueClass | undefined>, mentions: ActorMention[], i: number, senses: ReadonlyArray<SeqMatch<TriggerSense>>): SeqMatch<TriggerSense> | undefined {
  if (senses.length >= 2) return preferredOfSeveral(tokens, cueAt, mentions, i, senses);
  const only = senses[0];
  // "struck Iranian targets": an English verb form in -s right after an actor adjective is a plural noun, and no act.
  // So is one right before another verb ("coast guard ships fired water cannon").
  if (only?.value.pos === 'verb' && tokens[i]?.kind === 'lat' && /[^s]s$/u.test(tokens[i]?.norm ?? '')
    && (mentions.some((m) => m.end === i && m.via === 'demonym' && m.role === undefined) || cueAt[i + 1] === 'light' || cueAt[i + 1] === 'reporting')) return undefined;
  return only;
}

/** {@link preferredReading} of a word with two senses or more. */
function preferredOfSeveral(tokens: Token[], cueAt: Array<CueClass | undefined>, mentions: ActorMention[], i: number, senses: ReadonlyArray<SeqMatch<TriggerSense>>): SeqMatch<TriggerSense> | undefined {
  if (tokens[i]?.kind === 'ar') {
    // "جراء قصف", "في قصف": after a preposition the word is a verbal noun (قصف is also "bombed").
    const afterPreposition = i > 0 && (cueAt[i - 1] === 'otherPrep' || cueAt[i - 1] === 'locativePrep' || cueAt[i - 1] === 'targetPrep' || AR_NOUN_LEADS.has(tokens[i - 1]?.norm ?? ''));
    if (afterPreposition) return senses.find((m) => m.value.pos === 'noun') ?? senses[0];
    // "طلباً أميركياً": an adjective after the word makes it a noun (طلبا is also "the two asked").
    if (!mentions.some((m) => m.start === i + 1 && m.via === 'demonym')) return senses[0];
    // "بحث وزير الخارجية الكويتي": a verb read as the whole word outranks a noun read behind a proclitic (ب + حث).
    const whole = (m: SeqMatch<TriggerSense>): boolean => (tokens[i]?.norm ?? '').replace(/^[وف]/u, '') === m.keys[0];
    const wholeVerb = senses.find((m) => m.value.pos === 'verb' && whole(m));
    if (wholeVerb && !senses.some((m) => m.value.pos === 'noun' && whole(m))) return wholeVerb;
    return senses.find((m) => m.value.pos === 'noun') ?? senses[0];
  }
  const prev = i > 0 ? cueAt[i - 1] : undefined;
  const prevToken = tokens[i - 1];
  const nounContext = prev === 'determiner' || prev === 'skip' || (prev === 'targetPrep' && prevToken?.norm !== 'to') || prev === 'locativePrep' || prev === 'otherPrep'
    || prev === 'between' || prev === 'light' || prevToken?.possessive === true || prevToken?.kind === 'num'
    || mentions.some((m) => m.end === i && m.via === 'demonym')
    || [1, 2, 3].some((d) => cueAt[i - d] === 'light');
  // An English past form ("raided", "marched", "signed") is a verb whatever stands before it.
  const want = nounContext && !/ed$/u.test(tokens[i]?.norm ?? '') ? 'noun' : 'verb';
  return senses.find((m) => m.value.pos === want) ?? senses[0];
}

/**
 * Verb phrases split by their subject (VSO: "أطلقت طهران سراح", "قطعت المغرب علاقاتها", "حمّلت طهران
 * واشنطن مسؤولية"): where a verb is followed by one or two actor names and then the rest of a phrase, the
 * phrase wins over the bare verb. The trigger keeps the verb's token; the phrase's other words are taken.
 * `starts`: the sentence's mentions sorted by start.
 */
function splitPhrases(tokens: Token[], starts: ActorMention[], lex: EventLexicon, keysOf: (k: number) => readonly string[], triggers: Array<SeqMatch<TriggerSense>>, blocked: Uint8Array): void {
  for (let i = 0; i < tokens.length; i++) {
    if (blocked[i] || tokens[i]?.kind !== 'ar') continue;
    const split = phraseAcrossSubject(tokens, starts, lex, keysOf, i);
    if (!split) continue;
    const { found, tailStart } = split;
    const phrase = { start: i, end: i + 1, value: found.value, keys: found.keys };
    placeTrigger(triggers, phrase);
    for (let t = triggers.length - 1; t >= 0; t--) {
      const x = triggers[t] as SeqMatch<TriggerSense>;
      if (x !== phrase && x.start >= tailStart && x.start < found.end) triggers.splice(t, 1);
    }
    for (let t = tailStart; t < found.end; t++) blocked[t] = 1;
  }
}

/**
 * The verb phrase starting at Arabic token i whose other words resume after one or two actor names, and where
 * they resume. `starts`: the mentions by start.
 */
function phraseAcrossSubject(tokens: Token[], starts: ActorMention[], lex: EventLexicon, keysOf: (k: number) => readonly string[], i: number): { found: SeqMatch<TriggerSense>; tailStart: number } | undefined {
  let resume = i + 1;
  let found: SeqMatch<TriggerSense> | undefined;
  for (let hop = 0; hop < 2; hop++) {
    const m = mentionStartingAt(starts, resume);
    if (!m) break;
    // A role after the name may be the phrase's own object ("استدعت الجزائر سفيرها": its ambassador).
    if (m.headStart === m.start && m.headEnd < m.end) {
      found = verbPhrase(tokens, lex, keysOf, i, m.headEnd);
      if (found) {
        resume = m.headEnd;
        break;
      }
    }
    resume = m.end;
    found = verbPhrase(tokens, lex, keysOf, i, resume) ?? found;
    if (found) break;
  }
  return found ? { found, tailStart: resume } : undefined;
}

/** The first mention starting at token k, of mentions sorted by start. */
function mentionStartingAt(starts: ActorMention[], k: number): ActorMention | undefined {
  for (const m of starts) {
    if (m.start === k) return m;
    if (m.start > k) break;
  }
  return undefined;
}

/** The verb phrase starting at token i whose remaining words resume at `at`. */
function verbPhrase(tokens: Token[], lex: EventLexicon, keysOf: (k: number) => readonly string[], i: number, at: number): SeqMatch<TriggerSense> | undefined {
  for (const x of lex.triggers.matchAt(i, tokens.length, keysOf, at)) if (x.value.pos === 'verb' && validReading(tokens[i] as Token, x)) return x;
  return undefined;
}

/** Put a phrase among the triggers (in order of start), in place of the trigger starting where it starts. */
function placeTrigger(triggers: Array<SeqMatch<TriggerSense>>, phrase: SeqMatch<TriggerSense>): void {
  for (let k = 0; k < triggers.length; k++) {
    if ((triggers[k] as SeqMatch<TriggerSense>).start === phrase.start) {
      triggers[k] = phrase;
      return;
    }
  }
  let at = triggers.length;
  for (let k = 0; k < triggers.length; k++) {
    if ((triggers[k] as SeqMatch<TriggerSense>).start > phrase.start) {
      at = k;
      break;
    }
  }
  triggers.splice(at, 0, phrase);
}

const PARTICLES = new Set(['down', 'out', 'off', 'up', 'back', 'over']);
/** Words that an object between a verb and its particle does not hold. */
const NOT_IN_OBJECT = new Set<CueClass | undefined>(['reporting', 'complementizer', 'clauseBreak', 'targetPrep', 'locativePrep', 'otherPrep', 'agentPrep', 'between', 'conjunction']);
/** How many words an object may have between a verb and its particle ("turned the Chinese offer down"). */
const PARTICLE_REACH = 4;

/**
 * English phrasal verbs split by their object: "turned the Chinese proposal down", "pull US troops out of
 * Syria", "called the talks off". The phrase wins over the bare verb; the particle is taken.
 */
function splitParticles(tokens: Token[], cueAt: Array<CueClass | undefined>, lex: EventLexicon, keysOf: (k: number) => readonly string[], triggers: Array<SeqMatch<TriggerSense>>, blocked: Uint8Array): void {
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    if (blocked[i] || tokens[i]?.kind !== 'lat') continue;
    for (let j = i + 2; j <= Math.min(n - 1, i + PARTICLE_REACH + 1); j++) {
      const t = tokens[j] as Token;
      if (t.kind === 'punct' || NOT_IN_OBJECT.has(cueAt[j])) break;
      if (blocked[j] || !PARTICLES.has(t.norm)) continue;
      const found = firstVerb(lex.triggers.matchAt(i, n, keysOf, j));
      if (!found) break;
      placeTrigger(triggers, { start: i, end: i + 1, value: found.value, keys: found.keys });
      blocked.fill(1, j, found.end);
      for (let t = triggers.length - 1; t >= 0; t--) if ((triggers[t] as SeqMatch<TriggerSense>).start >= j && (triggers[t] as SeqMatch<TriggerSense>).start < found.end) triggers.splice(t, 1);
      break;
    }
  }
}

/** The first verb sense among matches. */
function firstVerb(matches: ReadonlyArray<SeqMatch<TriggerSense>>): SeqMatch<TriggerSense> | undefined {
  for (const m of matches) if (m.value.pos === 'verb') return m;
  return undefined;
}

/**
 * "يجب على X أن …", "يتعين على X سحب …", "على X أن …": the one on whom the obligation falls is the
 * subject of the act, not its target.
 */
function obligedSubject(tokens: Token[], cueAt: Array<CueClass | undefined>, prepAt: number): boolean {
  if ((tokens[prepAt]?.norm ?? '').replace(/^[وف]/u, '') !== 'علي') return false;
  const before = cueAt[prepAt - 1];
  if (before === 'normative' || before === 'normativeClause') return true;
  return prepAt === 0 || tokens[prepAt - 1]?.kind === 'punct' || cueAt[prepAt - 1] === 'conjunction';
}
