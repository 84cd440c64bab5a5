/**
 * The server's defences: a strict Content-Security-Policy and the other helmet headers on every response,
 * bearer-token checks on the write routes (off unless MIZAN_TOKEN is set), and a rate limit on them.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { MizanError } from '../core/errors.js';

/** The dashboard's policy: only its own scripts, styles, fonts and API; no inline script or style, no plugins, no framing. */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'frame-src': ["'none'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
} as const;

/** The policy of a standalone HTML document the API serves (a brief): no script at all, its own inline style. */
export const DOCUMENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox";

/** Register helmet with the strict policy (and HSTS off: the server speaks plain HTTP on a local port). */
export async function registerHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY } },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'sameorigin' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** Limits of the write routes. */
export interface WriteLimits {
  /** Requests per window per client address (default 20). */
  max?: number;
  /** The window in milliseconds (default one minute). */
  timeWindowMs?: number;
}

/** Register the rate limiter; it only applies to routes that ask for it ({@link writeRouteConfig}). */
export async function registerRateLimit(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => Object.assign(
      new MizanError('MIZAN_E_RATE_LIMIT', `too many write requests: at most ${ctx.max} per ${ctx.after}; retry in ${Math.ceil(ctx.ttl / 1000)} s`),
      { statusCode: 429, retryAfter: ctx.ttl },
    ),
  });
}

/** The route config that turns on the rate limit. */
export function writeRouteConfig(limits: WriteLimits = {}): { rateLimit: { max: number; timeWindow: number } } {
  return { rateLimit: { max: limits.max ?? 20, timeWindow: limits.timeWindowMs ?? 60_000 } };
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** The bearer token of a request, if it sends one. */
function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  const m = typeof h === 'string' ? /^Bearer\s+(\S+)\s*$/iu.exec(h) : null;
  return m?.[1];
}

/**
 * The hook that guards a write route: 403 when no token is configured (the write routes are off),
 * 401 when the request's bearer token is missing or wrong (compared in constant time).
 */
export function requireToken(token: string | undefined): onRequestHookHandler {
  const expected = token ? digest(token) : undefined;
  return async (req) => {
    if (!expected) throw new MizanError('MIZAN_E_WRITE_OFF', 'the write routes are off: start the server with MIZAN_TOKEN set to enable them');
    const given = bearer(req);
    if (given === undefined) throw new MizanError('MIZAN_E_AUTH', 'this route needs an "Authorization: Bearer <token>" header');
    if (!timingSafeEqual(digest(given), expected)) throw new MizanError('MIZAN_E_AUTH', 'the bearer token is wrong');
  };
}
