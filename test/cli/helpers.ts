/** Run the built `mizan` binary and capture what it prints. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The repository root (tests run from dist/test/cli). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BIN = join(ROOT, 'bin', 'mizan');

/** The outcome of one run. */
export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run `mizan` with arguments and optional standard input. */
export function mizan(args: string[], input?: string, env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
