/**
 * The PostgreSQL write of one article, inside the caller's transaction: the content hash first (a second writer
 * of the same article waits on it, then finds it stored), then the article, its band keys, its sentences with
 * their search terms, its clusters and its events, each kind of row in one statement.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { MizanError } from '../../core/errors.js';
import { sourceKey } from '../article.repository.js';
import { clusterKey } from '../cluster-key.js';
import type { StoreDatabase } from '../database.js';
import type { AddResult, ArticleInput, NearCandidate } from '../store.js';
import { candidateWindows, planClusters, type ClusterCandidate, type ClusterPlan } from './cluster-plan.js';

/** The id of the article with this content hash, if stored. */
export async function findByHash(k: Kysely<StoreDatabase>, hash: string): Promise<number | undefined> {
  return (await sql<{ id: number }>`SELECT article_id AS id FROM article_hash WHERE content_hash = ${hash}`.execute(k)).rows[0]?.id;
}

/** Articles sharing at least one LSH band key with `bands`, with their text. */
export async function bandCandidates(k: Kysely<StoreDatabase>, bands: readonly number[]): Promise<NearCandidate[]> {
  if (bands.length === 0) return [];
  return (await sql<NearCandidate>`
    SELECT id, text FROM article
    WHERE id IN (SELECT article_id FROM article_lsh WHERE band_key = ANY(${[...bands]}::bigint[])) ORDER BY id`.execute(k)).rows;
}

/** Write an article whole inside `trx`, or find it already stored; `windowDays` is the clustering window. */
export async function writeArticle(trx: Transaction<StoreDatabase>, a: ArticleInput, windowDays: number): Promise<AddResult> {
  // First of all, the lock every event writer holds: a new month's partition (partitions.ts) waits for the writers
  // holding it and is not waited for by them halfway through, which would be a deadlock on the sentence table.
  await sql`LOCK TABLE ONLY event IN ROW EXCLUSIVE MODE`.execute(trx);
  const claimed = await sql<{ id: number }>`
    INSERT INTO article_hash (content_hash, article_id) VALUES (${a.contentHash}, nextval(pg_get_serial_sequence('article', 'id')))
    ON CONFLICT DO NOTHING RETURNING article_id AS id`.execute(trx);
  const articleId = claimed.rows[0]?.id;
  if (articleId === undefined) {
    const existing = await findByHash(trx, a.contentHash);
    return { status: 'duplicate', articleId: existing as number, clustersCreated: 0, clustersJoined: 0 };
  }
  const m = a.meta;
  const key = sourceKey(m);
  await sql`
    INSERT INTO article (id, content_hash, near_duplicate_of, near_similarity, external_id, title, title_terms, published, published_date,
      outlet, source_key, url, lang, origin, text, ingested_at)
    VALUES (${articleId}, ${a.contentHash}, ${a.nearDuplicateOf?.id ?? null}, ${a.nearDuplicateOf?.similarity ?? null}, ${m.externalId ?? null},
      ${m.title ?? null}, ${a.titleTerms ? sql`to_tsvector('simple', ${a.titleTerms})` : null}, ${m.published ?? null}, ${m.publishedDate ?? null},
      ${m.outlet ?? null}, ${key}, ${m.url ?? null}, ${a.lang}, ${m.origin}, ${a.text}, now())`.execute(trx);
  if (a.bands.length > 0) {
    await sql`INSERT INTO article_lsh (article_id, band_key) SELECT DISTINCT ${articleId}::bigint, b FROM unnest(${a.bands}::bigint[]) b`.execute(trx);
  }
  const sentenceIds: number[] = [];
  if (a.sentences.length > 0) {
    const rows = await sql<{ id: number; seq: number }>`
      INSERT INTO sentence (article_id, seq, span_start, span_end, terms)
      SELECT ${articleId}::bigint, t.n - 1, t.s, t.e, to_tsvector('simple', t.terms)
      FROM unnest(${a.sentences.map((s) => s.start)}::int[], ${a.sentences.map((s) => s.end)}::int[], ${a.sentences.map((s) => s.terms)}::text[])
        WITH ORDINALITY AS t(s, e, terms, n)
      RETURNING id, seq`.execute(trx);
    for (const r of rows.rows) sentenceIds[r.seq] = r.id;
  }
  if (a.events.length === 0) return { status: 'added', articleId, clustersCreated: 0, clustersJoined: 0 };
  const sentences = a.events.map((e) => {
    const id = sentenceIds[e.sentence];
    if (id === undefined) throw new MizanError('MIZAN_E_INPUT', `event refers to sentence ${e.sentence}, which the article lacks`, m.origin);
    return id;
  });
  const { created, joined, placements } = await assignClusters(trx, a, windowDays);
  const seen = await sourcesSeen(trx, joined, key);
  const ids = (await sql<{ events: Array<number | string>; clusters: Array<number | string> }>`
    SELECT ARRAY(SELECT nextval(pg_get_serial_sequence('event', 'id')) FROM generate_series(1, ${a.events.length})) AS events,
      ARRAY(SELECT nextval(pg_get_serial_sequence('event_cluster', 'id')) FROM generate_series(1, ${created.length})) AS clusters`.execute(trx)).rows[0];
  const eventIds = (ids?.events ?? []).map(Number);
  const createdIds = (ids?.clusters ?? []).map(Number);
  const clusterOf = placements.map((p) => ('stored' in p ? p.stored : (createdIds[p.created] as number)));
  if (created.length > 0) {
    await sql`
      INSERT INTO event_cluster (cluster_key, id, source, target, type, modality, first_date, last_date, num_mentions, num_articles, num_sources, root_event_id)
      SELECT k, id, s, t, ty, mo, f, l, n, 1, 1, r
      FROM unnest(${created.map((c) => c.key)}::text[], ${createdIds}::bigint[], ${created.map((c) => c.source)}::text[],
        ${created.map((c) => c.target)}::text[], ${created.map((c) => c.type)}::text[], ${created.map((c) => c.modality)}::text[],
        ${created.map((c) => c.firstDate)}::date[], ${created.map((c) => c.lastDate)}::date[], ${created.map((c) => c.mentions)}::int[],
        ${created.map((c) => eventIds[c.root] as number)}::bigint[]) AS u(k, id, s, t, ty, mo, f, l, n, r)`.execute(trx);
  }
  if (joined.length > 0) {
    await sql`
      UPDATE event_cluster c SET num_mentions = c.num_mentions + u.n, first_date = u.f, last_date = u.l,
        num_articles = c.num_articles + 1, num_sources = c.num_sources + u.s
      FROM unnest(${joined.map((j) => j.key)}::text[], ${joined.map((j) => j.id)}::bigint[], ${joined.map((j) => j.mentions)}::int[],
        ${joined.map((j) => j.firstDate)}::date[], ${joined.map((j) => j.lastDate)}::date[], ${joined.map((j) => (seen.has(j.id) ? 0 : 1))}::int[])
        AS u(k, id, n, f, l, s)
      WHERE c.cluster_key = u.k AND c.id = u.id`.execute(trx);
  }
  const members = [...created.map((c, i) => ({ key: c.key, id: createdIds[i] as number })), ...joined.map((j) => ({ key: j.key, id: j.id }))];
  await sql`
    INSERT INTO cluster_member (cluster_key, cluster_id, article_id, source_key)
    SELECT k, id, ${articleId}::bigint, ${key}::text FROM unnest(${members.map((x) => x.key)}::text[], ${members.map((x) => x.id)}::bigint[]) AS u(k, id)`.execute(trx);
  const ev = a.events;
  const col = <T>(f: (e: (typeof ev)[number], i: number) => T): T[] => ev.map(f);
  await sql`
    INSERT INTO event (id, article_id, sentence_id, cluster_id, source, target, type, mode, domains, modality, intensity, confidence,
      source_sector, target_sector, trigger, rule, evidence_start, evidence_end, event_date, date_precision, date_text)
    SELECT id, ${articleId}::bigint, sid, cid, so, ta, ty, mo, dom, moda, inten, conf, ss, ts, tr, ru, es, ee, ed, dp, dt
    FROM unnest(${eventIds}::bigint[], ${sentences}::bigint[], ${clusterOf}::bigint[], ${col((e) => e.source)}::text[],
      ${col((e) => e.target)}::text[], ${col((e) => e.type)}::text[], ${col((e) => e.mode ?? null)}::text[], ${col((e) => e.domains.join(';'))}::text[],
      ${col((e) => e.modality)}::text[], ${col((e) => e.intensity)}::float8[], ${col((e) => e.confidence ?? null)}::float8[],
      ${col((e) => e.sourceSector ?? null)}::text[], ${col((e) => e.targetSector ?? null)}::text[], ${col((e) => e.trigger ?? null)}::text[],
      ${col((e) => e.rule ?? null)}::text[], ${col((e) => e.evidence.start)}::int[], ${col((e) => e.evidence.end)}::int[],
      ${col((e) => e.eventDate ?? null)}::date[], ${col((e) => e.datePrecision ?? null)}::text[], ${col((e) => e.dateText ?? null)}::text[])
      AS u(id, sid, cid, so, ta, ty, mo, dom, moda, inten, conf, ss, ts, tr, ru, es, ee, ed, dp, dt)`.execute(trx);
  return { status: 'added', articleId, clustersCreated: created.length, clustersJoined: joined.length };
}

