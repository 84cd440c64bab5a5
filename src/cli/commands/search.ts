/** `mizan search "query"`: articles and sentences matching a query over normalized, clitic-split text, highlighted. */
import type { Command } from 'commander';
import pc from '../colors.js';
import { MizanError } from '../../core/errors.js';
import type { SearchHit, SearchQuery } from '../../store/store.js';
import { parseQuery } from '../../store/search-terms.js';
import { countOption, dateOption, langOption } from '../options.js';
import { mark } from '../render.js';
import { quietOnBrokenPipe } from '../pipe.js';
import { openStore, withDbOption } from '../store-option.js';

interface SearchOptions {
  db?: string;
  lang?: string;
  since?: string;
  until?: string;
  limit?: string;
  json?: boolean;
}

/** Register the command. */
export function registerSearch(program: Command): void {
  withDbOption(program
    .command('search')
    .description('full-text search: every word required, "quoted words" near one another, word* as a prefix; Arabic matches through clitics (موسكو finds وبموسكو)')
    .argument('<query>', 'the words to find'))
    .option('--lang <lang>', 'only articles in ar, en or ru')
    .option('--since <date>', 'articles published on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'articles published on or before (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--limit <n>', 'at most this many articles', '20')
    .option('--json', 'print JSON')
    .action(async (query: string, opts: SearchOptions) => runSearch(query, opts));
}

async function runSearch(text: string, opts: SearchOptions): Promise<void> {
  quietOnBrokenPipe();
  if (!parseQuery(text)) throw new MizanError('MIZAN_E_USAGE', `the query "${text}" has no word to search for`);
  const q: SearchQuery = { text, limit: countOption(opts.limit, '--limit', 20) };
  const lang = langOption(opts.lang);
  if (lang) q.lang = lang;
  const since = dateOption(opts.since, '--since', 'start');
  if (since) q.since = since;
  const until = dateOption(opts.until, '--until', 'end');
  if (until) q.until = until;
  const store = await openStore(opts.db, true);
  let hits: SearchHit[];
  try {
    hits = await store.search(q);
  } finally {
    await store.close();
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
    return;
  }
  if (hits.length === 0) {
    process.stdout.write('No articles match.\n');
    return;
  }
  process.stdout.write(hits.map((h, i) => formatHit(h, i + 1)).join('\n'));
}

/** One matching article for the terminal: title, source line, matching sentences. */
function formatHit(h: SearchHit, n: number): string {
  const a = h.article;
  const where = [a.outlet, a.publishedDate, a.lang, `article ${a.id}`].filter(Boolean).join(' · ');
  return [
    `${n}. ${pc.bold(a.title ? mark(a.title, h.titleHighlights) : `(untitled: ${a.origin})`)}`,
    `   ${pc.dim(where)}`,
    ...h.sentences.map((s) => `   ${mark(s.text.replace(/\s/gu, ' '), s.highlights)}`),
    '',
  ].join('\n');
}
