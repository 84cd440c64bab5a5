/**
 * Analytics reads. A dyad's events are grouped in the database by direction, event (cluster) and domains,
 * which turns every report of an event into one row; its outlets by outlet, modality and domains. The
 * strongest acts of a pair are read from the top of an index, and the links between all actors are grouped by
 * pair with the events counted distinct. The SQL keeps to what SQLite and PostgreSQL share (CTEs, CASE, ||,
 * expression indexes); migrations 20261129T100000-analytics and 20261129T200000-analytics-by-event add the
 * indexes these queries run on.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Domain, EventType, Lang, Modality } from '../core/types.js';
import type { StoreDatabase } from './database.js';
import type { DateWindow, DyadEventRow, DyadQuery, EvidenceRow, LinkQuery, LinkRow, OutletRow, StrongestQuery } from './analytics.types.js';

function windowFilter(w: DateWindow): RawBuilder<unknown> {
  return sql.join([
    sql`1 = 1`,
    ...(w.since ? [sql`e.event_date >= ${w.since}`] : []),
    ...(w.until ? [sql`e.event_date <= ${w.until}`] : []),
  ], sql` AND `);
}

/** The mentions of a dyad, one direction after the other (each read from the covering index event_dyad_events). */
function dyadMentions(q: DyadQuery, columns: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`SELECT ${columns} FROM event e WHERE e.source = ${q.a} AND e.target = ${q.b} AND ${windowFilter(q)}
    UNION ALL SELECT ${columns} FROM event e WHERE e.source = ${q.b} AND e.target = ${q.a} AND ${windowFilter(q)}`;
}

/**
 * One direction's reports grouped by event and domains (in the order of index event_dyad_events, so without
 * sorting), then its reports without an event, one row each. `fd` is the first report's id times two, plus one
 * when the direction is B→A.
 */
function directionEvents(source: string, target: string, dir: 0 | 1, w: DateWindow): RawBuilder<unknown> {
  return sql`SELECT e.cluster_id AS cluster, e.domains, MIN(e.id) * 2 + ${sql.lit(dir)} AS fd, MIN(e.type) AS type, MIN(e.modality) AS modality,
      SUM(e.intensity) AS intensity, COUNT(*) AS mentions, MIN(e.event_date) AS day
    FROM event e WHERE e.source = ${source} AND e.target = ${target} AND e.cluster_id IS NOT NULL AND ${windowFilter(w)}
    GROUP BY e.cluster_id, e.domains
    UNION ALL SELECT -e.id, e.domains, e.id * 2 + ${sql.lit(dir)}, e.type, e.modality, e.intensity, 1, e.event_date
    FROM event e WHERE e.source = ${source} AND e.target = ${target} AND e.cluster_id IS NULL AND ${windowFilter(w)}`;
}

/** A dyad's events in a window: one row per event (cluster), direction and set of domains, with its first report and dates. */
export async function dyadEvents(k: Kysely<StoreDatabase>, q: DyadQuery): Promise<DyadEventRow[]> {
  const rows = await sql<{ cluster: number; domains: string; fd: number; type: string; modality: string; intensity: number; mentions: number; day: string | null }>`
    ${directionEvents(q.a, q.b, 0, q)} UNION ALL ${directionEvents(q.b, q.a, 1, q)}`.execute(k);
  return rows.rows.map((r) => ({
    cluster: Number(r.cluster), domains: r.domains, first: Math.floor(Number(r.fd) / 2), fromA: Number(r.fd) % 2 === 0, type: r.type, modality: r.modality,
    intensity: Number(r.intensity), mentions: Number(r.mentions), day: r.day,
  }));
}

/**
 * What each outlet reported of a dyad: reports by modality and domains, and a summary row per outlet (modality
 * null) with its distinct articles and their first and last publication dates. The reports are grouped after a
 * lookup of each report's article; the summaries read each article once.
 */
export async function dyadOutlets(k: Kysely<StoreDatabase>, q: DyadQuery): Promise<OutletRow[]> {
  const reports = await sql<{ outlet: string; modality: string; domains: string; reports: number }>`
    SELECT COALESCE(a.outlet, '') AS outlet, m.modality, m.domains, COUNT(*) AS reports
    FROM (${dyadMentions(q, sql`e.article_id, e.modality, e.domains`)}) m CROSS JOIN article a WHERE a.id = m.article_id
    GROUP BY COALESCE(a.outlet, ''), m.modality, m.domains`.execute(k);
  const articles = await sql<{ outlet: string; articles: number; first_published: string | null; last_published: string | null }>`
    SELECT COALESCE(a.outlet, '') AS outlet, COUNT(*) AS articles, MIN(a.published_date) AS first_published, MAX(a.published_date) AS last_published
    FROM article a WHERE a.id IN (SELECT m.article_id FROM (${dyadMentions(q, sql`e.article_id`)}) m)
    GROUP BY COALESCE(a.outlet, '')`.execute(k);
  const total = new Map<string, number>();
  const out: OutletRow[] = reports.rows.map((r) => {
    const n = Number(r.reports);
    total.set(r.outlet, (total.get(r.outlet) ?? 0) + n);
    return { outlet: r.outlet, modality: r.modality, domains: r.domains, reports: n, articles: 0, firstPublished: null, lastPublished: null };
  });
  for (const r of articles.rows) {
    out.push({ outlet: r.outlet, modality: null, domains: null, reports: total.get(r.outlet) ?? 0, articles: Number(r.articles),
      firstPublished: r.first_published, lastPublished: r.last_published });
  }
  return out;
}

