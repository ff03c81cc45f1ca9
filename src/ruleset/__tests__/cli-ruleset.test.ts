import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { CommandIO } from '../../cli/io.js';
import { runCli } from '../../cli/main.js';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rampart-cli-ruleset-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

async function run(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTTY: false, env: {} };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const DOC = "openapi: 3.0.3\ninfo:\n  title: Pets\n  version: '1'\npaths:\n  /Pets:\n    get:\n      responses:\n        '200':\n          description: ok\n";
const RULESET = "rules:\n  lower-paths:\n    severity: error\n    given: $.paths\n    then:\n      field: '@key'\n      function: pattern\n      functionOptions: { match: '^[a-z/{}]+$' }\n";

test('--ruleset replaces the default rulesets and its findings decide the exit code', async () => {
  const cwd = workspace({ 'openapi.yaml': DOC, 'ruleset.yaml': RULESET });
  const result = await run(cwd, 'lint', '-r', 'ruleset.yaml', '-f', 'json', 'openapi.yaml');
  assert.equal(result.stderr, '');
  assert.equal(result.code, 1);
  const report = JSON.parse(result.stdout) as { findings: { ruleId: string; message: string; location: { pointer: string; line: number } }[] };
  assert.deepEqual(
    report.findings.map((finding) => [finding.ruleId, finding.location.pointer, finding.location.line, finding.message]),
    // As in Spectral, `@key` results print the value under the key (an object), not the key.
    [['lower-paths', '/paths/~1Pets', 6, 'Object{} must match the pattern "^[a-z/{}]+$"']],
  );
});

test('a bad ruleset is a one-line error and exit code 2', async () => {
  const cwd = workspace({ 'openapi.yaml': DOC, 'ruleset.yaml': RULESET.replace('match:', 'matches:') });
  const result = await run(cwd, 'lint', '-r', 'ruleset.yaml', 'openapi.yaml');
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.equal(
    result.stderr,
    'rampart: ruleset.yaml:8:26: rules.lower-paths.then.functionOptions: "pattern" function does not support "matches" option [RAMPART_CONFIG_INVALID]\n',
  );
});

test('custom functions need --allow-custom-functions', async () => {
  const cwd = workspace({
    'openapi.yaml': DOC,
    'ruleset.yaml': "functions: [short]\nrules:\n  short-title:\n    given: $.info.title\n    then: { function: short }\n",
  });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(path.join(cwd, 'functions'));
  writeFileSync(path.join(cwd, 'functions/short.mjs'), "export default (input) => input.length < 5 ? [{ message: 'title too short' }] : undefined;\n");
  const refused = await run(cwd, 'lint', '-r', 'ruleset.yaml', 'openapi.yaml');
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /^rampart: ruleset\.yaml:1:13: functions\[0\]: custom function "short" is JavaScript from the ruleset; Rampart runs it only with --allow-custom-functions \[RAMPART_CONFIG_INVALID\]\n$/);
  const allowed = await run(cwd, 'lint', '-r', 'ruleset.yaml', '--allow-custom-functions', '-f', 'json', 'openapi.yaml');
  assert.equal(allowed.code, 0);
  assert.deepEqual((JSON.parse(allowed.stdout) as { findings: { message: string; severity: string }[] }).findings.map((finding) => [finding.message, finding.severity]), [['title too short', 'warning']]);
});
