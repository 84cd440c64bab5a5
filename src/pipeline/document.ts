/** The document that flows through the pipeline stages. */
import type { ActorMention, RoleMention } from '../actors/matcher.js';
import type { CodedEvent, Lang, Span, Trigger } from '../core/types.js';
import type { NormalizedText } from '../text/normalize.js';
import type { Token } from '../text/tokenize.js';

/** A problem in the text itself, reported rather than thrown. */
export interface Message {
  rule: string;
  reason: string;
  place?: Span;
}

/** One sentence with its tokens and the actors found in it. */
export interface SentenceUnit extends Span {
  tokens: Token[];
  mentions: ActorMention[];
  roles: RoleMention[];
  events: CodedEvent[];
  triggers: Trigger[];
}

/** A document: the input text and what each stage added. */
export interface Doc {
  id: string;
  text: string;
  lang: Lang;
  /** True when the caller gave the language. */
  langGiven: boolean;
  normalized?: NormalizedText;
  sentences: SentenceUnit[];
  messages: Message[];
}

/** A stage: a pure function from a document to a document. */
export type Stage = (doc: Doc) => Doc;
