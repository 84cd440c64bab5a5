/** Event dictionaries per language (data/events/<lang>.json): triggers, cues, prepositions, domains. */
import { readFileSync } from 'node:fs';
import { DOMAINS, EVENT_TYPES, type Domain, type EventType, type Lang, type Modality } from '../core/types.js';
import { MizanError } from '../core/errors.js';
import { dataPath } from '../core/paths.js';
import { TaggedIndex, type Dictionary } from '../text/tagged-index.js';
import { addReportCues, loadReportCueLists, type ReportCue, type ReportCueLists } from './report-cues.js';
import { entryKeySequences, type ArabicWordClass } from './keys.js';
import { nounFormsTagged } from '../text/arabic.js';
import { normalizeKey } from '../text/normalize.js';

/** One trigger entry as written in the data file. */
export interface TriggerEntry {
  type: EventType;
  mode?: string;
  domains?: Domain[];
  /** Verbs: Arabic "past|present", English base forms (irregular forms listed too), Russian prefixes with `*`. */
  verbs?: string[];
  /** Nouns (verbal nouns, event nouns). */
  nouns?: string[];
  /** Prepositions that introduce this trigger's target, before the general list. */
  targetPreps?: string[];
  /** Meetings, agreements and the like: coordinated sides form pairs among themselves. */
  symmetric?: boolean;
  /** Intensity on the −10..+10 scale, when it differs from the type's default. */
  intensity?: number;
  /** A support verb ("exchanged", "تبادل", "sent"): a trigger noun right after it gives the type. */
  light?: boolean;
  /** As a support verb, the subject receives what the noun names ("received aid", "تسلم شحنة"). */
  lightInverse?: boolean;
  /** The subject receives ("received aid", "تسلم", "получил"): source and target swap. */
  inverse?: boolean;
  /** The act's modality when the sentence marks none (pledges and promises are future). */
  modality?: Modality;
  /** A relation noun (partnership, تعاون, сотрудничество): codes an event only under a verb. */
  relational?: boolean;
  /** Coordinated subjects act on each other ("clashed", "تبادل القصف"): pairs, no outside target. */
  reciprocal?: boolean;
  /** Each side does it to the other ("traded accusations", "تبادلا الاتهامات"): a pair codes both directions. */
  mutual?: boolean;
  /** Done together only ("drills", "مناورات", "учения"): coded between coordinated sides, never on a single target. */
  joint?: boolean;
  /** Acts that, named right after this verb, are what was agreed on and code in its place ("اتفقا على تنسيق"). */
  embeds?: EventType[];
  /** Done in words when a state or an organisation itself does it ("احتجت مصر", "Egypt protested"): ACCUSE. */
  inWords?: boolean;
}

/** A trigger as found in text. */
export interface TriggerSense {
  entry: TriggerEntry;
  pos: 'verb' | 'noun';
  /** For Arabic verbs: a present-tense form (so سـ marks the future and قد speculation). */
  present?: boolean;
  /** For Arabic nouns: the form carries a possessive pronoun (زيارته, "his visit"). */
  possessive?: boolean;
}

/**
 * Cue classes a dictionary defines. Among them: `notAct`, a phrase that holds an act's words without being that
 * act ("وقف إطلاق النار", a ceasefire, is no shooting; its domain words still count); `breach`, a word that makes
 * the agreement it names something broken, not made ("خرق اتفاق", "violated the truce", "нарушение соглашения").
 */
export type CueClass =
  | 'negation' | 'negationVerb' | 'future' | 'futureClause' | 'speculative' | 'speculativeClause' | 'normative'
  | 'normativeClause' | 'conditional' | 'reporting' | 'light' | 'targetPrep' | 'locativePrep' | 'agentPrep'
  | 'between' | 'otherPrep' | 'conjunction' | 'clauseBreak' | 'complementizer' | 'pronounSubject' | 'skip'
  | 'commentary' | 'hypothetical' | 'past' | 'futureTime' | 'occurrence' | 'stop' | 'determiner' | 'lightInverse'
  | 'mediation' | 'undergo' | 'partitive' | 'vehicle' | 'notAct' | 'breach';

/** The raw data file. */
export interface EventLexiconData {
  triggers: TriggerEntry[];
  cues: Partial<Record<CueClass, string[]>>;
  domains: Partial<Record<Domain, string[]>>;
}

/** A loaded event dictionary for one language: its dictionaries share one index, matched in one pass. */
export interface EventLexicon {
  lang: Exclude<Lang, 'und'>;
  index: TaggedIndex;
  triggers: Dictionary<TriggerSense>;
  cues: Dictionary<CueClass>;
  domains: Dictionary<Domain>;
  /** The report cues of data/events/report-cues.json (empty for a language without them). */
  reportCues: Dictionary<ReportCue>;
}

/** Each trigger entry's own target prepositions, normalized once when the dictionary is built. */
const targetPrepKeys = new WeakMap<TriggerEntry, readonly string[]>();

/** A trigger entry's own target prepositions as normalized keys (empty when it names none). */
export function entryTargetPreps(entry: TriggerEntry): readonly string[] {
  return targetPrepKeys.get(entry) ?? [];
}

