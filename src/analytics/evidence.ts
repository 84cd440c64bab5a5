/** Evidence sentences: how events are ranked ("strongest first") and picked without repeating a sentence. */
import type { EvidenceRow } from '../store/analytics.types.js';

/** How an event stands: a cooperative, conflictual or neutral act, talk (future, speculative, normative), or a denial. */
export type EvidenceGroup = 'cooperative' | 'conflictual' | 'neutral' | 'talk' | 'negated';

/** One evidence sentence: an event mention with its article and offsets, and how its event stands. */
export interface Evidence extends EvidenceRow {
  group: EvidenceGroup;
  /** Before the trend's split date ('earlier') or from it on ('later'); null when undated or without a split. */
  half: 'earlier' | 'later' | null;
}

/** The group of an event from its modality and intensity. */
export function groupOf(modality: string, intensity: number): EvidenceGroup {
  if (modality === 'asserted') return intensity > 0 ? 'cooperative' : intensity < 0 ? 'conflictual' : 'neutral';
  return modality === 'negated' ? 'negated' : 'talk';
}

/** What ranks an event as evidence. */
export interface Strength {
  asserted: boolean;
  intensity: number;
  /** Reports of the event. */
  reports: number;
  date: string | null;
  id: number;
}

/**
 * Strongest first: asserted events before all others, then higher |intensity|, then more reports of the
 * event, then the more recent, then the lower id.
 */
export function compareStrength(x: Strength, y: Strength): number {
  return Number(y.asserted) - Number(x.asserted)
    || Math.abs(y.intensity) - Math.abs(x.intensity)
    || y.reports - x.reports
    || (y.date ?? '').localeCompare(x.date ?? '')
    || x.id - y.id;
}

/** The first `n` items (in the order given) that pass `keep`, each sentence once. */
export function pickEvidence<T extends EvidenceRow>(items: readonly T[], n: number, keep: (e: T) => boolean = () => true): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  for (const e of items) {
    if (out.length >= n) break;
    const key = `${e.articleId}:${e.evidence.start}:${e.evidence.end}`;
    if (!keep(e) || seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}
