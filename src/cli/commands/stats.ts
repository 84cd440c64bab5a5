/** `mizan stats`: articles, sentences, events and clusters in the store, by language, modality and type. */
import type { Command } from 'commander';
import { EVENT_TYPES, MODALITIES } from '../../core/types.js';
import type { StoreStats } from '../../store/store.js';
import { counts } from '../render.js';
import { quietOnBrokenPipe } from '../pipe.js';
import { dbPath, openStore, withDbOption } from '../store-option.js';

interface StatsOptions {
  db?: string;
  json?: boolean;
}

const LANGS = ['ar', 'en', 'ru'];

/** Register the command. */
export function registerStats(program: Command): void {
  withDbOption(program.command('stats').description('count articles, sentences, events and clusters, by language and by modality'))
    .option('--json', 'print JSON')
    .action(async (opts: StatsOptions) => runStats(opts));
}

async function runStats(opts: StatsOptions): Promise<void> {
  quietOnBrokenPipe();
  const store = await openStore(opts.db, true);
  let s: StoreStats;
  try {
    s = await store.stats();
  } finally {
    await store.close();
  }
  process.stdout.write(opts.json ? `${JSON.stringify(s, null, 2)}\n` : formatStats(s, dbPath(opts.db)));
}

/** The statistics for the terminal. */
function formatStats(s: StoreStats, db: string): string {
  const span = s.articles.firstDate ? `, published ${s.articles.firstDate} … ${s.articles.lastDate}` : '';
  return [
    `Store ${db}`,
    `  articles   ${s.articles.total} (${counts(s.articles.byLang, LANGS)})${span}; ${s.articles.nearDuplicates} near-duplicate`,
    `  sentences  ${s.sentences.total} (${counts(s.sentences.byLang, LANGS)})`,
    `  events     ${s.events.total} (${counts(s.events.byLang, LANGS)})`,
    `    by modality  ${counts(s.events.byModality, MODALITIES)}`,
    `    by type      ${counts(s.events.byType, EVENT_TYPES.filter((t) => t in s.events.byType))}`,
    `  clusters   ${s.clusters.total} distinct events, ${s.clusters.multiArticle} reported by more than one article`,
    '',
  ].join('\n');
}
