/**
 * The dyad profile: a relationship assessed domain by domain from coded events (docs/analytics.md).
 *
 * The store groups the dyad's reports by event (cluster) in SQL; this module counts those events per domain:
 * by type, fact versus speech, the cooperation–conflict balance, direction, a trend per week or month, and
 * the strongest evidence sentences. An event is counted once however many articles report it.
 *
 * Balance: the mean intensity (−10..+10, docs/intensity.md) of the asserted events, an event's intensity
 * being the mean of its reports'. Modality weights in the balance: asserted 1, every other modality 0 — a
 * denied, announced, possible or called-for act is no act. The tone of the talk (future, speculative,
 * normative) is reported apart and never mixed in.
 */
import { DOMAINS, EVENT_TYPES, MODALITIES, type Domain, type EventType, type Modality } from '../core/types.js';
import type { DateWindow, OutletRow } from '../store/analytics.types.js';
import type { Store } from '../store/store.js';
import { actorRef, assertKnownActors, type ActorRef } from './actors.js';
import { firstReportIn, mergeEvents, type DyadEvent } from './dyad-events.js';
import { compareStrength, groupOf, type Evidence, type EvidenceGroup, type Strength } from './evidence.js';
import { emptyPoint, periodOf, periodsBetween, splitOf, summarize, type PeriodPoint, type TrendSummary } from './trend.js';
import { checkPair, checkWindow, type Period } from './window.js';

/** Options of {@link dyadProfile}; all optional. */
export interface DyadOptions {
  /** Event dates on or after this day (YYYY-MM-DD). */
  since?: string;
  /** Event dates on or before this day (YYYY-MM-DD). */
  until?: string;
  /** Trend periods (default 'month'). */
  by?: Period;
  /** Evidence kept per domain, group (cooperative, conflictual, neutral, talk, negated), half of the period and direction (default 2). */
  evidencePerGroup?: number;
}

/** A domain, or 'all' for every event counted once whatever its domains. */
export type DomainKey = Domain | 'all';

/** Events by modality, and the shares of fact (asserted), talk (future, speculative, normative) and denial (negated). */
export interface FactVsSpeech {
  events: number;
  byModality: Record<Modality, number>;
  /** Shares of the events in [0, 1]; null without events. */
  assertedShare: number | null;
  talkShare: number | null;
  negatedShare: number | null;
}

/** The cooperation–conflict balance of the acts (asserted events), with the tone of the talk kept apart. */
export interface Balance {
  /** Asserted events. */
  acts: number;
  /** Sum of their intensities. */
  sum: number;
  /** Mean intensity of the acts in −10..+10 (null without acts). */
  mean: number | null;
  /** Acts with positive, negative and zero intensity. */
  cooperative: number;
  conflictual: number;
  neutral: number;
  /** Future, speculative and normative events: how many, and the mean intensity of what they announce or call for. */
  talk: { events: number; mean: number | null };
}

/** Events of one type, and how many of them were asserted. */
export interface TypeCount {
  type: EventType;
  events: number;
  acts: number;
}

/** Events from one side to the other: the direction of each event's first report (joint acts included). */
export interface DirectionCount {
  source: string;
  target: string;
  events: number;
  acts: number;
}

/** The profile of one domain (or of all domains together). */
export interface DomainProfile {
  domain: DomainKey;
  /** Distinct real-world events, every modality. */
  events: number;
  /** Reports of them (event mentions). */
  mentions: number;
  types: TypeCount[];
  factVsSpeech: FactVsSpeech;
  balance: Balance;
  /** A→B, then B→A. */
  direction: [DirectionCount, DirectionCount];
  trend: { periods: PeriodPoint[]; summary: TrendSummary };
  /** Evidence, strongest first (acts before talk and denials); each event once, by its first report in the domain. */
  evidence: Evidence[];
}

