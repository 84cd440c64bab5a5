/**
 * The one place where the HTTP API turns an error into a response: `{error: {code, message}}` with a
 * catalogued code (src/core/errors.ts) and its HTTP status. Faults of the server are logged and answered
 * with a generic message, so no stack, SQL or file path reaches a client.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MizanError, type ErrorCode } from '../core/errors.js';

/** The HTTP status of each catalogued code a request can meet; codes not listed answer 500. */
export const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  MIZAN_E_USAGE: 400,
  MIZAN_E_INPUT: 400,
  MIZAN_E_PARAM: 400,
  MIZAN_E_AUTH: 401,
  MIZAN_E_WRITE_OFF: 403,
  MIZAN_E_PRIVATE_ADDRESS: 403,
  MIZAN_E_NOT_FOUND: 404,
  MIZAN_E_TOO_LARGE: 413,
  MIZAN_E_RATE_LIMIT: 429,
  MIZAN_E_IO: 500,
  MIZAN_E_DATA: 500,
  MIZAN_E_GOLD: 500,
  MIZAN_E_SKIPPED: 500,
  MIZAN_E_INTERNAL: 500,
  MIZAN_E_WORKER: 500,
  MIZAN_E_FETCH: 502,
  MIZAN_E_STORE: 503,
};

/** The body of every error response. */
export const errorBody = z.object({
  error: z.object({
    code: z.string().describe('a stable MIZAN_E_* code (docs/errors.md)'),
    message: z.string(),
  }),
}).describe('An error');

/** An error body. */
export type ErrorBody = z.infer<typeof errorBody>;

/** Response schemas of the error statuses a route can answer, for its schema and the OpenAPI document. */
export function errorResponses(...statuses: number[]): Record<number, typeof errorBody> {
  return Object.fromEntries([...new Set([...statuses, 500])].map((s) => [s, errorBody]));
}

/** The status and body for any error thrown while handling a request. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody; fault: boolean } {
  if (err instanceof MizanError) {
    const status = HTTP_STATUS[err.code] ?? 500;
    const fault = status >= 500 && err.code !== 'MIZAN_E_FETCH';
    return { status, fault, body: { error: { code: fault ? 'MIZAN_E_INTERNAL' : err.code, message: fault ? internalMessage(err.code) : err.message } } };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const e = err as FastifyError;
    return { status: 400, fault: false, body: { error: { code: 'MIZAN_E_PARAM', message: validationMessage(e) } } };
  }
  const e = err as Partial<FastifyError>;
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status === 413) return { status, fault: false, body: { error: { code: 'MIZAN_E_TOO_LARGE', message: tooLargeMessage(e) } } };
  if (status === 429) return { status, fault: false, body: { error: { code: 'MIZAN_E_RATE_LIMIT', message: e.message ?? 'too many requests' } } };
  if (status >= 400 && status < 500) {
    return { status, fault: false, body: { error: { code: 'MIZAN_E_PARAM', message: clientMessage(e) } } };
  }
  return { status: 500, fault: true, body: { error: { code: 'MIZAN_E_INTERNAL', message: internalMessage() } } };
}

function internalMessage(code?: ErrorCode): string {
  return code === 'MIZAN_E_STORE' ? 'the store cannot be read or written just now; the server log has the details'
    : 'an internal error occurred; the server log has the details';
}

const PART: Record<string, string> = { querystring: 'query parameter', params: 'path parameter', body: 'body field', headers: 'header' };

/** "query parameter "limit": Too big…" — the first issue of a failed schema validation, naming its parameter. */
function validationMessage(e: FastifyError): string {
  const where = PART[e.validationContext ?? ''] ?? 'parameter';
  const issues = e.validation ?? [];
  const parts = issues.slice(0, 3).map((v) => {
    const params = v.params as { keys?: unknown } | undefined;
    if (v.keyword === 'unrecognized_keys' && Array.isArray(params?.keys)) {
      return `unknown ${where}${params.keys.length > 1 ? 's' : ''} ${params.keys.map((k) => `"${String(k)}"`).join(', ')}`;
    }
    const name = v.instancePath.replace(/^\//u, '').replace(/\//gu, '.');
    return name ? `${where} "${name}": ${v.message}` : `${PART[e.validationContext ?? ''] ? `the ${e.validationContext}` : 'the request'}: ${v.message}`;
  });
  return parts.join('; ') || `bad ${where}`;
}

function tooLargeMessage(e: Partial<FastifyError>): string {
  return e.code === 'FST_FILES_LIMIT' ? 'too many files in one upload' : e.code === 'FST_PARTS_LIMIT' || e.code === 'FST_FIELDS_LIMIT'
    ? 'too many parts in one upload' : 'the request body or an uploaded file is larger than the server accepts';
}

function clientMessage(e: Partial<FastifyError>): string {
  if (e.statusCode === 403) return 'the path is not allowed';
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': return 'the body\'s Content-Type is not accepted by this route';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY': return 'body: a JSON body is required';
    case 'FST_ERR_CTP_INVALID_JSON_BODY': return 'body: not valid JSON';
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE': return 'body: the request is not multipart/form-data';
    default: return e.message ? e.message.replace(/^Body /u, 'body: ') : 'bad request';
  }
}

/** Send an error response. */
export function sendError(reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** Fastify's `frameworkErrors`: a path the router cannot take (a bad percent-encoding, a parameter past its length) in the one error format. */
export function frameworkError(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendError(reply, 400, { error: { code: 'MIZAN_E_PARAM', message: `path parameter: longer than the ${MAX_PARAM_LENGTH} characters accepted` } });
  }
  if (err.code === 'FST_ERR_BAD_URL') return sendError(reply, 400, { error: { code: 'MIZAN_E_PARAM', message: 'path: not a valid URL component (a bad percent-encoding)' } });
  return sendError(reply, 500, { error: { code: 'MIZAN_E_INTERNAL', message: internalMessage() } });
}

/** The longest path parameter the router takes. */
export const MAX_PARAM_LENGTH = 200;

/** Install the error handler and the JSON 404 on an app. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const { status, body, fault } = toErrorResponse(err);
    if (fault) req.log.error({ err }, 'request failed');
    if (status === 401) void reply.header('www-authenticate', 'Bearer realm="mizan"');
    const retry = (err as { retryAfter?: unknown }).retryAfter;
    if (status === 429 && typeof retry === 'number') void reply.header('retry-after', String(Math.ceil(retry / 1000)));
    return sendError(reply, status, body);
  });
  app.setNotFoundHandler((req, reply) => sendError(reply, 404, {
    error: { code: 'MIZAN_E_NOT_FOUND', message: `nothing here: ${req.method} ${req.url.split('?')[0] ?? ''}` },
  }));
}
