/**
 * Build the HTTP app (it does not listen: server.ts does): the JSON API under /api with a zod schema on
 * every route and its OpenAPI document at /api/openapi.json, the dashboard from dist/web, a strict CSP,
 * body limits, bearer-token write routes with a rate limit that fetch public addresses only, and one error format.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import swagger from '@fastify/swagger';
import type BetterSqlite3 from 'better-sqlite3';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { packageRoot } from '../core/paths.js';
import { nonPublicAddress } from '../ingest/address.js';
import type { Store } from '../store/store.js';
import type { RouteContext } from './context.js';
import { errorBody, frameworkError, installErrorHandling, MAX_PARAM_LENGTH, sendError } from './errors.js';
import { createIngestRunner, type IngestRunnerOptions } from './ingest-runner.js';
import { queryBuilder } from './queries.js';
import { analyticsRoutes } from './routes/analytics.js';
import { articleRoutes } from './routes/articles.js';
import { eventRoutes } from './routes/events.js';
import { ingestRoutes } from './routes/ingest.js';
import { metaRoutes } from './routes/meta.js';
import { registerHeaders, registerRateLimit, type WriteLimits } from './security.js';
import { defaultWebRoot, registerDashboard } from './static.js';

/** Options of {@link buildApp}. */
export interface AppOptions {
  /** The store, with its SQLite connection (open it with `openServerStore`). */
  store: Store & { readonly db: BetterSqlite3.Database };
  /** The write routes' bearer token (MIZAN_TOKEN); unset or empty turns them off. */
  token?: string | undefined;
  /** The built dashboard folder (default dist/web); false serves none. */
  webRoot?: string | false;
  /** Fastify's logger option (default off). */
  logger?: FastifyServerOptions['logger'];
  /** Largest JSON body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Rate limit of the write routes. */
  writeLimits?: WriteLimits;
  /** How ingest fetches URLs and makes its pipeline. */
  ingest?: IngestRunnerOptions;
  /**
   * Let the write routes fetch loopback, private, link-local and other non-public addresses (`--allow-private`);
   * by default URLs, their redirects and the pages of feed items are fetched from public addresses only.
   */
  allowPrivate?: boolean;
}

/** The package version, for /api/health and the OpenAPI document. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Build the app; call `ready()` (or `inject`, or `listen`) on it. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: frameworkError,
    requestTimeout: 120_000,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  await registerHeaders(app);
  await registerRateLimit(app);
  const version = packageVersion();
  await app.register(swagger, {
    openapi: {
      info: { title: 'Mizan API', version, description: 'Coded political events from Arabic, English and Russian news, with their evidence.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the MIZAN_TOKEN the server was started with' } } },
    },
    transform: jsonSchemaTransform,
  });
  const dashboard = options.webRoot === false ? false : await registerDashboard(app, options.webRoot ?? defaultWebRoot());
  if (!dashboard && options.webRoot !== false) {
    app.get('/', { schema: { hide: true, response: { 404: errorBody } } }, async (_req, reply) => {
      await sendError(reply, 404, { error: { code: 'MIZAN_E_NOT_FOUND', message: 'the dashboard is not built (run "npm run build"); the API is at /api' } });
    });
  }
  const token = options.token?.trim() || undefined;
  const addressCheck = options.allowPrivate ? undefined : options.ingest?.fetch?.addressCheck ?? nonPublicAddress;
  const ctx: RouteContext = {
    store: options.store,
    k: queryBuilder(options.store.db),
    token,
    writeLimits: options.writeLimits ?? {},
    ingest: createIngestRunner(options.store, { ...options.ingest, fetch: { ...options.ingest?.fetch, addressCheck } }),
    addressCheck,
    dashboard,
    version,
  };
  await app.register(metaRoutes, ctx);
  await app.register(articleRoutes, ctx);
  await app.register(eventRoutes, ctx);
  await app.register(analyticsRoutes, ctx);
  await app.register(ingestRoutes, ctx);
  return app;
}
