/** A real HTTP server on 127.0.0.1 for feed and page tests: routes map a path to a handler. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route handler. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A running test server. */
export interface TestServer {
  /** The base URL, without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** Start a server on an ephemeral port of 127.0.0.1; unknown paths answer 404. */
export async function serve(routes: Record<string, Handler>): Promise<TestServer> {
  const server: Server = createServer((req, res) => {
    const handler = routes[req.url ?? ''];
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A handler that answers 200 with a body and a content type. */
export function send(body: string | Buffer, type: string): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  };
}