/** What one outlet reported of the dyad: its reports (mentions), not distinct events. */
export interface OutletProfile {
  /** The outlet's name, or null when its articles name none. */
  outlet: string | null;
  articles: number;
  reports: number;
  /** Fact versus speech over its reports. */
  factVsSpeech: FactVsSpeech;
  /** Per domain: its reports, and how many of them assert an act. */
  domains: Partial<Record<Domain, { reports: number; acts: number }>>;
}

/** A dyad's profile. */
export interface DyadProfile {
  a: ActorRef;
  b: ActorRef;
  /**
   * The window asked for; the first and last event dates in it; and the span of the trend: the reporting
   * period (first to last publication date of the reports) within the window, whose weeks or months are the
   * trend's periods. Events dated outside them (background such as "since 2015", plans for next year) count
   * in every total but in no period.
   */
  window: { since: string | null; until: string | null; by: Period; first: string | null; last: string | null; trendFrom: string | null; trendTo: string | null };
  /** Every event once, whatever its domains. */
  all: DomainProfile;
  /** One profile per domain, in the order of DOMAINS, including those without events. */
  domains: DomainProfile[];
  /** Outlets, most reports first. */
  outlets: OutletProfile[];
  /** Articles reporting the dyad's events. */
  articles: number;
}

function modalityCounts(): Record<Modality, number> {
  return Object.fromEntries(MODALITIES.map((m) => [m, 0])) as Record<Modality, number>;
}

/** Fact versus speech of counts by modality. */
export function factVsSpeech(byModality: Record<Modality, number>): FactVsSpeech {
  const events = MODALITIES.reduce((t, m) => t + byModality[m], 0);
  const share = (n: number): number | null => (events > 0 ? n / events : null);
  return {
    events, byModality,
    assertedShare: share(byModality.asserted),
    talkShare: share(byModality.future + byModality.speculative + byModality.normative),
    negatedShare: share(byModality.negated),
  };
}

interface Candidate {
  strength: Strength;
  group: EvidenceGroup;
  half: Evidence['half'];
}

const GROUPS: readonly EvidenceGroup[] = ['cooperative', 'conflictual', 'neutral', 'talk', 'negated'];
const HALVES: ReadonlyArray<Evidence['half']> = ['earlier', 'later', null];

/** The evidence partition of an event: its group, half of the period and direction, as one number. */
function partition(group: EvidenceGroup, half: Evidence['half'], fromA: boolean): number {
  return (GROUPS.indexOf(group) * HALVES.length + HALVES.indexOf(half)) * 2 + (fromA ? 0 : 1);
}

/** Counts of one domain, filled event by event. */
class DomainTally {
  events = 0;
  mentions = 0;
  readonly byModality = modalityCounts();
  readonly types = new Map<EventType, TypeCount>();
  readonly dir: [DirectionCount, DirectionCount];
  readonly balance: Balance = { acts: 0, sum: 0, mean: null, cooperative: 0, conflictual: 0, neutral: 0, talk: { events: 0, mean: null } };
  talkSum = 0;
  readonly points: PeriodPoint[];
  /** The strongest candidates of each evidence partition (see {@link partition}), strongest first. */
  readonly candidates: Candidate[][] = [];

  /** This domain's index into DOMAINS (-1 for all). */
  private readonly slot: number;
  /** The strength of the event on offer, before it is kept. */
  private readonly probe: Strength = { asserted: false, intensity: 0, reports: 0, date: null, id: 0 };

  constructor(readonly domain: DomainKey, a: string, b: string, periods: readonly string[], private readonly perGroup: number) {
    this.slot = domain === 'all' ? -1 : DOMAINS.indexOf(domain);
    this.dir = [{ source: a, target: b, events: 0, acts: 0 }, { source: b, target: a, events: 0, acts: 0 }];
    this.points = periods.map(emptyPoint);
  }

