/** CLI input and output helpers: line streams, atomic output files. */
import { createReadStream, createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { MizanError } from '../core/errors.js';

/** Lines of a file or of standard input ('-'), with their 1-based numbers. */
export async function* readLines(path: string): AsyncGenerator<{ line: string; n: number }> {
  const input = path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8' });
  const rl = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of rl) yield { line, n: ++n };
  } catch (err) {
    throw new MizanError('MIZAN_E_IO', `cannot read: ${(err as Error).message}`, path);
  }
}

/** A writable output: standard output, or a file written under a temporary name and renamed when done. */
export interface Output {
  write(chunk: string): Promise<void>;
  /** Finish: rename the temporary file into place. */
  commit(): Promise<void>;
  /** Abandon: remove the temporary file. */
  abort(): void;
}

/** Open an output ('-' for standard output). */
export function openOutput(path: string): Output {
  if (path === '-') {
    return {
      write: (chunk) => new Promise((resolve, reject) => {
        if (process.stdout.write(chunk)) resolve();
        else process.stdout.once('drain', resolve).once('error', reject);
      }),
      commit: async () => {},
      abort: () => {},
    };
  }
  const tmp = `${path}.tmp-${process.pid}`;
  let stream: WriteStream;
  try {
    stream = createWriteStream(tmp, { encoding: 'utf8' });
  } catch (err) {
    throw new MizanError('MIZAN_E_IO', `cannot write: ${(err as Error).message}`, path);
  }
  let failed: Error | undefined;
  stream.on('error', (err) => {
    failed = err;
  });
  return {
    write: (chunk) => new Promise((resolve, reject) => {
      if (failed) return reject(new MizanError('MIZAN_E_IO', `cannot write: ${failed.message}`, path));
      if (stream.write(chunk)) resolve();
      else stream.once('drain', resolve);
    }),
    commit: () => new Promise((resolve, reject) => {
      stream.end(() => {
        if (failed) return reject(new MizanError('MIZAN_E_IO', `cannot write: ${failed.message}`, path));
        renameSync(tmp, path);
        resolve();
      });
    }),
    abort: () => {
      stream.destroy();
      rmSync(tmp, { force: true });
    },
  };
}
