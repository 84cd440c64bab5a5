/** Article-level reference: "the two sides" / "البلدين" and "his country" / "بلاده" resolved to actors named before. */
import { readFileSync } from 'node:fs';
import { dataPath } from '../core/paths.js';
import { writtenWithArticle } from '../text/arabic.js';
import type { Token } from '../text/tokenize.js';
import type { ActorMention } from './matcher.js';
import { PhraseIndex } from './phrase-index.js';
import type { SentenceMatches, TaggedIndex } from '../text/tagged-index.js';

type Kind = 'pair' | 'self';

/** Loaded reference expressions. */
export interface CoreferenceLexicon {
  index: PhraseIndex<Kind>;
}

/** Load data/actors/coreference.json, into a phrase index of a tagged index shared with other dictionaries when given. */
export function loadCoreference(shared?: TaggedIndex): CoreferenceLexicon {
  const raw = JSON.parse(readFileSync(dataPath('actors', 'coreference.json'), 'utf8')) as Record<Kind, Record<string, string[]>>;
  const index = new PhraseIndex<Kind>(shared);
  for (const kind of ['pair', 'self'] as const) for (const terms of Object.values(raw[kind] ?? {})) for (const t of terms) index.add(t, kind);
  return { index };
}

/** What the article has named so far, most recent last. */
export class ArticleMemory {
  private readonly seen: Array<{ code: string; kind: ActorMention['kind'] }> = [];

  /** Remember the mentions of a sentence, in order. */
  remember(mentions: ActorMention[]): void {
    for (const m of mentions) if (m.via !== 'coreference') this.seen.push({ code: m.code, kind: m.kind });
  }

  /** The last two distinct state or organisation codes named, oldest first. */
  lastPair(): string[] {
    const out: string[] = [];
    for (let i = this.seen.length - 1; i >= 0 && out.length < 2; i--) {
      const s = this.seen[i] as { code: string };
      if (!out.includes(s.code)) out.push(s.code);
    }
    return out.reverse();
  }
}

/**
 * Resolve reference expressions in a sentence not already covered by a mention (`shared`: the sentence's
 * matches over the lexicon's index, when the caller keeps them): a pair gives two
 * mentions over the same words, "his country" the nearest state named before it (in the sentence, or the article).
 */
export function resolveReferences(tokens: Token[], mentions: ActorMention[], memory: ArticleMemory, lex: CoreferenceLexicon, shared?: SentenceMatches): ActorMention[] {
  const covered = new Uint8Array(tokens.length);
  for (const m of mentions) covered.fill(1, m.start, m.end);
  const added: ActorMention[] = [];
  for (const match of lex.index.scan(tokens, shared)) {
    if (covered.subarray(match.start, match.end).some((x) => x === 1)) continue;
    const base = { via: 'coreference' as const, start: match.start, end: match.end, headStart: match.start, headEnd: match.end };
    if (match.value === 'pair') {
      const before = mentions.filter((m) => m.end <= match.start);
      const local = [...new Set(before.map((m) => m.code))];
      let codes = local.length >= 2 ? local.slice(-2) : memory.lastPair();
      // "أن يوقع البلدان اتفاقية … خلال زيارة الرئيس الإندونيسي إلى أبوظبي": with nothing named before, the two
      // states the sentence names next.
      if (codes.length < 2) codes = [...new Set(mentions.filter((m) => m.start >= match.end && m.kind === 'state').map((m) => m.code))].slice(0, 2);
      if (codes.length === 2) for (const code of codes) added.push({ ...base, code, kind: 'state' });
    } else if (adjectiveAfterNoun(tokens, match.start)) {
      // "السنوات الأخيرة" (recent years): after a definite noun, الأخيرة is its adjective, not "the latter".
      continue;
    } else {
      // "his country" is the speaker's or the subject's: the first state named in the sentence before it.
      const prev = mentions.find((m) => m.end <= match.start && m.kind === 'state');
      const code = prev?.code ?? memory.lastPair().at(-1);
      if (code) added.push({ ...base, code, kind: 'state' });
    }
  }
  return added.length ? [...mentions, ...added].sort((a, b) => a.start - b.start) : mentions;
}

/** An Arabic definite word right after a definite noun or adjective modifies it ("الفترة الأخيرة", "بالآونة الأخيرة"). */
function adjectiveAfterNoun(tokens: Token[], at: number): boolean {
  const word = tokens[at]?.norm ?? '';
  const prev = tokens[at - 1];
  return /^ال/u.test(word) && prev?.kind === 'ar' && writtenWithArticle(prev.norm);
}
