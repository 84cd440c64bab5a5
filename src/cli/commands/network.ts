/** `mizan network`: the alignment network of asserted events — balance, blocs, partners and adversaries, as text, JSON or GraphML. */
import type { Command } from 'commander';
import pc from '../colors.js';
import { toGraphml } from '../../analytics/graphml.js';
import { alignmentNetwork, type Network, type Tie } from '../../analytics/network.js';
import { MizanError } from '../../core/errors.js';
import { countOption, dateOption, dyadOption } from '../options.js';
import { quietOnBrokenPipe } from '../pipe.js';
import { openStore, withDbOption } from '../store-option.js';

interface NetworkCliOptions {
  db?: string;
  since?: string;
  until?: string;
  minEvents?: string;
  dyad?: string;
  json?: boolean;
  graphml?: boolean;
}

/** Register the command. */
export function registerNetwork(program: Command): void {
  withDbOption(program.command('network').description('the signed alignment network of actors from asserted events: balance, blocs, partners'))
    .option('--since <date>', 'events dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'events dated on or before (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--min-events <n>', 'fewest asserted events for a link', '1')
    .option('--dyad <A-B>', 'also show how every other actor relates to both sides of this dyad')
    .option('--json', 'print JSON')
    .option('--graphml', 'print GraphML (for Gephi, yEd, Cytoscape)')
    .action(async (opts: NetworkCliOptions) => runNetwork(opts));
}

async function runNetwork(opts: NetworkCliOptions): Promise<void> {
  quietOnBrokenPipe();
  if (opts.json && opts.graphml) throw new MizanError('MIZAN_E_USAGE', 'choose one of --json and --graphml');
  const minEvents = countOption(opts.minEvents, '--min-events', 1);
  if (minEvents < 1) throw new MizanError('MIZAN_E_USAGE', '--min-events takes a whole number of at least 1');
  const since = dateOption(opts.since, '--since', 'start');
  const until = dateOption(opts.until, '--until', 'end');
  const dyad = dyadOption(opts.dyad);
  const store = await openStore(opts.db, true);
  let network: Network;
  try {
    network = await alignmentNetwork(store, { minEvents, ...(since ? { since } : {}), ...(until ? { until } : {}), ...(dyad ? { dyad } : {}) });
  } finally {
    await store.close();
  }
  process.stdout.write(opts.json ? `${JSON.stringify(network, null, 2)}\n` : opts.graphml ? toGraphml(network) : formatNetwork(network));
}

function signed(x: number): string {
  const r = Math.round(x * 10) / 10;
  return `${r > 0 ? '+' : r < 0 ? '−' : ''}${Math.abs(r).toFixed(1)}`;
}

const ties = (list: Tie[]): string => list.map((t) => `${t.code} ${signed(t.weight)} (${t.events})`).join(', ') || '–';

/** The network for the terminal. */
export function formatNetwork(n: Network): string {
  const w = n.window;
  const span = w.since || w.until ? `events dated ${w.since ?? '…'} – ${w.until ?? '…'}` : 'all dates';
  const lines = [`${pc.bold('Alignment network')}  ${pc.dim(`${span}; links of at least ${n.minEvents} asserted event${n.minEvents === 1 ? '' : 's'}`)}`];
  if (n.nodes.length === 0) return `${lines.join('\n')}\nNo asserted events link any two actors${w.since || w.until ? ' for these dates' : ''}.\n`;
  const positive = n.edges.filter((e) => e.weight > 0).length;
  lines.push(`  ${n.nodes.length} actors, ${n.edges.length} links (${positive} cooperative, ${n.edges.filter((e) => e.weight < 0).length} conflictual)`);
  const b = n.balance;
  lines.push(`  structural balance  ${b.balanced} of ${b.triads} triads balanced${b.share === null ? '' : ` (${Math.round(b.share * 100)}%)`}`);
  for (const t of b.unbalanced.slice(0, 5)) {
    const [x, y, z] = t.actors;
    const s = (i: number): string => ((t.signs[i] as number) > 0 ? '+' : '−');
    lines.push(pc.dim(`    unbalanced  ${x}${s(0)}${y}  ${x}${s(1)}${z}  ${y}${s(2)}${z}   weakest link ${t.strength.toFixed(1)}`));
  }
  lines.push(`  blocs  ${pc.dim(`signed modularity ${n.modularity.toFixed(2)}`)}`);
  for (const bloc of n.blocs.filter((x) => x.members.length > 1)) lines.push(`    ${bloc.id + 1}. ${bloc.members.join(', ')}`);
  const alone = n.blocs.filter((x) => x.members.length === 1).map((x) => x.members[0]);
  if (alone.length > 0) lines.push(pc.dim(`    on their own: ${alone.join(', ')}`));
  lines.push('', pc.bold('actors'));
  for (const node of [...n.nodes].sort((x, y) => y.events - x.events || x.code.localeCompare(y.code))) {
    lines.push(`  ${pc.bold(node.code.padEnd(6))} bloc ${node.bloc + 1} · ${node.events} events · partners ${ties(node.partners)} · adversaries ${ties(node.adversaries)}`);
  }
  if (n.dyad) {
    const d = n.dyad;
    lines.push('', pc.bold(`third parties of ${d.a}–${d.b}`) + pc.dim(`  (link ${d.link ? `${signed(d.link.weight)} over ${d.link.events} events` : 'none'})`));
    for (const p of d.parties) {
      const t = (x: Tie | null): string => (x ? `${signed(x.weight)} (${x.events})` : '–');
      lines.push(`  ${p.code.padEnd(6)} ${p.stance.padEnd(16)} with ${d.a} ${t(p.withA).padEnd(12)} with ${d.b} ${t(p.withB).padEnd(12)}`
        + `${p.balanced === null ? '' : p.balanced ? ' balanced' : ' unbalanced'}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
