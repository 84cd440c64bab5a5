/** Turn a raw article into what the store keeps: metadata, sentences with search terms, and dated events. */
import { MizanError } from '../core/errors.js';
import type { Lang } from '../core/types.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { ArticleInput, ArticleMeta, EventInput } from '../store/store.js';
import { indexTerms, spanTerms } from '../store/search-terms.js';
import { normalize, type NormalizedText } from '../text/normalize.js';
import { declaredLang, tidyText, type Problem, type RawArticle } from './article.js';
import { eventDate } from './dates/event-date.js';
import { findDates } from './dates/find.js';
import { parsePublished } from './published.js';
import { MAX_META_CHARS } from './limits.js';
import { cleanText, textFault } from './text-check.js';

/** A raw article's text and metadata, checked, with notes on what could not be understood. */
export interface Checked {
  text: string;
  /** The text normalized (for fingerprints, dates and search terms). */
  normalized: NormalizedText;
  meta: ArticleMeta;
  /** The declared language, when it is one Mizan codes. */
  lang?: Lang;
  notes: Problem[];
}

/**
 * Check a raw article's text and metadata: control characters are taken out (and noted); a problem when
 * no text is left, when it has no letters, or when it is past a limit of {@link textFault}.
 */
export function checkArticle(raw: RawArticle): Checked | { problem: Problem } {
  const cleaned = cleanText(raw.text);
  const text = tidyText(cleaned.text);
  if (!text) return { problem: { place: raw.origin, reason: cleaned.removed > 0 ? 'no article text: only control characters' : 'no article text' } };
  const fault = textFault(text);
  if (fault) return { problem: { place: raw.origin, reason: fault } };
  const notes: Problem[] = [];
  if (raw.note) notes.push({ place: raw.origin, reason: raw.note });
  if (cleaned.removed > 0) notes.push({ place: raw.origin, reason: `${cleaned.removed} control character(s) taken out of the text` });
  const meta: ArticleMeta = { origin: raw.origin };
  for (const k of ['title', 'outlet', 'url', 'externalId'] as const) {
    const v = cleanText(raw[k] ?? '').text.replace(/\s+/gu, ' ').trim();
    if (!v) continue;
    if (v.length <= MAX_META_CHARS) meta[k] = v;
    else {
      // Cut before a surrogate pair rather than through it.
      meta[k] = v.slice(0, /[\uD800-\uDBFF]/u.test(v[MAX_META_CHARS - 1] as string) ? MAX_META_CHARS - 1 : MAX_META_CHARS);
      notes.push({ place: raw.origin, reason: `the ${k} is ${v.length.toLocaleString('en-US')} characters; cut to ${MAX_META_CHARS.toLocaleString('en-US')}` });
    }
  }
  if (raw.date) {
    const p = parsePublished(raw.date);
    if (p) [meta.published, meta.publishedDate] = [p.published, p.date];
    else notes.push({ place: raw.origin, reason: `publication date "${clip(raw.date)}" not understood; relative dates in the text stay unresolved` });
  }
  const checked: Checked = { text, normalized: normalize(text), meta, notes };
  const lang = declaredLang(raw.lang);
  if (lang) checked.lang = lang;
  else if (raw.lang) notes.push({ place: raw.origin, reason: `declared language "${clip(raw.lang)}" is not one Mizan codes; identifying it from the text` });
  return checked;
}

/** A value as quoted in a message: at most 80 characters. */
function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}

/** A coded article laid out for the store, without its fingerprints and near-duplicate link. */
export type CodedArticle = Omit<ArticleInput, 'contentHash' | 'bands' | 'nearDuplicateOf'>;

/** What coding an article gave: the article and its notes, or why the coder failed on it. */
export type Coding = { coded: CodedArticle; notes: Problem[] } | { failed: string };

/** Code a checked article as ingest does: the coder failing is a reason to skip the article, except a fault of Mizan's data (MIZAN_E_DATA), which is thrown. */
export function tryCode(c: Checked, pipeline: Pipeline): Coding {
  try {
    const coded = codeArticle(c, pipeline);
    return { coded, notes: c.notes };
  } catch (err) {
    if (err instanceof MizanError && err.code === 'MIZAN_E_DATA') throw err;
    return { failed: `coding failed: ${(err as Error).message}` };
  }
}

/** Code a checked article and lay it out for the store (fingerprints and near-duplicate link are added by the caller). */
export function codeArticle(c: Checked, pipeline: Pipeline): CodedArticle {
  const id = c.meta.externalId ?? c.meta.origin;
  const doc = pipeline.analyse(c.lang ? { id, text: c.text, lang: c.lang } : { id, text: c.text }, c.normalized);
  if (doc.lang === 'und') c.notes.push({ place: c.meta.origin, reason: 'the language was not identified as ar, en or ru; stored as "und", each sentence coded by its script' });
  const n = c.normalized;
  const anchor = c.meta.publishedDate;
  const events: EventInput[] = [];
  doc.sentences.forEach((s, i) => {
    const dates = s.events.length > 0 ? findDates(c.text, doc.lang, n, s) : [];
    for (const e of s.events) {
      const at = e.trigger ? c.text.indexOf(e.trigger, s.start) : -1;
      const when = eventDate(dates, anchor, { text: c.text, evidence: e.evidence, modality: e.modality, ...(at >= 0 && at < s.end ? { triggerAt: at } : {}) });
      const ev: EventInput = {
        sentence: i, source: e.source, target: e.target, type: e.type, domains: e.domains, modality: e.modality,
        intensity: e.intensity, evidence: e.evidence,
      };
      if (e.mode) ev.mode = e.mode;
      if (e.confidence !== undefined) ev.confidence = e.confidence;
      if (e.sourceSector) ev.sourceSector = e.sourceSector;
      if (e.targetSector) ev.targetSector = e.targetSector;
      if (e.trigger) ev.trigger = e.trigger;
      if (e.rule) ev.rule = e.rule;
      if (when) {
        ev.eventDate = when.date;
        ev.datePrecision = when.precision;
        if (when.text) ev.dateText = when.text;
      }
      events.push(ev);
    }
  });
  return {
    meta: c.meta, lang: doc.lang, text: c.text, titleTerms: c.meta.title ? indexTerms(c.meta.title) : '',
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end, terms: spanTerms(n, s) })),
    events,
  };
}
