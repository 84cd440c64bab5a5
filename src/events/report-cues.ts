/** The report cues of data/events/report-cues.json: words that tell a concrete happening from a mention in passing. */
import { existsSync, readFileSync } from 'node:fs';
import type { Lang } from '../core/types.js';
import { dataPath } from '../core/paths.js';
import type { Dictionary } from '../text/tagged-index.js';
import { entryKeySequences } from './keys.js';

/** Cue classes of data/events/report-cues.json. */
export const REPORT_CLASSES = ['time', 'place', 'count', 'attribution', 'happen', 'background', 'generic', 'reaction', 'opinion', 'history', 'judicial', 'plan', 'responsibility', 'topic', 'call', 'rule', 'cancel'] as const;

/** A report cue class, or the outcome words of one event type. */
export type ReportCue = (typeof REPORT_CLASSES)[number] | `outcome:${string}`;

/** One language's lists. */
export type ReportCueLists = Partial<Record<(typeof REPORT_CLASSES)[number], string[]>> & { outcome?: Record<string, string[]> };

/** One language's lists from data/events/report-cues.json, or undefined (no file, or no lists for it). */
export function loadReportCueLists(lang: Exclude<Lang, 'und'>): ReportCueLists | undefined {
  const path = dataPath('events', 'report-cues.json');
  if (!existsSync(path)) return undefined;
  const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, ReportCueLists>;
  return file[lang];
}

function wordClass(w: string): 'verb' | 'noun' | 'plain' {
  if (w.includes('|')) return 'verb';
  return w.includes(' ') || w.replace(/[\u064B-\u0652]/gu, '').length <= 3 ? 'plain' : 'noun';
}

/** Add one language's report cues to a dictionary. */
export function addReportCues(dict: Dictionary<ReportCue>, lang: Exclude<Lang, 'und'>, lists: ReportCueLists): void {
  const add = (w: string, c: ReportCue): void => {
    for (const seq of entryKeySequences(lang, w, lang === 'ar' ? wordClass(w) : 'plain')) dict.add(seq, c);
  };
  for (const c of REPORT_CLASSES) for (const w of lists[c] ?? []) add(w, c);
  for (const [type, words] of Object.entries(lists.outcome ?? {})) for (const w of words) add(w, `outcome:${type}`);
}
