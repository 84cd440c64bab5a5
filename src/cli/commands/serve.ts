/** `mizan serve [--db FILE] [--port 8080] [--host 127.0.0.1] [--allow-private]`: the HTTP API and the dashboard over a store. */
import type { Command } from 'commander';
import { MizanError } from '../../core/errors.js';
import { closeOnSignal, startServer } from '../../server/server.js';
import { countOption } from '../options.js';
import { dbPath, withDbOption } from '../store-option.js';

interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  log?: boolean;
  allowPrivate?: boolean;
}

/** Register the command. */
export function registerServe(program: Command): void {
  withDbOption(program
    .command('serve')
    .description('serve the HTTP API (/api, OpenAPI at /api/openapi.json) and the dashboard; write routes need MIZAN_TOKEN'))
    .option('--port <n>', 'TCP port (0: any free port)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--log', 'log every request (JSON lines on standard output)')
    .option('--allow-private', 'let the write routes fetch loopback, private and link-local addresses (by default only public ones)')
    .action(async (opts: ServeOptions) => runServe(opts));
}

async function runServe(opts: ServeOptions): Promise<void> {
  const port = countOption(opts.port, '--port', 8080);
  if (port > 65535) throw new MizanError('MIZAN_E_USAGE', `--port must be at most 65535, not ${port}`);
  const token = process.env.MIZAN_TOKEN?.trim() || undefined;
  const server = await startServer({ db: dbPath(opts.db), port, host: opts.host, token, allowPrivate: opts.allowPrivate === true, logger: { level: opts.log ? 'info' : 'warn' } });
  const loopback = /^(127\.|localhost$|::1$|\[::1\]$)/u.test(opts.host);
  process.stdout.write([
    `Mizan is serving ${dbPath(opts.db)} at ${server.url}/`,
    `  API ${server.url}/api (OpenAPI: ${server.url}/api/openapi.json)`,
    `  write routes ${token ? 'on (bearer token from MIZAN_TOKEN)' : 'off (set MIZAN_TOKEN to enable ingest)'}`,
    ...(token ? [`  URLs fetched from ${opts.allowPrivate ? 'any address, private ones included (--allow-private)' : 'public addresses only'}`] : []),
    ...(loopback ? [] : [`  warning: ${opts.host} is not a loopback address; anyone who can reach it can read the store`]),
    '  Ctrl-C stops it',
    '',
  ].join('\n'));
  await closeOnSignal(server);
}
