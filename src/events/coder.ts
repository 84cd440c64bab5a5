/** The event coder: triggers, their sides, modality, domains and intensity, sentence by sentence. */
import type { ActorMention, RoleMention } from '../actors/matcher.js';
import type { CodedEvent, Domain, EventType, Lang, Modality, Span, Trigger } from '../core/types.js';
import type { Token } from '../text/tokenize.js';
import type { SeqMatch } from '../text/seq-index.js';
import { eventTokenKeys } from './keys.js';
import { AR_POSSESSIVE, entryTargetPreps, VERBAL_SECTORS, type CueClass, type EventLexicon, type TriggerSense } from './lexicon.js';
import { analyse, RELATIVE, RU_PARTICIPLE, type Group, type Mediation, type Structure } from './structure.js';
import type { Anchor } from './report.js';
import { modalityOf } from './modality.js';
import { domainsOf, domainsOfSpan } from './domains.js';
import { intensityOf } from './intensity.js';
import { judgeReport } from './report.js';

/** A sentence ready to code. */
export interface SentenceToCode {
  tokens: Token[];
  span: Span;
  lang: Exclude<Lang, 'und'>;
  mentions: ActorMention[];
  /** Roles named without an actor ("protesters", "gunmen"). */
  roles?: RoleMention[];
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
  const keyCache = new Array<readonly string[] | undefined>(s.tokens.length);
  const keysOf = (k: number): readonly string[] => {
    if (k < 0 || k >= s.tokens.length) return [];
    let ks = keyCache[k];
    if (!ks) {
      ks = eventTokenKeys(s.tokens[k] as Token);
      keyCache[k] = ks;
    }
    return ks;
  };
  const st = analyse(s.tokens, s.mentions, lex, keysOf, s.roles ?? []);
  const events: CodedEvent[] = [];
  const triggers: Trigger[] = [];
  const seen = new Set<string>();
  /** Whether (source, target, type) is a new event of this sentence, which it then claims. */
  const fresh = (source: string, target: string, type: EventType): boolean => {
    const key = `${source}|${target}|${type}`;
    if (source === target || seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const evidence = { start: s.span.start, end: s.span.end };
  const absorbed = absorbedTriggers(st);
  const embeddedIn = embeddedActs(st);
  const embedders = new Set(embeddedIn.values());
  const previousSides: Array<Sides | undefined> = [];
  for (let ti = 0; ti < st.triggers.length; ti++) {
    const hit = st.triggers[ti] as SeqMatch<TriggerSense>;
    const anchor = anchorOf(st, hit);
    let modality = modalityOf(st, hit, anchor, lex.lang);
    const first = s.tokens[hit.start] as Token;
    const last = s.tokens[hit.end - 1] as Token;
    const trigger: Trigger = {
      type: hit.value.entry.type, modality, evidence, text: s.text.slice(first.start, last.end), pos: anchor.verbal ? 'verb' : 'noun', sides: 0,
    };
    const report = judgeReport(st, hit, anchor, ti);
    trigger.reported = report.reported;
    if (report.features) trigger.features = report.features;
    triggers.push(trigger);
    if (anchor.start === hit.start && isPurposeNoun(s.tokens[hit.start] as Token, hit, lex.lang)) continue;
    const governing = absorbed.has(ti) ? governingSubject(st, ti, lex.lang) : undefined;
    // An act named right after a verb that embeds it ("اتفقا على تنسيق") takes that verb's sides.
    const embedder = embeddedIn.get(ti);
    const accused = embedder === undefined ? accusedOf(st, ti, hit, previousSides) : undefined;
    const given = embedder === undefined ? accused : previousSides[embedder];
    // Drills "between Washington and Seoul" are held by those named, whatever the sentence says of them
    // ("انتقدت بيونغ يانغ المناورات المشتركة بين واشنطن وسيول").
    const heldBetween = (hit.value.entry.joint === true || (hit.value.entry.type === 'COOPERATE' && !hit.value.entry.relational)) && hit.value.pos === 'noun'
      ? st.groups.find((g) => g.governor === 'between' && g.members.length >= 2 && g.govStart >= hit.end && g.govStart - hit.end <= 1) : undefined;
    if ((absorbed.has(ti) || embedder !== undefined) && !given && !heldBetween && !ownSidesOf(st, hit, lex.lang, s.roles ?? [], governing)) continue;
    if (!heldBetween && (requestedAct(st, ti) || adverbialMasdar(st, hit, anchor, lex.lang))) continue;
    const relational = hit.value.entry.relational === true && hit.value.pos === 'noun';
    if (relational && anchor.by === 'self' && embedder === undefined && !heldBetween) {
      trigger.reported = false;
      continue;
    }
    // An attack the report model judges a mere mention ("the 2019 attack", "attacks of this kind") is no asserted event,
    // unless someone is accused of it or claims it (then the guidelines code it).
    const mentionOnly = hit.value.entry.type === 'ASSAULT' && report.score !== undefined && report.score < ASSAULT_MENTION_GATE
      && !accused && !st.triggers.some((t) => t.value.entry.type === 'ACCUSE') && !claimed(st, hit);
    const sides = (heldBetween ? { sources: [], targets: [], pairs: heldBetween.members, rule: 'held-between' } : given) ?? (lex.lang === 'ar' ? passiveKill(st, hit) : undefined) ?? (absorbed.has(ti) ? (ownSidesOf(st, hit, lex.lang, s.roles ?? [], governing) as Sides) : findSides(st, hit, anchor, lex.lang, s.roles ?? []));
    if (sides.sources.length === 0 && sides.pairs.length === 0 && hit.value.pos === 'verb' && sides.rule !== 'reduced-relative') inheritSubject(st, ti, sides, previousSides);
    // Not a noun's genitive ("مسار التسوية", the path of a settlement): reached, signed, missed ("التوصل إلى اتفاق", "без подписания соглашения").
    const governed = st.cueAt[hit.start - 1] !== undefined || st.triggers.some((t) => t.end === hit.start);
    if (hit.value.entry.type === 'AGREE' && hit.value.pos === 'noun' && governed && noSides(sides)) {
      // "جولة من المفاوضات بين مصر وإثيوبيا … من دون التوصل إلى اتفاق": talks name the sides of the deal they reach or miss.
      const talks = talksBefore(st, ti, previousSides);
      if (talks) {
        Object.assign(sides, { sources: talks.sources, targets: talks.targets, pairs: talks.pairs, rule: `${talks.rule}+talks` });
        // "… لم تُفضِ حتى الآن إلى اتفاق", "talks did not produce a deal": a negation between the talks and the deal negates it.
        if (modality === 'asserted' && negationBetween(st, talks.end, hit.start)) {
          modality = 'negated';
          trigger.modality = modality;
        }
      }
    }
    previousSides[ti] = sides;
    // The mediation word itself ("بوساطة", "brokered by") codes through its mediator, after all acts.
    if (hit.value.entry.type === 'CONSULT' && st.mediations.some((m) => m.at <= hit.start && hit.start < m.end)) continue;
    if (relational && anchor.by === 'reporting' && sides.sources.length === 0) continue;
    trigger.sides = (sides.sources.length || sides.pairs.length ? 1 : 0) + (sides.targets.length || sides.pairs.length > 1 ? 1 : 0);
    if (embedders.has(ti)) continue;
    if (hit.value.entry.joint && sides.pairs.length < 2) continue;
    const speaker = modality === 'normative' ? reportingSpeaker(st, anchor, lex.lang) : undefined;
    if (sides.targets.length === 0 && sides.pairs.length === 0 && !speaker) continue;
    const domains = domainsOf(st, hit, sides.sources.concat(sides.targets, sides.pairs));
    const emit = (src: ActorMention, tgt: ActorMention, type: EventType = hit.value.entry.type, mod: Modality = modality): void => {
      if (src.code === tgt.code) return;
      // Officials "attack" and "protest" in words: ACCUSE. So does a state or an organisation itself, with a verb that
      // may be said ("احتجت مصر لدى إسرائيل", "Egypt protested to Israel"); crowds are named by their people or sector.
      if ((type === 'ASSAULT' && hit.value.pos === 'verb') || type === 'PROTEST') {
        if (src.sector !== undefined ? VERBAL_SECTORS.has(src.sector) : hit.value.entry.inWords && speaksAsItself(src)) {
          type = 'ACCUSE';
          trigger.type = 'ACCUSE';
        }
      }
      if (mentionOnly && type === 'ASSAULT' && mod === 'asserted') return;
      if (!fresh(src.code, tgt.code, type)) return;
      const ev: CodedEvent = {
        source: src.code, target: tgt.code, type, domains: type !== hit.value.entry.type && (type === 'ACCUSE' || type === 'REQUEST') ? ['diplomatic'] : domains,
        modality: mod, intensity: intensityOf(type, hit.value.entry, mod), evidence,
        trigger: trigger.text ?? '', rule: `${lex.lang}:${sides.rule}`,
      };
      if (hit.value.entry.mode && type === hit.value.entry.type) ev.mode = hit.value.entry.mode;
      if (src.sector) ev.sourceSector = src.sector;
      if (tgt.sector) ev.targetSector = tgt.sector;
      events.push(ev);
    };
    if (speaker) {
      for (const sp of speaker.members) for (const t of sides.sources.length ? sides.sources : sides.targets) emit(sp, t, 'REQUEST', 'asserted');
      continue;
    }
    // "An Emirati aircraft carrying food landed in Mogadishu": a vehicle arriving with aid brings it (with a delegation, it visits).
    if (hit.value.entry.type === 'CONSULT' && carriedBy(st, sides.sources) && st.triggers.some((t) => t.value.entry.type === 'AID' && st.clauseOf[t.start] === st.clauseOf[hit.start])) {
      for (const src of sides.sources) for (const tgt of sides.targets) emit(src, tgt, 'AID');
      continue;
    }
    // "coast guard vessels blocked a Philippine supply boat": stopping a vessel is coercion, not a refusal.
    const type = hit.value.entry.type === 'REJECT' && carriedBy(st, sides.targets) ? 'COERCE' : undefined;
    // "traded accusations": a mutual act goes both ways.
    const act = (a: ActorMention, b: ActorMention, as?: EventType): void => {
      emit(a, b, as);
      if (hit.value.entry.mutual) emit(b, a, as);
    };
    for (const src of sides.sources) for (const tgt of sides.targets) act(src, tgt, type);
    for (let a = 0; a < sides.pairs.length; a++) {
      for (let b = a + 1; b < sides.pairs.length; b++) act(sides.pairs[a] as ActorMention, sides.pairs[b] as ActorMention);
    }
  }
  for (const m of st.mediations) {
    const j = mediatedAct(st, m, previousSides);
    if (j === undefined) continue;
    const act = st.triggers[j] as SeqMatch<TriggerSense>;
    const sides = previousSides[j] as Sides;
    const parties = partiesOf(sides, m.group);
    const modality = (triggers[j] as Trigger).modality;
    const domains = domainsOf(st, act, parties);
    for (const med of m.group.members) {
      for (const party of parties) {
        if (!fresh(med.code, party.code, 'CONSULT')) continue;
        const ev: CodedEvent = {
          source: med.code, target: party.code, type: 'CONSULT', mode: 'mediate', domains, modality,
          intensity: intensityOf('CONSULT', undefined, modality), evidence, rule: `${lex.lang}:mediation`,
          trigger: s.text.slice((s.tokens[m.at] as Token).start, (s.tokens[m.end - 1] as Token).end),
        };
        if (med.sector) ev.sourceSector = med.sector;
        if (party.sector) ev.targetSector = party.sector;
        events.push(ev);
      }
    }
  }
  for (const r of receivedFrom(st)) {
    if (!fresh(r.giver.code, r.recipient.code, 'AID')) continue;
    events.push({
      source: r.giver.code, target: r.recipient.code, type: 'AID', domains: r.domains, modality: r.modality,
      intensity: intensityOf('AID', undefined, r.modality), evidence, rule: `${lex.lang}:received-from`, trigger: r.text,
    });
  }
  reportedNorm(st, lex.lang, (speaker, addressee, domains) => {
    if (!fresh(speaker.code, addressee.code, 'REQUEST')) return;
    events.push({
      source: speaker.code, target: addressee.code, type: 'REQUEST', domains, modality: 'asserted', intensity: intensityOf('REQUEST', undefined, 'asserted'),
      evidence, rule: `${lex.lang}:reported-norm`,
    });
  });
  return { events, triggers };
}

function noSides(sides: Sides): boolean {
  return sides.sources.length === 0 && sides.targets.length === 0 && sides.pairs.length === 0;
}

/** How far before an agreement its talks may stand. */
const TALKS_REACH = 15;

function negationBetween(st: Structure, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (st.cueAt[k] === 'negation' || st.cueAt[k] === 'negationVerb') return true;
  return false;
}

/** The sides of the talks before an agreement noun, when no actor stands between them, and where the talks end. */
function talksBefore(st: Structure, index: number, previous: Array<Sides | undefined>): (Sides & { end: number }) | undefined {
  const cur = st.triggers[index] as SeqMatch<TriggerSense>;
  for (let j = index - 1; j >= 0; j--) {
    const prev = st.triggers[j] as SeqMatch<TriggerSense>;
    if (cur.start - prev.end > TALKS_REACH) return undefined;
    const sides = previous[j];
    if (prev.value.entry.type !== 'CONSULT' || !sides) continue;
    const paired = sides.pairs.length >= 2 || (sides.sources.length > 0 && sides.targets.length > 0);
    if (!paired) return undefined;
    const last = Math.max(prev.end, ...st.groups.filter((g) => g.start >= prev.end && g.start < cur.start && (g.governor === 'between' || sides.targets.includes(g.members[0] as ActorMention) || sides.pairs.includes(g.members[0] as ActorMention))).map((g) => g.end));
    if (st.groups.some((g) => g.start >= last && g.end <= cur.start && g.governor !== 'locative')) return undefined;
    return { ...sides, end: last };
  }
  return undefined;
}

/** How far after a receiving verb ("تسلم") its giver ("من الولايات المتحدة") may stand. */
const RECEIVED_REACH = 10;
const MATERIAL: ReadonlySet<Domain> = new Set(['military', 'humanitarian', 'energy']);

/**
 * "تسلم العراق طائرات مروحية جديدة من الولايات المتحدة": war material, relief or fuel a state receives from
 * another is aid from the giver, when no trigger noun says what was received.
 */
function receivedFrom(st: Structure): Received[] {
  const out: Received[] = [];
  for (let k = 0; k < st.tokens.length; k++) {
    if (st.cueAt[k] !== 'lightInverse' || (k > 0 && st.cueAt[k - 1] === 'lightInverse')) continue;
    receivedAt(st, k, out);
  }
  return out;
}

/** Aid received from a giver, as the receiving verb names it. */
interface Received {
  giver: ActorMention;
  recipient: ActorMention;
  modality: Modality;
  domains: Domain[];
  text: string;
}

/** What the receiving verb at token k receives from whom (see {@link receivedFrom}), added to `out`. */
function receivedAt(st: Structure, k: number, out: Received[]): void {
  const clause = st.clauseOf[k] as number;
  const recipient = groupRightAfter(st, k + 1, clause, true) ?? subjectBefore(st, k, clause);
  const giver = st.groups.find((g) => g.start > k && g.start - k <= RECEIVED_REACH && inClause(st, g, clause) && g.governor === 'other'
    && (st.tokens[g.govStart]?.norm ?? '').replace(/^[وف]/u, '') === 'من');
  if (!recipient || !giver || recipient === giver) return;
  // A trigger noun between says what was received ("تسلم شحنة مساعدات"): that trigger codes it.
  if (st.triggers.some((t) => t.start > k && t.end <= giver.govStart && anchorOf(st, t).start === k)) return;
  const domains = [...new Set(st.domainHits.filter((d) => d.start > k && d.end <= giver.govStart && MATERIAL.has(d.value)).map((d) => d.value))];
  if (domains.length === 0) return;
  const before = [k - 1, k - 2, k - 3].map((j) => st.cueAt[j]);
  const modality: Modality = before.includes('negation') ? 'negated' : /^[وف]?س[يت]/u.test(st.tokens[k]?.norm ?? '') ? 'future' : 'asserted';
  const text = st.tokens[k]?.norm ?? '';
  for (const g of giver.members) for (const r of recipient.members) out.push({ giver: g, recipient: r, modality, domains, text });
}

/** How far from its actor's adjective a vehicle noun may stand ("a Philippine supply boat", "سفينة سعودية"). */
const VEHICLE_REACH = 2;

/** The actors are named as the owners of a vehicle ("An Emirati aircraft", "سفينة سعودية", "Российский самолёт"). */
function carriedBy(st: Structure, members: ActorMention[]): boolean {
  const g = members.length ? st.groups.find((x) => x.members === members) : undefined;
  if (!g) return false;
  // Arabic names the vehicle before its adjective; English and Russian after it, or in the mention through a role ("Israeli jets").
  if (st.tokens[g.start]?.kind === 'ar') return st.cueAt[g.start - 1] === 'vehicle';
  for (let k = g.start; k < g.end + VEHICLE_REACH; k++) if (st.cueAt[k] === 'vehicle') return true;
  return false;
}

/** The sides of an act other than its mediator: a pair, or its sources and targets. */
function partiesOf(sides: Sides, mediator: Group): ActorMention[] {
  const codes = new Set(mediator.members.map((m) => m.code));
  const all = sides.pairs.length ? sides.pairs : sides.sources.concat(sides.targets);
  const out: ActorMention[] = [];
  for (const m of all) if (!codes.has(m.code) && !out.some((o) => o.code === m.code)) out.push(m);
  return out;
}

/** The act a mediator mediates: the nearest act in the sentence with two sides besides the mediator. */
function mediatedAct(st: Structure, m: Mediation, previous: Array<Sides | undefined>): number | undefined {
  let best: number | undefined;
  let bestDistance = Infinity;
  for (let j = 0; j < st.triggers.length; j++) {
    const sides = previous[j];
    if (!sides || partiesOf(sides, m.group).length < 2) continue;
    const t = st.triggers[j] as SeqMatch<TriggerSense>;
    const distance = t.start >= m.at ? t.start - m.at : m.at - t.end;
    if (distance < bestDistance) {
      best = j;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * "X said Y should …", "شدد X على ضرورة أن توقف Y …", "X заявил, что Y должен …": a speaker stating
 * what another actor must do requests it, whatever the act (even one no dictionary names).
 */
function reportedNorm(st: Structure, lang: string, emit: (speaker: ActorMention, addressee: ActorMention, domains: Domain[]) => void): void {
  for (let k = 0; k < st.tokens.length; k++) {
    if (st.cueAt[k] !== 'reporting' || (k > 0 && st.cueAt[k - 1] === 'reporting')) continue;
    reportedNormAt(st, k, lang, emit);
  }
}

/** The norm the reporting verb at token k states, if any (see {@link reportedNorm}). */
function reportedNormAt(st: Structure, k: number, lang: string, emit: (speaker: ActorMention, addressee: ActorMention, domains: Domain[]) => void): void {
  const clause = st.clauseOf[k] as number;
  const speaker = lang === 'ar' ? (groupRightAfter(st, k + 1, clause, true) ?? subjectBefore(st, k, clause)) : (subjectBefore(st, k, clause) ?? groupRightAfter(st, k + 1, clause));
  if (!speaker) return;
  for (let j = k + 1; j < Math.min(st.tokens.length, k + 12); j++) {
    const cue = st.cueAt[j];
    if (cue !== 'normative' && cue !== 'normativeClause') continue;
    const addressee = st.groups.find((g) => g !== speaker && g.start > speaker.end - 1 && Math.abs(g.start - j) <= 4 && (g.governor === 'none' || g.governor === 'target') && g.start > k);
    if (!addressee) break;
    const domains = domainsOfSpan(st, k, Math.min(st.tokens.length, addressee.end + 8));
    for (const sp of speaker.members) for (const ad of addressee.members) emit(sp, ad, domains);
    break;
  }
}

const NOT_FILLER = new Set(['targetPrep', 'locativePrep', 'otherPrep', 'between', 'agentPrep', 'clauseBreak', 'complementizer', 'reporting']);

/** Words between a verb and its object noun that keep them together (no preposition, no comma). */
function onlyFillers(st: Structure, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const cue = st.cueAt[k];
    if ((cue && NOT_FILLER.has(cue)) || st.tokens[k]?.kind === 'punct') return false;
  }
  return true;
}

/**
 * Triggers that another trigger completes code nothing alone: a noun right after a verb ("signed an
 * agreement of cooperation") is absorbed by the verb, unless the verb is a support verb ("exchanged
 * fire", "تبادل القصف", "sent aid"), which the noun then absorbs.
 */
function absorbedTriggers(st: Structure): Set<number> {
  const out = new Set<number>();
  for (let i = 1; i < st.triggers.length; i++) {
    const cur = st.triggers[i] as SeqMatch<TriggerSense>;
    if (cur.value.pos !== 'noun') continue;
    for (let j = i - 1; j >= 0; j--) {
      const prev = st.triggers[j] as SeqMatch<TriggerSense>;
      if (out.has(j) || st.clauseOf[prev.start] !== st.clauseOf[cur.start]) break;
      const groupsBetween = st.groups.filter((g) => g.start >= prev.end && g.end <= cur.start);
      const subject = prev.value.pos === 'verb' && groupsBetween.length === 1 && groupsBetween[0]?.governor === 'none' && groupsBetween[0].start - prev.end <= 2 ? groupsBetween[0] : undefined;
      const from = subject ? subject.end : prev.end;
      const gap = cur.start - from;
      if (gap > 3 || (groupsBetween.length > 0 && !subject) || !onlyFillers(st, from, cur.start)) break;
      out.add(prev.value.entry.light && prev.value.pos === 'verb' ? j : i);
      break;
    }
  }
  return out;
}

/** Where a trigger's arguments are looked for: its light verb ("held talks", "أجرى مباحثات") or itself. */
export function anchorOf(st: Structure, hit: SeqMatch<TriggerSense>): Anchor {
  if (hit.value.pos !== 'noun') return { start: hit.start, end: hit.end, verbal: true, by: 'self' };
  let groups = 0;
  let words = 0;
  // The one who undergoes an act may be named at length before it ("تعرضت نقاط مراقبة تابعة للجيش التركي في
  // ريف إدلب لقصف"): an undergo verb anchors from further back than other support verbs.
  for (let k = hit.start - 1; k >= 0 && words < MAX_UNDERGO_WORDS; k--) {
    if (st.clauseOf[k] !== st.clauseOf[hit.start] || st.cueAt[k] === 'complementizer') break;
    const cue = st.cueAt[k];
    const near = words < MAX_ANCHOR_WORDS && groups <= MAX_ANCHOR_GROUPS;
    if (cue === 'undergo') {
      let start = k;
      while (start > 0 && st.cueAt[start - 1] === cue) start--;
      return { start, end: k + 1, verbal: true, by: 'light' };
    }
    if (near && (cue === 'futureClause' || cue === 'normativeClause' || cue === 'speculativeClause')) {
      // A cue of two words ("تسعى إلى") is a verb by its first.
      let start = k;
      while (start > 0 && k - start < 2 && st.cueAt[start - 1] === cue) start--;
      const tok = st.tokens[start];
      if (tok?.kind !== 'ar' || /^[وف]?[يتن]/u.test(tok.norm)) return { start, end: k + 1, verbal: true, by: 'light' };
    }
    if (near && (cue === 'light' || cue === 'reporting' || cue === 'lightInverse')) {
      let start = k;
      while (start > 0 && st.cueAt[start - 1] === cue) start--;
      // "في بيان", "in a statement": a report named in passing is no verb of the act.
      if (cue !== 'reporting' || !IN_PREPOSITIONS.has(st.tokens[start]?.norm ?? '')) return { start, end: k + 1, verbal: true, by: cue };
      words++;
      k = start;
      continue;
    }
    const verb = triggerCovering(st, k);
    if (verb) {
      if (near && verb.value.pos === 'verb' && verb.value.entry.light) {
        return { start: verb.start, end: verb.end, verbal: true, by: verb.value.entry.lightInverse ? 'lightInverse' : 'light' };
      }
      break;
    }
    const g = groupCovering(st, k);
    if (g) {
      if (++groups > MAX_UNDERGO_GROUPS) break;
      k = g.start;
    } else words++;
  }
  return { start: hit.start, end: hit.end, verbal: false, by: 'self' };
}

function inClause(st: Structure, g: Group, clause: number): boolean {
  return st.clauseOf[g.start] === clause;
}

/** The first group starting at token k. */
function groupStartingAt(st: Structure, k: number): Group | undefined {
  for (const g of st.groups) if (g.start === k) return g;
  return undefined;
}

/** The first group covering token k. */
function groupCovering(st: Structure, k: number): Group | undefined {
  for (const g of st.groups) if (g.start <= k && k < g.end) return g;
  return undefined;
}

/** True when a trigger starts at token k. */
function triggerStartingAt(st: Structure, k: number): boolean {
  return triggerAt(st, k) !== undefined;
}

/** The trigger starting at token k, if any. */
function triggerAt(st: Structure, k: number): SeqMatch<TriggerSense> | undefined {
  for (const t of st.triggers) if (t.start === k) return t;
  return undefined;
}

/** The first trigger covering token k. */
function triggerCovering(st: Structure, k: number): SeqMatch<TriggerSense> | undefined {
  for (const t of st.triggers) if (t.start <= k && k < t.end) return t;
  return undefined;
}

/** The nearest ungoverned group before `pos` in the clause; in a relative clause, its antecedent. */
function subjectBefore(st: Structure, pos: number, clause: number): Group | undefined {
  for (let i = st.groups.length - 1; i >= 0; i--) {
    const g = st.groups[i] as Group;
    if (g.end > pos || !inClause(st, g, clause)) continue;
    if (g.governor === 'none') return g;
  }
  return relativeAntecedent(st, clause);
}

/** "Turkey's minister, who arrived …": the group right before a relative pronoun opening the clause. */
function relativeAntecedent(st: Structure, clause: number): Group | undefined {
  let first = st.clauseOf.indexOf(clause);
  if (first <= 0) return undefined;
  if (!RELATIVE.has((st.tokens[first]?.norm ?? '').replace(/^[وف]/u, ''))) return undefined;
  let k = first - 1;
  while (k >= 0 && (st.tokens[k]?.kind === 'punct' || st.tokens[k]?.norm === '،')) k--;
  // Whatever governs the antecedent ("met Iraq's president, who praised …"), it is the relative clause's subject.
  return st.groups.find((g) => g.end === k + 1 && g.governor !== 'mediator' && g.governor !== 'between');
}

/**
 * "الرئيس الفرنسي، الذي يزور بيروت": a verb right after a relative pronoun has the antecedent as subject,
 * and what follows it is its object. A verb carrying an object pronoun ("التي استهدفتها إسرائيل") has its own
 * subject after it: the antecedent is what it was done to.
 */
function relativeSubject(st: Structure, anchor: Anchor, clause: number): Group | undefined {
  let first = anchor.start - 1;
  if (first > 0 && isSkippable(st, first) && st.tokens[first]?.kind !== 'punct') first--;
  if (first < 0 || st.clauseOf[first] !== clause || (first > 0 && st.clauseOf[first - 1] === clause)) return undefined;
  if (!RELATIVE.has((st.tokens[first]?.norm ?? '').replace(/^[وف]/u, ''))) return undefined;
  const verb = (st.tokens[anchor.start]?.norm ?? '');
  if (st.tokens[anchor.start]?.kind === 'ar' && /(?:ها|هم|هما|هن)$/u.test(verb)) return undefined;
  return relativeAntecedent(st, clause);
}

function isSkippable(st: Structure, k: number): boolean {
  const cue = st.cueAt[k];
  return cue === 'skip' || st.tokens[k]?.kind === 'punct';
}

/** How many head nouns may stand before a VSO subject's actor ("وفد اقتصادي سوري", "وزراء خارجية تركيا وروسيا"). */
const MAX_HEAD_NOUNS = 2;

/**
 * A complement with "to" or "for" right after an Arabic verb and followed by the verb's subject ("وصل إلى بيروت
 * وفد من …", "توجه إلى موسكو وزير الخارجية"): that complement and the subject after it.
 */
function frontedComplement(st: Structure, pos: number, clause: number): { complement: Group; subject: Group } | undefined {
  const complement = st.groups.find((x) => x.govStart === pos && x.start > pos && x.governor === 'target' && inClause(st, x, clause));
  const subject = complement ? groupRightAfter(st, complement.end, clause, true) : undefined;
  return complement && subject ? { complement, subject } : undefined;
}

/** An ungoverned group starting right after `pos` (VSO subject), allowing a few skippable words. */
function groupRightAfter(st: Structure, pos: number, clause: number, headNoun = false, act?: EventType): Group | undefined {
  let k = pos;
  let skipped = 0;
  let nouns = 0;
  while (k < st.tokens.length && skipped <= SKIP_AFTER_VERB) {
    const obliged = st.groups.find((x) => x.govStart === k && x.start > k && x.governor === 'none');
    if (obliged && inClause(st, obliged, clause)) return obliged;
    const g = groupStartingAt(st, k);
    if (g) {
      if (g.governor !== 'none' || !inClause(st, g, clause)) return undefined;
      // One head noun before a demonym ("المدفعية التركية"), two when the first is a role ("وفد اقتصادي سوري");
      // before names only when they are a list ("وزراء خارجية تركيا وروسيا وإيران"), which an object's genitive hardly is.
      const limit = st.roleAt[pos] ? 2 : 1;
      if (nouns === 0 || (g.members[0]?.via === 'demonym' && nouns <= limit)) return g;
      return g.members.length >= 2 && g.members.every((m) => m.via !== 'demonym' && m.via !== 'coreference') ? g : undefined;
    }
    if (!isSkippable(st, k)) {
      const t = st.tokens[k];
      if (!headNoun || nouns >= MAX_HEAD_NOUNS || (st.cueAt[k] !== undefined && st.cueAt[k] !== 'vehicle') || t?.kind !== 'ar' || st.triggers.some((h) => h.start === k && !actNamingItsAgent(h, t, act) && !(h.value.entry.relational && h.value.pos === 'noun'))) return undefined;
      nouns++;
    }
    k++;
    skipped++;
  }
  return undefined;
}

/**
 * "استهدفت غارة إسرائيلية …", "طال قصف تركي …": the verb's subject is a noun of the same act, whose adjective
 * names who did it; not a noun behind a preposition ("ونددت بالغارات الإسرائيلية").
 */
function actNamingItsAgent(h: SeqMatch<TriggerSense>, t: Token, act: EventType | undefined): boolean {
  if (!act || h.value.pos !== 'noun' || h.value.entry.type !== act) return false;
  const bare = t.norm.replace(/^[وف]/u, '');
  return !/^[بلك]/u.test(bare) || (h.keys[0] ?? '').startsWith(bare.slice(0, 1));
}

/**
 * Below this report score an asserted attack is taken for a mention, not a happening. Chosen out of fold:
 * `node dist/src/events/train-report.js --dry-run` prints the held-out detection F1 for each gate.
 */
const ASSAULT_MENTION_GATE = 0.06;

/** A state or an organisation named as itself (its name, capital, seat or leader), not through its people. */
function speaksAsItself(m: ActorMention): boolean {
  return m.kind !== 'armed' && (m.via === 'name' || m.via === 'capital' || m.via === 'seat' || m.via === 'leader' || m.via === 'organisation');
}

/** "in" (في، в): a reporting phrase it opens ("في بيان", "in a statement") names the report, it does not report. */
const IN_PREPOSITIONS = new Set(['في', 'وفي', 'in', 'в', 'во']);

/** How many words (besides actor names) may stand between a support verb and its noun. */
const MAX_ANCHOR_WORDS = 5;
/** How many actor groups (subject, target) may stand between a support verb and its noun. */
const MAX_ANCHOR_GROUPS = 2;
/** How far before its act an undergo verb (تعرض، came under, подвергся) may stand, in words and actor groups. */
const MAX_UNDERGO_WORDS = 10;
const MAX_UNDERGO_GROUPS = 3;
/** How far after an act named first its verb may stand ("Удар по складу … нанесли …"). */
const AHEAD_REACH = 12;
/** How far after a passive verb its "by" agent may stand. */
const AGENT_REACH = 3;
/** How far after a noun trigger (and its genitive) its target may start. */
const NOUN_TARGET_REACH = 3;

/** Words in [from, to) other than role words ("زيارة كانت مقررة لوزير خارجيتها إلى الجزائر": two). */
function wordsBetween(st: Structure, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (!st.roleAt[k]) n++;
  return n;
}

/** Acts that coordinated sides do together when nothing else is named ("Washington and Tehran held a round of talks"). */
const JOINT = new Set(['CONSULT', 'AGREE', 'COOPERATE']);
/** Acts done to a place: only these take "in Damascus" as their target. */
const PLACE_TARGET = new Set(['ASSAULT', 'COERCE', 'MOBILIZE', 'RETREAT', 'COOPERATE', 'AID', 'SANCTION', 'THREATEN']);
/** Acts whose target is never a crowd of civilians ("hosts Syrian refugees"). */
const NO_CIVILIAN_TARGET = new Set(['CONSULT', 'AGREE', 'SUPPORT', 'REQUEST', 'COOPERATE']);
/** A people as a whole ("the Palestinian people", "الشعب السوري") stands for its nation, unlike a crowd of civilians. */
const NATION_ROLES = new Set(['people', 'الشعب', 'народ']);
const SYMMETRIC_NO_OTHER = new Set(['CONSULT', 'AGREE', 'COOPERATE']);

/**
 * The target group after `pos`: the trigger's own prepositions first, then the first object or
 * target-preposition group; places ("in Damascus") only for acts done to a place, other prepositions
 * ("from", "about") last and never for meetings and agreements. Neither `exclude` (the side already found) nor a
 * group of its actors only is the target.
 */
function targetAfter(st: Structure, hit: SeqMatch<TriggerSense>, pos: number, clause: number, exclude: Group | undefined, ownPreps: (g: Group) => boolean): Group | undefined {
  let direct: Group | undefined;
  let locative: Group | undefined;
  let other: Group | undefined;
  const type = hit.value.entry.type;
  // A condition after the act names no side of it ("… ضرباتها في سوريا إذا تواصل نقل الأسلحة إلى حزب الله"), but
  // whoever a threat's condition names is threatened ("لوّح البيت الأبيض بالخيار العسكري إذا واصلت إيران …").
  const condition = type === 'THREATEN' ? -1 : st.cueAt.indexOf('conditional', pos);
  for (const g of st.groups) {
    if (condition >= 0 && g.start > condition) break;
    if (g.start < pos || g === exclude || g.governor === 'mediator' || !inClause(st, g, clause)) continue;
    if (membersAllIn(g, exclude)) continue;
    if (isSpeaker(st, g)) continue;
    if (NO_CIVILIAN_TARGET.has(type) && g.members.every((m) => m.sector === 'CVL' && !NATION_ROLES.has(m.role ?? ''))) continue;
    // The trigger's own preposition past a comma belongs to another clause ("freed two Israeli hostages, handing them over to …").
    const own = ownPreps(g);
    // An object named before the act's own "in" is what was hit there ("struck Houthi positions in Yemen"), and one named
    // before another act's phrase keeps that phrase's preposition to it ("اغتالت القيادي في حماس في غارة على الضاحية").
    if (own && !commaBetween(st, pos, g.govStart)) {
      const d = direct;
      return d && (g.governor === 'locative' || st.triggers.some((t) => t.start >= d.end && t.end <= g.govStart)) ? d : g;
    }
    const member = memberOf(st, g) && !st.triggers.some((t) => t.start >= pos && t.end <= g.govStart);
    if ((g.governor === 'none' || g.governor === 'target' || member) && !direct) direct = g;
    else if (g.governor === 'locative' && !locative) locative = g;
    else if (g.governor === 'other' && !other) other = g;
  }
  // A protest "in Israeli prisons" is against the state whose institution the adjective names, unlike one "in Cairo".
  const place = locative && (PLACE_TARGET.has(type) || (type === 'PROTEST' && locative.members.every((m) => m.via === 'demonym'))) ? locative : undefined;
  // A named group is the target over the place it was hit in; otherwise the nearer side wins.
  if (direct && place && place.start < direct.start && direct.members.every((m) => m.kind === 'state')) return place;
  if (direct) return direct;
  if (place) return place;
  // Where a strike or an arrest came from is no side of it ("أسقط طائرة مسيرة قادمة من الأراضي السورية").
  if (other && !SYMMETRIC_NO_OTHER.has(type) && !((type === 'ASSAULT' || type === 'COERCE') && ORIGIN_PREPOSITIONS.has(st.tokens[other.govStart]?.norm ?? ''))) return other;
  return undefined;
}

/** Arabic nouns of membership before "في" ("القيادي في حماس": a leader in Hamas), normalized, without tanween alef. */
const AR_MEMBER_NOUNS = new Set(['قيادي', 'القيادي', 'قياديين', 'عضو', 'العضو', 'اعضاء', 'عنصر', 'العنصر', 'عناصر', 'قائد', 'القائد', 'مسوول', 'المسوول', 'ناشط', 'الناشط', 'مقاتل', 'المقاتل', 'مقاتلين']);

/** A group after "في" that names what someone belongs to ("اغتالت القيادي في حماس"): the act's object, not its place. */
function memberOf(st: Structure, g: Group): boolean {
  if (g.governor !== 'locative' || st.tokens[g.govStart]?.norm !== 'في') return false;
  const noun = (st.tokens[g.govStart - 1]?.norm ?? '').replace(/ا$/u, '');
  return AR_MEMBER_NOUNS.has(noun) || AR_MEMBER_NOUNS.has(noun.replace(/^[وف]/u, ''));
}

/** Prepositions of origin: "from", "من", "из", "от". */
const ORIGIN_PREPOSITIONS = new Set(['from', 'من', 'ومن', 'из', 'от']);

/** True when every member of g is an actor of `other` too (by code). */
function membersAllIn(g: Group, other: Group | undefined): boolean {
  for (const m of g.members) if (!other || !hasCode(other.members, m.code)) return false;
  return true;
}

function hasCode(members: ActorMention[], code: string): boolean {
  for (const m of members) if (m.code === code) return true;
  return false;
}

function commaBetween(st: Structure, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const w = st.tokens[k]?.norm;
    if (w === ',' || w === '،') return true;
  }
  return false;
}

/**
 * The passive agent after an act ("by X", "من قبل X", "со стороны X"): up to AGENT_REACH words away, not
 * counting the names in between ("استُقبل وزير الخارجية العماني في دمشق من قبل الرئيس"), and not past another act.
 */
function agentAfter(st: Structure, from: number, clause: number): Group | undefined {
  let words = 0;
  let plain = 0;
  let groups = 0;
  for (let k = from; k < st.tokens.length && words <= AGENT_REACH && plain <= 2; k++) {
    if (st.clauseOf[k] !== clause || triggerStartingAt(st, k)) return undefined;
    const g = groupStartingAt(st, k);
    if (g?.governor === 'agent') return g;
    if (g) {
      if (++groups > 2) return undefined;
      k = g.end - 1;
    } else if (st.cueAt[k] !== 'agentPrep') {
      words++;
      // Between a passive verb and its agent stand its subject and places, hardly any other word.
      if ((st.cueAt[k] === undefined || st.cueAt[k] === 'vehicle') && !st.roleAt[k]) plain++;
    }
  }
  return undefined;
}

/** A group that a reporting verb right after it attributes the sentence to (", a Kremlin aide said"). */
function isSpeaker(st: Structure, g: Group): boolean {
  for (let k = g.end; k < Math.min(st.tokens.length, g.end + 2); k++) {
    if (st.cueAt[k] === 'reporting') return true;
    if (st.cueAt[k] !== 'skip') return false;
  }
  return false;
}

/** An Arabic noun's owner marked with لـ right after it (or after one adjective), when a target follows. */
function ownerWithLam(st: Structure, hit: SeqMatch<TriggerSense>, clause: number): Group | undefined {
  const g = st.groups.find((x) => x.start >= hit.end && x.start <= hit.end + 1 && x.governor === 'target' && inClause(st, x, clause) && x.members[0]?.clitics?.replace(/^[وف]/u, '').startsWith('ل'));
  if (!g) return undefined;
  const next = st.groups.find((x) => x.start >= g.end && x.start <= g.end + 2 && (x.governor === 'target' || x.governor === 'locative'));
  return next ? g : undefined;
}

/** A noun with a possessive pronoun ("زيارته", "his visit", "свой визит") refers back to an earlier actor. */
function hasPossessive(st: Structure, hit: SeqMatch<TriggerSense>, lang: string): boolean {
  const t = st.tokens[hit.start];
  if (!t) return false;
  if (lang === 'ar') return hit.value.possessive === true;
  const prev = st.tokens[hit.start - 1]?.norm ?? '';
  return ['his', 'her', 'its', 'their', 'его', 'ее', 'её', 'их', 'свой', 'своего', 'своей', 'своим', 'своем', 'свою', 'своих'].includes(prev);
}

/** Sources from outside the trigger's clause: "يجب على X أن …", "X said that it will …". */
function clauseFallbackSource(st: Structure, clause: number, hitStart: number): Group | undefined {
  let first = hitStart;
  while (first > 0 && st.clauseOf[first - 1] === clause) first--;
  if (st.cueAt[first] !== 'complementizer' || first === 0) return undefined;
  const adjacent = st.groups.find((g) => g.end === first && g.governor === 'none');
  // A word of its own between the complementizer and the verb is the verb's subject, named by no actor ("أفاد مصدر
  // عراقي بأن طائرة مسيرة مجهولة استهدفت …"): the one who reports it is not who did it.
  // Neither an auxiliary ("أن يكون قد"), the reporter's own forces ("أن طائراتها") nor a definite force of its
  // ("أن سلاح الجو") is such a subject: an indefinite one is ("طائرة مسيرة مجهولة").
  const subject = st.tokens.slice(first + 1, hitStart).find((t, i) => t.kind === 'ar' && st.cueAt[first + 1 + i] === undefined && !AR_AUXILIARIES.has(t.norm));
  const ownSubject = subject !== undefined && !/^[وف]?ال/u.test(subject.norm) && (subject.taMarbuta === true || !/(?:ه|ها|هم|هما)$/u.test(subject.norm));
  if (adjacent && st.clauseOf[adjacent.start] === clause - 1 && !ownSubject) return adjacent;
  const comp = st.tokens[first]?.norm ?? '';
  const pronoun = /(?:ه|ها|هم)$/u.test(comp) || ['it', 'they', 'he', 'she', 'она', 'он', 'они'].includes(st.tokens[first + 1]?.norm ?? '');
  if (!pronoun) return undefined;
  return subjectBefore(st, first, clause - 1) ?? groupRightAfterAny(st, first, clause - 1);
}

/** Arabic auxiliaries of a complement clause ("أن يكون قد", "أن تكون"). */
const AR_AUXILIARIES = new Set(['يكون', 'تكون', 'يكونوا', 'كان', 'كانت', 'قد']);

/** The first ungoverned group of a clause. */
function groupRightAfterAny(st: Structure, before: number, clause: number): Group | undefined {
  return st.groups.find((g) => g.end <= before && g.governor === 'none' && inClause(st, g, clause));
}

/** Decide source, target and pair sides of a trigger. */
function findSides(st: Structure, hit: SeqMatch<TriggerSense>, anchor: Anchor, lang: string, roles: RoleMention[]): Sides {
  const clause = st.clauseOf[hit.start] as number;
  const entry = hit.value.entry;
  const sides: Sides = { sources: [], targets: [], pairs: [], rule: 'none' };
  const betweenGroup = st.groups.find((g) => g.governor === 'between' && inClause(st, g, clause) && g.members.length >= 2 && g.start >= anchor.start - 1
    && (anchor.verbal || g.govStart - hit.end <= 2));
  const ownPreps = entryPrepTest(st, hit);

  let source: Group | undefined;
  let target: Group | undefined;
  // "the attack carried out by Israel on Lebanon", "الهجوم الذي شنته إسرائيل على لبنان": the noun names its own agent.
  const undergone = anchor.verbal && anchor.start < hit.start && st.cueAt[anchor.start] === 'undergo';
  const named = hit.value.pos === 'noun' && !undergone ? ownAgentOf(st, hit, ownPreps) : undefined;
  const detained = anchor.verbal && anchor.start === hit.start && entry.type === 'COERCE' ? detainedObject(st, hit, clause, lang) : undefined;
  if (named) {
    const { agent: nounAgent, target: own } = named;
    sides.rule = 'noun-agent';
    // "the deal signed by Azerbaijan and Armenia": coordinated agents of a joint act are its pairs.
    if (!own && nounAgent.members.length >= 2 && (entry.symmetric || JOINT.has(entry.type))) sides.pairs = nounAgent.members;
    else sides.sources = nounAgent.members;
    if (own) sides.targets = own.members;
    return sides;
  }
  const agent = (lang === 'en' && hit.value.pos === 'verb' && englishActive(st, anchor.start) ? undefined : agentAfter(st, hit.end, clause))
    ?? (anchor.verbal ? agentBefore(st, anchor.start, clause) : undefined);

  if (undergone) {
    // "تعرضت X لقصف تركي", "X came under fire from Y", "X подвергся удару со стороны Y": X suffers the act.
    target = undergoer(st, anchor, hit, clause);
    source = actOwnAgent(st, hit, clause, target);
    sides.rule = 'undergo';
    if (source && target) {
      sides.sources = source.members;
      sides.targets = target.members;
    }
    return sides;
  } else if (agent) {
    source = agent;
    target = subjectBefore(st, anchor.start, clause) ?? targetAfter(st, hit, hit.end, clause, agent, ownPreps);
    sides.rule = 'passive';
  } else if (!anchor.verbal && lang !== 'ar' && actAhead(st, hit, clause, lang, ownPreps)) {
    return actAhead(st, hit, clause, lang, ownPreps) as Sides;
  } else if (!anchor.verbal) {
    // A noun: "زيارة وزير الدفاع السوري إلى موسكو", "Israeli strikes on Syria", "визит министра в Москву".
    // A noun with its own possessive pronoun (لقائه: his meeting) takes the next actor as its object.
    const genitive = hit.value.possessive ? undefined : groupRightAfter(st, hit.end, clause, lang === 'ar');
    const modifier = st.groups.find((g) => g.end === hit.start && g.governor === 'none' && inClause(st, g, clause));
    const owner = modifier && lang === 'en' && modifier.members.every((m) => m.via !== 'demonym')
      ? st.groups.find((g) => g.end <= modifier.start && g.end >= modifier.start - 2 && st.tokens[g.end - 1]?.possessive === true) : undefined;
    if (owner && modifier) {
      source = owner;
      target = modifier;
      sides.rule = 'noun-owner';
    } else if (lang !== 'ar' && modifier) {
      source = modifier;
      sides.rule = 'noun-modifier';
    } else if (genitive) {
      source = genitive;
      sides.rule = 'noun-genitive';
    } else if (modifier) {
      source = modifier;
      sides.rule = 'noun-modifier';
    } else if (lang === 'ar' && ownerWithLam(st, hit, clause)) {
      source = ownerWithLam(st, hit, clause);
      sides.rule = 'noun-owner';
    } else if (hasPossessive(st, hit, lang)) {
      source = (lang === 'ar' ? mainSubject(st, hit.start) : undefined) ?? subjectBefore(st, hit.start, clause) ?? clauseFallbackSource(st, clause, hit.start) ?? lastGroupBefore(st, hit.start);
      sides.rule = 'noun-possessive';
    }
    if (!source && lang !== 'ar') {
      const subject = subjectBefore(st, hit.start, clause);
      const own = subject ? st.groups.find((g) => g.start >= hit.end && g.govStart - hit.end <= 1 && ownPreps(g)) : undefined;
      if (subject && own) {
        source = subject;
        target = own;
        sides.rule = 'noun-in-clause';
      }
    }
    if (source && !target) {
      const from = Math.max(hit.end, source.start >= hit.end ? source.end : hit.end);
      target = targetAfter(st, hit, from, clause, source, ownPreps);
      if (target && (wordsBetween(st, from, target.govStart) > NOUN_TARGET_REACH || st.tokens.slice(from, target.govStart).some((t) => t.kind === 'punct'))) target = undefined;
    }
  } else if (lang === 'ar' && anchor.by === 'reporting' && groupRightAfter(st, hit.end, clause)) {
    // "أبلغتها رفض مصر": the noun's own genitive acts, not the one who conveys it.
    source = groupRightAfter(st, hit.end, clause);
    sides.rule = 'noun-genitive';
    target = source ? targetAfter(st, hit, source.end, clause, source, ownPreps) : undefined;
  } else if (anchor.verbal && relativeSubject(st, anchor, clause)) {
    source = relativeSubject(st, anchor, clause);
    sides.rule = 'relative';
    target = targetAfter(st, hit, anchor.end, clause, source, ownPreps);
  } else if (lang === 'ar' && anchor.verbal && anchor.start === hit.start && objectSuffixed(st, hit) && groupEndingAt(st, pastPerfectStart(st, anchor.start), clause)) {
    // "أفرجت عن صيادين ليبيين احتجزتهم", "عن بحار بريطاني كانت قد احتجزته": a verb carrying its object as a pronoun acts
    // on the group right before it (and before its auxiliary), whatever governs that group; its subject follows it, or
    // is the main clause's.
    target = groupEndingAt(st, pastPerfectStart(st, anchor.start), clause);
    const after = groupRightAfter(st, anchor.end, clause, true);
    source = after ?? mainSubject(st, anchor.start);
    if (source === target) source = undefined;
    sides.rule = 'object-pronoun';
  } else if (lang === 'en' && anchor.verbal && anchor.start === hit.start && entry.type === 'ACCUSE' && accusedParticiple(st, hit)) {
    // "deported Egyptian workers accused of violating residency rules": who accused them is not said.
    sides.rule = 'reduced-relative';
  } else if (detained) {
    // "released a French tourist detained since 2022", "освободил задержанный ранее британский танкер": a participle
    // beside the main verb's object is done to that object by the main subject.
    target = detained;
    source = mainSubject(st, Math.min(hit.start, detained.start));
    if (source === target) source = undefined;
    sides.rule = 'participle';
  } else if (lang === 'ar') {
    const before = subjectBefore(st, anchor.start, clause);
    const adjacentBefore = before && anchor.start - before.end <= 1 ? before : undefined;
    const after = groupRightAfter(st, anchor.end, clause, true, anchor.verbal && anchor.by === 'self' ? entry.type : undefined);
    const conjoinedVerb = anchor.verbal && /^[وف]/u.test(st.tokens[anchor.start]?.norm ?? '') && !adjacentBefore && !after;
    // "أن قواتها حيّدت خمسة مسلحين من …": a subject named by its role alone stands right before the verb, so what
    // follows is the object; "its forces" are the main subject's.
    const roleSubject = anchor.verbal && !adjacentBefore ? roles.find((r) => r.end === anchor.start && st.clauseOf[r.start] === clause) : undefined;
    const fronted = anchor.verbal && !adjacentBefore && !roleSubject && !after ? frontedComplement(st, anchor.end, clause) : undefined;
    if (adjacentBefore) {
      source = adjacentBefore;
      sides.rule = 'svo';
    } else if (roleSubject) {
      source = AR_POSSESSIVE.test(st.tokens[roleSubject.end - 1]?.norm ?? '') ? mainSubject(st, roleSubject.start) : undefined;
      sides.rule = 'svo-role';
    } else if (after) {
      source = after;
      sides.rule = 'vso';
    } else if (fronted) {
      // "وصل إلى بيروت وفد من صندوق النقد الدولي": the verb's complement comes before its subject.
      target = fronted.complement;
      source = fronted.subject;
      sides.rule = 'vpso';
    } else if (conjoinedVerb && mainSubject(st, anchor.start)) {
      source = mainSubject(st, anchor.start);
      sides.rule = 'main-subject';
    } else if (before) {
      source = before;
      sides.rule = 'svo-far';
    } else {
      source = clauseFallbackSource(st, clause, anchor.start);
      sides.rule = 'clause';
    }
    const from = source && source.start >= anchor.end ? source.end : anchor.end;
    target ??= targetAfter(st, hit, from, clause, source, ownPreps);
  } else if (lang === 'ru' && anchor.verbal && russianPassive(st, anchor.start) && instrumentalAfter(st, anchor.end, clause)) {
    // "Делегация была принята министром иностранных дел Ирана": the instrumental agent acts on the subject.
    source = instrumentalAfter(st, anchor.end, clause);
    target = subjectBefore(st, anchor.start, clause) ?? targetAfter(st, hit, anchor.end, clause, source, ownPreps);
    sides.rule = 'passive-instrumental';
  } else {
    const conjoined = anchor.start > 0 && st.cueAt[anchor.start - 1] === 'conjunction' && anchor.verbal && !afterParenthesis(st, anchor.start);
    source = conjoined ? undefined : subjectBefore(st, anchor.start, clause);
    sides.rule = conjoined ? 'conjoined' : 'svo';
    // "Moscow denied that its warplanes had struck …", "…, что её самолёты нанесли удар": the owner's forces act.
    const owned = !source && !conjoined ? ownedRoleBefore(st, anchor.start, clause, roles) : undefined;
    if (owned) {
      source = lastGroupBefore(st, owned.start);
      sides.rule = 'svo-owned-role';
    }
    if (!source && lang === 'ru') {
      source = groupRightAfter(st, hit.end, clause);
      sides.rule = 'vs';
    }
    if (!source) {
      source = clauseFallbackSource(st, clause, anchor.start);
      sides.rule = 'clause';
    }
    const from = source && source.start >= anchor.end ? source.end : anchor.end;
    target = targetAfter(st, hit, from, clause, source, ownPreps);
  }
  // "condemned the attack carried out by Israel", "رحبت بالاتفاق الذي توصلت إليه مصر وقطر": what is done to an act is
  // done to its agent.
  const actObject = hit.value.pos === 'verb' ? actNounAfter(st, source && source.start >= hit.end ? source.end : hit.end) : undefined;
  const actAgent = actObject ? agentOfNoun(st, actObject) : undefined;
  if (actAgent && !(source && membersAllIn(actAgent, source))) target = actAgent;
  if (source && !target && entry.type === 'REQUEST') target = complementSubject(st, clause, hit.end);
  if (source && !target && entry.type === 'THREATEN') target = threatenedInComplement(st, clause, source);
  if (!source) {
    source = civiliansOfPlace(st, roles, anchor, clause);
    if (source) sides.rule = 'civilians-of-place';
  }
  if (target?.governor === 'between' || (betweenGroup && (target === betweenGroup || source === betweenGroup))) target = undefined;
  if (betweenGroup && (entry.symmetric || entry.reciprocal || !source)) {
    sides.pairs = betweenGroup.members;
    sides.rule += '+between';
    if (source && source !== betweenGroup && !source.members.some((m) => betweenGroup.members.some((b) => b.code === m.code))) {
      sides.sources = source.members;
      sides.targets = betweenGroup.members;
    }
    return sides;
  }
  if (betweenGroup && source && source !== betweenGroup) {
    sides.sources = source.members;
    sides.targets = betweenGroup.members;
    sides.rule += '+mediates';
    return sides;
  }
  if (!source) {
    if (target) sides.targets = target.members;
    return sides;
  }
  const coordinated = source.members.length >= 2;
  if (coordinated && (entry.reciprocal || entry.symmetric || (!target && JOINT.has(entry.type)))) {
    sides.pairs = source.members;
    sides.rule += '+coord';
    // "… على تنسيق مواقفهما في مفاوضات سد النهضة مع إثيوبيا": a "with" past another act's noun is that act's.
    if (entry.symmetric && target && ownPreps(target) && !st.triggers.some((t) => t.start >= hit.end && t.end <= target.govStart && t.value.pos === 'noun')) {
      sides.sources = source.members;
      sides.targets = target.members;
    }
    return sides;
  }
  // "hosted the Egyptian president for talks": under a host verb that is itself the act, talks go both ways and the
  // host, named first, stays their source; a call received ("تلقى اتصالاً من") still comes from the caller.
  const hosted = entry.symmetric === true && st.triggers.some((t) => t.start === anchor.start && t.value.entry.type === entry.type);
  if ((entry.inverse || (anchor.by === 'lightInverse' && !hosted)) && target) {
    sides.sources = target.members;
    sides.targets = source.members;
    sides.rule += '+inverse';
    return sides;
  }
  sides.sources = source.members;
  if (target) sides.targets = target.members;
  return sides;
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'got', 'gets', 'has', 'have', 'had']);

/**
 * An English verb with no form of "be" before it is active ("Azerbaijan suspended flights by a Russian
 * airline"): its "by" names no agent. A participle after a comma ("Syria, struck by …") stays passive.
 */
function englishActive(st: Structure, pos: number): boolean {
  let k = pos - 1;
  while (k >= 0 && (st.cueAt[k] === 'skip' || /ly$/u.test(st.tokens[k]?.norm ?? ''))) k--;
  const w = st.tokens[k]?.norm ?? '';
  return k >= 0 && !BE.has(w) && w !== ',' && st.cueAt[k] !== 'conjunction';
}

/** A verb right after a one-word parenthesis ("Китай, возможно, предоставит", "Iran, however, rejected"): not a conjoined verb. */
function afterParenthesis(st: Structure, pos: number): boolean {
  const comma = (k: number): boolean => st.tokens[k]?.norm === ',' || st.tokens[k]?.norm === '،';
  return comma(pos - 1) && st.cueAt[pos - 2] !== undefined && st.cueAt[pos - 2] !== 'conjunction' && comma(pos - 3);
}

/** A passive agent named before its verb ("Со стороны Азербайджана был открыт огонь", "من جانب X تم …"). */
function agentBefore(st: Structure, pos: number, clause: number): Group | undefined {
  for (let i = st.groups.length - 1; i >= 0; i--) {
    const g = st.groups[i] as Group;
    if (g.end > pos) continue;
    if (g.governor !== 'agent' || !inClause(st, g, clause) || pos - g.end > 2) return undefined;
    for (let k = g.end; k < pos; k++) if (st.triggers.some((t) => t.start === k) || st.tokens[k]?.kind === 'punct') return undefined;
    return g;
  }
  return undefined;
}

/** A Russian passive: a short passive participle ("принята", "задержан"), or any verb after был/была/было/были/будет. */
function russianPassive(st: Structure, pos: number): boolean {
  const prev = st.tokens[pos - 1]?.norm ?? '';
  if (/^(?:был|была|было|были|будет|будут)$/u.test(prev)) return true;
  return /(?:ан|ян|ен)(?:а|о|ы)?$/u.test(st.tokens[pos]?.norm ?? '');
}

const INSTRUMENTAL = /(?:ом|ем|ой|ей|ою|ею|ами|ями|ыми|ими|ым|им)$/u;

/** The agent of a Russian passive in the instrumental case ("министром", "иранскими военными"), past the subject and places. */
function instrumentalAfter(st: Structure, from: number, clause: number): Group | undefined {
  let plain = 0;
  for (let k = from; k < Math.min(st.tokens.length, from + 6) && plain <= 1; k++) {
    if (st.clauseOf[k] !== clause || triggerStartingAt(st, k)) return undefined;
    const g = groupStartingAt(st, k);
    if (g) {
      if (g.governor === 'none' && INSTRUMENTAL.test(st.tokens[g.start]?.norm ?? '')) return g;
      k = g.end - 1;
    } else if ((st.cueAt[k] === undefined || st.cueAt[k] === 'vehicle') && !st.roleAt[k]) plain++;
  }
  return undefined;
}

/**
 * An act named first and done by a verb after it: "Удар по складу нанесли украинские беспилотники",
 * "Помощь пострадавшим направило МЧС России" (object first), "Захват танкера был осуществлён иранскими
 * военными", "The strike on a convoy was carried out by Israeli aircraft" (passive). The verb's subject or agent
 * acts; the noun's own target, or its genitive, is done to.
 */
function actAhead(st: Structure, hit: SeqMatch<TriggerSense>, clause: number, lang: string, ownPreps: (g: Group) => boolean): Sides | undefined {
  if (st.groups.some((g) => g.end <= hit.start && g.governor === 'none' && inClause(st, g, clause))) return undefined;
  if (st.triggers.some((t) => t.end <= hit.start && st.clauseOf[t.start] === clause)) return undefined;
  let verb = -1;
  for (let k = hit.end; k < Math.min(st.tokens.length, hit.end + AHEAD_REACH); k++) {
    const cue = st.cueAt[k];
    if (st.clauseOf[k] !== clause || cue === 'reporting' || cue === 'complementizer' || st.triggers.some((t) => t.start === k)) return undefined;
    if (cue === 'light') {
      verb = k;
      break;
    }
  }
  if (verb < 0) return undefined;
  let end = verb + 1;
  while (end < st.tokens.length && st.cueAt[end] === 'light') end++;
  let source = agentAfter(st, end, clause);
  let rule = 'passive-noun';
  if (!source && lang === 'ru') {
    source = russianPassive(st, verb) ? instrumentalAfter(st, end, clause) : groupRightAfter(st, end, clause);
    rule = russianPassive(st, verb) ? 'passive-instrumental' : 'object-first';
  }
  if (!source) return undefined;
  const target = targetAfter(st, hit, hit.end, clause, source, ownPreps);
  if (!target || target.start >= verb) return undefined;
  return { sources: source.members, targets: target.members, pairs: [], rule };
}

/** Who undergoes an act ("تعرضت X لـ", "X came under"): a group between the verb and the act, else the subject before. */
function undergoer(st: Structure, anchor: Anchor, hit: SeqMatch<TriggerSense>, clause: number): Group | undefined {
  const between = st.groups.filter((g) => g.start >= anchor.end && g.end <= hit.start && inClause(st, g, clause) && g.governor !== 'agent' && g.governor !== 'mediator' && g.governor !== 'between');
  const inside = between.find((g) => g.governor !== 'locative') ?? between[0];
  if (inside) return inside;
  // Before the verb, the subject is the clause's first named side ("US forces in eastern Syria came under …").
  return st.groups.find((g) => g.end <= anchor.start && g.governor === 'none' && inClause(st, g, clause)) ?? subjectBefore(st, anchor.start, clause);
}

/**
 * The agent an act names itself when its subject only underwent it: "by"/"من قبل"/"со стороны" Y (or "from",
 * "من", "от"), its own actor adjective or genitive ("لقصف مدفعي تركي", "Israeli fire"), or the subject of a
 * support verb that follows it ("لغارات شنتها طائرات إسرائيلية"). None: the act's source is unknown.
 */
function actOwnAgent(st: Structure, hit: SeqMatch<TriggerSense>, clause: number, exclude: Group | undefined): Group | undefined {
  const usable = (g: Group | undefined): Group | undefined => (g && g !== exclude && inClause(st, g, clause) ? g : undefined);
  const modifier = usable(st.groups.find((g) => g.end === hit.start && g.governor === 'none' && g.members.every((m) => m.via === 'demonym')));
  if (modifier) return modifier;
  for (let k = hit.end; k < Math.min(st.tokens.length, hit.end + AGENT_REACH + 1); k++) {
    const cue = st.cueAt[k];
    if (st.clauseOf[k] !== clause) break;
    if (cue === 'agentPrep' || (cue === 'otherPrep' && FROM.has((st.tokens[k]?.norm ?? '').replace(/^[وف]/u, '')))) {
      let end = k + 1;
      while (end < st.tokens.length && st.cueAt[end] === cue) end++;
      const g = st.groups.find((x) => x.start >= end && x.start <= end + 1);
      // "from Iran-backed militias": a name in a compound modifier is not the agent.
      return g && st.tokens[g.end]?.norm !== '-' ? usable(g) : undefined;
    }
    if (cue === 'light') return usable(groupRightAfter(st, k + 1, clause, true));
    const own = st.groups.find((g) => g.start === k);
    if (own) return own.governor === 'none' && (k === hit.end || own.members[0]?.via === 'demonym') ? usable(own) : undefined;
  }
  return undefined;
}

const FROM = new Set(['from', 'من', 'от']);

/**
 * "Protesters in Baghdad", "سكان القامشلي", "жители Алеппо": civilians named by their place act for
 * that place's state (never armed men, whose side is unknown).
 */
function civiliansOfPlace(st: Structure, roles: RoleMention[], anchor: Anchor, clause: number): Group | undefined {
  for (const r of roles) {
    if (r.sector !== 'CVL' || st.clauseOf[r.start] !== clause) continue;
    const place = st.groups.find((g) => g.start > r.end - 1 && g.start <= r.end + 1 && g.members.every((m) => m.via === 'city' || m.via === 'capital' || m.via === 'name'));
    if (place && (place.end <= anchor.start || r.end <= anchor.start)) return place;
  }
  return undefined;
}

/** "demanded that Israel withdraw": the subject of the that-clause right after the act is its target. */
function complementSubject(st: Structure, clause: number, from: number): Group | undefined {
  let k = from;
  while (k < st.tokens.length && st.clauseOf[k] === clause) {
    if (st.triggers.some((t) => t.start === k) || st.groups.some((g) => g.start === k)) return undefined;
    k++;
  }
  if (k >= st.tokens.length || st.cueAt[k] !== 'complementizer') return undefined;
  return st.groups.find((g) => g.start > k && g.start <= k + 3 && g.governor === 'none' && st.clauseOf[g.start] === clause + 1);
}

/** "حذرت طهران من أنها سترد على أي اعتداء إسرائيلي": the threatened side named inside the that-clause. */
function threatenedInComplement(st: Structure, clause: number, source: Group): Group | undefined {
  const codes = new Set(source.members.map((m) => m.code));
  return st.groups.find((g) => st.clauseOf[g.start] === clause + 1 && clauseStartsWithComplementizer(st, g.start) && g.members.some((m) => !codes.has(m.code)));
}

/** The subject of the sentence's first verb (or support, reporting or intention verb) before `pos`. */
function mainSubject(st: Structure, pos: number): Group | undefined {
  for (let k = 0; k < pos; k++) {
    const verb = st.triggers.some((t) => t.start === k && t.value.pos === 'verb') || ['light', 'reporting', 'lightInverse'].includes(st.cueAt[k] ?? '');
    if (!verb) continue;
    const clause = st.clauseOf[k] as number;
    const before = subjectBefore(st, k, clause);
    if (before && k - before.end <= 1) return before;
    return groupRightAfter(st, k + 1, clause, true) ?? before;
  }
  return undefined;
}

/** Possessive determiners that give a role its owner ("its forces", "их войска"). */
const OWNER_DETERMINERS = new Set(['its', 'their', 'его', 'ее', 'её', 'их']);

/** A role right before a verb (an auxiliary or two between) that a possessive determiner gives an owner. */
function ownedRoleBefore(st: Structure, pos: number, clause: number, roles: RoleMention[]): RoleMention | undefined {
  const role = roles.find((r) => r.end <= pos && pos - r.end <= 2 && st.clauseOf[r.start] === clause);
  if (!role || st.groups.some((g) => g.start >= role.end && g.end <= pos) || st.triggers.some((t) => t.start >= role.end && t.end <= pos)) return undefined;
  return OWNER_DETERMINERS.has(st.tokens[role.start - 1]?.norm ?? '') ? role : undefined;
}

/** The last group before a position, anywhere in the sentence. */
function lastGroupBefore(st: Structure, pos: number): Group | undefined {
  return [...st.groups].reverse().find((g) => g.end <= pos && g.governor === 'none');
}

/** True when a token key is the preposition p as an event key reads it: as written, exact (`=p`) or stemmed (`s:p`). */
function isPrepKey(k: string, p: string): boolean {
  if (k === p) return true;
  if (k.length === p.length + 1) return k.charCodeAt(0) === 0x3d && k.endsWith(p);
  return k.length === p.length + 2 && k.startsWith('s:') && k.endsWith(p);
}

function entryPrepTest(st: Structure, hit: SeqMatch<TriggerSense>): (g: Group) => boolean {
  return (g: Group): boolean => {
    if (g.governor === 'none') return false;
    const own = entryTargetPreps(hit.value.entry);
    if (own.length === 0) return false;
    const start = g.govStart;
    for (const p of own) {
      const keys = st.keysOf(start);
      const norm = st.tokens[start]?.norm ?? '';
      if (keys.some((k) => isPrepKey(k, p)) || norm === p) return true;
      const first = st.tokens[g.start];
      // A proclitic ب is "with" before a person ("التقى بالرئيس التركي") and "in" before a place ("بالكويت").
      if (first?.kind === 'ar' && g.members[0]?.clitics?.replace(/^[وف]/u, '').startsWith(p) && (p !== 'ب' || g.members[0]?.role !== undefined)) return true;
    }
    return false;
  };
}

/**
 * A noun that a verb governs ("condemned the Israeli strikes on Gaza") still codes its own act when
 * the noun names both its sides itself: an actor adjective or genitive and a target.
 */
function ownSidesOf(st: Structure, hit: SeqMatch<TriggerSense>, lang: string, roles: RoleMention[], addressee?: Group): Sides | undefined {
  if (hit.value.pos !== 'noun') return undefined;
  const sides = findSides(st, hit, { start: hit.start, end: hit.end, verbal: false, by: 'self' }, lang, roles);
  if (hit.value.entry.type === 'REQUEST' && sides.rule.startsWith('noun-') && sides.sources.length > 0 && sides.targets.length === 0 && addressee) {
    sides.targets = addressee.members;
    sides.rule += '+addressed';
  }
  return sides.rule.startsWith('noun-') && sides.sources.length > 0 && sides.targets.length > 0 ? sides : undefined;
}

/**
 * The act named as what someone is accused of ("حمّلت الحكومة اللبنانية إسرائيل مسؤولية الغارة",
 * "blamed Ankara for a drone strike"): the accused did it; its target is the noun's own, or the accuser.
 */
function accusedOf(st: Structure, index: number, hit: SeqMatch<TriggerSense>, previous: Array<Sides | undefined>): Sides | undefined {
  // An English gerund names the act as a noun does ("accused Russia of shooting down", "blamed Iran for attacking").
  const gerund = hit.value.pos === 'verb' && /ing$/u.test(st.tokens[hit.start]?.norm ?? '') && ACCUSED_OF.has(st.tokens[hit.start - 1]?.norm ?? '');
  if ((hit.value.pos !== 'noun' && !gerund) || hit.value.entry.type === 'REQUEST') return undefined;
  // A noun naming its own agent ("fire by Afghan border forces") keeps that agent; only a missing target is the accuser.
  const named = ownAgentOf(st, hit, entryPrepTest(st, hit));
  if (named?.target) return undefined;
  const agent = named?.agent;
  // A noun naming an actor of its own ("the Israeli strikes") speaks for itself, unless the accused follows it as its
  // agent ("в связи с ударами израильской авиации"); the accuser's own people right after it are those it was done to
  // ("протест Китаю в связи с задержанием вьетнамских рыбаков").
  const adjacent = st.groups.filter((g) => (g.end === hit.start || g.start === hit.end) && g.governor === 'none');
  for (let j = index - 1; j >= 0; j--) {
    const prev = st.triggers[j] as SeqMatch<TriggerSense>;
    if (prev.value.pos !== 'verb') continue;
    const sides = previous[j];
    // A protest made in words ("protested to China over …", "احتجت لدى") accuses as "accused" does.
    const accuses = prev.value.entry.type === 'ACCUSE' || (prev.value.entry.type === 'PROTEST' && prev.value.entry.inWords === true);
    // "summoned the Iranian ambassador to protest cross-border shelling": a protest with no sides of its own serves the
    // accusing verb before it.
    if (accuses && prev.value.entry.type === 'PROTEST' && (!sides || sides.targets.length === 0)) continue;
    if (!accuses || !sides || sides.sources.length === 0 || sides.targets.length === 0) return undefined;
    if (st.clauseOf[prev.start] !== st.clauseOf[hit.start] || hit.start - prev.end > 8) return undefined;
    const undergone = adjacent.find((g) => g.start === hit.end && g.members.every((m) => hasCode(sides.sources, m.code)));
    // The accused may stand right before an Arabic act noun led by ب ("اتهمت كييف موسكو بترحيل") or right after a
    // Russian one as its genitive agent ("ударами израильской авиации"); an adjective of the noun ("the Israeli strikes")
    // only says whose act it is.
    const accusedNext = (g: Group): boolean => g.members.every((m) => hasCode(sides.targets, m.code))
      && (g.start === hit.end || /^[وف]?ب/u.test(st.tokens[hit.start]?.norm ?? ''));
    if (adjacent.some((g) => g !== undergone && !accusedNext(g))) return undefined;
    // The accused is named before the act ("اتهمت إيران إسرائيل بقصف"); one named only after it ("أدانت الجامعة
    // اقتحام مستوطنين … بحماية الشرطة الإسرائيلية") is the act's own, not an accused acting on the accuser.
    // A Russian recipient needs no preposition ("в поставках оружия «Хезболле»": dative).
    const cased = st.tokens[hit.start]?.kind === 'cyr';
    const own = undergone ?? st.groups.find((g) => g.start >= hit.end && g.govStart - hit.end <= 3 && (g.governor !== 'none' || (cased && g.start > hit.end))
      && !g.members.some((m) => sides.targets.some((t) => t.code === m.code)));
    if (!own && sides.targets.some((t) => t.start >= hit.end)) return undefined;
    if (agent) return agent.members.every((m) => hasCode(sides.sources, m.code)) ? undefined : { sources: agent.members, targets: sides.sources, pairs: [], rule: 'accused-of' };
    return { sources: sides.targets, targets: own ? own.members : sides.sources, pairs: [], rule: 'accused-of' };
  }
  return undefined;
}

/** "أعلنت مسؤوليتها عن إطلاق صاروخ", "claimed responsibility for the attack": an act someone claims is no mere mention. */
function claimed(st: Structure, hit: SeqMatch<TriggerSense>): boolean {
  for (let k = Math.max(0, hit.start - 3); k < hit.start; k++) {
    const w = (st.tokens[k]?.norm ?? '').replace(/^[وف]?ال/u, '');
    if (/^مسووليت?(?:ه|ها|هم)?$/u.test(w) || w === 'responsibility' || w.startsWith('ответственност')) return true;
  }
  return false;
}

/** Words that lead an English gerund to what someone is accused of. */
const ACCUSED_OF = new Set(['of', 'for']);

/** A noun act right after a verb, past determiners and one proclitic preposition ("condemned the attack", "رحبت بالاتفاق"). */
function actNounAfter(st: Structure, from: number): SeqMatch<TriggerSense> | undefined {
  for (let k = from; k < st.tokens.length && k - from <= 2; k++) {
    const t = triggerAt(st, k);
    if (t) return t.value.pos === 'noun' ? t : undefined;
    if (st.cueAt[k] !== 'skip' && st.cueAt[k] !== 'determiner') return undefined;
  }
  return undefined;
}

/** The group ending right at token `pos`, in the clause. */
function groupEndingAt(st: Structure, pos: number, clause: number): Group | undefined {
  return st.groups.find((g) => g.end === pos && inClause(st, g, clause));
}

/** Forms of "be" and "have" that make a participle a verb of its own clause ("was detained", "had seized"). */
const EN_AUXILIARIES = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', 'has', 'have', 'had', 'who', 'which', 'that']);

/**
 * The object a reduced relative participle describes: "a French tourist detained since 2022" (the group, a head noun
 * between at most), when a verb before it in the clause makes that group its object.
 */
function reducedRelative(st: Structure, hit: SeqMatch<TriggerSense>, clause: number): Group | undefined {
  const word = st.tokens[hit.start]?.norm ?? '';
  if (hit.end - hit.start !== 1 || !/ed$/u.test(word) || EN_AUXILIARIES.has(st.tokens[hit.start - 1]?.norm ?? '')) return undefined;
  const g = st.groups.find((x) => x.end <= hit.start && hit.start - x.end <= 1 && inClause(st, x, clause));
  if (!g || (g.end < hit.start && st.tokens[g.end]?.kind !== 'lat')) return undefined;
  const verbBefore = st.triggers.some((t) => t.value.pos === 'verb' && t.end <= g.start && st.clauseOf[t.start] === clause);
  return verbBefore ? g : undefined;
}

/** The group a Russian participle stands before ("задержанный ранее британский танкер"), after a verb of its clause. */
function prenominalParticiple(st: Structure, hit: SeqMatch<TriggerSense>, clause: number): Group | undefined {
  if (hit.end - hit.start !== 1 || !RU_PARTICIPLE.test(st.tokens[hit.start]?.norm ?? '')) return undefined;
  const g = st.groups.find((x) => x.start >= hit.end && x.start - hit.end <= 1 && inClause(st, x, clause));
  if (!g || st.tokens.slice(hit.end, g.start).some((t) => t.kind !== 'cyr')) return undefined;
  return st.triggers.some((t) => t.value.pos === 'verb' && t.end <= hit.start && st.clauseOf[t.start] === clause) ? g : undefined;
}

/** Arabic verbs of killing and wounding that news writes in the passive at a clause's start ("قُتل", "أُصيب"). */
const AR_PASSIVE_KILL = new Set(['قتل', 'اصيب', 'جرح', 'استشهد']);

/** Words that lead from a casualty to the attack that caused it ("في غارة", "جراء القصف", "إثر هجوم"). */
const AR_CAUSE = new Set(['في', 'جراء', 'اثر', 'خلال', 'بعد']);

/**
 * "قُتل خمسة فلسطينيين في غارة إسرائيلية على مخيم جباليا": a casualty verb at the clause's start, followed by those hit
 * and the attack it happened in, is passive. Those hit are its target and the attack's own actor named after the
 * attack's noun (an adjective, a genitive, the subject of "أطلقها") its source; with none named, no side at all.
 */
function passiveKill(st: Structure, hit: SeqMatch<TriggerSense>): Sides | undefined {
  if (hit.value.pos !== 'verb' || hit.value.entry.type !== 'ASSAULT' || hit.end - hit.start !== 1) return undefined;
  if (!AR_PASSIVE_KILL.has((st.tokens[hit.start]?.norm ?? '').replace(/^[وف]/u, ''))) return undefined;
  const clause = st.clauseOf[hit.start] as number;
  if (st.groups.some((g) => g.end <= hit.start && inClause(st, g, clause))) return undefined;
  const attack = st.triggers.find((t) => t.value.pos === 'noun' && t.value.entry.type === 'ASSAULT' && t.start > hit.end && t.start - hit.end <= 6
    && st.clauseOf[t.start] === clause && (AR_CAUSE.has(st.tokens[t.start - 1]?.norm ?? '') || /^ب/u.test(st.tokens[t.start]?.norm ?? '')));
  if (!attack) return undefined;
  const victims = st.groups.find((g) => g.start >= hit.end && g.end <= attack.start && inClause(st, g, clause));
  const agent = st.groups.find((g) => g.start >= attack.end && g.start - attack.end <= 4 && inClause(st, g, clause)
    && (g.governor === 'none' || (g.governor === 'target' && /^ل/u.test(g.members[0]?.clitics ?? '')))
    && !(victims && g.members.every((m) => hasCode(victims.members, m.code))));
  return { sources: agent && victims ? agent.members : [], targets: agent && victims ? victims.members : [], pairs: [], rule: 'passive' };
}

/** The object a participle describes: after it in Russian ({@link prenominalParticiple}), before it in English ({@link reducedRelative}). */
function detainedObject(st: Structure, hit: SeqMatch<TriggerSense>, clause: number, lang: string): Group | undefined {
  if (lang === 'ru') return prenominalParticiple(st, hit, clause);
  return lang === 'en' ? reducedRelative(st, hit, clause) : undefined;
}

/** "workers accused of …": "accused" right after a group that a verb before it governs, with no "be" or "who" between. */
function accusedParticiple(st: Structure, hit: SeqMatch<TriggerSense>): boolean {
  if (st.tokens[hit.start]?.norm !== 'accused') return false;
  const g = st.groups.find((x) => x.end === hit.start);
  return g !== undefined && st.triggers.some((t) => t.value.pos === 'verb' && t.end <= g.start && st.clauseOf[t.start] === st.clauseOf[g.start]);
}

/** The auxiliary of an Arabic past perfect ("كانت قد احتجزته"). */
const AR_PAST_PERFECT = new Set(['كان', 'كانت', 'كانوا', 'كانا', 'كانتا', 'قد']);

/** Where an Arabic verb's past-perfect auxiliary begins, or the verb's own position without one. */
function pastPerfectStart(st: Structure, pos: number): number {
  let k = pos;
  while (k > 0 && pos - k < 2 && AR_PAST_PERFECT.has(st.tokens[k - 1]?.norm ?? '')) k--;
  // "قد" alone before a past verb is no auxiliary of its own.
  return st.tokens[k]?.norm === 'قد' ? pos : k;
}

/** Object pronouns an Arabic verb carries after its person ending ("احتجزتهم": she detained them; "احتجزوه"). */
const AR_OBJECT_SUFFIX = /(?:ت|تا|و|نا)(?:ه|ها|هم|هما|هن)$/u;

/**
 * True when a one-word Arabic verb trigger carries an object pronoun and names its object right before it. A verb
 * conjoined with و or ف ("وسلّمتهم إلى …") goes on from the clause before: its pronoun points further back.
 */
function objectSuffixed(st: Structure, hit: SeqMatch<TriggerSense>): boolean {
  const norm = st.tokens[hit.start]?.norm ?? '';
  return hit.end - hit.start === 1 && hit.value.pos === 'verb' && norm.length >= 5 && !/^[وف]/u.test(norm) && AR_OBJECT_SUFFIX.test(norm);
}

/** Pronoun-prepositions of an Arabic relative clause ("توصلت إليه", "وقعت عليه"): they refer back to the noun. */
const AR_RESUMPTIVE = new Set(['اليه', 'اليها', 'عليه', 'عليها', 'فيه', 'فيها', 'به', 'بها']);

/** An act noun's own agent ({@link agentOfNoun}) and the target after it, if any. */
function ownAgentOf(st: Structure, hit: SeqMatch<TriggerSense>, ownPreps: (g: Group) => boolean): { agent: Group; target: Group | undefined } | undefined {
  const agent = agentOfNoun(st, hit);
  return agent ? { agent, target: targetAfter(st, hit, agent.end, st.clauseOf[agent.start] as number, agent, ownPreps) } : undefined;
}

/**
 * The agent an act noun names after it: "the attack carried out by Israel", "the deal signed by A and B" (a passive
 * agent past a light verb or a verb of the noun's own act), "الهجوم الذي شنته إسرائيل", "الاتفاق الذي توصلت إليه مصر
 * وقطر" (the subject of a relative clause right after the noun, whose verb is light or of the noun's act).
 */
function agentOfNoun(st: Structure, hit: SeqMatch<TriggerSense>): Group | undefined {
  let k = hit.end;
  if (st.tokens[k]?.kind === 'ar') {
    if (!RELATIVE.has(st.tokens[k]?.norm ?? '')) return undefined;
    k++;
  }
  const verb = k;
  while (k < st.tokens.length && k - verb < 3) {
    const cue = st.cueAt[k];
    const t = triggerAt(st, k);
    if (cue === 'light' || (t && t.value.pos === 'verb' && t.value.entry.type === hit.value.entry.type)) k = Math.max(k + 1, t?.end ?? 0);
    else if (AR_RESUMPTIVE.has(st.tokens[k]?.norm ?? '')) k++;
    else break;
  }
  const arabic = st.tokens[k]?.kind === 'ar';
  // "the raid by US forces": an English or Russian noun may take its agent with no verb between.
  if (k === verb && (arabic || st.cueAt[k] !== 'agentPrep')) return undefined;
  if (!arabic && st.cueAt[k] !== 'agentPrep') return undefined;
  const g = st.groups.find((x) => x.govStart === k || x.start === k);
  return g && (g.governor === 'agent' || (arabic && g.governor === 'none')) ? g : undefined;
}

/**
 * "اتفقت مصر والسودان على تنسيق مواقفهما": an agreement to act codes the act agreed on, with the agreement's
 * sides (as "agreed to coordinate" and "договорились о сотрудничестве" do); "أسقطت طائرات أردنية مساعدات"
 * drops aid, it does not shoot anything down. A verb's `embeds` lists such acts; maps each noun to its verb.
 */
function embeddedActs(st: Structure): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 1; i < st.triggers.length; i++) {
    const cur = st.triggers[i] as SeqMatch<TriggerSense>;
    if (cur.value.pos !== 'noun') continue;
    const prev = st.triggers[i - 1] as SeqMatch<TriggerSense>;
    if (prev.value.pos !== 'verb' || !prev.value.entry.embeds?.includes(cur.value.entry.type) || st.clauseOf[prev.start] !== st.clauseOf[cur.start]) continue;
    const between = st.groups.filter((g) => g.start >= prev.end && g.end <= cur.start);
    const subject = between.length === 1 && between[0]?.governor === 'none' && between[0].start - prev.end <= 1 ? between[0] : undefined;
    if (between.length > (subject ? 1 : 0)) continue;
    const from = subject ? subject.end : prev.end;
    let clean = cur.start - from <= 3;
    for (let k = from; clean && k < cur.start; k++) {
      const cue = st.cueAt[k];
      if (st.tokens[k]?.kind === 'punct' || cue === 'clauseBreak' || cue === 'complementizer' || cue === 'reporting') clean = false;
    }
    if (clean) out.set(i, i - 1);
  }
  return out;
}

