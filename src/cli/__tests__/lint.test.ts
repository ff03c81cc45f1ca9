import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { yaml } from '../../testing/dedent.js';
import type { CommandIO } from '../io.js';
import { runCli } from '../main.js';

const root = mkdtempSync(path.join(tmpdir(), 'rampart-cli-'));
after(() => rmSync(root, { recursive: true, force: true }));

const api = (paths: string) => yaml`
  openapi: 3.0.3
  info: { title: T, version: '1' }
  paths:
  ${paths}
`;
const ok = "get: { operationId: OP, responses: { '200': { description: ok } } }";
/** Two warnings (trailing slashes), no error. */
writeFileSync(path.join(root, 'warnings.yaml'), api(`  /a/: { ${ok.replace('OP', 'a')} }\n    /b/: { ${ok.replace('OP', 'b')} }`));
/** One error (duplicate operationId), one warning. */
writeFileSync(path.join(root, 'error.yaml'), api(`  /a/: { ${ok.replace('OP', 'same')} }\n    /b: { ${ok.replace('OP', 'same')} }`));
/** The same, both findings suppressed inline. */
writeFileSync(
  path.join(root, 'suppressed.yaml'),
  api(`  x-rampart-ignore: [operation-operationId-unique, path-keys-no-trailing-slash]\n    /a/: { ${ok.replace('OP', 'same')} }\n    /b: { ${ok.replace('OP', 'same')} }`),
);

/** Exactly two rules, so that rules added to the built-in rulesets do not change the cases. */
writeFileSync(path.join(root, 'pinned.yaml'), 'extends: []\nrules:\n  path-keys-no-trailing-slash: warning\n  operation-operationId-unique: error\n');

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { cwd: root, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), isTTY: false, env: {} };
  const code = await runCli(['lint', '--config', 'pinned.yaml', ...argv], io);
  return { code, stdout, stderr };
}

const exitCases: { name: string; argv: string[]; code: number }[] = [
  { name: 'warnings only: clean by default', argv: ['warnings.yaml'], code: 0 },
  { name: 'an error fails', argv: ['error.yaml'], code: 1 },
  { name: '--fail-severity warning fails on warnings', argv: ['--fail-severity', 'warning', 'warnings.yaml'], code: 1 },
  { name: '--fail-severity hint fails on warnings', argv: ['--fail-severity', 'hint', 'warnings.yaml'], code: 1 },
  { name: '--max-warnings 2 allows two', argv: ['--max-warnings', '2', 'warnings.yaml'], code: 0 },
  { name: '--max-warnings 1 does not', argv: ['--max-warnings', '1', 'warnings.yaml'], code: 1 },
  { name: '--quiet drops warnings before counting them', argv: ['--quiet', '--max-warnings', '0', 'warnings.yaml'], code: 0 },
  { name: '--quiet keeps errors', argv: ['--quiet', 'error.yaml'], code: 1 },
  { name: 'suppressed findings never fail', argv: ['--fail-severity', 'hint', '--max-warnings', '0', 'suppressed.yaml'], code: 0 },
  { name: 'several files: the worst decides', argv: ['warnings.yaml', 'error.yaml'], code: 1 },
  { name: 'a glob', argv: ['{warnings,suppressed}.yaml'], code: 0 },
  { name: 'a glob that also matches the configuration file', argv: ['*.yaml', '--quiet'], code: 1 },
];

for (const item of exitCases) {
  test(`lint exit code: ${item.name}`, async () => {
    const result = await run(...item.argv);
    assert.equal(result.stderr, '');
    assert.equal(result.code, item.code);
  });
}

test('--quiet shows errors only', async () => {
  const { stdout } = await run('--quiet', 'error.yaml');
  assert.equal(stdout, ['error.yaml', '  5:29  error  Every operation must have unique "operationId".  operation-operationId-unique', '', '✖ 1 problem (1 error)', ''].join('\n'));
});

test('stylish counts suppressed findings and does not list them', async () => {
  const { stdout } = await run('suppressed.yaml');
  assert.equal(stdout, '✔ No problems found, 2 suppressed.\n');
});

test('--update-baseline needs a file', async () => {
  const result = await run('--update-baseline', 'error.yaml');
  assert.deepEqual(result, { code: 2, stdout: '', stderr: 'rampart: --update-baseline needs a file: give --baseline <file> or lint.baseline in the configuration [RAMPART_USAGE]\n' });
});

test('an unexpected exception is one line and exit 3', async () => {
  let stderr = '';
  const io: CommandIO = {
    cwd: root,
    stdout: () => {
      throw new TypeError('stdout went away');
    },
    stderr: (text) => void (stderr += text),
    isTTY: false,
    env: {},
  };
  assert.equal(await runCli(['lint', '--no-config', 'warnings.yaml'], io), 3);
  assert.equal(stderr, 'rampart: internal error: stdout went away [RAMPART_INTERNAL]\n');
});
