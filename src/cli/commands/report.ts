/** `mizan report A B`: the analyst brief on a dyad, in Arabic or English, as Markdown, standalone HTML or JSON. */
import type { Command } from 'commander';
import { buildBrief, toHtml, toMarkdown } from '../../report/brief.js';
import type { Brief } from '../../report/brief.js';
import { openOutput } from '../io.js';
import { actorOption, choiceOption, dateOption } from '../options.js';
import { quietOnBrokenPipe } from '../pipe.js';
import { openStore, withDbOption } from '../store-option.js';

interface ReportCliOptions {
  db?: string;
  lang?: string;
  format?: string;
  out?: string;
  since?: string;
  until?: string;
}

/** Register the command. */
export function registerReport(program: Command): void {
  withDbOption(program.command('report').description('write the analyst brief on two actors, every claim with its evidence'))
    .argument('<a>', 'first actor code (e.g. SYR)')
    .argument('<b>', 'second actor code (e.g. RUS)')
    .option('--lang <lang>', 'ar or en', 'en')
    .option('--format <format>', 'md, html or json', 'md')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--since <date>', 'events dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'events dated on or before (YYYY, YYYY-MM or YYYY-MM-DD)')
    .action(async (a: string, b: string, opts: ReportCliOptions) => runReport(a, b, opts));
}

/** The brief in a format. */
export function renderBrief(brief: Brief, format: 'md' | 'html' | 'json'): string {
  if (format === 'html') return toHtml(brief);
  if (format === 'json') return `${JSON.stringify(brief, null, 2)}\n`;
  return toMarkdown(brief);
}

async function runReport(a: string, b: string, opts: ReportCliOptions): Promise<void> {
  quietOnBrokenPipe();
  const codes = [actorOption(a, 'the first actor'), actorOption(b, 'the second actor')] as const;
  const lang = choiceOption(opts.lang, '--lang', ['ar', 'en'] as const) ?? 'en';
  const format = choiceOption(opts.format, '--format', ['md', 'html', 'json'] as const) ?? 'md';
  const since = dateOption(opts.since, '--since', 'start');
  const until = dateOption(opts.until, '--until', 'end');
  const store = await openStore(opts.db, true);
  let brief: Brief;
  try {
    brief = await buildBrief(store, codes[0], codes[1], { lang, ...(since ? { since } : {}), ...(until ? { until } : {}) });
  } finally {
    await store.close();
  }
  const out = openOutput(opts.out ?? '-');
  try {
    await out.write(renderBrief(brief, format));
    await out.commit();
  } catch (err) {
    out.abort();
    throw err;
  }
}
