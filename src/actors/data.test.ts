import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../core/paths.js';

test('the actor dictionaries pass their own check (codes, coverage, conflicts)', () => {
  const r = spawnSync(process.execPath, [join(packageRoot(), 'data', 'actors', 'build-actors.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /0 conflicts; 0 problems/u);
});
