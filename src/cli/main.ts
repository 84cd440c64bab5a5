/** The `mizan` command line: one file per command, one place that turns errors into messages and exit codes. */
import { Command, CommanderError } from 'commander';
import { MizanError } from '../core/errors.js';
import { registerCode } from './commands/code.js';
import { registerEval } from './commands/eval.js';
import { registerEvents } from './commands/events.js';
import { registerExport } from './commands/export.js';
import { registerIngest } from './commands/ingest.js';
import { registerSearch } from './commands/search.js';
import { registerServe } from './commands/serve.js';
import { registerStats } from './commands/stats.js';
import { registerExplain } from './commands/explain.js';
import { registerDyad } from './commands/dyad.js';
import { registerNetwork } from './commands/network.js';
import { registerReport } from './commands/report.js';
import { registerWorker } from './commands/worker.js';
import { registerJobs } from './commands/jobs.js';

/** Build the program with every command registered. */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('mizan')
    .description('Mizan: who does what to whom in Arabic, English and Russian news, with evidence')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError('(run mizan --help for usage)');
  registerCode(program);
  registerEval(program);
  registerIngest(program);
  registerSearch(program);
  registerEvents(program);
  registerStats(program);
  registerExport(program);
  registerServe(program);
  registerExplain(program);
  registerDyad(program);
  registerNetwork(program);
  registerReport(program);
  registerWorker(program);
  registerJobs(program);
  return program;
}

/** Run the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return 0;
      return 2;
    }
    if (err instanceof MizanError) {
      process.stderr.write(`mizan: error ${err.code}: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`mizan: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 70;
  }
}
