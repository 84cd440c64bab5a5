import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CATALOGUE, MizanError } from './errors.js';
import { packageRoot } from './paths.js';

test('every error code is documented in docs/errors.md', () => {
  const doc = readFileSync(join(packageRoot(), 'docs', 'errors.md'), 'utf8');
  for (const code of Object.keys(ERROR_CATALOGUE)) assert.match(doc, new RegExp(`\\| ${code} \\|`, 'u'), `${code} missing from docs/errors.md`);
});

test('a MizanError names its place and carries its exit code', () => {
  const e = new MizanError('MIZAN_E_INPUT', 'not valid JSON', 'in.jsonl:3');
  assert.equal(e.message, 'in.jsonl:3: not valid JSON');
  assert.equal(e.exitCode, 2);
});
