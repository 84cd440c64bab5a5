/** The actor dictionary: states, organisations and armed groups, and officials' roles, from data/actors. */
import { readFileSync } from 'node:fs';
import type { Sector } from '../core/types.js';
import { MizanError } from '../core/errors.js';
import { dataPath } from '../core/paths.js';
import { nisbaForms } from '../text/arabic.js';
import { PhraseIndex } from './phrase-index.js';

type ByLang = Partial<Record<'en' | 'ar' | 'ru', string[]>>;

/** One state as written in data/actors/states.json. */
export interface StateRecord {
  code: string;
  status?: string;
  names: ByLang;
  demonyms?: ByLang;
  capitals?: ByLang;
  seats?: ByLang;
  cities?: ByLang;
}

/** One organisation or armed group as written in data/actors/organisations.json. */
export interface OrganisationRecord {
  code: string;
  kind: 'igo' | 'armed';
  names: ByLang;
  demonyms?: ByLang;
  members?: string[];
}

/** How an actor was named in the text. */
export type ActorVia = 'name' | 'demonym' | 'capital' | 'seat' | 'city' | 'organisation';

/** What a matched actor phrase stands for. */
export interface ActorSense {
  code: string;
  via: ActorVia;
  kind: 'state' | 'igo' | 'armed';
  /** Sector implied by the phrase itself (the Pentagon: MIL). */
  sector?: Sector;
}

/** A role term: an official, a body or a force, with its sector. */
export interface RoleSense {
  sector: Sector;
  term: string;
}

/** The loaded actor dictionary. */
export interface ActorLexicon {
  actors: PhraseIndex<ActorSense>;
  roles: PhraseIndex<RoleSense>;
  /** Codes known, with their kind. */
  codes: Map<string, 'state' | 'igo' | 'armed'>;
}

const SEAT_SECTOR: Record<string, Sector> = { pentagon: 'MIL', 'пентагон': 'MIL', 'البنتاغون': 'MIL', 'البنتاجون': 'MIL' };

function readJson<T>(file: string): T {
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

/** Load the dictionary from data/actors (states.json, organisations.json, roles.json). */
export function loadActorLexicon(): ActorLexicon {
  const states = readJson<StateRecord[]>('states.json');
  const orgs = readJson<OrganisationRecord[]>('organisations.json');
  const roles = readJson<Partial<Record<'en' | 'ar' | 'ru', Array<{ term: string; sector: Sector }>>>>('roles.json');
  const actors = new PhraseIndex<ActorSense>();
  const codes = new Map<string, 'state' | 'igo' | 'armed'>();
  for (const s of states) {
    codes.set(s.code, 'state');
    const add = (via: ActorVia) => (t: string) => {
      const sector = via === 'seat' ? SEAT_SECTOR[t.toLowerCase()] : undefined;
      actors.add(t, sector ? { code: s.code, via, kind: 'state', sector } : { code: s.code, via, kind: 'state' });
    };
    each(s.names, add('name'));
    each(s.capitals, add('capital'));
    each(s.seats, add('seat'));
    each(s.cities, add('city'));
    each(s.demonyms, (t, lang) => {
      const forms = lang === 'ar' && !t.includes(' ') ? nisbaForms(t.replace(/[ىي]$/u, 'ي')) : [t];
      for (const f of forms) actors.add(f, { code: s.code, via: 'demonym', kind: 'state' });
    });
  }
  for (const o of orgs) {
    codes.set(o.code, o.kind);
    const kind = o.kind;
    each(o.names, (t) => actors.add(t, { code: o.code, via: 'organisation', kind }));
    each(o.demonyms, (t) => actors.add(t, { code: o.code, via: 'organisation', kind }));
  }
  const roleIndex = new PhraseIndex<RoleSense>();
  for (const lang of ['en', 'ar', 'ru'] as const) {
    for (const r of roles[lang] ?? []) if (r.term.trim()) roleIndex.add(r.term, { sector: r.sector, term: r.term });
  }
  return { actors, roles: roleIndex, codes };
}

let cached: ActorLexicon | undefined;

/** The dictionary, loaded once per process. */
export function actorLexicon(): ActorLexicon {
  cached ??= loadActorLexicon();
  return cached;
}
