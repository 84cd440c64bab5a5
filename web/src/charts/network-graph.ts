/**
 * The alignment graph (a lazy chunk): graphology holds it, ForceAtlas2 lays it out from a circle ordered
 * by bloc (so the layout is the same on every load), sigma draws it with WebGL. Edges are signed:
 * cooperative green, conflictual red, their width growing with the events between the two actors.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { blocColour, FONT_STACK } from '../format.js';

/** An actor of the graph. */
export interface GraphNode {
  code: string;
  label: string;
  events: number;
  /** The bloc it belongs to (index into the palette), or null. */
  bloc: number | null;
}

/** A signed link between two actors. */
export interface GraphEdge {
  a: string;
  b: string;
  events: number;
  /** Sign and strength: positive cooperative, negative conflictual (mean intensity or a signed weight). */
  sign: number;
}

/** A drawn graph. */
export interface DrawnGraph {
  /** Emphasise an actor and its links (null: none). */
  select(code: string | null): void;
  dispose(): void;
}

/** Draw the graph in an element; `onSelect` gets the code of a clicked actor (null for the background). */
export function drawNetwork(el: HTMLElement, nodes: GraphNode[], edges: GraphEdge[], onSelect: (code: string | null) => void): DrawnGraph {
  const graph = new Graph({ type: 'undirected', multi: false });
  const ordered = [...nodes].sort((x, y) => (x.bloc ?? 99) - (y.bloc ?? 99) || y.events - x.events || x.code.localeCompare(y.code));
  const maxEvents = Math.max(1, ...nodes.map((n) => n.events));
  ordered.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, ordered.length);
    graph.addNode(n.code, {
      label: n.label, x: Math.cos(angle) * 100, y: Math.sin(angle) * 100,
      size: 5 + 14 * Math.sqrt(n.events / maxEvents), color: blocColour(n.bloc),
    });
  });
  const maxEdge = Math.max(1, ...edges.map((e) => e.events));
  for (const e of edges) {
    if (!graph.hasNode(e.a) || !graph.hasNode(e.b) || e.a === e.b || graph.hasEdge(e.a, e.b)) continue;
    graph.addEdge(e.a, e.b, {
      size: 1 + 5 * Math.sqrt(e.events / maxEdge),
      color: e.sign > 0 ? 'rgba(42,122,75,0.65)' : e.sign < 0 ? 'rgba(178,58,72,0.7)' : 'rgba(120,120,120,0.5)',
      weight: Math.max(0.1, Math.abs(e.sign)) * e.events,
    });
  }
  if (graph.order > 1) {
    forceAtlas2.assign(graph, { iterations: 150, settings: { ...forceAtlas2.inferSettings(graph), edgeWeightInfluence: 1, gravity: 1.5 } });
  }
  let selected: string | null = null;
  const renderer = new Sigma(graph, el, {
    settings: { itemSizesReference: 'screen', labelRenderedSizeThreshold: 0, renderEdgeLabels: false, hideEdgesOnMove: false, stagePadding: 40 },
    nodeReducer: (node, data) => {
      const base = { ...data, labelFont: FONT_STACK, labelSize: 13 };
      if (!selected || node === selected || graph.areNeighbors(node, selected)) return { ...base, highlighted: node === selected };
      return { ...base, color: '#d5d9de', label: '' };
    },
    edgeReducer: (edge, data) => (!selected || graph.hasExtremity(edge, selected) ? data : { ...data, visibility: 'hidden' as const }),
  });
  renderer.on('clickNode', ({ node }) => onSelect(node));
  renderer.on('clickStage', () => onSelect(null));
  // Where each actor is drawn (CSS pixels in the element), for keyboard-free tools and tests that click an actor.
  renderer.on('afterRender', () => {
    const at: Record<string, [number, number]> = {};
    graph.forEachNode((node, attrs) => {
      const p = renderer.graphToViewport({ x: attrs.x as number, y: attrs.y as number });
      at[node] = [Math.round(p.x), Math.round(p.y)];
    });
    el.dataset.nodePositions = JSON.stringify(at);
    el.dataset.graphReady = 'true';
  });
  return {
    select(code) {
      selected = code && graph.hasNode(code) ? code : null;
      renderer.refresh();
    },
    dispose() {
      renderer.kill();
    },
  };
}
