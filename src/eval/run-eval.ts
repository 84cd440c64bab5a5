/** `npm run eval`: the test split (or --split dev), the peer sets, and the committed baseline check. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../core/paths.js';
import type { EventType } from '../core/types.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { formatEvaluation } from './format.js';
import { detectionOnCsv, detectionOnGold, eventsOnPeer, peersDir, petrGold, ploverGold, readCameoToPlover, readLabels } from './peers.js';
import { evaluatePipeline, loadGoldPath } from './run.js';

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'test' },
    lang: { type: 'string' },
    peers: { type: 'boolean', default: true },
    'no-peers': { type: 'boolean', default: false },
    'update-baseline': { type: 'boolean', default: false },
    errors: { type: 'boolean', default: false },
  },
});

const root = packageRoot();
const pipeline = await createPipeline();
let all = loadGoldPath(join(root, 'eval', 'gold', values.split as string));
if (values.lang) all = all.filter((g) => g.lang === values.lang);
// Records labelled only for detection ("detect": {"PROTEST": true}) carry no event annotation: they are scored
// by detection, never as sentences without events.
const gold = all.filter((g) => !('detect' in g));
const detectionOnly = all.filter((g) => 'detect' in g);
const { evaluation, predictions } = evaluatePipeline(pipeline, gold);
console.log(formatEvaluation(`gold ${values.split} split`, evaluation));
for (const type of new Set(detectionOnly.flatMap((g) => Object.keys((g as { detect?: object }).detect ?? {})))) {
  const r = detectionOnGold(pipeline, detectionOnly, type as EventType, `gold ${values.split} detection`);
  console.log(`${r.name}: ${type} F1 ${(r.score.f1 * 100).toFixed(1)}  P ${(r.score.precision * 100).toFixed(1)}  R ${(r.score.recall * 100).toFixed(1)}  (${r.sentences} sentences)`);
}

if (values.errors) {
  const byId = new Map(predictions.map((p) => [p.id, p]));
  for (const g of gold) {
    const p = byId.get(g.id);
    const fmt = (es: typeof g.events): string => es.map((e) => `${e.source}>${e.target}:${e.type}/${e.modality}/${e.domains.join('+')}`).sort().join(' ');
    const ge = fmt(g.events);
    const pe = fmt(p?.events ?? []);
    const ga = g.actors.join(',');
    const pa = (p?.actors ?? []).join(',');
    if (ge !== pe || ga !== pa) console.log(`\n${g.id}: ${g.text}\n  gold: [${ga}] ${ge}\n  pred: [${pa}] ${pe}`);
  }
}

const summary: Record<string, number> = {
  actors_f1: evaluation.actors.f1, directed_f1: evaluation.directed.f1, undirected_f1: evaluation.undirected.f1,
  domain_f1: evaluation.domains.f1, modality_accuracy: evaluation.modality.accuracy,
};

const peers = values['no-peers'] ? undefined : peersDir(root);
if (peers && !values.lang) {
  console.log(`\n== peer sets (${peers})`);
  const assault = join(peers, 'arabic_event_gsr', 'assault_gsr.csv');
  const protest = join(peers, 'arabic_event_gsr', 'protest_gsr.csv');
  for (const [path, type, name] of [[assault, 'ASSAULT', 'arabic_event_gsr assault (dev)'], [protest, 'PROTEST', 'arabic_event_gsr protest (test)']] as const) {
    if (!existsSync(path)) continue;
    const r = detectionOnCsv(pipeline, path, type, name);
    summary[`${type.toLowerCase()}_detection_f1`] = r.score.f1;
    console.log(`${name}: ${type} detection F1 ${(r.score.f1 * 100).toFixed(1)}  P ${(r.score.precision * 100).toFixed(1)}  R ${(r.score.recall * 100).toFixed(1)}  (${r.sentences} sentences, ${r.excluded} ambiguous left out)`);
  }
  // The assault development sentences that speak of protests, labelled by us for PROTEST: newswire of the kind the
  // PROTEST test set holds, read to develop on (eval/peer-labels/README.md).
  const protestLabels = join(root, 'eval', 'peer-labels', 'assault_gsr.protest.csv');
  if (existsSync(assault) && existsSync(protestLabels)) {
    const name = 'arabic_event_gsr assault sentences, our PROTEST labels (dev)';
    const r = detectionOnCsv(pipeline, assault, 'PROTEST', name, readLabels(protestLabels));
    console.log(`${name}: PROTEST detection F1 ${(r.score.f1 * 100).toFixed(1)}  P ${(r.score.precision * 100).toFixed(1)}  R ${(r.score.recall * 100).toFixed(1)}  (${r.sentences} sentences, ${r.excluded} ambiguous left out)`);
  }
  const plover = join(peers, 'PLOVER', 'PLOVER_GSR_CAMEO.txt');
  if (existsSync(plover)) {
    const e = eventsOnPeer(pipeline, ploverGold(plover));
    console.log(`PLOVER GSR (dev, en, ${e.records} sentences): directed F1 ${(e.directed.f1 * 100).toFixed(1)}  undirected F1 ${(e.undirected.f1 * 100).toFixed(1)}`);
  }
  const petr = join(peers, 'UniversalPetrarch', 'PETR2_GSR_validation.xml');
  const table = join(peers, 'PLOVER', 'CAMEO2PLOVER-2021.txt');
  if (existsSync(petr) && existsSync(table)) {
    const e = eventsOnPeer(pipeline, petrGold(petr, readCameoToPlover(table)));
    console.log(`PETR2 GSR (test, en, ${e.records} sentences): directed F1 ${(e.directed.f1 * 100).toFixed(1)}  undirected F1 ${(e.undirected.f1 * 100).toFixed(1)}`);
  }
}

const baselinePath = join(root, 'eval', 'baseline.json');
if (values.split === 'test' && !values.lang) {
  if (values['update-baseline']) {
    writeFileSync(baselinePath, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`\nbaseline written to ${baselinePath}`);
  } else if (existsSync(baselinePath)) {
    const base = JSON.parse(readFileSync(baselinePath, 'utf8')) as Record<string, number>;
    const drops = ['directed_f1', 'undirected_f1'].filter((k) => (summary[k] ?? 0) + 1e-9 < (base[k] ?? 0));
    console.log(`\nbaseline: directed F1 ${((base.directed_f1 ?? 0) * 100).toFixed(1)}, undirected F1 ${((base.undirected_f1 ?? 0) * 100).toFixed(1)}`);
    if (drops.length) {
      console.error(`eval: test-split ${drops.join(', ')} dropped below the committed baseline`);
      process.exitCode = 1;
    }
  }
}