/** The subject of the verb that governs an absorbed noun ("Kuwait turns down an Iraqi request"). */
function governingSubject(st: Structure, index: number, lang: string): Group | undefined {
  const cur = st.triggers[index] as SeqMatch<TriggerSense>;
  for (let j = index - 1; j >= 0; j--) {
    const prev = st.triggers[j] as SeqMatch<TriggerSense>;
    if (prev.value.pos !== 'verb') continue;
    const clause = st.clauseOf[prev.start] as number;
    if (clause !== st.clauseOf[cur.start]) return undefined;
    const before = subjectBefore(st, prev.start, clause);
    if (lang !== 'ar') return before;
    return before && prev.start - before.end <= 1 ? before : (groupRightAfter(st, prev.end, clause, true) ?? before);
  }
  return undefined;
}

/**
 * A verb with no subject of its own continues the previous act's subject ("توغلت دبابات إسرائيلية …
 * واشتبكت مع …", "Russia signed … and pledged …"); when it also lacks a target, it takes that act's target.
 */
function inheritSubject(st: Structure, index: number, sides: Sides, previous: Array<Sides | undefined>): void {
  // "condemned an Israeli strike that killed three journalists": a relative clause's subject is its antecedent.
  const at = (st.triggers[index] as SeqMatch<TriggerSense>).start;
  const first = clauseStart(st, at);
  if (first > 0 && first < at && RELATIVE.has((st.tokens[first]?.norm ?? '').replace(/^[وف]/u, '')) && st.tokens[first]?.kind === 'lat') return;
  for (let j = index - 1; j >= 0; j--) {
    const prev = previous[j];
    const t = st.triggers[j] as SeqMatch<TriggerSense>;
    // An act someone was accused of is not what the accuser goes on to do ("accused Russia of shooting down … and demanded").
    if (!prev || t.value.pos !== 'verb' || prev.sources.length === 0 || prev.rule === 'accused-of') continue;
    const cur = st.triggers[index] as SeqMatch<TriggerSense>;
    if (st.groups.some((g) => g.start >= t.end && g.end <= cur.start && g.governor === 'none' && !prev.targets.includes(g.members[0] as ActorMention))) return;
    sides.sources = prev.sources;
    if (sides.targets.length === 0) sides.targets = prev.targets;
    sides.rule += '+continues';
    return;
  }
}

