/** `mizan export --format csv|jsonl|plover [--out FILE]`: every stored event, one row or record per report. */
import type { Command } from 'commander';
import { EXPORT_FORMATS, exportLines, type ExportFormat } from '../../export/formats.js';
import { openOutput } from '../io.js';
import { choiceOption } from '../options.js';
import { quietOnBrokenPipe } from '../pipe.js';
import { openStore, withDbOption } from '../store-option.js';

interface ExportOptions {
  db?: string;
  format: string;
  out: string;
}

/** Register the command. */
export function registerExport(program: Command): void {
  withDbOption(program
    .command('export')
    .description('export every stored event: csv (RFC 4180, header row, ISO dates), jsonl (the same columns) or plover (PLOVER JSON Lines)'))
    .requiredOption('--format <format>', 'csv | jsonl | plover')
    .option('--out <file>', 'output file, or - for standard output', '-')
    .action(async (opts: ExportOptions) => runExport(opts));
}

async function runExport(opts: ExportOptions): Promise<void> {
  quietOnBrokenPipe();
  const format = choiceOption(opts.format, '--format', EXPORT_FORMATS) as ExportFormat;
  const store = await openStore(opts.db, true);
  const out = openOutput(opts.out);
  try {
    for await (const line of exportLines(store, format)) await out.write(line);
    await out.commit();
  } catch (err) {
    out.abort();
    throw err;
  } finally {
    await store.close();
  }
}
