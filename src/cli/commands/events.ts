/** `mizan events`: stored events filtered by dyad, actor, type, domain, modality and date, with their evidence. */
import type { Command } from 'commander';
import pc from '../colors.js';
import type { EventFilter, StoredEvent } from '../../store/store.js';
import { actorOption, countOption, dateOption, domainOption, dyadOption, modalityOption, typeOption } from '../options.js';
import { shorten } from '../render.js';
import { quietOnBrokenPipe } from '../pipe.js';
import { openStore, withDbOption } from '../store-option.js';

interface EventsOptions {
  db?: string;
  dyad?: string;
  directed?: boolean;
  actor?: string;
  type?: string;
  domain?: string;
  modality?: string;
  since?: string;
  until?: string;
  distinct?: boolean;
  limit?: string;
  json?: boolean;
}

/** Register the command. */
export function registerEvents(program: Command): void {
  withDbOption(program.command('events').description('list stored events, most recent first, with their evidence'))
    .option('--dyad <A-B>', 'events between two actors, either way (e.g. SYR-RUS)')
    .option('--directed', 'with --dyad: only events from the first actor to the second')
    .option('--actor <code>', 'events with this actor as source or target')
    .option('--type <type>', 'PLOVER event type (e.g. CONSULT, ASSAULT)')
    .option('--domain <domain>', 'military, security, diplomatic, economic, energy, transport, humanitarian or rights')
    .option('--modality <modality>', 'asserted, negated, future, speculative or normative')
    .option('--since <date>', 'events dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'events dated on or before (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--distinct', 'one row per real-world event (cluster), not per report')
    .option('--limit <n>', 'at most this many (0: all)', '50')
    .option('--json', 'print JSON')
    .action(async (opts: EventsOptions) => runEvents(opts));
}

/** The store filter an invocation asks for. */
export function eventFilter(opts: EventsOptions): EventFilter {
  const f: EventFilter = { limit: countOption(opts.limit, '--limit', 50) };
  const dyad = dyadOption(opts.dyad);
  if (dyad) f.dyad = dyad;
  if (opts.directed) f.directed = true;
  if (opts.actor) f.actor = actorOption(opts.actor, '--actor');
  const type = typeOption(opts.type);
  if (type) f.type = type;
  const domain = domainOption(opts.domain);
  if (domain) f.domain = domain;
  const modality = modalityOption(opts.modality);
  if (modality) f.modality = modality;
  const since = dateOption(opts.since, '--since', 'start');
  if (since) f.since = since;
  const until = dateOption(opts.until, '--until', 'end');
  if (until) f.until = until;
  if (opts.distinct) f.distinct = true;
  return f;
}

async function runEvents(opts: EventsOptions): Promise<void> {
  quietOnBrokenPipe();
  const filter = eventFilter(opts);
  const store = await openStore(opts.db, true);
  let rows: StoredEvent[];
  try {
    rows = await store.events(filter);
  } finally {
    await store.close();
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (rows.length === 0) {
    process.stdout.write('No events match.\n');
    return;
  }
  process.stdout.write(rows.map(formatEvent).join('\n'));
  if (filter.limit && rows.length === filter.limit) process.stdout.write(pc.dim(`\n(the first ${filter.limit}; --limit 0 shows all)\n`));
}

/** One event for the terminal: date, dyad, type and modality; then the article; then the evidence. */
function formatEvent(e: StoredEvent): string {
  const date = e.eventDate ? `${e.eventDate}${e.datePrecision && e.datePrecision !== 'day' ? ` (${e.datePrecision})` : ''}` : 'undated';
  const mode = e.mode ? ` (${e.mode})` : '';
  const reports = e.cluster && e.cluster.numArticles > 1 ? ` · ${e.cluster.numArticles} articles, ${e.cluster.numSources} sources` : '';
  const where = [e.article.outlet, e.article.publishedDate, e.article.lang, `article ${e.articleId}`].filter(Boolean).join(' · ');
  return [
    `${pc.dim(date)}  ${pc.bold(`${e.source} → ${e.target}`)}  ${pc.bold(e.type)}${mode}  ${e.modality}  ${e.domains.join(', ')}${reports}`,
    `  ${pc.dim(where)}`,
    `  ${shorten(e.evidenceText)}`,
    '',
  ].join('\n');
}
