/** `mizan serve`: listens, answers the API, stops cleanly on SIGTERM; bad options are usage errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/stores.js';
import { mizan, ROOT } from './helpers.js';

test('serve prints its URL, answers /api/health with the write routes on, and stops on SIGTERM', async () => {
  const dir = tempDir('mizan-serve-');
  try {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'mizan'), 'serve', '--db', join(dir, 'new.db'), '--port', '0'], {
      cwd: ROOT, env: { ...process.env, MIZAN_TOKEN: 'secret' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const m = /at (http:\/\/127\.0\.0\.1:\d+)\//u.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1] as string);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    assert.match(out, /write routes on/u);
    const health = await (await fetch(`${url}/api/health`)).json() as { status: string; writeRoutes: boolean };
    assert.deepEqual([health.status, health.writeRoutes], ['ok', true]);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad port is a usage error', () => {
  for (const port of ['70000', 'eighty']) {
    const r = mizan(['serve', '--port', port, '--db', '/nonexistent/x.db']);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /MIZAN_E_USAGE.*--port/u);
  }
});
