/** Events: the write of one mention, and filtered reads with their article, cluster and evidence. */
import type { Database } from 'better-sqlite3';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Domain, EventType, Lang, Modality } from '../core/types.js';
import type { StoreDatabase } from './database.js';
import type { EventTable } from './event.table.js';
import { statement } from './statements.js';
import type { DatePrecision, EventFilter, EventInput, StoredEvent } from './store.js';

/** Insert one event mention with its id (see nextRowid in statements.ts). */
export function insertEvent(db: Database, id: number, articleId: number, sentenceId: number, clusterId: number, e: EventInput): void {
  statement(db, `
    INSERT INTO event (id, article_id, sentence_id, cluster_id, source, target, type, mode, domains, modality, intensity, confidence,
      source_sector, target_sector, trigger, rule, evidence_start, evidence_end, event_date, date_precision, date_text)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    id, articleId, sentenceId, clusterId, e.source, e.target, e.type, e.mode ?? null, e.domains.join(';'), e.modality, e.intensity,
    e.confidence ?? null, e.sourceSector ?? null, e.targetSector ?? null, e.trigger ?? null, e.rule ?? null,
    e.evidence.start, e.evidence.end, e.eventDate ?? null, e.datePrecision ?? null, e.dateText ?? null,
  );
}

/**
 * Events matching a filter, most recent first (or in id order after `afterId`), with evidence text.
 * The filter picks ids from the event table's own indexes first; only those rows are then joined.
 */
export async function listEvents(k: Kysely<StoreDatabase>, f: EventFilter = {}): Promise<StoredEvent[]> {
  let ids = k.selectFrom('event as e').select('e.id');
  if (f.dyad) {
    const [x, y] = f.dyad;
    ids = f.directed
      ? ids.where('e.source', '=', x).where('e.target', '=', y)
      : ids.where((w) => w.or([w.and([w('e.source', '=', x), w('e.target', '=', y)]), w.and([w('e.source', '=', y), w('e.target', '=', x)])]));
  }
  if (f.actor) {
    const actor = f.actor;
    ids = ids.where((w) => w.or([w('e.source', '=', actor), w('e.target', '=', actor)]));
  }
  if (f.type) ids = ids.where('e.type', '=', f.type);
  if (f.modality) ids = ids.where('e.modality', '=', f.modality);
  if (f.domain) ids = ids.where(sql<boolean>`(';' || e.domains || ';') LIKE ${`%;${f.domain};%`}`);
  if (f.since) ids = ids.where('e.event_date', '>=', f.since);
  if (f.until) ids = ids.where('e.event_date', '<=', f.until);
  if (f.distinct) {
    ids = ids.where((w) => w.exists(w.selectFrom('event_cluster as c').select('c.id').whereRef('c.id', '=', 'e.cluster_id').whereRef('c.root_event_id', '=', 'e.id')));
  }
  const byId = f.afterId !== undefined;
  if (byId) ids = ids.where('e.id', '>', f.afterId as number);
  ids = byId ? ids.orderBy('e.id') : ids.orderBy('e.event_date', (o) => o.desc().nullsLast()).orderBy('e.id', 'desc');
  if (f.limit !== undefined && f.limit > 0) ids = ids.limit(f.limit);
  let q = k.selectFrom('event as e')
    .innerJoin('article as a', 'a.id', 'e.article_id')
    .leftJoin('event_cluster as c', 'c.id', 'e.cluster_id')
    .selectAll('e')
    .select(['a.title', 'a.published_date', 'a.outlet', 'a.url', 'a.lang', 'c.num_mentions', 'c.num_articles', 'c.num_sources',
      'c.first_date', 'c.last_date'])
    .where('e.id', 'in', ids);
  q = byId ? q.orderBy('e.id') : q.orderBy('e.event_date', (o) => o.desc().nullsLast()).orderBy('e.id', 'desc');
  const rows = await q.execute();
  const texts = await articleTexts(k, [...new Set(rows.map((r) => r.article_id))]);
  return rows.map((r) => toStoredEvent(r, texts.get(r.article_id) ?? ''));
}

/** An event row joined with its article's and its cluster's columns, as the event lists read it. */
export type EventListRow = Selectable<EventTable> & {
  title: string | null; published_date: string | null; outlet: string | null; url: string | null; lang: string;
  num_mentions: number | null; num_articles: number | null; num_sources: number | null; first_date: string | null; last_date: string | null;
};

/** A stored event from its row and its article's text. */
export function toStoredEvent(r: EventListRow, articleText: string): StoredEvent {
  return {
    id: r.id, articleId: r.article_id, sentenceId: r.sentence_id,
    source: r.source, target: r.target, type: r.type as EventType, mode: r.mode,
    domains: (r.domains ? r.domains.split(';') : []) as Domain[], modality: r.modality as Modality,
    intensity: r.intensity, confidence: r.confidence, sourceSector: r.source_sector, targetSector: r.target_sector,
    trigger: r.trigger, rule: r.rule,
    evidence: { start: r.evidence_start, end: r.evidence_end },
    evidenceText: articleText.slice(r.evidence_start, r.evidence_end),
    eventDate: r.event_date, datePrecision: r.date_precision as DatePrecision | null, dateText: r.date_text,
    article: { id: r.article_id, title: r.title, publishedDate: r.published_date, outlet: r.outlet, url: r.url, lang: r.lang as Lang },
    cluster: r.cluster_id === null ? null : {
      id: r.cluster_id, numMentions: r.num_mentions ?? 0, numArticles: r.num_articles ?? 0, numSources: r.num_sources ?? 0,
      firstDate: r.first_date, lastDate: r.last_date,
    },
  };
}

/** The texts of some articles, by id. */
export async function articleTexts(k: Kysely<StoreDatabase>, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await k.selectFrom('article').select(['id', 'text']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, r.text);
  }
  return out;
}
