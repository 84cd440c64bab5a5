/** The pipeline's stages, each a pure function over a document, created by a factory. */
import { actorLexicon, type ActorLexicon } from '../actors/lexicon.js';
import { findActors } from '../actors/matcher.js';
import { ArticleMemory, resolveReferences, type CoreferenceLexicon } from '../actors/coreference.js';
import { phraseMatches } from '../actors/phrase-index.js';
import type { Lang } from '../core/types.js';
import { codeSentence } from '../events/coder.js';
import { eventLexicon } from '../events/lexicon.js';
import type { LanguageIdentifier } from '../text/langid.js';
import { scriptLanguage } from '../text/langid.js';
import { normalize } from '../text/normalize.js';
import { splitSentences } from '../text/segment.js';
import { tokenize } from '../text/tokenize.js';
import type { Doc, Stage } from './document.js';

/** Language identification: keeps a given language, else asks the identifier (script shares without one). */
export function languageStage(identify?: LanguageIdentifier): Stage {
  return (doc) => {
    if (doc.langGiven) return doc;
    const lang = identify ? identify(doc.text) : scriptLanguage(doc.text);
    const messages = lang === 'und' ? [...doc.messages, { rule: 'lang-und', reason: 'language could not be identified as ar, en or ru' }] : doc.messages;
    return { ...doc, lang, messages };
  };
}

/** Normalization with an offset map. */
export function normalizeStage(): Stage {
  return (doc) => (doc.normalized?.source === doc.text ? doc : { ...doc, normalized: normalize(doc.text) });
}

/** Sentences and tokens. */
export function segmentStage(): Stage {
  return (doc) => {
    const n = doc.normalized ?? normalize(doc.text);
    const sentences = splitSentences(doc.text).map((span) => ({
      ...span, tokens: tokenize(n, span), mentions: [], roles: [], events: [], triggers: [],
    }));
    return { ...doc, normalized: n, sentences };
  };
}

/** Actor mentions per sentence; "the two sides" and "his country" resolved against what the article named before. */
export function actorStage(lex: ActorLexicon = actorLexicon(), coref: CoreferenceLexicon = lex.references): Stage {
  return (doc) => {
    const memory = new ArticleMemory();
    return {
      ...doc,
      sentences: doc.sentences.map((s) => {
        const matches = phraseMatches(lex.index, s.tokens);
        const found = findActors(s.tokens, doc.lang, lex, matches);
        const mentions = resolveReferences(s.tokens, found.mentions, memory, coref, matches);
        memory.remember(found.mentions);
        return { ...s, mentions, roles: found.roles };
      }),
    };
  };
}

/**
 * Events per sentence, in the document's language (or each sentence's script when undetermined). Every event
 * joins two actors named in its sentence, so without `triggers` (which a sentence has whatever its actors) a
 * sentence naming fewer than two is not coded: it can give no event.
 */
export function eventStage(options: { triggers?: boolean } = {}): Stage {
  const findTriggers = options.triggers ?? true;
  return (doc) => ({
    ...doc,
    sentences: doc.sentences.map((s) => {
      if (!findTriggers && !namesTwoActors(s.mentions)) return s;
      let lang: Lang = doc.lang;
      if (lang === 'und') lang = scriptLanguage(doc.text.slice(s.start, s.end));
      if (lang === 'und') return s;
      const { events, triggers } = codeSentence({ tokens: s.tokens, span: s, lang, mentions: s.mentions, roles: s.roles, text: doc.text }, eventLexicon(lang));
      return { ...s, events, triggers };
    }),
  });
}

/** True when the mentions name at least two different actors. */
function namesTwoActors(mentions: ReadonlyArray<{ code: string }>): boolean {
  const first = mentions[0]?.code;
  return mentions.some((m) => m.code !== first);
}
