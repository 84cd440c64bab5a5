/** Actor recognition over tokens: dictionary phrases, then officials' roles attached to their state. */
import type { Lang, Sector } from '../core/types.js';
import type { Token } from '../text/tokenize.js';
import { writtenWithArticle } from '../text/arabic.js';
import type { SentenceMatches } from '../text/tagged-index.js';
import type { ActorLexicon, ActorVia, RoleSense } from './lexicon.js';

/** An actor mentioned in a sentence, over tokens [start, end) (the role words included). */
export interface ActorMention {
  code: string;
  kind: 'state' | 'igo' | 'armed';
  via: ActorVia;
  start: number;
  end: number;
  /** Token range of the actor phrase itself, without the role. */
  headStart: number;
  headEnd: number;
  sector?: Sector;
  /** The role term when an official or body was named ("foreign minister"). */
  role?: string;
  /** Arabic proclitics on the actor's first word (و، ب، ل، لل، ال …), as written. */
  clitics?: string;
}

/** A role named without a resolvable actor ("the minister", "gunmen"). */
export interface RoleMention {
  start: number;
  end: number;
  sector: Sector;
  term: string;
}

/** Actors and unresolved roles of one sentence. */
export interface ActorScan {
  mentions: ActorMention[];
  roles: RoleMention[];
}

const OF = new Set(['of', 'for']);

/**
 * Find actor mentions in a sentence's tokens and attach adjacent roles to them. `shared`: the sentence's
 * matches over the lexicon's index, when the caller keeps them for other dictionaries of it.
 */
export function findActors(tokens: Token[], lang: Lang, lex: ActorLexicon, shared?: SentenceMatches): ActorScan {
  const matches = lex.actors.matchesOf(tokens, shared);
  const written = (m: { start: number; value: { article?: true } }): boolean => !m.value.article || writtenWithArticle(tokens[m.start]?.norm ?? '');
  const mentions: ActorMention[] = lex.actors.scan(tokens, matches, written).filter((m) => m.value.code !== '').map((m) => {
    const mention: ActorMention = {
      code: m.value.code, kind: m.value.kind, via: m.value.via, start: m.start, end: m.end, headStart: m.start, headEnd: m.end,
    };
    if (m.value.sector) mention.sector = m.value.sector;
    const clitics = cliticsOf(tokens[m.start], m.keys[0] ?? '');
    if (clitics) mention.clitics = clitics;
    return mention;
  });
  const taken = new Uint8Array(tokens.length);
  for (const m of mentions) taken.fill(1, m.start, m.end);
  if (lang === 'ar' && lex.contextual.size > 0) addContextual(tokens, mentions, lex, taken);
  const roleMatches: Array<{ start: number; end: number; value: RoleSense; keys: readonly string[] }> = [];
  const roleSearch = lex.roles.matchesOf(tokens, matches);
  for (let i = 0; i < tokens.length; ) {
    if (taken[i]) {
      i++;
      continue;
    }
    const m = lex.roles.matchAt(roleSearch, i)[0];
    if (m && !anyTaken(taken, m.start, m.end)) {
      roleMatches.push(m);
      i = m.end;
    } else i++;
  }
  const byStart = new Map(mentions.map((m) => [m.start, m]));
  const byEnd = new Map(mentions.map((m) => [m.end, m]));
  const roles: RoleMention[] = [];
  const PREP = /^(?:в|во|на|из|с|со|к|по|для|in|to|from|at|with)$/u;
  for (const r of roleMatches) {
    const after = byStart.get(r.end) ?? (OF.has(tokens[r.end]?.norm ?? '') ? byStart.get(r.end + 1) : undefined);
    const beforeCandidate = byEnd.get(r.start);
    const before = beforeCandidate && beforeCandidate.role === undefined ? beforeCandidate : undefined;
    // Arabic titles stand before their state (وزير الخارجية الروسي); Russian ones before a genitive name
    // (глава МИД Ирана) unless the state before is an adjective; English ones after an adjective or possessive.
    const beforeGoverned = before !== undefined && PREP.test(tokens[before.start - 1]?.norm ?? '');
    const preferAfter = lang === 'ar' || (lang === 'ru' && after !== undefined && (after.via === 'name' || beforeGoverned));
    const target = preferAfter ? (after ?? (lang === 'ar' ? undefined : before)) : ((beforeGoverned ? undefined : before) ?? after);
    if (target && target.role === undefined && r.start < target.start) {
      const clitics = cliticsOf(tokens[r.start], r.keys[0] ?? '');
      if (clitics) target.clitics = clitics;
      else delete target.clitics;
    }
    if (target && target.role === undefined && target.kind === 'state') {
      target.start = Math.min(target.start, r.start);
      target.end = Math.max(target.end, r.end);
      target.sector = r.value.sector;
      target.role = r.value.term;
    } else if (target && target.role === undefined) {
      target.start = Math.min(target.start, r.start);
      target.end = Math.max(target.end, r.end);
      target.role = r.value.term;
      target.sector ??= r.value.sector;
    } else {
      roles.push({ start: r.start, end: r.end, sector: r.value.sector, term: r.value.term });
    }
  }
  return { mentions, roles };
}