/**
 * Plan the clusters of an article's events: lock their cluster keys (in one order, so writers of different
 * articles never wait on each other in a cycle), read the stored clusters near each event's date, and assign.
 */
async function assignClusters(trx: Transaction<StoreDatabase>, a: ArticleInput, windowDays: number): Promise<ClusterPlan> {
  const keys = [...new Set(a.events.map((e) => clusterKey(e)))];
  await sql`
    SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest(${keys}::text[]) AS k ORDER BY h) AS locks`.execute(trx);
  const windows = candidateWindows(a.events, windowDays);
  let stored: ClusterCandidate[] = [];
  if (windows.length > 0) {
    stored = (await sql<ClusterCandidate>`
      SELECT DISTINCT c.id, c.cluster_key AS key, c.first_date AS "firstDate", c.last_date AS "lastDate"
      FROM unnest(${windows.map((w) => w.key)}::text[], ${windows.map((w) => w.from)}::date[], ${windows.map((w) => w.to)}::date[]) AS w(k, f, t)
      JOIN event_cluster c ON c.cluster_key = w.k AND c.first_date BETWEEN w.f AND w.t`.execute(trx)).rows;
  }
  return planClusters(a.events, stored, windowDays);
}

/** The joined clusters that another article of the same source already reports. */
async function sourcesSeen(trx: Transaction<StoreDatabase>, joined: ReadonlyArray<{ id: number; key: string }>, key: string): Promise<Set<number>> {
  if (joined.length === 0) return new Set();
  const rows = await sql<{ id: number }>`
    SELECT DISTINCT m.cluster_id AS id FROM unnest(${joined.map((j) => j.key)}::text[], ${joined.map((j) => j.id)}::bigint[]) AS u(k, id)
    JOIN cluster_member m ON m.cluster_key = u.k AND m.cluster_id = u.id AND m.source_key = ${key}`.execute(trx);
  return new Set(rows.rows.map((r) => r.id));
}
