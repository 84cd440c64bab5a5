/**
 * Serving the built dashboard (dist/web) from the same process: files only from that folder (no dot
 * files, no way out of it), hashed assets cached for a year, index.html never cached.
 */
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { packageRoot } from '../core/paths.js';

/** Where `npm run build:web` puts the dashboard. */
export function defaultWebRoot(): string {
  return join(packageRoot(), 'dist', 'web');
}

/** Serve the dashboard from `root`; returns false (and serves nothing) when it has not been built. */
export async function registerDashboard(app: FastifyInstance, root: string): Promise<boolean> {
  if (!existsSync(join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    dotfiles: 'ignore',
    serveDotFiles: false,
    wildcard: true,
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('cache-control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}
