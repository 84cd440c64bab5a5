/** Actor codes and their display names in Arabic and English, from data/actors (states.json, organisations.json). */
import { readActorData, type OrganisationRecord, type StateRecord } from '../actors/lexicon.js';
import { MizanError } from '../core/errors.js';
import type { Store } from '../store/store.js';

/** A language a brief or a display name can be written in. */
export type NameLang = 'ar' | 'en';

/** An actor's code with its names for display. */
export interface ActorRef {
  code: string;
  name: { ar: string; en: string };
}

/** The first English name when it is the formal long form ("Syrian Arab Republic") and a common one follows. */
const FORMAL = /\b(?:Republic|Federation|State of|Kingdom of|People's|of America|Democratic|Islamic|Plurinational)\b|,/u;

let cached: Map<string, ActorRef> | undefined;

/** The common English name: the first name, unless it is a formal long form and a plain name (not an acronym) follows. */
export function commonEnglishName(names: readonly string[]): string | undefined {
  const first = names[0];
  if (first === undefined || !FORMAL.test(first)) return first;
  return names.slice(1).find((n) => /\p{Ll}/u.test(n) && !n.includes('.') && !n.startsWith('the ')) ?? first;
}

/** Every actor of the dictionary, by code, loaded once per process. */
export function actorDirectory(): Map<string, ActorRef> {
  if (cached) return cached;
  const out = new Map<string, ActorRef>();
  const records = [...readActorData<StateRecord[]>('states.json'), ...readActorData<OrganisationRecord[]>('organisations.json')];
  for (const r of records) {
    const en = commonEnglishName(r.names.en ?? []) ?? r.code;
    out.set(r.code, { code: r.code, name: { en, ar: r.names.ar?.[0] ?? en } });
  }
  return (cached = out);
}

/** An actor's names (the code itself for a code the dictionary lacks). */
export function actorRef(code: string): ActorRef {
  return actorDirectory().get(code) ?? { code, name: { ar: code, en: code } };
}

/** An actor's name in a language. */
export function actorName(code: string, lang: NameLang): string {
  return actorRef(code).name[lang];
}

/**
 * Check actor codes: each must be in the dictionary or appear in a stored event.
 * @throws MizanError MIZAN_E_NOT_FOUND naming the first unknown code.
 */
export async function assertKnownActors(store: Store, codes: readonly string[]): Promise<void> {
  const dictionary = actorDirectory();
  const missing = codes.filter((c) => !dictionary.has(c));
  if (missing.length === 0) return;
  const present = new Set(await store.actorsPresent(missing));
  const unknown = missing.find((c) => !present.has(c));
  if (unknown !== undefined) {
    throw new MizanError('MIZAN_E_NOT_FOUND', `unknown actor code "${unknown}": it is neither in data/actors nor in any stored event`);
  }
}
