/** `mizan eval`: score the coder (or a predictions file) against gold records. */
import type { Command } from 'commander';
import type { CodedRecord } from '../../core/types.js';
import { MizanError } from '../../core/errors.js';
import { evaluate } from '../../eval/metrics.js';
import { formatEvaluation } from '../../eval/format.js';
import { evaluatePipeline, loadGoldPath } from '../../eval/run.js';
import { createPipeline } from '../../pipeline/pipeline.js';
import { readLines } from '../io.js';

interface EvalOptions {
  gold: string;
  pred?: string;
  json?: boolean;
  lang?: string;
}

/** Register the command. */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description("score against gold records: actors, directed/undirected events, domains, modality")
    .requiredOption('--gold <path>', 'gold JSON Lines file, or a folder of them')
    .option('--pred <file>', 'score this predictions file instead of running the coder')
    .option('--lang <lang>', 'only records of this language')
    .option('--json', 'print the metrics as JSON')
    .action(async (opts: EvalOptions) => {
      let gold = loadGoldPath(opts.gold);
      if (opts.lang) gold = gold.filter((g) => g.lang === opts.lang);
      if (gold.length === 0) throw new MizanError('MIZAN_E_GOLD', 'no gold records to score', opts.gold);
      let evaluation;
      if (opts.pred) {
        const preds: CodedRecord[] = [];
        for await (const { line, n } of readLines(opts.pred)) {
          if (!line.trim()) continue;
          try {
            preds.push(JSON.parse(line) as CodedRecord);
          } catch (err) {
            throw new MizanError('MIZAN_E_INPUT', `not valid JSON (${(err as Error).message})`, `${opts.pred}:${n}`);
          }
        }
        evaluation = evaluate(gold, preds);
      } else {
        evaluation = evaluatePipeline(await createPipeline(), gold).evaluation;
      }
      process.stdout.write(opts.json ? `${JSON.stringify(evaluation, null, 2)}\n` : `${formatEvaluation(opts.gold, evaluation)}\n`);
    });
}
