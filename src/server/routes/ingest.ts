/**
 * Write routes: ingest uploaded files, or feeds and pages by URL. Each needs the bearer token (they are
 * off without MIZAN_TOKEN), is rate-limited, and runs after any ingest already under way. What they fetch
 * (URLs, their redirects, the pages of feed items) is fetched from public addresses only, unless the
 * server was started with --allow-private.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MizanError } from '../../core/errors.js';
import { checkUrlHost } from '../../ingest/address.js';
import { formatOf } from '../../ingest/sources.js';
import type { RouteContext } from '../context.js';
import { errorResponses } from '../errors.js';
import { ingestResultSchema } from '../schemas.js';
import { requireToken, writeRouteConfig } from '../security.js';

/** Limits of one upload. */
export const UPLOAD_LIMITS = { fileBytes: 5 * 1024 * 1024, files: 20 };

const authHeader = z.object({ authorization: z.string().optional().describe('Bearer <MIZAN_TOKEN>') });

/** A file name safe to write in a fresh folder: letters, digits, dot, dash and underscore, its extension kept. */
export function safeFileName(name: string, index: number): string {
  const ext = extname(name).toLowerCase().replace(/[^a-z.]/gu, '');
  const stem = name.slice(0, name.length - extname(name).length).normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 80);
  return `${String(index).padStart(2, '0')}-${stem || 'upload'}${ext}`;
}

/** Register the routes. */
export const ingestRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, ctx) => {
  await app.register(multipart, {
    limits: { fileSize: UPLOAD_LIMITS.fileBytes, files: UPLOAD_LIMITS.files, fields: 0, parts: UPLOAD_LIMITS.files, headerPairs: 100 },
  });
  const guard = requireToken(ctx.token);

  app.post('/api/ingest/files', {
    onRequest: guard,
    config: writeRouteConfig(ctx.writeLimits),
    schema: {
      summary: 'Ingest uploaded files (.txt .md .html .json .jsonl .rss .atom .xml), sent as multipart/form-data; needs the bearer token',
      tags: ['ingest'],
      consumes: ['multipart/form-data'],
      headers: authHeader,
      security: [{ bearer: [] }],
      response: { 200: ingestResultSchema, ...errorResponses(400, 401, 403, 413, 429) },
    },
  }, async (req) => {
    if (!req.isMultipart()) throw new MizanError('MIZAN_E_PARAM', 'body: send the files as multipart/form-data');
    const dir = await mkdtemp(join(tmpdir(), 'mizan-upload-'));
    const names = new Map<string, string>();
    try {
      let i = 0;
      for await (const part of req.files()) {
        const original = part.filename || `file ${i + 1}`;
        if (!formatOf(original)) {
          throw new MizanError('MIZAN_E_PARAM', `file "${original}": unknown file type (Mizan reads .txt .md .html .json .jsonl .rss .atom .xml)`);
        }
        const path = join(dir, safeFileName(original, ++i));
        await writeFile(path, await part.toBuffer());
        names.set(path, original);
      }
      if (names.size === 0) throw new MizanError('MIZAN_E_PARAM', 'body: no file was uploaded');
      return await ctx.ingest.run([...names.keys()], (place) => {
        for (const [path, original] of names) if (place.startsWith(path)) return original + place.slice(path.length);
        return place;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  app.post('/api/ingest/urls', {
    onRequest: guard,
    config: writeRouteConfig(ctx.writeLimits),
    schema: {
      summary: 'Fetch and ingest feeds (RSS/Atom) or pages by URL from public addresses (any with --allow-private); needs the bearer token',
      tags: ['ingest'],
      headers: authHeader,
      security: [{ bearer: [] }],
      body: z.strictObject({
        urls: z.array(z.url({ protocol: /^https?$/u, error: 'must be an http(s) URL' })).min(1).max(20).describe('feed or page URLs'),
      }),
      response: { 200: ingestResultSchema, ...errorResponses(400, 401, 403, 413, 429) },
    },
  }, async (req) => {
    const { addressCheck } = ctx;
    if (addressCheck) {
      // Refused before anything is fetched; redirects and the pages of feed items are checked as they are fetched.
      const refused = await Promise.all(req.body.urls.map((url) => checkUrlHost(url, addressCheck)));
      const i = refused.findIndex((r) => r !== undefined);
      if (i >= 0) throw new MizanError('MIZAN_E_PRIVATE_ADDRESS', `${req.body.urls[i]}: ${refused[i]?.message}`, `body field "urls.${i}"`);
    }
    return ctx.ingest.run(req.body.urls);
  });
};
