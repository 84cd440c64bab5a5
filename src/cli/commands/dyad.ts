/** `mizan dyad A B`: a relationship profiled domain by domain — counts, fact versus speech, balance, direction, trend, evidence. */
import type { Command } from 'commander';
import pc from '../colors.js';
import { dyadProfile, type DomainProfile, type DyadProfile, type FactVsSpeech } from '../../analytics/dyad.js';
import type { Evidence } from '../../analytics/evidence.js';
import type { PeriodPoint } from '../../analytics/trend.js';
import { actorOption, choiceOption, dateOption } from '../options.js';
import { quietOnBrokenPipe } from '../pipe.js';
import { shorten } from '../render.js';
import { openStore, withDbOption } from '../store-option.js';

interface DyadCliOptions {
  db?: string;
  since?: string;
  until?: string;
  by?: string;
  json?: boolean;
}

/** Register the command. */
export function registerDyad(program: Command): void {
  withDbOption(program.command('dyad').description('profile the relationship of two actors, domain by domain, with evidence'))
    .argument('<a>', 'first actor code (e.g. SYR)')
    .argument('<b>', 'second actor code (e.g. RUS)')
    .option('--since <date>', 'events dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'events dated on or before (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--by <period>', 'trend periods: week or month', 'month')
    .option('--json', 'print JSON')
    .action(async (a: string, b: string, opts: DyadCliOptions) => runDyad(a, b, opts));
}

async function runDyad(a: string, b: string, opts: DyadCliOptions): Promise<void> {
  quietOnBrokenPipe();
  const codes = [actorOption(a, 'the first actor'), actorOption(b, 'the second actor')] as const;
  const by = choiceOption(opts.by, '--by', ['week', 'month'] as const) ?? 'month';
  const since = dateOption(opts.since, '--since', 'start');
  const until = dateOption(opts.until, '--until', 'end');
  const store = await openStore(opts.db, true);
  let profile: DyadProfile;
  try {
    profile = await dyadProfile(store, codes[0], codes[1], { by, ...(since ? { since } : {}), ...(until ? { until } : {}) });
  } finally {
    await store.close();
  }
  process.stdout.write(opts.json ? `${JSON.stringify(profile, null, 2)}\n` : formatProfile(profile));
}

const BARS = '▁▂▃▄▅▆▇█';

/** Acts per period as a sparkline ('·' for none). */
export function sparkline(points: readonly PeriodPoint[]): string {
  const max = Math.max(0, ...points.map((p) => p.acts));
  return points.map((p) => (p.acts === 0 ? '·' : BARS[Math.min(BARS.length - 1, Math.floor(((p.acts - 1) / Math.max(1, max - 1)) * (BARS.length - 1)))])).join('');
}

function signed(x: number | null): string {
  if (x === null) return '–';
  const r = Math.round(x * 10) / 10;
  return `${r > 0 ? '+' : r < 0 ? '−' : ''}${Math.abs(r).toFixed(1)}`;
}

function pct(x: number | null): string {
  return x === null ? '–' : `${Math.round(x * 100)}%`;
}

function facts(f: FactVsSpeech): string {
  const m = f.byModality;
  const talk = m.future + m.speculative + m.normative;
  return `${m.asserted} acts (${pct(f.assertedShare)}) · ${talk} talk (${pct(f.talkShare)}: ${m.future} future, ${m.speculative} speculative, `
    + `${m.normative} normative) · ${m.negated} denied (${pct(f.negatedShare)})`;
}

function evidenceLine(e: Evidence): string {
  const where = [e.article.outlet, e.article.publishedDate, `article ${e.articleId} @${e.evidence.start}–${e.evidence.end}`].filter(Boolean).join(' · ');
  return `    ${pc.dim(e.eventDate ?? 'undated')} ${e.source}→${e.target} ${pc.bold(e.type)} ${e.modality} ${signed(e.intensity)}  ${pc.dim(where)}\n`
    + `      ${shorten(e.text, 160)}`;
}

function domainBlock(p: DomainProfile, profile: DyadProfile): string[] {
  const title = pc.bold(String(p.domain).padEnd(13));
  if (p.events === 0) return [`${title} ${pc.dim('no events')}`];
  const [ab, ba] = p.direction;
  const bal = p.balance;
  const s = p.trend.summary;
  const verdict = [s.tone !== 'insufficient' ? s.tone.replace('-', ' ') : '', s.activity !== 'insufficient' ? `${s.activity} activity` : '']
    .filter(Boolean).join(', ') || 'too few acts for a trend';
  return [
    `${title} ${p.events} events (${p.mentions} reports) · ${ab.source}→${ab.target} ${ab.events} (${ab.acts} acts), ${ba.source}→${ba.target} ${ba.events} (${ba.acts} acts)`,
    `  fact/speech  ${facts(p.factVsSpeech)}`,
    `  balance      acts mean ${signed(bal.mean)} (${bal.cooperative} cooperative, ${bal.conflictual} conflictual${bal.neutral ? `, ${bal.neutral} neutral` : ''})`
      + `${bal.talk.events > 0 ? `; talk mean ${signed(bal.talk.mean)}` : ''}`,
    `  types        ${p.types.map((t) => `${t.type} ${t.events}${t.acts !== t.events ? ` (${t.acts} acts)` : ''}`).join(', ')}`,
    `  trend        ${sparkline(p.trend.periods)}  ${pc.dim(`${profile.window.by}s from ${p.trend.periods[0]?.period ?? '–'}`)}  ${verdict}`,
    `  evidence`,
    ...p.evidence.filter((e, i, all) => all.findIndex((x) => x.articleId === e.articleId && x.evidence.start === e.evidence.start) === i)
      .slice(0, 3).map(evidenceLine),
  ];
}

/** The profile for the terminal. */
export function formatProfile(p: DyadProfile): string {
  const w = p.window;
  const span = w.since || w.until ? `events dated ${w.since ?? '…'} – ${w.until ?? '…'}` : 'all dates';
  const lines = [
    `${pc.bold(`${p.a.name.en} (${p.a.code}) – ${p.b.name.en} (${p.b.code})`)}  ${pc.dim(span)}`,
    `  ${p.all.events} events (${p.all.mentions} reports in ${p.articles} articles from ${p.outlets.length} outlets)`
      + `${w.first ? `, dated ${w.first} … ${w.last}` : ''}${w.trendFrom ? `; reported ${w.trendFrom} … ${w.trendTo}` : ''}`,
    '',
  ];
  if (p.all.events === 0) return `${lines.join('\n')}No events between ${p.a.code} and ${p.b.code} in the store${w.since || w.until ? ' for these dates' : ''}.\n`;
  lines.push(...domainBlock({ ...p.all, domain: 'all' }, p), '');
  for (const d of p.domains) lines.push(...domainBlock(d, p), '');
  lines.push(pc.bold('outlets'));
  for (const o of p.outlets.slice(0, 15)) {
    lines.push(`  ${(o.outlet ?? '(unnamed)').padEnd(28)} ${String(o.reports).padStart(4)} reports in ${o.articles} articles · `
      + `${pct(o.factVsSpeech.assertedShare)} acts, ${pct(o.factVsSpeech.talkShare)} talk, ${pct(o.factVsSpeech.negatedShare)} denied`);
  }
  if (p.outlets.length > 15) lines.push(pc.dim(`  (and ${p.outlets.length - 15} more; --json lists all)`));
  return `${lines.join('\n')}\n`;
}
