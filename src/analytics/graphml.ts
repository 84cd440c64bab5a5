/** The alignment network as GraphML (for Gephi, yEd, Cytoscape, NetworkX): actors with names and blocs, signed weighted links. */
import type { Network } from './network.js';

/** Text escaped for XML content and attribute values. */
export function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/gu, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string)
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu, '');
}

const NODE_KEYS: Array<[string, string]> = [['name_en', 'string'], ['name_ar', 'string'], ['bloc', 'int'], ['events', 'int'],
  ['positive', 'double'], ['negative', 'double']];
const EDGE_KEYS: Array<[string, string]> = [['weight', 'double'], ['sign', 'int'], ['events', 'int'], ['mentions', 'int'],
  ['mean', 'double'], ['cooperative_reports', 'int'], ['conflictual_reports', 'int']];

function round(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/** The network as a GraphML document (undirected; node ids are actor codes). */
export function toGraphml(network: Network): string {
  const data = (key: string, value: string): string => `<data key="${key}">${xmlEscape(value)}</data>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(([k, t]) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>`),
    ...EDGE_KEYS.map(([k, t]) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`),
    `  <graph id="mizan-alignment" edgedefault="undirected">`,
    ...network.nodes.map((n) => `    <node id="${xmlEscape(n.code)}">${[
      data('n_name_en', n.name.en), data('n_name_ar', n.name.ar), data('n_bloc', String(n.bloc)), data('n_events', String(n.events)),
      data('n_positive', round(n.positive)), data('n_negative', round(n.negative)),
    ].join('')}</node>`),
    ...network.edges.map((e, i) => `    <edge id="e${i}" source="${xmlEscape(e.a)}" target="${xmlEscape(e.b)}">${[
      data('e_weight', round(e.weight)), data('e_sign', String(Math.sign(e.weight))), data('e_events', String(e.events)),
      data('e_mentions', String(e.mentions)), data('e_mean', round(e.mean)), data('e_cooperative_reports', String(e.cooperativeReports)),
      data('e_conflictual_reports', String(e.conflictualReports)),
    ].join('')}</edge>`),
    '  </graph>',
    '</graphml>',
    '',
  ];
  return lines.join('\n');
}
