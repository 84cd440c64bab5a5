/** Start the HTTP server: open the store, build the app and listen; close both on SIGINT or SIGTERM. */
import type { FastifyInstance } from 'fastify';
import { MizanError } from '../core/errors.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.js';
import { buildApp, type AppOptions } from './app.js';

/** Open a store for serving: every ingested article is committed at once, so other readers see it. */
export function openServerStore(path: string): Promise<SqliteStore> {
  return openSqliteStore(path, { batchSize: 1 });
}

/** Options of {@link startServer}. */
export interface ServeOptions extends Omit<AppOptions, 'store'> {
  /** The SQLite store file (created when missing). */
  db: string;
  port: number;
  host: string;
}

/** A listening server. */
export interface RunningServer {
  app: FastifyInstance;
  /** The base URL, without a trailing slash. */
  url: string;
  /** Stop listening and close the store. */
  close(): Promise<void>;
}

/** Open the store, build the app and listen on host:port (port 0: a free one). */
export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const store = await openServerStore(o.db);
  let app: FastifyInstance;
  try {
    app = await buildApp({ ...o, store });
    await app.listen({ port: o.port, host: o.host });
  } catch (err) {
    await store.close();
    if (err instanceof MizanError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new MizanError('MIZAN_E_IO', `cannot listen on ${o.host}:${o.port}: ${code === 'EADDRINUSE' ? 'the port is in use' : (err as Error).message}`);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  let closed: Promise<void> | undefined;
  return {
    app,
    url: `http://${host}:${port}`,
    close: () => (closed ??= app.close().finally(() => store.close())),
  };
}

/** Resolve once the process is asked to stop (SIGINT or SIGTERM), after closing the server. */
export function closeOnSignal(server: RunningServer): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
