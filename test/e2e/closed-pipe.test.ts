/**
 * `rampart lint … | head` closes the pipe before the report is written: the CLI must end with its
 * own exit code and nothing on stderr, not an unhandled EPIPE and a stack trace.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { builtPackageRoot, REPO, useFreshCli } from './golden.js';

let cleanup = () => {};
before(() => {
  cleanup = useFreshCli();
});
after(() => cleanup());

const cases: { name: string; args: string[]; code: number }[] = [
  { name: 'lint, stylish', args: ['lint', 'openapi.yaml'], code: 1 },
  { name: 'lint, json', args: ['lint', 'openapi.yaml', '--format', 'json'], code: 1 },
  { name: 'score, stylish and the score table', args: ['score', 'openapi.yaml'], code: 0 },
];

/** Runs the CLI with its standard output closed by the reader before the first byte is written. */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(builtPackageRoot(), 'bin', 'rampart.js'), ...args], {
      cwd: path.join(REPO, 'examples', 'bookstore'),
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      timeout: 120_000,
    });
    // Node starts in ~100 ms; the reader is gone long before the report is written.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

for (const { name, args, code } of cases) {
  test(`stdout closed early: ${name}`, async () => {
    const result = await runWithClosedStdout(args);
    assert.equal(result.stderr, '');
    assert.equal(result.code, code);
  });
}

/** A standard output that fails (a full disk behind `> report.json`): one line and exit 2, never a stack. */
const fullDevice = '/dev/full';
for (const { name, args } of cases) {
  test(`stdout on a full disk: ${name}`, { skip: !existsSync(fullDevice) && 'no /dev/full here' }, () => {
    const descriptor = openSync(fullDevice, 'w');
    try {
      const result = spawnSync(process.execPath, [path.join(builtPackageRoot(), 'bin', 'rampart.js'), ...args], {
        cwd: path.join(REPO, 'examples', 'bookstore'),
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
        stdio: ['ignore', descriptor, 'pipe'],
        encoding: 'utf8',
        timeout: 120_000,
      });
      assert.equal(result.stderr, 'rampart: cannot write to standard output: no space left on the device [RAMPART_OUTPUT_FAILED]\n');
      assert.equal(result.status, 2);
    } finally {
      closeSync(descriptor);
    }
  });
}
