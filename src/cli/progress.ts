/** Ingest progress on standard error: a bar on a terminal (articles/s, ETA), a plain line every few seconds otherwise, or nothing. */
import cliProgress from 'cli-progress';
import type { IngestProgress } from '../ingest/run.js';

/** How progress is shown. */
export type ProgressMode = 'bar' | 'lines' | 'none';

/** A progress display. */
export interface ProgressDisplay {
  start(totalBytes: number): void;
  update(p: IngestProgress): void;
  /** Print a message without breaking the bar. */
  log(line: string): void;
  stop(): void;
}

/** The display for a run: none when quiet, a bar on a terminal, lines otherwise. */
export function progressMode(quiet: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressMode {
  if (quiet) return 'none';
  return stream.isTTY ? 'bar' : 'lines';
}

/** Create a progress display on `stream`. */
export function createProgress(mode: ProgressMode, stream: NodeJS.WriteStream = process.stderr, everyMs = 2000): ProgressDisplay {
  const t0 = performance.now();
  const rate = (n: number): string => (n / Math.max((performance.now() - t0) / 1000, 1e-3)).toFixed(0);
  if (mode === 'bar') {
    const multi = new cliProgress.MultiBar({
      stream, hideCursor: true, clearOnComplete: true, etaBuffer: 200, fps: 8,
      format: ' {bar} {percentage}% | {articles} articles | {rate} articles/s | ETA {eta_formatted}',
    }, cliProgress.Presets.shades_classic);
    let bar: cliProgress.SingleBar | undefined;
    return {
      start: (total) => {
        bar = multi.create(Math.max(total, 1), 0, { articles: 0, rate: '0' });
      },
      update: (p) => bar?.update(p.bytesTotal > 0 ? p.bytesDone : 0, { articles: p.articles, rate: rate(p.articles) }),
      log: (line) => multi.log(`${line}\n`),
      stop: () => multi.stop(),
    };
  }
  let last = t0;
  return {
    start: () => {},
    update: (p) => {
      const now = performance.now();
      if (mode === 'none' || now - last < everyMs) return;
      last = now;
      const share = p.bytesTotal > 0 ? `, ${Math.floor((100 * p.bytesDone) / p.bytesTotal)}% of the input read` : '';
      stream.write(`mizan ingest: ${p.articles} articles (${rate(p.articles)} articles/s)${share}\n`);
    },
    log: (line) => {
      stream.write(`${line}\n`);
    },
    stop: () => {},
  };
}