/** Words after which an Arabic word is a name, not an adjective: prepositions and nouns of a state's government. */
const AR_NAME_CONTEXT = new Set(['في', 'الى', 'من', 'مع', 'عن', 'علي', 'حكومه', 'رئيس', 'جيش', 'شمال', 'جنوب', 'وسط', 'شرق', 'غرب', 'سفير', 'سفاره', 'دوله', 'جمهوريه']);

/**
 * Names that are also common words (مالي: Mali, and 'financial'), taken where an adjective cannot stand: after a
 * preposition, proclitic or not (في مالي، بمالي، لمالي), a verb ending in ت where the data allows it (طردت مالي; not for
 * سيول, floods, which verbs take as subject), a noun of government
 * (حكومة مالي), or another actor with و (النيجر ومالي). An adjective follows its noun (دعم مالي، إداري ومالي).
 * `taken` marks the tokens of the mentions found so far; the names added here are marked in it too.
 */
function addContextual(tokens: Token[], mentions: ActorMention[], lex: ActorLexicon, taken: Uint8Array): void {
  const before = mentions.length;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (taken[i] || t.kind !== 'ar') continue;
    let sense: { code: string; afterVerb: boolean } | undefined;
    let clitics = '';
    for (const [key, s] of lex.contextual) {
      if (!t.norm.endsWith(key)) continue;
      clitics = t.norm.slice(0, t.norm.length - key.length);
      if (/^[وف]?[بل]?$/u.test(clitics)) sense = s;
      break;
    }
    if (!sense) continue;
    const prev = tokens[i - 1];
    const prevNorm = prev?.kind === 'ar' ? prev.norm : '';
    const named = /[بل]$/u.test(clitics)
      || AR_NAME_CONTEXT.has(prevNorm)
      || (sense.afterVerb && /ت$/u.test(prevNorm) && !prevNorm.startsWith('ال') && !/ات$/u.test(prevNorm))
      || (clitics.startsWith('و') && taken[i - 1] === 1);
    if (!named) continue;
    const code = sense.code;
    const kind = lex.codes.get(code) ?? 'state';
    const mention: ActorMention = { code, kind, via: 'name', start: i, end: i + 1, headStart: i, headEnd: i + 1 };
    if (clitics) mention.clitics = clitics;
    mentions.push(mention);
  }
  if (mentions.length === before) return;
  // Marked taken once all are found: a name found here does not make the next one a name ("مالي وسيول").
  for (const m of mentions.slice(before)) taken[m.start] = 1;
  mentions.sort((a, b) => a.start - b.start);
}

/** True when a token in [start, end) is taken. */
function anyTaken(taken: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (taken[k] === 1) return true;
  return false;
}

/** The Arabic proclitics written before a matched dictionary key on a token, or undefined. */
function cliticsOf(token: Token | undefined, key: string): string | undefined {
  if (token?.kind !== 'ar' || token.norm.length <= key.length || !token.norm.endsWith(key)) return undefined;
  return token.norm.slice(0, token.norm.length - key.length);
}