/**
 * An Arabic verbal noun in the indefinite accusative after another act says how or why it was done
 * ("احتشدوا رفضاً لزيارة", "احتجاجاً على", "تضامناً مع"): not an act of its own.
 */
function adverbialMasdar(st: Structure, hit: SeqMatch<TriggerSense>, anchor: Anchor, lang: string): boolean {
  if (lang !== 'ar' || hit.value.pos !== 'noun' || anchor.by !== 'self') return false;
  const key = hit.keys[0] ?? '';
  if (!key.endsWith('ا') || (st.tokens[hit.start]?.norm ?? '') !== key) return false;
  if (st.groups.some((g) => g.start === hit.end)) return false;
  return st.triggers.some((t) => t.end <= hit.start && t.value.pos === 'verb' && st.clauseOf[t.start] === st.clauseOf[hit.start]);
}

/** Acts asked for, threatened or refused ("urged Y to resume talks", "دعا إلى وقف", "призвал прекратить") are not coded themselves. */
const GOVERNING = new Set(['REQUEST', 'THREATEN', 'REJECT']);

function requestedAct(st: Structure, index: number): boolean {
  const cur = st.triggers[index] as SeqMatch<TriggerSense>;
  if (cur.value.pos === 'noun' && cur.value.entry.type === 'REQUEST') return false;
  for (let j = index - 1; j >= 0; j--) {
    const prev = st.triggers[j] as SeqMatch<TriggerSense>;
    const sameClause = st.clauseOf[prev.start] === st.clauseOf[cur.start];
    const complement = st.clauseOf[prev.start] === (st.clauseOf[cur.start] as number) - 1 && (prev.value.entry.type === 'REQUEST' || prev.value.entry.type === 'THREATEN') && clauseStartsWithComplementizer(st, cur.start);
    if (!sameClause && !complement) return false;
    if (GOVERNING.has(prev.value.entry.type) && prev.value.pos === 'verb') return cur.start - prev.end <= 8;
  }
  return false;
}