  add(e: DyadEvent, at: number | undefined, group: EvidenceGroup, half: Evidence['half'], part: number): void {
    this.events++;
    this.mentions += e.mentions;
    this.byModality[e.modality]++;
    let t = this.types.get(e.type);
    if (!t) this.types.set(e.type, (t = { type: e.type, events: 0, acts: 0 }));
    t.events++;
    const d = e.fromA ? this.dir[0] : this.dir[1];
    d.events++;
    const p = at === undefined ? undefined : this.points[at];
    if (e.modality === 'asserted') {
      t.acts++;
      d.acts++;
      const bal = this.balance;
      bal.acts++;
      bal.sum += e.intensity;
      if (e.intensity > 0) bal.cooperative++;
      else if (e.intensity < 0) bal.conflictual++;
      else bal.neutral++;
      if (p) {
        p.acts++;
        p.intensity += e.intensity;
      }
    } else if (e.modality === 'negated') {
      if (p) p.negated++;
    } else {
      this.balance.talk.events++;
      this.talkSum += e.intensity;
      if (p) p.talk++;
    }
    const id = firstReportIn(e, this.slot);
    if (id !== undefined) this.offer(part, e, id, group, half);
  }

  /** Keep the `perGroup` strongest candidates of a partition, in order (an insertion into a list of a few). */
  private offer(part: number, e: DyadEvent, id: number, group: EvidenceGroup, half: Evidence['half']): void {
    let list = this.candidates[part];
    if (!list) this.candidates[part] = list = [];
    // Most events are weaker than the partition's weakest candidate: they are compared without an allocation.
    const probe = this.probe;
    probe.asserted = e.modality === 'asserted';
    probe.intensity = e.intensity;
    probe.reports = e.mentions;
    probe.date = e.day;
    probe.id = id;
    let at = list.length;
    while (at > 0 && compareStrength(probe, (list[at - 1] as Candidate).strength) < 0) at--;
    if (at >= this.perGroup) return;
    list.splice(at, 0, { strength: { ...probe }, group, half });
    if (list.length > this.perGroup) list.pop();
  }

  /** The candidates of every partition, strongest first. */
  chosen(): Candidate[] {
    return this.candidates.flat().sort((x, y) => compareStrength(x.strength, y.strength));
  }

  profile(evidence: Evidence[]): DomainProfile {
    const bal = this.balance;
    bal.mean = bal.acts > 0 ? bal.sum / bal.acts : null;
    bal.talk.mean = bal.talk.events > 0 ? this.talkSum / bal.talk.events : null;
    for (const p of this.points) p.mean = p.acts > 0 ? p.intensity / p.acts : null;
    return {
      domain: this.domain, events: this.events, mentions: this.mentions,
      types: [...this.types.values()].sort((x, y) => y.events - x.events || EVENT_TYPES.indexOf(x.type) - EVENT_TYPES.indexOf(y.type)),
      factVsSpeech: factVsSpeech(this.byModality), balance: bal, direction: this.dir,
      trend: { periods: this.points, summary: summarize(this.points) },
      evidence,
    };
  }
}

function outletProfiles(rows: readonly OutletRow[]): OutletProfile[] {
  const by = new Map<string, OutletProfile & { byModality: Record<Modality, number> }>();
  for (const r of rows) {
    let o = by.get(r.outlet);
    if (!o) {
      o = { outlet: r.outlet || null, articles: 0, reports: 0, factVsSpeech: factVsSpeech(modalityCounts()), domains: {}, byModality: modalityCounts() };
      by.set(r.outlet, o);
    }
    if (r.modality === null) {
      o.articles = r.articles;
      o.reports = r.reports;
      continue;
    }
    o.byModality[r.modality as Modality] += r.reports;
    for (const d of (r.domains ?? '').split(';')) {
      if (!(DOMAINS as readonly string[]).includes(d)) continue;
      const c = o.domains[d as Domain] ?? { reports: 0, acts: 0 };
      c.reports += r.reports;
      if (r.modality === 'asserted') c.acts += r.reports;
      o.domains[d as Domain] = c;
    }
  }
  return [...by.values()]
    .map(({ byModality, ...o }) => ({ ...o, factVsSpeech: factVsSpeech(byModality) }))
    .sort((x, y) => y.reports - x.reports || (x.outlet ?? '').localeCompare(y.outlet ?? ''));
}

