/** The actor dictionary: states, organisations and armed groups, and officials' roles, from data/actors. */
import { readFileSync } from 'node:fs';
import type { Sector } from '../core/types.js';
import { MizanError } from '../core/errors.js';
import { dataPath } from '../core/paths.js';
import { nisbaForms, nounForms } from '../text/arabic.js';
import { normalizeKey } from '../text/normalize.js';
import { PhraseIndex } from './phrase-index.js';
import { loadCoreference, type CoreferenceLexicon } from './coreference.js';
import { TaggedIndex } from '../text/tagged-index.js';

type ByLang = Partial<Record<'en' | 'ar' | 'ru', string[]>>;

/** One state as written in data/actors/states.json. */
export interface StateRecord {
  code: string;
  status?: string;
  names: ByLang;
  demonyms?: ByLang;
  capitals?: ByLang;
  seats?: ByLang;
  seatSectors?: Record<string, Sector>;
  cities?: ByLang;
  /** Provinces, regions, governorates, oblasts: matched like cities. */
  regions?: ByLang;
}

/** One organisation or armed group as written in data/actors/organisations.json. */
export interface OrganisationRecord {
  code: string;
  kind: 'igo' | 'armed';
  names: ByLang;
  demonyms?: ByLang;
  members?: string[];
}

/** A public office-holder as written in data/actors/leaders.json (offices and dates are not read here). */
export interface LeaderRecord {
  code: string;
  sector: Sector;
  names: ByLang;
}

/** How an actor was named in the text. */
export type ActorVia = 'name' | 'demonym' | 'capital' | 'seat' | 'city' | 'organisation' | 'leader' | 'coreference';

/** What a matched actor phrase stands for. */
export interface ActorSense {
  code: string;
  via: ActorVia;
  kind: 'state' | 'igo' | 'armed';
  /** Sector implied by the phrase itself (the Pentagon: MIL). */
  sector?: Sector;
  /** An Arabic name written with the article (القاهرة، الرياض، الرقة): without it the word is another (قاهرة، رياض، ورقة). */
  article?: true;
}

/** A role term: an official, a body or a force, with its sector. */
export interface RoleSense {
  sector: Sector;
  term: string;
}

/** The loaded actor dictionary: actors, roles and reference expressions share one index, matched in one pass. */
export interface ActorLexicon {
  index: TaggedIndex;
  actors: PhraseIndex<ActorSense>;
  roles: PhraseIndex<RoleSense>;
  /** The reference expressions of data/actors/coreference.json. */
  references: CoreferenceLexicon;
  /** Codes known, with their kind. */
  codes: Map<string, 'state' | 'igo' | 'armed'>;
  /**
   * Arabic names that are also common words, matched only in a context that makes them names (normalized key → code,
   * and whether a verb before it may make it a name).
   */
  contextual: Map<string, { code: string; afterVerb: boolean }>;
}

/** Read a file of data/actors, or fail naming it. */
export function readActorData<T>(file: string): T {
  const path = dataPath('actors', file);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (err) {
    throw new MizanError('MIZAN_E_DATA', `cannot load actor data: ${(err as Error).message}`, path);
  }
}

function each(by: ByLang | undefined, fn: (term: string, lang: 'en' | 'ar' | 'ru') => void): void {
  if (!by) return;
  for (const lang of ['en', 'ar', 'ru'] as const) for (const t of by[lang] ?? []) if (t.trim()) fn(t, lang);
}

