import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { CommandIO } from '../io.js';
import { runCli } from '../main.js';

/**
 * A report or description path that cannot be written (a folder, a path through a file) is a usage
 * error: one line, exit 2 (README, "Exit codes"), not an internal error with exit 3.
 */
const root = mkdtempSync(path.join(tmpdir(), 'rampart-output-file-'));
after(() => rmSync(root, { recursive: true, force: true }));

writeFileSync(path.join(root, 'api.yaml'), "openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths: {}\n");
writeFileSync(path.join(root, 'traffic.jsonl'), '{"time":"2026-01-02T03:04:05Z","method":"GET","url":"https://api.example.com/users/1","status":200}\n');
mkdirSync(path.join(root, 'reports'));

const cases: { name: string; argv: string[]; stderr: string }[] = [
  { name: 'lint, a report into a folder', argv: ['lint', 'api.yaml', '--format', 'json:reports'], stderr: 'rampart: reports: cannot write the report: it is a folder [RAMPART_USAGE]\n' },
  { name: 'lint, a report below a file', argv: ['lint', 'api.yaml', '--format', 'sarif:api.yaml/out.sarif'], stderr: 'rampart: api.yaml/out.sarif: cannot write the report: a parent is a file, not a folder [RAMPART_USAGE]\n' },
  { name: 'score, the stylish report into a folder', argv: ['score', 'api.yaml', '--format', 'stylish:reports'], stderr: 'rampart: reports: cannot write the report: it is a folder [RAMPART_USAGE]\n' },
  { name: 'score, another format into a folder', argv: ['score', 'api.yaml', '--format', 'html:reports'], stderr: 'rampart: reports: cannot write the report: it is a folder [RAMPART_USAGE]\n' },
  { name: 'diff, the changelog into a folder', argv: ['diff', 'api.yaml', 'api.yaml', '--format', 'changelog:reports'], stderr: 'rampart: reports: cannot write the report: it is a folder [RAMPART_USAGE]\n' },
  { name: 'discover, the reconstructed description into a folder', argv: ['discover', 'traffic.jsonl', '--openapi', 'reports'], stderr: 'rampart: reports: cannot write the description: it is a folder [RAMPART_USAGE]\n' },
  { name: 'lint, a baseline that is a folder', argv: ['lint', 'api.yaml', '--baseline', 'reports'], stderr: 'rampart: reports: the baseline is a folder, not a file [RAMPART_USAGE]\n' },
  { name: 'lint, --update-baseline into a folder', argv: ['lint', 'api.yaml', '--baseline', 'reports', '--update-baseline'], stderr: 'rampart: reports: the baseline is a folder, not a file [RAMPART_USAGE]\n' },
];

for (const { name, argv, stderr } of cases) {
  test(`unwritable output: ${name}`, async () => {
    let written = '';
    const io: CommandIO = { cwd: root, stdout: () => {}, stderr: (text) => void (written += text), isTTY: false, env: {} };
    const code = await runCli([...argv, '--no-color'], io);
    assert.equal(written, stderr);
    assert.equal(code, 2);
  });
}

test('a report file on a full disk: one line and exit 2, not an internal error', { skip: !existsSync('/dev/full') && 'no /dev/full here' }, async () => {
  let written = '';
  const io: CommandIO = { cwd: root, stdout: () => {}, stderr: (text) => void (written += text), isTTY: false, env: {} };
  const code = await runCli(['lint', 'api.yaml', '--format', 'json:/dev/full'], io);
  assert.equal(written, 'rampart: /dev/full: cannot write the report: no space left on the device [RAMPART_OUTPUT_FAILED]\n');
  assert.equal(code, 2);
});

test('--update-baseline creates the folder of a new baseline file', async () => {
  let written = '';
  const io: CommandIO = { cwd: root, stdout: () => {}, stderr: (text) => void (written += text), isTTY: false, env: {} };
  const code = await runCli(['lint', 'api.yaml', '--baseline', 'ci/baseline.json', '--update-baseline', '--ruleset', 'spectral:oas'], io);
  assert.equal(written, 'rampart: wrote 3 findings to ci/baseline.json\n');
  assert.equal(code, 0);
  assert.equal((JSON.parse(readFileSync(path.join(root, 'ci', 'baseline.json'), 'utf8')) as { findings: unknown[] }).findings.length, 3);
});
