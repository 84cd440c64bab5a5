/** Exports of stored events: CSV and JSON Lines with one flat row per event mention, and PLOVER JSON Lines. */
import type { CodedEvent, CodedRecord } from '../core/types.js';
import { toPlover } from '../pipeline/plover.js';
import type { Store, StoredEvent } from '../store/store.js';
import { csvRow } from './csv.js';

/** The export formats. */
export const EXPORT_FORMATS = ['csv', 'jsonl', 'plover'] as const;
/** An export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The columns of the flat event row, in order (CSV header and JSON Lines keys). */
export const EVENT_COLUMNS = [
  'event_id', 'cluster_id', 'event_date', 'date_precision', 'date_text', 'source', 'source_sector', 'target', 'target_sector',
  'type', 'mode', 'domains', 'modality', 'intensity', 'confidence', 'trigger', 'rule',
  'article_id', 'published_date', 'outlet', 'url', 'lang', 'title', 'evidence_start', 'evidence_end', 'evidence_text',
  'cluster_articles', 'cluster_sources', 'cluster_mentions',
] as const;

/** A flat event row: every value a string, number, null, or (domains, in JSON) an array of strings. */
export type EventRow = Record<(typeof EVENT_COLUMNS)[number], string | number | null | string[]>;

/** The flat row of one event. */
export function eventRow(e: StoredEvent): EventRow {
  return {
    event_id: e.id, cluster_id: e.cluster?.id ?? null, event_date: e.eventDate, date_precision: e.datePrecision, date_text: e.dateText,
    source: e.source, source_sector: e.sourceSector, target: e.target, target_sector: e.targetSector,
    type: e.type, mode: e.mode, domains: e.domains, modality: e.modality, intensity: e.intensity, confidence: e.confidence,
    trigger: e.trigger, rule: e.rule, article_id: e.articleId, published_date: e.article.publishedDate, outlet: e.article.outlet,
    url: e.article.url, lang: e.article.lang, title: e.article.title, evidence_start: e.evidence.start, evidence_end: e.evidence.end,
    evidence_text: e.evidenceText, cluster_articles: e.cluster?.numArticles ?? null, cluster_sources: e.cluster?.numSources ?? null,
    cluster_mentions: e.cluster?.numMentions ?? null,
  };
}

/** One event as a PLOVER record (mode, context, actor, recipient, aux_mode for non-asserted modality). */
export function ploverLine(e: StoredEvent): string {
  const record: CodedRecord = { id: `article-${e.articleId}`, lang: e.article.lang, actors: [e.source, e.target].sort(), events: [] };
  const coded: CodedEvent = {
    source: e.source, target: e.target, type: e.type, domains: e.domains, modality: e.modality, intensity: e.intensity, evidence: e.evidence,
    ...(e.mode ? { mode: e.mode } : {}),
    ...(e.sourceSector ? { sourceSector: e.sourceSector as CodedEvent['sourceSector'] } : {}),
    ...(e.targetSector ? { targetSector: e.targetSector as CodedEvent['targetSector'] } : {}),
  };
  const p = toPlover(record, coded, e.id, undefined, e.eventDate ?? undefined);
  return JSON.stringify({ ...p, text: e.evidenceText, url: e.article.url, outlet: e.article.outlet });
}

/** The lines of an export, header first for CSV, paging through the store's events in id order. */
export async function* exportLines(store: Store, format: ExportFormat, pageSize = 1000): AsyncGenerator<string> {
  if (format === 'csv') yield csvRow(EVENT_COLUMNS);
  for (let after = 0; ;) {
    const page = await store.events({ afterId: after, limit: pageSize });
    if (page.length === 0) return;
    for (const e of page) {
      if (format === 'plover') yield `${ploverLine(e)}\n`;
      else {
        const row = eventRow(e);
        yield format === 'csv' ? csvRow(EVENT_COLUMNS.map((c) => (c === 'domains' ? (row.domains as string[]).join(';') : row[c]))) : `${JSON.stringify(row)}\n`;
      }
    }
    after = (page[page.length - 1] as StoredEvent).id;
  }
}
