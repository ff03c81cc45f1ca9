import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Ajv as AjvClass, Options } from 'ajv';
import { runCli } from '../../cli/main.js';
import { elements, parseXml } from './xml-parse.js';

// End to end through the real CLI: every format reachable as `--format name:file`, from real lint findings.
const require = createRequire(import.meta.url);
const AjvDraft04 = (require('ajv-draft-04') as { default: new (options: Options) => AjvClass }).default;
const addFormats = (require('ajv-formats') as { default: (ajv: AjvClass) => AjvClass }).default;
const schemaPath = path.join(path.dirname(require.resolve('@microsoft/jest-sarif')), 'schemas', 'sarif-2.1.0-rtm.5.json');

const dir = mkdtempSync(path.join(tmpdir(), 'rampart-report-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const SPEC = `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /users/:
    get:
      operationId: listUsers
      responses: { '200': { description: ok } }
  /teams/:
    x-rampart-ignore: { path-keys-no-trailing-slash: "legacy clients call it" }
    get:
      operationId: listUsers
      responses: { '200': { description: ok } }
`;
writeFileSync(path.join(dir, 'api.yaml'), SPEC);
// Only the two rules this test plays with, so rules added to the built-in sets later do not change it.
writeFileSync(path.join(dir, 'ruleset.yaml'), 'extends: [[rampart:recommended, off]]\nrules:\n  path-keys-no-trailing-slash: warn\n  operation-operationId-unique: error\n');
writeFileSync(path.join(dir, 'clean.yaml'), `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\n`);

async function lint(...formats: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['lint', 'api.yaml', 'clean.yaml', '--ruleset', 'ruleset.yaml', ...formats.flatMap((format) => ['--format', format])], {
    cwd: dir,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    env: {},
  });
  return { code, stdout, stderr };
}

test('cli: all four new formats written to files in one run', async () => {
  const result = await lint('sarif:out/report.sarif', 'junit:out/junit.xml', 'github:out/annotations.txt', 'markdown:out/summary.md', 'json');
  assert.equal(result.stderr, '');
  assert.equal(result.code, 1);
  const report = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; location: { line: number }; suppressed?: unknown }> };
  const active = report.findings.filter((finding) => !finding.suppressed);
  const suppressed = report.findings.filter((finding) => finding.suppressed);
  assert.deepEqual(active.map((finding) => [finding.ruleId, finding.location.line]), [['path-keys-no-trailing-slash', 4], ['operation-operationId-unique', 11]]);
  assert.deepEqual(suppressed.map((finding) => [finding.ruleId, finding.location.line]), [['path-keys-no-trailing-slash', 8]]);

  const ajv = new AjvDraft04({ allErrors: true, strict: false, logger: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  const log = JSON.parse(readFileSync(path.join(dir, 'out/report.sarif'), 'utf8')) as { runs: Array<{ results: Array<Record<string, any>>; artifacts: Array<Record<string, any>> }> };
  assert.equal(validate(log), true, JSON.stringify(validate.errors));
  const results = log.runs[0]!.results;
  assert.equal(results.length, report.findings.length);
  const trailing = results.find((result) => result.ruleId === 'path-keys-no-trailing-slash' && !result.suppressions)!;
  assert.deepEqual(trailing.locations[0].physicalLocation.artifactLocation, { uri: 'api.yaml', uriBaseId: '%SRCROOT%', index: 0 });
  assert.equal(trailing.locations[0].physicalLocation.region.startLine, 4);
  assert.match(trailing.partialFingerprints['rampartFingerprint/v1'], /^[0-9a-f]{32}$/);
  const silenced = results.find((result) => result.suppressions)!;
  assert.deepEqual(silenced.suppressions, [{ kind: 'inSource', justification: 'legacy clients call it' }]);
  assert.deepEqual(log.runs[0]!.artifacts.map((artifact) => artifact.location.uri), ['api.yaml', 'clean.yaml']);

  const junit = parseXml(readFileSync(path.join(dir, 'out/junit.xml'), 'utf8'));
  const suites = elements(junit, 'testsuite');
  assert.deepEqual(suites.map((suite) => suite.attributes.name), ['api.yaml', 'clean.yaml']);
  assert.deepEqual(elements(suites[1]!, 'testcase').map((testCase) => testCase.attributes.name), ['rampart lint']);
  assert.equal(Number(junit.attributes.skipped), 1);
  assert.equal(Number(junit.attributes.failures), active.length);

  const annotations = readFileSync(path.join(dir, 'out/annotations.txt'), 'utf8').trimEnd().split('\n');
  assert.equal(annotations.length, active.length);
  assert.ok(annotations.includes('::warning file=api.yaml,line=4,col=3,endLine=4,endColumn=10,title=path-keys-no-trailing-slash::Path must not end with slash.%0AFix: Remove the trailing slash from the path key.'), annotations.join('\n'));

  const summary = readFileSync(path.join(dir, 'out/summary.md'), 'utf8');
  assert.match(summary, /^## (❌|⚠️) Rampart lint: \d+ problems? \(.*\), 1 suppressed\n/);
  assert.match(summary, /\| 🟠 warning \| \[path-keys-no-trailing-slash\]\(https:\/\/[^)]+\) \| api\.yaml:4 \| Path must not end with slash\. \|/);
});

test('cli: an unknown format lists the available ones', async () => {
  const result = await lint('sarif2');
  assert.equal(result.code, 2);
  assert.match(result.stderr, /unknown format "sarif2"\. Available: stylish, json, sarif, junit, github, markdown/);
});
