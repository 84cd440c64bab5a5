/**
 * The alignment network: actors linked by the balance of their acts (green cooperative, red conflictual),
 * coloured by bloc; click an actor (on the graph or in the list) for its partners and adversaries; a time
 * slider picks the window.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useApi } from '../api.js';
import { Status } from '../components/common.js';
import { blocColour, signed } from '../format.js';
import { href, navigate, type Route } from '../router.js';
import type { ApiStats } from '../types.js';
import { toGraph, type ApiNetwork, type NetworkGraph, type Tie } from './network-data.js';

type GraphModule = typeof import('../charts/network-graph.js');

let loading: Promise<GraphModule> | undefined;
function graphModule(): Promise<GraphModule> {
  loading ??= Promise.all([import('../charts/network-graph.js'), document.fonts.ready]).then(([m]) => m);
  return loading;
}

const WINDOWS = [['0', 'everything up to then'], ['1', 'that month'], ['3', '3 months'], ['6', '6 months']] as const;

/** The months from one date to another (YYYY-MM). */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  const end = last.slice(0, 7);
  for (let guard = 0; guard < 600; guard++) {
    const p = `${y}-${String(m).padStart(2, '0')}`;
    out.push(p);
    if (p >= end) break;
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** The first month of a window of `months` ending with `until` (YYYY-MM). */
function windowStart(until: string, months: number): string {
  let [y, m] = [Number(until.slice(0, 4)), Number(until.slice(5, 7)) - months + 1];
  while (m < 1) [y, m] = [y - 1, m + 12];
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** The network page. */
export function NetworkView({ route }: { route: Route }) {
  const stats = useApi<ApiStats>('/api/stats');
  const s = stats.data;
  const months = useMemo(() => (s?.articles.firstDate && s.articles.lastDate ? monthsBetween(s.articles.firstDate, s.articles.lastDate) : []), [s]);
  const until = route.query.get('until') ?? months[months.length - 1] ?? '';
  const span = route.query.get('months') ?? '0';
  const since = until && span !== '0' ? windowStart(until, Number(span)) : undefined;
  const selected = route.query.get('actor') ?? '';
  const set = (changes: Record<string, string>): void => navigate(href('network', { until, months: span, actor: selected, ...changes }), true);
  const net = useApi<ApiNetwork>(s ? '/api/network' : null, { since, until: until || undefined });
  const graph = useMemo(() => (net.data ? toGraph(net.data) : undefined), [net.data]);
  const index = months.indexOf(until);
  return (
    <section class="view" data-view="network">
      <h1>Alignment network</h1>
      <form class="filters slider" data-testid="network-form" onSubmit={(e) => e.preventDefault()}>
        <label class="field" for="net-until">
          <span>up to <strong data-testid="net-until-label">{until || '…'}</strong></span>
          <input id="net-until" type="range" min={0} max={Math.max(0, months.length - 1)} step={1} value={index < 0 ? months.length - 1 : index}
            disabled={months.length < 2}
            onChange={(e) => set({ until: months[Number(e.currentTarget.value)] ?? until })} />
        </label>
        <label class="field" for="net-months">
          <span>window</span>
          <select id="net-months" value={span} onChange={(e) => set({ months: e.currentTarget.value })}>
            {WINDOWS.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
          </select>
        </label>
        <span class="muted small">{since ? `${since} … ${until}` : `… ${until}`}</span>
      </form>
      <Status loading={stats.loading || net.loading} error={stats.error ?? net.error}>
        {graph ? <NetworkPanel graph={graph} selected={selected} onSelect={(code) => set({ actor: code ?? '' })} /> : null}
      </Status>
    </section>
  );
}

function NetworkPanel({ graph, selected, onSelect }: { graph: NetworkGraph; selected: string; onSelect: (code: string | null) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const drawn = useRef<{ select(code: string | null): void; dispose(): void } | undefined>(undefined);
  const [failed, setFailed] = useState<string>();
  const select = useRef(onSelect);
  select.current = onSelect;
  useEffect(() => {
    let live = true;
    graphModule().then((m) => {
      if (!live || !ref.current) return;
      drawn.current = m.drawNetwork(ref.current, graph.nodes, graph.edges, (code) => select.current(code));
      drawn.current.select(selected || null);
    }, (err: unknown) => setFailed(String(err)));
    return () => {
      live = false;
      drawn.current?.dispose();
      drawn.current = undefined;
    };
  }, [graph]);
  useEffect(() => drawn.current?.select(selected || null), [selected]);
  const node = graph.nodes.find((n) => n.code === selected);
  const ties = node ? graph.ties.get(node.code) : undefined;
  return (
    <div class="network">
      <div>
        {failed ? <div class="error">The graph cannot be drawn: {failed}</div> : null}
        {graph.nodes.length === 0 ? <p class="empty">No links between actors in this window.</p> : null}
        <div ref={ref} class="graph" data-testid="network-graph" role="img" aria-label="alignment graph" />
        <p class="legend small">
          <span><span class="swatch" style={{ background: '#2a7a4b' }} />cooperative link</span>
          <span><span class="swatch" style={{ background: '#b23a48' }} />conflictual link</span>
          <span>node colour: bloc; size: events</span>
        </p>
      </div>
      <aside data-testid="network-side">
        {node ? (
          <div data-testid="actor-panel">
            <h2><bdi>{node.code}</bdi> <bdi>{ties?.name.en}</bdi> <bdi lang="ar" dir="rtl" class="muted">{ties?.name.ar}</bdi></h2>
            <p class="small muted">{node.events} events{node.bloc !== null ? ` · bloc ${node.bloc + 1}` : ''}</p>
            <h3>Partners</h3>
            <LinkList from={node.code} ties={ties?.partners ?? []} testId="partners" />
            <h3>Adversaries</h3>
            <LinkList from={node.code} ties={ties?.adversaries ?? []} testId="adversaries" />
            <button type="button" onClick={() => onSelect(null)}>clear</button>
          </div>
        ) : <p class="muted">Click an actor to see its partners and adversaries.</p>}
        <p class="small muted" data-testid="balance">
          {graph.balance.triads} triads, {graph.balance.balanced} balanced{graph.balance.share !== null ? ` (${Math.round(graph.balance.share * 100)} %)` : ''}
        </p>
        <h3>Blocs</h3>
        <ol class="blocs" data-testid="bloc-list">
          {graph.blocs.map((b, i) => (
            <li key={i}>
              <span class="swatch" style={{ background: blocColour(i) }} />
              {b.map((code) => (
                <button key={code} type="button" class={`link actor-chip${code === selected ? ' current' : ''}`} data-actor={code} onClick={() => onSelect(code)}>{code}</button>
              ))}
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}

function LinkList({ from, ties, testId }: { from: string; ties: Tie[]; testId: string }) {
  if (ties.length === 0) return <p class="empty small" data-testid={testId}>none</p>;
  return (
    <ul class="links" data-testid={testId}>
      {ties.map((t) => (
        <li key={t.code}>
          <a href={href('dyad', { a: from, b: t.code })}><bdi>{t.code}</bdi></a> · {t.events} event{t.events === 1 ? '' : 's'} · mean {signed(t.mean)}
        </li>
      ))}
    </ul>
  );
}
