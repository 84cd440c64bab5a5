import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_CATALOGUE, MizanError, type ErrorCode } from '../core/errors.js';
import { HTTP_STATUS, toErrorResponse } from './errors.js';

test('every catalogued code has an HTTP status', () => {
  for (const code of Object.keys(ERROR_CATALOGUE) as ErrorCode[]) assert.ok(HTTP_STATUS[code], `${code} has no HTTP status`);
});

test('client errors keep their code and message; faults of the server are masked', () => {
  assert.deepEqual(toErrorResponse(new MizanError('MIZAN_E_NOT_FOUND', 'there is no article 3')), {
    status: 404, fault: false, body: { error: { code: 'MIZAN_E_NOT_FOUND', message: 'there is no article 3' } },
  });
  const store = toErrorResponse(new MizanError('MIZAN_E_STORE', 'disk I/O error', '/home/me/mizan.db'));
  assert.equal(store.status, 503);
  assert.equal(store.body.error.code, 'MIZAN_E_INTERNAL');
  assert.doesNotMatch(store.body.error.message, /home|disk/u);
  const plain = toErrorResponse(new TypeError('x is undefined'));
  assert.deepEqual([plain.status, plain.fault, plain.body.error.code], [500, true, 'MIZAN_E_INTERNAL']);
  assert.doesNotMatch(plain.body.error.message, /undefined/u);
});

test('framework errors get catalogued codes', () => {
  assert.equal(toErrorResponse(Object.assign(new Error('too big'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' })).body.error.code, 'MIZAN_E_TOO_LARGE');
  assert.equal(toErrorResponse(Object.assign(new Error('x'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' })).body.error.code, 'MIZAN_E_PARAM');
});