/** The ids of the strongest asserted acts of each directed pair (read from the top of index event_pair_strength). */
export async function strongestActs(k: Kysely<StoreDatabase>, q: StrongestQuery): Promise<number[]> {
  const out: number[] = [];
  const order = q.sign === 'cooperative' ? sql`e.intensity DESC` : sql`e.intensity ASC`;
  const sign = q.sign === 'cooperative' ? sql`e.intensity > 0` : sql`e.intensity < 0`;
  for (const [source, target] of q.pairs) {
    const rows = await sql<{ id: number }>`
      SELECT e.id FROM event e
      WHERE e.source = ${source} AND e.target = ${target} AND e.modality = 'asserted' AND ${sign} AND ${windowFilter(q)}
      ORDER BY ${order}, e.event_date DESC, e.id DESC LIMIT ${q.limit ?? 1}`.execute(k);
    out.push(...rows.rows.map((r) => r.id));
  }
  return out;
}

interface EvidenceSqlRow {
  id: number;
  cluster_id: number | null;
  source: string;
  target: string;
  type: string;
  modality: string;
  intensity: number;
  domains: string;
  event_date: string | null;
  num_articles: number | null;
  num_sources: number | null;
  article_id: number;
  sentence_id: number;
  evidence_start: number;
  evidence_end: number;
  span_start: number;
  span_end: number;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published_date: string | null;
  lang: string;
  text: string;
}

/** Event mentions by id, with their cluster's reach, their article and the evidence text (in the order of `ids`). */
export async function evidenceRows(k: Kysely<StoreDatabase>, ids: number[]): Promise<EvidenceRow[]> {
  const byId = new Map<number, EvidenceRow>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await sql<EvidenceSqlRow>`
      SELECT e.id, e.cluster_id, e.source, e.target, e.type, e.modality, e.intensity, e.domains, e.event_date,
        c.num_articles, c.num_sources, e.article_id, e.sentence_id, e.evidence_start, e.evidence_end, s.span_start, s.span_end,
        a.title, a.outlet, a.url, a.published_date, a.lang, a.text
      FROM event e JOIN article a ON a.id = e.article_id JOIN sentence s ON s.id = e.sentence_id
      LEFT JOIN event_cluster c ON c.id = e.cluster_id
      WHERE e.id IN (${sql.join(unique.slice(i, i + 500))})`.execute(k);
    for (const r of rows.rows) {
      byId.set(r.id, {
        eventId: r.id, clusterId: r.cluster_id, source: r.source, target: r.target, type: r.type as EventType, modality: r.modality as Modality,
        intensity: r.intensity, domains: (r.domains ? r.domains.split(';') : []) as Domain[], eventDate: r.event_date,
        reports: { articles: Number(r.num_articles ?? 1), sources: Number(r.num_sources ?? 1) },
        articleId: r.article_id, sentenceId: r.sentence_id,
        evidence: { start: r.evidence_start, end: r.evidence_end }, sentence: { start: r.span_start, end: r.span_end },
        // Offsets are UTF-16 code units, as JavaScript slices; SQL substr counts characters.
        text: r.text.slice(r.evidence_start, r.evidence_end),
        article: { title: r.title, outlet: r.outlet, url: r.url, publishedDate: r.published_date, lang: r.lang as Lang },
      });
    }
  }
  return ids.map((id) => byId.get(id)).filter((r): r is EvidenceRow => r !== undefined);
}

/** The lower and the higher code of an event's pair: the expressions of index event_pair_links, written the same. */
const LO = sql`(CASE WHEN e.source < e.target THEN e.source ELSE e.target END)`;
const HI = sql`(CASE WHEN e.source < e.target THEN e.target ELSE e.source END)`;

/**
 * Every pair of actors linked by events in a window (asserted by default), with distinct events and summed
 * intensity. One distinct count per pair keeps the scan at about a sixth of a second per million reports;
 * the cooperative and conflictual figures are therefore counts of reports.
 */
export async function actorLinks(k: Kysely<StoreDatabase>, q: LinkQuery = {}): Promise<LinkRow[]> {
  const modalities = q.modalities && q.modalities.length > 0 ? q.modalities : ['asserted'];
  const rows = await sql<{ a: string; b: string; events: number; mentions: number; intensity: number; cooperative: number; conflictual: number }>`
    SELECT ${LO} AS a, ${HI} AS b, COUNT(DISTINCT COALESCE(e.cluster_id, -e.id)) AS events, COUNT(*) AS mentions,
      SUM(e.intensity) AS intensity,
      SUM(CASE WHEN e.intensity > 0 THEN 1 ELSE 0 END) AS cooperative, SUM(CASE WHEN e.intensity < 0 THEN 1 ELSE 0 END) AS conflictual
    FROM event e
    WHERE e.modality IN (${sql.join(modalities)}) AND ${windowFilter(q)}
    GROUP BY ${LO}, ${HI}`.execute(k);
  // A test of source against target would read the table; self-links (none are coded) are dropped here instead.
  return rows.rows.filter((r) => r.a !== r.b).map((r) => ({ a: r.a, b: r.b, events: Number(r.events), mentions: Number(r.mentions), intensity: Number(r.intensity),
    cooperativeReports: Number(r.cooperative), conflictualReports: Number(r.conflictual) }));
}

/** Which of these actor codes appear as the source or target of a stored event. */
export async function actorsPresent(k: Kysely<StoreDatabase>, codes: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const code of new Set(codes)) {
    const hit = await k.selectFrom('event').select('id').where((w) => w.or([w('source', '=', code), w('target', '=', code)])).limit(1)
      .executeTakeFirst();
    if (hit) out.push(code);
  }
  return out;
}