function clauseStartsWithComplementizer(st: Structure, pos: number): boolean {
  return st.cueAt[clauseStart(st, pos)] === 'complementizer';
}

/** The first token of the clause that holds token `pos`. */
function clauseStart(st: Structure, pos: number): number {
  let k = pos;
  while (k > 0 && st.clauseOf[k - 1] === st.clauseOf[pos]) k--;
  return k;
}

/** An Arabic verbal noun of purpose ("لبحث", "للتشاور": in order to discuss) reports no act. */
function isPurposeNoun(token: Token, hit: SeqMatch<TriggerSense>, lang: string): boolean {
  if (lang !== 'ar' || hit.value.pos !== 'noun') return false;
  const key = hit.keys[0] ?? '';
  // A plural ("للضربات": of the strikes) names acts; a purpose is a singular verbal noun.
  if (key.endsWith('ات') || hit.value.possessive) return false;
  const w = token.norm.replace(/^[وف]/u, '');
  return w === `ل${key}` || w === `لل${key}`;
}

/** The speaker of a reporting verb before `anchor` ("X said Y should …"), if any. */
function reportingSpeaker(st: Structure, anchor: { start: number }, lang: string): Group | undefined {
  for (let k = anchor.start - 1; k >= 0; k--) {
    if (st.cueAt[k] !== 'reporting') continue;
    const clause = st.clauseOf[k] as number;
    const before = subjectBefore(st, k, clause);
    const after = groupRightAfter(st, k + 1, clause, lang === 'ar');
    return lang === 'ar' ? (after ?? before) : (before ?? after);
  }
  // The attribution may follow, past a comma ("…، بحسب بيان للجامعة العربية", "…, the ministry said").
  for (let k = anchor.start + 1; k < st.tokens.length; k++) {
    if (st.cueAt[k] !== 'reporting' || !commaBetween(st, anchor.start, k)) continue;
    let end = k + 1;
    while (st.cueAt[end] === 'reporting') end++;
    const clause = st.clauseOf[k] as number;
    const before = st.groups.find((g) => g.end === k && g.start > anchor.start && inClause(st, g, clause));
    // Its speaker stands right before it, or within a word after it, whatever leads to it ("للجامعة", "в МИД Франции").
    return before ?? st.groups.find((g) => g.start >= end && g.govStart - end <= 1 && inClause(st, g, clause) && g.governor !== 'between' && g.governor !== 'mediator');
  }
  return undefined;
}

export type { Domain };

