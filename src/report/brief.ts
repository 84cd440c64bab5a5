/**
 * The analyst brief on a dyad: an overview, one section per domain (what was reported, how it trends, fact
 * versus speech, quotes), and the regional alignment around the dyad — every claim followed by the
 * evidence sentences it rests on (outlet, date, sentence, link, article id and offsets). Claims are made
 * only from counts of coded events; a domain without events says so, and a trend is stated only when both
 * halves of the period hold acts. Render with {@link toMarkdown} or {@link toHtml}; the brief is JSON as it is.
 */
import { actorName, type NameLang } from '../analytics/actors.js';
import { dyadProfile, type DomainProfile, type DyadProfile } from '../analytics/dyad.js';
import type { Evidence } from '../analytics/evidence.js';
import { pickEvidence } from '../analytics/evidence.js';
import { alignmentNetwork, type Network } from '../analytics/network.js';
import type { ThirdParty } from '../analytics/third-party.js';
import type { Domain } from '../core/types.js';
import type { EvidenceRow } from '../store/analytics.types.js';
import type { Store } from '../store/store.js';
import { AR } from './phrases.ar.js';
import { EN } from './phrases.en.js';
import type { Phrases } from './phrases.js';

export { toHtml } from './html.js';
export { toMarkdown } from './markdown.js';

/** Options of {@link buildBrief}. */
export interface BriefOptions {
  lang: NameLang;
  /** Event dates on or after this day (YYYY-MM-DD). */
  since?: string;
  /** Event dates on or before this day (YYYY-MM-DD). */
  until?: string;
  /** Third parties described in the alignment section (default 6). */
  parties?: number;
}

/** One evidence sentence as the brief cites it. */
export interface Citation {
  /** Its number in the brief ([1], [2], ...). */
  n: number;
  outlet: string | null;
  /** Publication date of the article. */
  published: string | null;
  /** Date of the event. */
  eventDate: string | null;
  /** The sentence, exactly as it stands in the article text at [start, end). */
  text: string;
  url: string | null;
  articleId: number;
  sentenceId: number;
  /** UTF-16 offsets of the evidence in the article text. */
  start: number;
  end: number;
  lang: string;
  /** Outlet, date, article and offsets in the brief's language. */
  where: string;
  /** The event the sentence carries. */
  event: { id: number; source: string; target: string; type: string; modality: string; intensity: number };
}

/** A statement of the brief and the citations it rests on (none only for statements that nothing was found). */
export interface Claim {
  text: string;
  cites: number[];
}

/** A section: a title, its claims, and quotations (citation numbers). */
export interface BriefSection {
  id: string;
  title: string;
  claims: Claim[];
  quotes: number[];
}

/** Figures of one domain for the overview table. */
export interface DomainRow {
  domain: Domain;
  title: string;
  events: number;
  acts: number;
  talk: number;
  negated: number;
  /** Mean intensity of the acts (null without acts). */
  mean: number | null;
}

/** The brief. */
export interface Brief {
  lang: NameLang;
  dir: 'ltr' | 'rtl';
  title: string;
  /** What the brief covers ("Reporting published 3 June – 28 October 2026"). */
  scope: string;
  dyad: { a: { code: string; name: string }; b: { code: string; name: string } };
  window: DyadProfile['window'];
  overview: BriefSection;
  table: DomainRow[];
  domains: Array<BriefSection & { domain: Domain; events: number }>;
  alignment: BriefSection;
  method: { title: string; notes: string[] };
  headings: Phrases['heading'];
  citations: Citation[];
}

/** Citations numbered in order of first use, one per sentence. */
class Citations {
  readonly list: Citation[] = [];
  private readonly bySpan = new Map<string, number>();

  constructor(private readonly ph: Phrases) {}

  /** The numbers of these evidence rows (added when new); undefined rows are skipped. */
  cite(...rows: Array<EvidenceRow | undefined>): number[] {
    const out: number[] = [];
    for (const r of rows) {
      if (!r) continue;
      const key = `${r.articleId}:${r.evidence.start}:${r.evidence.end}`;
      let n = this.bySpan.get(key);
      if (n === undefined) {
        n = this.list.length + 1;
        this.bySpan.set(key, n);
        this.list.push({
          n, outlet: r.article.outlet, published: r.article.publishedDate, eventDate: r.eventDate, text: r.text, url: r.article.url,
          articleId: r.articleId, sentenceId: r.sentenceId, start: r.evidence.start, end: r.evidence.end, lang: r.article.lang,
          where: this.ph.source({ outlet: r.article.outlet, date: r.article.publishedDate, articleId: r.articleId, start: r.evidence.start, end: r.evidence.end }),
          event: { id: r.eventId, source: r.source, target: r.target, type: r.type, modality: r.modality, intensity: r.intensity },
        });
      }
      if (!out.includes(n)) out.push(n);
    }
    return out;
  }
}

const isAct = (e: Evidence): boolean => e.modality === 'asserted';
const isTalk = (e: Evidence): boolean => e.group === 'talk';