/** Load the dictionary from data/actors (states.json, organisations.json, leaders.json, roles.json). */
export function loadActorLexicon(): ActorLexicon {
  const states = readActorData<StateRecord[]>('states.json');
  const orgs = readActorData<OrganisationRecord[]>('organisations.json');
  const roles = readActorData<Partial<Record<'en' | 'ar' | 'ru', Array<{ term: string; sector: Sector }>>>>('roles.json');
  const index = new TaggedIndex();
  const actors = new PhraseIndex<ActorSense>(index);
  const codes = new Map<string, 'state' | 'igo' | 'armed'>();
  for (const s of states) {
    codes.set(s.code, 'state');
    const add = (via: ActorVia) => (t: string) => {
      const sector = via === 'seat' ? s.seatSectors?.[t] : undefined;
      const sense: ActorSense = sector ? { code: s.code, via, kind: 'state', sector } : { code: s.code, via, kind: 'state' };
      if (ARTICLE_NAME.test(t)) sense.article = true;
      addTerm(actors, t, sense);
    };
    each(s.names, add('name'));
    each(s.capitals, add('capital'));
    each(s.seats, add('seat'));
    each(s.cities, add('city'));
    each(s.regions, add('city'));
    each(s.demonyms, (t, lang) => {
      for (const f of lang === 'ar' ? arabicDemonymForms(t) : [t]) addTerm(actors, f, { code: s.code, via: 'demonym', kind: 'state' });
    });
  }
  for (const o of orgs) {
    codes.set(o.code, o.kind);
    const kind = o.kind;
    each(o.names, (t) => addTerm(actors, t, { code: o.code, via: 'organisation', kind }));
    each(o.demonyms, (t) => addTerm(actors, t, { code: o.code, via: 'organisation', kind }));
  }
  // Office-holders name the state or organisation of their office, with its sector (Lavrov: RUS, DIP).
  const leaders = readActorData<{ leaders?: LeaderRecord[]; _blockers?: ByLang }>('leaders.json');
  for (const p of leaders.leaders ?? []) {
    const kind = codes.get(p.code);
    if (kind) each(p.names, (t) => addTerm(actors, t, { code: p.code, via: 'leader', kind, sector: p.sector }));
  }
  const overrides = readActorData<{ _blockers?: ByLang; _contextual?: Array<{ lang: string; term: string; code: string; afterVerb?: boolean }> }>('states.overrides.json');
  const contextual = new Map<string, { code: string; afterVerb: boolean }>();
  for (const c of overrides._contextual ?? []) if (c.lang === 'ar' && codes.has(c.code)) contextual.set(normalizeKey(c.term), { code: c.code, afterVerb: c.afterVerb === true });
  for (const blockers of [overrides._blockers, leaders._blockers]) each(blockers, (t) => addTerm(actors, t, { code: '', via: 'name', kind: 'state' }));
  const roleIndex = new PhraseIndex<RoleSense>(index);
  for (const lang of ['en', 'ar', 'ru'] as const) {
    for (const r of roles[lang] ?? []) {
      if (!r.term.trim()) continue;
      const variants = lang === 'ar' ? arabicTermForms(r.term) : [r.term];
      for (const v of variants) roleIndex.add(v, { sector: r.sector, term: r.term });
    }
  }
  return { index, actors, roles: roleIndex, references: loadCoreference(index), codes, contextual };
}

/** An Arabic place or state name that begins with the article (ال plus at least two letters). */
const ARTICLE_NAME = /^ال[\u0621-\u064A]{2}/u;

let cached: ActorLexicon | undefined;

/** The dictionary, loaded once per process. */
export function actorLexicon(): ActorLexicon {
  cached ??= loadActorLexicon();
  return cached;
}

/** Add a term; an all-capital Latin acronym (US, UN, WHO) only matches capitals in the text. */
function addTerm(index: PhraseIndex<ActorSense>, term: string, sense: ActorSense): void {
  index.add(/^[A-Z][A-Z.]{1,5}$/u.test(term.trim()) && !term.includes('.') ? `^${term.trim()}` : term, sense);
}

/**
 * Forms of an Arabic demonym: a nisba (سوري) in both genders and numbers, each word of a multi-word
 * one inflected alike (كوري جنوبي -> الكورية الجنوبية); an irregular plural (أتراك) as written.
 */
function arabicDemonymForms(term: string): string[] {
  const words = term.trim().split(/\s+/u);
  if (!words.every((w) => /[يى]$/u.test(w))) return words.length === 1 ? [term, `${term}ا`] : [term];
  const perWord = words.map((w) => nisbaForms(w.replace(/ى$/u, 'ي')));
  return (perWord[0] ?? []).map((_, i) => perWord.map((forms) => forms[i]).join(' '));
}

/** An Arabic role term with its head noun's dual, plural and possessive forms (الجانب -> الجانبان، نظيره). */
function arabicTermForms(term: string): string[] {
  const [head = '', ...rest] = normalizeKey(term).split(' ');
  const article = head.startsWith('ال') && head.length > 3;
  const bare = article ? head.slice(2) : head;
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  return [...new Set(nounForms(bare))].map((f) => `${article ? 'ال' : ''}${f}${tail}`);
}
