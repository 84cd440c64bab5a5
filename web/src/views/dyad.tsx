/** The dyad explorer: two actors; per-domain cooperation–conflict over time, fact versus speech, direction, evidence. */
import { useState } from 'preact/hooks';
import { useApi } from '../api.js';
import { Chart } from '../components/chart.js';
import { ActorSelect, Bidi, Block, Dyad, Status } from '../components/common.js';
import { evidenceHref } from '../components/events.js';
import { signed } from '../format.js';
import { href, navigate, type Route } from '../router.js';
import type { ApiActor, DomainProfile, DyadProfile } from '../types.js';
import { Choice, DateField } from './events.js';

type Charts = typeof import('../charts/echarts.js');
const drawTrend = (m: Charts, el: HTMLElement, p: DyadProfile) => m.dyadTrendChart(el, p);
const drawFacts = (m: Charts, el: HTMLElement, p: DyadProfile) => m.factSpeechChart(el, p);
const drawDirection = (m: Charts, el: HTMLElement, p: DyadProfile) => m.directionChart(el, p);

/** The dyad explorer page. */
export function DyadView({ route, actors }: { route: Route; actors: ApiActor[] }) {
  const a = route.query.get('a') ?? actors[0]?.code ?? '';
  const b = route.query.get('b') ?? actors.find((x) => x.code !== a)?.code ?? '';
  const since = route.query.get('since') ?? '';
  const until = route.query.get('until') ?? '';
  const by = route.query.get('by') === 'week' ? 'week' : 'month';
  const set = (changes: Record<string, string>): void => navigate(href('dyad', { a, b, since, until, by, ...changes }), true);
  const ready = a !== '' && b !== '' && a !== b;
  const res = useApi<DyadProfile>(ready ? '/api/dyad' : null, { a, b, since, until, by });
  const p = res.data;
  return (
    <section class="view" data-view="dyad">
      <h1>Dyad explorer</h1>
      <form class="filters" data-testid="dyad-form" onSubmit={(e) => e.preventDefault()}>
        <ActorSelect id="dyad-a" label="actor A" actors={actors} value={a} onChange={(v) => set({ a: v })} />
        <button type="button" title="swap" aria-label="swap A and B" onClick={() => set({ a: b, b: a })}>⇄</button>
        <ActorSelect id="dyad-b" label="actor B" actors={actors} value={b} onChange={(v) => set({ b: v })} />
        <DateField id="dyad-since" label="since" value={since} onChange={(v) => set({ since: v })} />
        <DateField id="dyad-until" label="until" value={until} onChange={(v) => set({ until: v })} />
        <Choice id="dyad-by" label="periods" value={by} choices={['month', 'week']} any={false} onChange={(v) => set({ by: v })} />
      </form>
      {!ready ? <p class="empty">Choose two different actors.</p> : null}
      <Status loading={res.loading} error={res.error}>
        {p && ready ? <Profile p={p} /> : null}
      </Status>
    </section>
  );
}