/** The span of the trend: the reports' publication dates (else the event dates), within the window. */
function trendSpan(w: DateWindow, outlets: readonly OutletRow[], events: readonly DyadEvent[]): [string | null, string | null] {
  const summaries = outlets.filter((r) => r.modality === null);
  const pick = (dates: Array<string | null>, last: boolean): string | null => {
    const known = dates.filter((d): d is string => d !== null).sort();
    return (last ? known[known.length - 1] : known[0]) ?? null;
  };
  let from = pick(summaries.map((r) => r.firstPublished), false) ?? pick(events.map((e) => e.day), false);
  let to = pick(summaries.map((r) => r.lastPublished), true) ?? pick(events.map((e) => e.day), true);
  if (from && w.since && from < w.since) from = w.since;
  if (to && w.until && to > w.until) to = w.until;
  return from && to && from <= to ? [from, to] : [null, null];
}

/**
 * Profile the relationship of actors `a` and `b` in a date window: per domain, events by type, fact versus
 * speech, the cooperation–conflict balance of the acts, direction, the trend per week or month, and the
 * strongest evidence; per outlet, fact versus speech.
 * @throws MizanError MIZAN_E_NOT_FOUND for an unknown actor code; MIZAN_E_USAGE for bad dates or a pair of one actor.
 */
export async function dyadProfile(store: Store, a: string, b: string, opts: DyadOptions = {}): Promise<DyadProfile> {
  checkPair(a, b);
  const window = checkWindow(opts);
  const by = opts.by ?? 'month';
  await assertKnownActors(store, [a, b]);
  const query = { a, b, ...window };
  const events = mergeEvents(await store.dyadEvents(query));
  const outletRows = await store.dyadOutlets(query);
  const [trendFrom, trendTo] = trendSpan(window, outletRows, events);
  const periods = trendFrom && trendTo ? periodsBetween(trendFrom, trendTo, by) : [];
  const index = new Map(periods.map((p, i) => [p, i]));
  const split = splitOf(periods);
  const all = new DomainTally('all', a, b, periods, opts.evidencePerGroup ?? 2);
  const perDomain = DOMAINS.map((d) => new DomainTally(d, a, b, periods, opts.evidencePerGroup ?? 2));
  let first: string | null = null;
  let last: string | null = null;
  // The period of each day, looked up once per day rather than once per event.
  const periodAt = new Map<string, number | undefined>();
  for (const e of events) {
    let at: number | undefined;
    if (e.day !== null) {
      if (periodAt.has(e.day)) at = periodAt.get(e.day);
      else periodAt.set(e.day, (at = index.get(periodOf(e.day, by))));
    }
    const half = split && e.day ? (e.day < split ? 'earlier' : 'later') : null;
    const group = groupOf(e.modality, e.intensity);
    const part = partition(group, half, e.fromA);
    all.add(e, at, group, half, part);
    for (const d of e.domains) perDomain[d]?.add(e, at, group, half, part);
    if (e.day !== null) {
      if (first === null || e.day < first) first = e.day;
      if (last === null || e.day > last) last = e.day;
    }
  }
  const tallies = [all, ...perDomain];
  const chosen = tallies.map((t) => t.chosen());
  const rows = new Map((await store.evidenceRows(chosen.flat().map((c) => c.strength.id))).map((r) => [r.eventId, r]));
  const profiles = tallies.map((t, i) => t.profile((chosen[i] ?? []).flatMap((c) => {
    const row = rows.get(c.strength.id);
    return row ? [{ ...row, group: c.group, half: c.half }] : [];
  })));
  const outlets = outletProfiles(outletRows);
  return {
    a: actorRef(a), b: actorRef(b),
    window: { since: window.since ?? null, until: window.until ?? null, by, first, last, trendFrom, trendTo },
    all: profiles[0] as DomainProfile,
    domains: profiles.slice(1),
    outlets,
    articles: outlets.reduce((t, o) => t + o.articles, 0),
  };
}