/** Build an event dictionary from its data and the language's report cue lists. */
export function buildEventLexicon(lang: Exclude<Lang, 'und'>, data: EventLexiconData, place = `data/events/${lang}.json`, reportLists?: ReportCueLists): EventLexicon {
  const index = new TaggedIndex();
  const triggers = index.dictionary<TriggerSense>();
  const cues = index.dictionary<CueClass>();
  const domains = index.dictionary<Domain>();
  const reportCues = index.dictionary<ReportCue>();
  const cls = (c: ArabicWordClass): ArabicWordClass => (lang === 'ar' ? c : 'plain');
  data.triggers.forEach((entry, i) => {
    if (!EVENT_TYPES.includes(entry.type)) throw new MizanError('MIZAN_E_DATA', `trigger ${i}: unknown type "${entry.type}"`, place);
    for (const t of entry.embeds ?? []) {
      if (!EVENT_TYPES.includes(t)) throw new MizanError('MIZAN_E_DATA', `trigger ${i}: unknown embedded type "${t}"`, place);
    }
    for (const d of entry.domains ?? []) {
      if (!DOMAINS.includes(d)) throw new MizanError('MIZAN_E_DATA', `trigger ${i}: unknown domain "${d}"`, place);
    }
    for (const v of entry.verbs ?? []) {
      if (lang === 'ar' && !v.split(' ')[0]?.includes('|')) {
        throw new MizanError('MIZAN_E_DATA', `trigger ${i}: Arabic verb "${v}" must be written past|present`, place);
      }
      if (lang === 'ar') {
        const [head = '', ...tail] = v.trim().split(/\s+/u);
        const [past = '', present = ''] = head.split('|');
        const rest = tail.length ? ` ${tail.join(' ')}` : '';
        if (past) for (const seq of entryKeySequences(lang, `${past}|${rest}`, 'verb')) triggers.add(seq, { entry, pos: 'verb' });
        if (present) for (const seq of entryKeySequences(lang, `|${present}${rest}`, 'verb')) triggers.add(seq, { entry, pos: 'verb', present: true });
      } else {
        for (const seq of entryKeySequences(lang, v)) triggers.add(seq, { entry, pos: 'verb' });
      }
    }
    for (const n of entry.nouns ?? []) {
      for (const seq of entryKeySequences(lang, n, cls('noun'))) {
        const possessive = lang === 'ar' && possessiveForms(n).has(seq[0] ?? '');
        triggers.add(seq, possessive ? { entry, pos: 'noun', possessive } : { entry, pos: 'noun' });
      }
    }
    if (entry.targetPreps?.length) targetPrepKeys.set(entry, entry.targetPreps.map((p) => normalizeKey(p)));
  });
  for (const [cue, words] of Object.entries(data.cues) as Array<[CueClass, string[]]>) {
    // Stop words name exact forms ("aide" blocks itself, not "aid").
    for (const w of words) for (const seq of entryKeySequences(lang, w, cls(w.split(/\s+/u)[0]?.includes('|') ? 'verb' : 'plain'), cue === 'stop')) cues.add(seq, cue);
  }
  for (const [d, words] of Object.entries(data.domains) as Array<[Domain, string[]]>) {
    if (!DOMAINS.includes(d)) throw new MizanError('MIZAN_E_DATA', `unknown domain "${d}"`, place);
    for (const w of words) for (const v of lang === 'ar' ? nisbaVariants(w) : [w]) for (const seq of entryKeySequences(lang, v, cls('noun'))) domains.add(seq, d);
  }
  if (reportLists) addReportCues(reportCues, lang, reportLists);
  return { lang, index, triggers, cues, domains, reportCues };
}

/** The possessive forms generated for an Arabic noun entry's first word. */
function possessiveForms(entry: string): Set<string> {
  const head = normalizeKey(entry.trim().split(/\s+/u)[0] ?? '');
  return new Set(nounFormsTagged(head).filter((f) => f.possessive).map((f) => f.form));
}

/** An Arabic relative adjective in both genders (عسكري، عسكرية), other words as they are. */
function nisbaVariants(word: string): string[] {
  if (word.includes(' ')) return [word];
  if (/ي$/u.test(word)) return [word, `${word}ة`];
  if (/ية$/u.test(word)) return [word, word.slice(0, -1)];
  return [word];
}

const cache = new Map<string, EventLexicon>();

/** The dictionary for a language, loaded once per process from data/events/<lang>.json. */
export function eventLexicon(lang: Exclude<Lang, 'und'>): EventLexicon {
  let lex = cache.get(lang);
  if (!lex) {
    const path = dataPath('events', `${lang}.json`);
    let data: EventLexiconData;
    try {
      data = JSON.parse(readFileSync(path, 'utf8')) as EventLexiconData;
    } catch (err) {
      throw new MizanError('MIZAN_E_DATA', `cannot load event dictionary: ${(err as Error).message}`, path);
    }
    lex = buildEventLexicon(lang, data, path, loadReportCueLists(lang));
    cache.set(lang, lex);
  }
  return lex;
}

/** Modality cue classes in order of precedence. */
export const MODALITY_OF: Partial<Record<CueClass, Modality>> = {
  negation: 'negated', negationVerb: 'negated', future: 'future', futureClause: 'future', speculative: 'speculative',
  speculativeClause: 'speculative', conditional: 'speculative', hypothetical: 'speculative', normative: 'normative', normativeClause: 'normative',
};

/** Sectors that act in words: an official or a body that "protests" or "attacks" (هاجم وزير الخارجية سياسة …) speaks: ACCUSE. */
export const VERBAL_SECTORS: ReadonlySet<string> = new Set(['GOV', 'DIP', 'LEG', 'MED', 'JUD']);

/** An Arabic word ending in a possessive pronoun that ta marbuta cannot be (قواتها، موقفهم), normalized. */
export const AR_POSSESSIVE = /(?:ها|هم|هما|هن)$/u;