function Profile({ p }: { p: DyadProfile }) {
  const active = p.domains.filter((d) => d.events > 0);
  const [domain, setDomain] = useState('all');
  const shown = domain === 'all' ? p.all : p.domains.find((d) => d.domain === domain) ?? p.all;
  return (
    <div data-testid="dyad-profile">
      <h2 class="dyad-title">
        <bdi>{p.a.name.en}</bdi> ↔ <bdi>{p.b.name.en}</bdi>{' '}
        <span class="muted">(<bdi lang="ar" dir="rtl">{p.a.name.ar}</bdi> ↔ <bdi lang="ar" dir="rtl">{p.b.name.ar}</bdi>)</span>
      </h2>
      <p class="summary">
        {p.all.events} distinct events in {p.articles} articles{p.window.first ? `, ${p.window.first} … ${p.window.last ?? ''}` : ''}.
        {' '}Balance of the acts: <strong class={tone(p.all.balance.mean)}>{signed(p.all.balance.mean)}</strong> on −10..+10
        {' '}({p.all.balance.cooperative} cooperative, {p.all.balance.conflictual} conflictual, {p.all.balance.neutral} neutral); trend: {p.all.trend.summary.tone}, activity {p.all.trend.summary.activity}.
        {' '}<a href={href('brief', { a: p.a.code, b: p.b.code, since: p.window.since ?? undefined, until: p.window.until ?? undefined })}>Brief for this dyad →</a>
      </p>
      {p.all.events === 0 ? <p class="empty">No events between these two actors in this window.</p> : (
        <>
          <Chart label="Cooperation–conflict over time: mean intensity of the acts per domain" data={p} draw={drawTrend} height={320} testId="trend-chart" />
          <div class="two-col">
            <Chart label="Fact versus speech per domain" data={p} draw={drawFacts} height={60 + 34 * (active.length + 1)} testId="fact-chart" />
            <Chart label="Direction per domain" data={p} draw={drawDirection} height={60 + 34 * (active.length + 1)} testId="direction-chart" />
          </div>
          <DomainTable p={p} />
          <h2>Evidence</h2>
          <label class="field inline" for="evidence-domain">
            <span>domain</span>
            <select id="evidence-domain" value={domain} onChange={(e) => setDomain(e.currentTarget.value)}>
              <option value="all">all domains</option>
              {active.map((d) => <option key={d.domain} value={d.domain}>{d.domain} ({d.events})</option>)}
            </select>
          </label>
          <EvidenceList d={shown} />
        </>
      )}
    </div>
  );
}

function tone(mean: number | null): string {
  return mean === null ? '' : mean > 0 ? 'coop' : mean < 0 ? 'conflict' : '';
}

function DomainTable({ p }: { p: DyadProfile }) {
  return (
    <table class="domains" data-testid="domain-table">
      <thead>
        <tr>
          <th scope="col">domain</th><th scope="col">events</th><th scope="col">acts</th><th scope="col">balance</th>
          <th scope="col">talk</th><th scope="col">denied</th>
          <th scope="col"><Dyad source={p.a.code} target={p.b.code} /></th><th scope="col"><Dyad source={p.b.code} target={p.a.code} /></th>
          <th scope="col">types</th>
        </tr>
      </thead>
      <tbody>
        {[p.all, ...p.domains.filter((d) => d.events > 0)].map((d) => (
          <tr key={d.domain} class={d.domain === 'all' ? 'total' : undefined}>
            <td>{d.domain === 'all' ? 'all domains' : d.domain}</td>
            <td>{d.events}</td>
            <td>{d.balance.acts}</td>
            <td class={tone(d.balance.mean)}>{signed(d.balance.mean)}</td>
            <td>{d.balance.talk.events}</td>
            <td>{d.factVsSpeech.byModality.negated ?? 0}</td>
            <td>{d.direction[0]?.events ?? 0}</td>
            <td>{d.direction[1]?.events ?? 0}</td>
            <td class="small">{d.types.map((t) => `${t.type} ${t.events}`).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EvidenceList({ d }: { d: DomainProfile }) {
  if (d.evidence.length === 0) return <p class="empty">No evidence in this domain.</p>;
  return (
    <ol class="evidence-list" data-testid="evidence-list">
      {d.evidence.map((e) => (
        <li key={`${e.eventId}-${e.evidence.start}`}>
          <div class="small muted">
            {e.eventDate ?? 'undated'} · <Dyad source={e.source} target={e.target} /> · {e.type} ·{' '}
            <span class={`modality m-${e.modality}`}>{e.modality}</span> · intensity {signed(e.intensity)}
            {e.reports.articles > 1 ? ` · ${e.reports.articles} articles` : ''}
            {e.article.outlet ? <> · <Bidi text={e.article.outlet} lang={e.article.lang} /></> : null}
          </div>
          <a href={evidenceHref(e)} class="evidence-link"><Block text={e.text} lang={e.article.lang} /></a>
        </li>
      ))}
    </ol>
  );
}
