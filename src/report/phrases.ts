/** What the brief says, as functions of the figures: one implementation per language (phrases.en.ts, phrases.ar.ts). */
import type { Stance } from '../analytics/third-party.js';
import type { TrendSummary } from '../analytics/trend.js';
import type { Domain, EventType } from '../core/types.js';

/** A third party's tie to one side, as the alignment section states it. */
export interface TieFigures {
  weight: number;
  events: number;
}

/** Figures of a fact-versus-speech claim. */
export interface FactFigures {
  events: number;
  acts: number;
  future: number;
  speculative: number;
  normative: number;
  negated: number;
}

/** The phrases of one language. */
export interface Phrases {
  dir: 'ltr' | 'rtl';
  title(a: string, b: string): string;
  /** "Events dated 3 June – 28 October 2026" or "all stored events". */
  scope(since: string | null, until: string | null, from: string | null, to: string | null): string;
  heading: { overview: string; alignment: string; method: string; sources: string; quotes: string; generated: string;
    /** Columns of the overview table: domain, events, acts, talk, denied, mean intensity of acts. */
    columns: [string, string, string, string, string, string] };
  domainTitle(d: Domain): string;
  typeCount(type: EventType, n: number): string;
  noEvents(a: string, b: string): string;
  total(f: { a: string; b: string; events: number; mentions: number; articles: number; outlets: number }): string;
  factVsSpeech(f: FactFigures): string;
  balance(f: { acts: number; mean: number; cooperative: number; conflictual: number; neutral: number }): string;
  direction(f: { a: string; b: string; aToB: number; aActs: number; bToA: number; bActs: number }): string;
  domainsRanked(top: Array<[Domain, number]>, empty: Domain[]): string;
  domainNone(a: string, b: string, d: Domain): string;
  domainTypes(events: number, types: Array<[EventType, number]>): string;
  trend(s: TrendSummary, by: 'week' | 'month'): string;
  trendTooFew(s: TrendSummary): string;
  networkMissing(a: string, b: string): string;
  blocs(f: { same: boolean; a: string; b: string; matesA: string[]; matesB: string[]; nodes: number; edges: number }): string;
  party(f: { name: string; a: string; b: string; withA: TieFigures | null; withB: TieFigures | null; stance: Stance; balanced: boolean | null }): string;
  triads(f: { a: string; b: string; balanced: number; total: number }): string;
  method: string[];
  /** "Outlet, 14 July 2026 — article 12, characters 100–220". */
  source(f: { outlet: string | null; date: string | null; articleId: number; start: number; end: number }): string;
}