function best(list: readonly Evidence[], keep: (e: Evidence) => boolean): Evidence | undefined {
  return list.find(keep);
}

/** The claims every domain profile (and the overview) makes: composition, fact vs speech, balance, trend, direction. */
function profileClaims(p: DomainProfile, ph: Phrases, c: Citations, names: { a: string; b: string; codeA: string }, by: 'week' | 'month'): Claim[] {
  const ev = p.evidence;
  const claims: Claim[] = [];
  const f = p.factVsSpeech.byModality;
  claims.push({
    text: ph.factVsSpeech({ events: p.events, acts: f.asserted, future: f.future, speculative: f.speculative, normative: f.normative, negated: f.negated }),
    cites: c.cite(best(ev, isAct), best(ev, isTalk), best(ev, (e) => e.group === 'negated')),
  });
  const bal = p.balance;
  if (bal.acts > 0 && bal.mean !== null) {
    claims.push({
      text: ph.balance({ acts: bal.acts, mean: bal.mean, cooperative: bal.cooperative, conflictual: bal.conflictual, neutral: bal.neutral }),
      cites: c.cite(best(ev, (e) => e.group === 'cooperative'), best(ev, (e) => e.group === 'conflictual'), best(ev, (e) => e.group === 'neutral')),
    });
  }
  const s = p.trend.summary;
  if (s.tone === 'insufficient' && s.activity === 'insufficient') {
    if (bal.acts > 0) claims.push({ text: ph.trendTooFew(s), cites: c.cite(best(ev, isAct)) });
  } else {
    claims.push({ text: ph.trend(s, by), cites: c.cite(best(ev, (e) => isAct(e) && e.half === 'earlier'), best(ev, (e) => isAct(e) && e.half === 'later')) });
  }
  const [ab, ba] = p.direction;
  claims.push({
    text: ph.direction({ a: names.a, b: names.b, aToB: ab.events, aActs: ab.acts, bToA: ba.events, bActs: ba.acts }),
    cites: c.cite(best(ev, (e) => e.source === names.codeA), best(ev, (e) => e.source !== names.codeA)),
  });
  return claims;
}

async function partyEvidence(store: Store, window: { since?: string; until?: string }, a: string, b: string, parties: ThirdParty[]): Promise<Map<string, EvidenceRow>> {
  const wanted: Array<{ key: string; pairs: Array<[string, string]>; sign: 'cooperative' | 'conflictual' }> = [];
  for (const p of parties) {
    for (const [side, t] of [[a, p.withA], [b, p.withB]] as const) {
      if (t && t.weight !== 0) wanted.push({ key: `${p.code}|${side}`, pairs: [[p.code, side], [side, p.code]], sign: t.weight > 0 ? 'cooperative' : 'conflictual' });
    }
  }
  const out = new Map<string, EvidenceRow>();
  const ids: Array<{ key: string; id: number }> = [];
  for (const w of wanted) {
    for (const id of await store.strongestActs({ ...window, pairs: w.pairs, sign: w.sign, limit: 1 })) ids.push({ key: w.key, id });
  }
  const rows = new Map((await store.evidenceRows(ids.map((x) => x.id))).map((r) => [r.eventId, r]));
  for (const { key, id } of ids) {
    const r = rows.get(id);
    const seen = out.get(key);
    if (r && (!seen || Math.abs(r.intensity) > Math.abs(seen.intensity))) out.set(key, r);
  }
  return out;
}

function alignmentSection(net: Network, ph: Phrases, lang: NameLang, c: Citations, codes: { a: string; b: string }, link: Evidence | undefined,
  evidence: Map<string, EvidenceRow>, parties: ThirdParty[]): BriefSection {
  const name = (code: string): string => actorName(code, lang);
  const [A, B] = [name(codes.a), name(codes.b)];
  const claims: Claim[] = [];
  const nodeA = net.nodes.find((n) => n.code === codes.a);
  const nodeB = net.nodes.find((n) => n.code === codes.b);
  if (!nodeA && !nodeB) {
    claims.push({ text: ph.networkMissing(A, B), cites: [] });
    return { id: 'alignment', title: ph.heading.alignment, claims, quotes: [] };
  }
  const mates = (code: string, bloc: number | undefined): string[] => (bloc === undefined ? [] : (net.blocs[bloc]?.members ?? [])
    .filter((m) => m !== codes.a && m !== codes.b && m !== code).slice(0, 6).map(name));
  const same = nodeA !== undefined && nodeB !== undefined && nodeA.bloc === nodeB.bloc;
  const partyCites = (code: string): number[] => c.cite(evidence.get(`${code}|${codes.a}`), evidence.get(`${code}|${codes.b}`));
  const mateCodes = same ? (net.blocs[nodeA.bloc]?.members ?? []) : [];
  claims.push({
    text: ph.blocs({ same, a: A, b: B, matesA: mates(codes.a, nodeA?.bloc), matesB: mates(codes.b, nodeB?.bloc), nodes: net.nodes.length, edges: net.edges.length }),
    cites: [...c.cite(link), ...mateCodes.filter((m) => parties.some((p) => p.code === m)).slice(0, 2).flatMap(partyCites)],
  });
  for (const p of parties) {
    claims.push({
      text: ph.party({ name: name(p.code), a: A, b: B, withA: p.withA, withB: p.withB, stance: p.stance, balanced: p.balanced }),
      cites: partyCites(p.code),
    });
  }
  const triads = net.dyad?.parties.filter((p) => p.balanced !== null) ?? [];
  if (triads.length > 0) {
    claims.push({
      text: ph.triads({ a: A, b: B, balanced: triads.filter((p) => p.balanced).length, total: triads.length }),
      cites: [...c.cite(link), ...triads.slice(0, 2).flatMap((p) => partyCites(p.code))],
    });
  }
  return { id: 'alignment', title: ph.heading.alignment, claims: claims.map((x) => ({ ...x, cites: [...new Set(x.cites)] })), quotes: [] };
}

