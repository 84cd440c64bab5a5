/** Shared vocabulary of Mizan: languages, spans, event types, domains, modalities and coded records. */

/** A language Mizan codes, or 'und' when it cannot be told. */
export type Lang = 'ar' | 'en' | 'ru' | 'und';

/** Half-open UTF-16 offsets [start, end) into an original text. */
export interface Span {
  start: number;
  end: number;
}

/** PLOVER event types, in the order of the contract. */
export const EVENT_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
/** A PLOVER event type. */
export type EventType = (typeof EVENT_TYPES)[number];

/** The domains an event can be about. */
export const DOMAINS = [
  'military', 'security', 'diplomatic', 'economic', 'energy', 'transport', 'humanitarian', 'rights',
] as const;
/** A domain an event is about. */
export type Domain = (typeof DOMAINS)[number];

/** How the text holds the event. */
export const MODALITIES = ['asserted', 'negated', 'future', 'speculative', 'normative'] as const;
/** How the text holds the event. */
export type Modality = (typeof MODALITIES)[number];

/** Sub-actor sector roles (PLOVER/CAMEO style). */
export type Sector = 'GOV' | 'MIL' | 'COP' | 'SPY' | 'JUD' | 'LEG' | 'OPP' | 'REB' | 'CVL' | 'BUS' | 'MED' | 'DIP' | 'ORG';

/** One coded event, as the contract writes it (extra fields allowed). */
export interface CodedEvent {
  source: string;
  target: string;
  type: EventType;
  mode?: string;
  domains: Domain[];
  modality: Modality;
  intensity: number;
  evidence: Span;
  /** Extra: sector roles of source and target, when known. */
  sourceSector?: Sector;
  targetSector?: Sector;
  /** Extra: the words that triggered the event. */
  trigger?: string;
  /** Extra: the rule that fired. */
  rule?: string;
  /** Extra: confidence in [0, 1]. */
  confidence?: number;
}

/** An event mention, whether or not both sides resolve to actors. */
export interface Trigger {
  type: EventType;
  modality: Modality;
  evidence: Span;
  /** The triggering words as they stand in the text. */
  text?: string;
  /** Extra: a verb, or a noun ("the attack"). */
  pos?: 'verb' | 'noun';
  /** Extra: how many sides of the act the coder found (0, 1 or 2). */
  sides?: number;
  /** Extra: reported as an occurrence (a verb, or a noun with signs of a concrete happening) rather than a mention. */
  reported?: boolean;
  /** Extra: the signals the report classifier weighs. */
  features?: Record<string, number>;
}

/** One coded record: the output line of `mizan code`. */
export interface CodedRecord {
  id: string;
  lang: Lang;
  actors: string[];
  events: CodedEvent[];
  triggers?: Trigger[];
}

/** One input line of `mizan code`. */
export interface InputRecord {
  id: string;
  text: string;
  lang?: Lang;
}
