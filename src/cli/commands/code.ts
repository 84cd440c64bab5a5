/** `mizan code`: JSON Lines or plain text in, coded records (contract) or PLOVER out. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { MizanError } from '../../core/errors.js';
import type { InputRecord, Lang } from '../../core/types.js';
import { createPipeline } from '../../pipeline/pipeline.js';
import { toPlover } from '../../pipeline/plover.js';
import { openOutput, readLines } from '../io.js';

const LANGS = new Set(['ar', 'en', 'ru', 'und']);

/** Parse and check one JSON Lines input record. */
export function parseInputLine(line: string, place: string): InputRecord {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (err) {
    throw new MizanError('MIZAN_E_INPUT', `not valid JSON (${(err as Error).message})`, place);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new MizanError('MIZAN_E_INPUT', 'not a JSON object', place);
  const r = v as Record<string, unknown>;
  if (typeof r.id !== 'string' && typeof r.id !== 'number') throw new MizanError('MIZAN_E_INPUT', 'missing "id" (string)', place);
  if (typeof r.text !== 'string') throw new MizanError('MIZAN_E_INPUT', 'missing "text" (string)', place);
  if (r.lang !== undefined && (typeof r.lang !== 'string' || !LANGS.has(r.lang))) {
    throw new MizanError('MIZAN_E_INPUT', `"lang" must be one of ar, en, ru, und (got ${JSON.stringify(r.lang)})`, place);
  }
  const rec: InputRecord = { id: String(r.id), text: r.text };
  if (typeof r.lang === 'string' && r.lang !== 'und') rec.lang = r.lang as Lang;
  return rec;
}

interface CodeOptions {
  in: string;
  out: string;
  format: string;
  inputFormat: string;
  skipBad?: boolean;
  lang?: string;
}

/** Register the command. */
export function registerCode(program: Command): void {
  program
    .command('code')
    .description('code documents into events (JSON Lines per the contract, or PLOVER)')
    .option('--in <file>', 'input file, or - for standard input', '-')
    .option('--out <file>', 'output file, or - for standard output', '-')
    .option('--format <format>', 'output format: jsonl | plover', 'jsonl')
    .option('--input-format <format>', 'input format: auto | jsonl | text (one document per file)', 'auto')
    .option('--lang <lang>', 'language of plain-text input: ar | en | ru (detected when absent)')
    .option('--skip-bad', 'report bad input lines on stderr, count them, and go on')
    .action(async (opts: CodeOptions) => runCode(opts));
}

async function runCode(opts: CodeOptions): Promise<void> {
  if (!['jsonl', 'plover'].includes(opts.format)) throw new MizanError('MIZAN_E_USAGE', `--format must be jsonl or plover, not "${opts.format}"`);
  if (!['auto', 'jsonl', 'text'].includes(opts.inputFormat)) throw new MizanError('MIZAN_E_USAGE', `--input-format must be auto, jsonl or text`);
  if (opts.lang !== undefined && !['ar', 'en', 'ru'].includes(opts.lang)) throw new MizanError('MIZAN_E_USAGE', `--lang must be ar, en or ru`);
  const textMode = opts.inputFormat === 'text' || (opts.inputFormat === 'auto' && opts.in !== '-' && !/\.(jsonl|ndjson|json)$/iu.test(opts.in));
  const pipeline = await createPipeline();
  const out = openOutput(opts.out);
  let bad = 0;
  let n = 0;
  const emit = async (input: InputRecord): Promise<void> => {
    const record = pipeline.code(input);
    n++;
    if (opts.format === 'jsonl') await out.write(`${JSON.stringify(record)}\n`);
    else for (const [i, e] of record.events.entries()) await out.write(`${JSON.stringify(toPlover(record, e, i + 1, input.text))}\n`);
  };
  try {
    if (textMode) {
      let text: string;
      try {
        text = readFileSync(opts.in === '-' ? 0 : opts.in, 'utf8');
      } catch (err) {
        throw new MizanError('MIZAN_E_IO', `cannot read: ${(err as Error).message}`, opts.in);
      }
      const input: InputRecord = { id: opts.in === '-' ? 'stdin' : basename(opts.in), text };
      if (opts.lang) input.lang = opts.lang as Lang;
      await emit(input);
    } else {
      const where = opts.in === '-' ? 'stdin' : opts.in;
      for await (const { line, n: ln } of readLines(opts.in)) {
        if (!line.trim()) continue;
        let input: InputRecord;
        try {
          input = parseInputLine(line, `${where}:${ln}`);
        } catch (err) {
          if (!opts.skipBad || !(err instanceof MizanError)) throw err;
          bad++;
          process.stderr.write(`mizan code: skipped ${err.message}\n`);
          continue;
        }
        await emit(input);
      }
    }
    await out.commit();
  } catch (err) {
    out.abort();
    throw err;
  }
  if (bad > 0) {
    process.stderr.write(`mizan code: ${n} coded, ${bad} bad line(s) skipped\n`);
    process.exitCode = 1;
  }
}