/**
 * Build the brief on actors `a` and `b`: their dyad profile and the alignment network of the same window,
 * written in Arabic or English, every claim with its citations.
 * @throws MizanError MIZAN_E_NOT_FOUND for an unknown actor code; MIZAN_E_USAGE for bad dates or a pair of one actor.
 */
export async function buildBrief(store: Store, a: string, b: string, opts: BriefOptions): Promise<Brief> {
  const lang = opts.lang;
  const ph = lang === 'ar' ? AR : EN;
  const window = { ...(opts.since ? { since: opts.since } : {}), ...(opts.until ? { until: opts.until } : {}) };
  const profile = await dyadProfile(store, a, b, { ...window, by: 'month' });
  const net = await alignmentNetwork(store, { ...window, dyad: [a, b] });
  const [A, B] = [actorName(a, lang), actorName(b, lang)];
  const names = { a: A, b: B, codeA: a };
  const c = new Citations(ph);
  const all = profile.all;
  const overview: Claim[] = [];
  const sectionOf = (p: DomainProfile): BriefSection & { domain: Domain; events: number } => {
    const d = p.domain as Domain;
    const base = { id: d, domain: d, events: p.events, title: ph.domainTitle(d) };
    if (p.events === 0) return { ...base, claims: [{ text: ph.domainNone(A, B, d), cites: [] }], quotes: [] };
    const types = p.types.map((t) => [t.type, t.events] as [typeof t.type, number]);
    const claims = [{ text: ph.domainTypes(p.events, types), cites: c.cite(...pickEvidence(p.evidence, 3)) }, ...profileClaims(p, ph, c, names, 'month')];
    return { ...base, claims, quotes: c.cite(...pickEvidence(p.evidence, 3)) };
  };
  if (all.events === 0) {
    overview.push({ text: ph.noEvents(A, B), cites: [] });
  } else {
    overview.push({
      text: ph.total({ a: A, b: B, events: all.events, mentions: all.mentions, articles: profile.articles, outlets: profile.outlets.length }),
      cites: c.cite(...pickEvidence(all.evidence, 3)),
    });
    overview.push(...profileClaims(all, ph, c, names, 'month'));
    const ranked = profile.domains.filter((p) => p.events > 0).sort((x, y) => y.events - x.events);
    overview.push({
      text: ph.domainsRanked(ranked.slice(0, 3).map((p) => [p.domain as Domain, p.events]), profile.domains.filter((p) => p.events === 0).map((p) => p.domain as Domain)),
      cites: c.cite(...ranked.slice(0, 3).map((p) => p.evidence[0])),
    });
  }
  const domains = profile.domains.map(sectionOf);
  const parties = (net.dyad?.parties ?? []).slice(0, opts.parties ?? 6);
  const link = net.dyad?.link;
  const linkEvidence = link ? best(all.evidence, (e) => e.group === (link.weight >= 0 ? 'cooperative' : 'conflictual')) : undefined;
  const alignment = alignmentSection(net, ph, lang, c, { a, b }, linkEvidence, await partyEvidence(store, window, a, b, parties), parties);
  return {
    lang, dir: ph.dir, title: ph.title(A, B),
    scope: ph.scope(profile.window.since, profile.window.until, profile.window.trendFrom, profile.window.trendTo),
    dyad: { a: { code: a, name: A }, b: { code: b, name: B } },
    window: profile.window,
    overview: { id: 'overview', title: ph.heading.overview, claims: overview, quotes: [] },
    table: profile.domains.map((p) => ({
      domain: p.domain as Domain, title: ph.domainTitle(p.domain as Domain), events: p.events, acts: p.balance.acts,
      talk: p.balance.talk.events, negated: p.factVsSpeech.byModality.negated, mean: p.balance.mean,
    })),
    domains, alignment,
    method: { title: ph.heading.method, notes: ph.method },
    headings: ph.heading,
    citations: c.list,
  };
}
