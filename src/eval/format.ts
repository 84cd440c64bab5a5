/** Human-readable evaluation tables. */
import type { Evaluation, PRF } from './metrics.js';

const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
const row = (name: string, p: PRF): string => `${name.padEnd(12)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}  (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`;

/** Format an evaluation as text for a terminal. */
export function formatEvaluation(title: string, e: Evaluation): string {
  const lines = [`== ${title}: ${e.records} records`];
  const block = (x: Pick<Evaluation, 'actors' | 'directed' | 'undirected' | 'domains' | 'modality'>, indent = ''): void => {
    lines.push(indent + row('actors', x.actors));
    lines.push(indent + row('directed', x.directed));
    lines.push(indent + row('undirected', x.undirected));
    lines.push(indent + row('domains', x.domains));
    lines.push(`${indent}${'modality'.padEnd(12)} accuracy ${pct(x.modality.accuracy)}  (${x.modality.correct}/${x.modality.total})`);
  };
  block(e);
  for (const [lang, x] of Object.entries(e.byLang)) {
    lines.push(`-- ${lang} (${x.records} records)`);
    block(x, '   ');
  }
  lines.push('-- by type (directed)');
  for (const [t, p] of Object.entries(e.byType)) lines.push(`   ${row(t, p)}`);
  if (e.confusions.length) {
    lines.push('-- worst confusions (kind: gold -> predicted  count  example)');
    for (const c of e.confusions.slice(0, 15)) lines.push(`   ${c.kind}: ${c.gold} -> ${c.predicted}  ${c.count}  ${c.example}`);
  }
  return lines.join('\n');
}
