import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { RampartError } from '../../core/errors.js';
import type { Finding } from '../../core/finding.js';
import { yaml } from '../../testing/dedent.js';
import { applyBaseline, createBaseline, parseBaseline, serializeBaseline, updateBaseline, type BaselineEntry } from '../baseline.js';
import { fingerprintOf } from '../engine.js';
import { lint } from '../lint.js';
import type { RuleSelection } from '../rule-settings.js';
import { definitionOf } from '../rulesets.js';
import { builtinRules } from '../rules/index.js';

const root = mkdtempSync(path.join(tmpdir(), 'rampart-baseline-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** Exactly these two rules, so that rules added to the built-in rulesets do not change the cases. */
function pinned(): RuleSelection {
  const selection: RuleSelection = { definitions: new Map(), base: new Map(), overrides: [] };
  for (const id of ['path-keys-no-trailing-slash', 'operation-operationId-unique']) {
    const rule = builtinRules[id]!;
    selection.definitions.set(id, definitionOf(rule));
    selection.base.set(id, { severity: rule.meta.defaultSeverity });
  }
  return selection;
}

/** Two findings: a trailing slash on /a/ and a reused operationId on POST /b. */
const original = yaml`
  openapi: 3.0.3
  info: { title: T, version: '1' }
  paths:
    /a/:
      get:
        operationId: one
        responses: { '200': { description: ok } }
    /b:
      post:
        operationId: one
        responses: { '200': { description: ok } }
    /c:
      get:
        operationId: three
        summary: untouched
        responses: { '200': { description: ok } }
`;

async function lintText(text: string, cwd = root): Promise<Finding[]> {
  const file = path.join(root, 'api.yaml');
  writeFileSync(file, text);
  const result = await lint(path.relative(cwd, file) || 'api.yaml', { cwd, selection: pinned() });
  assert.deepEqual(result.errors, []);
  return result.findings;
}

const place = { cwd: root, baselineDir: root };

/** Which rules report findings the baseline does not cover. */
async function newFindings(text: string): Promise<string[]> {
  const baseline = createBaseline(await lintText(original), place);
  return applyBaseline(await lintText(text), baseline, place)
    .filter((finding) => !finding.suppressed)
    .map((finding) => `${finding.ruleId} ${(finding.location as { pointer: string }).pointer}`);
}

test('the original document has the two findings the edits below play with', async () => {
  const findings = await lintText(original);
  assert.deepEqual(findings.map((finding) => finding.ruleId), ['path-keys-no-trailing-slash', 'operation-operationId-unique']);
});

const edits: { name: string; edit: (text: string) => string; expected: string[] }[] = [
  { name: 'unchanged', edit: (text) => text, expected: [] },
  { name: 'lines inserted above', edit: (text) => `# a comment\n# another\n${text.replace('info:', 'x-owner: team\ninfo:')}`, expected: [] },
  {
    name: 'unrelated keys reordered',
    edit: (text) => text.replace("info: { title: T, version: '1' }\n", '').replace('openapi: 3.0.3\n', "openapi: 3.0.3\ntags: []\n") + "info: { version: '1', title: T }\n",
    expected: [],
  },
  { name: 'another operation edited', edit: (text) => text.replace('summary: untouched', 'summary: edited\n      description: More words.'), expected: [] },
  { name: 'an unrelated path moved first', edit: (text) => text.replace(/(paths:\n)((?: {2}.*\n)+?)( {2}\/c:\n(?: {4}.*\n)+)/, '$1$3$2'), expected: [] },
  {
    // The duplicate names the first operation as a related location, not in its words: it stays accepted.
    name: 'the offending path renamed',
    edit: (text) => text.replace('/a/:', '/aa/:'),
    expected: ['path-keys-no-trailing-slash /paths/~1aa~1'],
  },
  { name: 'the first user of a duplicate operationId changes its method', edit: (text) => text.replace('/a/:\n    get:', '/a/:\n    put:'), expected: [] },
  {
    name: 'the duplicate operationId changed to another duplicate',
    edit: (text) => text.replace('operationId: three', 'operationId: two').replace(/(post:\n\s+operationId: )one/, '$1two'),
    expected: ['operation-operationId-unique /paths/~1c/get/operationId'],
  },
];

for (const item of edits) {
  test(`baseline after an edit: ${item.name}`, async () => {
    const edited = item.edit(original);
    if (item.name !== 'unchanged') assert.notEqual(edited, original, 'the edit must change the text');
    assert.deepEqual(await newFindings(edited), item.expected);
  });
}

test('entries are sorted, one per fingerprint, with paths relative to the baseline file', async () => {
  const findings = await lintText(original);
  const sub = path.join(root, 'ci');
  mkdirSync(sub, { recursive: true });
  const baseline = createBaseline([...findings, ...findings], { cwd: root, baselineDir: sub });
  assert.equal(baseline.version, 1);
  assert.deepEqual(
    baseline.findings.map(({ ruleId, file, pointer }) => ({ ruleId, file, pointer })),
    [
      { ruleId: 'path-keys-no-trailing-slash', file: '../api.yaml', pointer: '/paths/~1a~1' },
      { ruleId: 'operation-operationId-unique', file: '../api.yaml', pointer: '/paths/~1b/post/operationId' },
    ],
  );
  // Stable across runs, and it round-trips through the file format.
  assert.equal(serializeBaseline(createBaseline(findings, { cwd: root, baselineDir: sub })), serializeBaseline(baseline));
  assert.deepEqual(parseBaseline(serializeBaseline(baseline), path.join(sub, 'b.json'), 'b.json'), baseline);
});

test('a baseline matches from another working directory', async () => {
  const baseline = createBaseline(await lintText(original), place);
  const sub = path.join(root, 'nested');
  mkdirSync(sub, { recursive: true });
  const fromSub = await lintText(original, sub);
  assert.ok(fromSub.every((finding) => (finding.location as { file: string }).file === '../api.yaml'));
  const marked = applyBaseline(fromSub, baseline, { cwd: sub, baselineDir: root });
  assert.deepEqual(marked.map((finding) => finding.suppressed), [{ kind: 'baseline' }, { kind: 'baseline' }]);
});

test('findings suppressed inline are neither recorded nor re-marked', async () => {
  const text = original.replace('  /a/:\n', '  /a/:\n    x-rampart-ignore: [path-keys-no-trailing-slash]\n');
  const findings = await lintText(text);
  assert.deepEqual(findings[0]!.suppressed, { kind: 'inline' });
  const baseline = createBaseline(findings, place);
  assert.deepEqual(baseline.findings.map((entry) => entry.ruleId), ['operation-operationId-unique']);
  assert.deepEqual(applyBaseline(findings, baseline, place).map((finding) => finding.suppressed?.kind), ['inline', 'baseline']);
});

test('updating after a run over some files keeps the entries of the others', () => {
  const entry = (file: string, ruleId: string): BaselineEntry => ({ fingerprint: `${file}-${ruleId}`, ruleId, file, pointer: '/x', message: 'm' });
  const previous = { version: 1 as const, findings: [entry('api.yaml', 'old-rule'), entry('other/b.yaml', 'kept-rule'), entry('schemas/ref.yaml', 'ref-rule')] };
  const finding = (file: string, ruleId: string): Finding => ({ ruleId, severity: 'error', message: 'm', location: { file, pointer: '/y' }, owasp: [], cwe: [] });
  const updated = updateBaseline(previous, [finding('api.yaml', 'new-rule'), finding('schemas/ref.yaml', 'ref-rule')], ['api.yaml'], place);
  assert.deepEqual(
    updated.findings.map((item) => `${item.file} ${item.ruleId}`),
    ['api.yaml new-rule', 'other/b.yaml kept-rule', 'schemas/ref.yaml ref-rule'],
  );
  assert.deepEqual(updateBaseline(undefined, [finding('api.yaml', 'new-rule')], ['api.yaml'], place), createBaseline([finding('api.yaml', 'new-rule')], place));
});

test('a crashed rule is never accepted: neither recorded nor suppressed, even if a baseline lists it', () => {
  const crashed: Finding = { ruleId: 'rule-crashed', severity: 'error', message: 'Rule "r1" threw an exception and was stopped: boom', location: { file: 'api.yaml', pointer: '' }, owasp: [], cwe: [] };
  const other: Finding = { ...crashed, ruleId: 'r2', message: 'm' };
  assert.deepEqual(createBaseline([crashed, other], place).findings.map((entry) => entry.ruleId), ['r2']);
  // A baseline written by an older version, or by hand, that lists the crash with its real fingerprint.
  const listed = { version: 1 as const, findings: [{ fingerprint: fingerprintOf('rule-crashed', 'api.yaml', '', crashed.message), ruleId: 'rule-crashed', file: 'api.yaml', pointer: '', message: crashed.message }] };
  assert.deepEqual(applyBaseline([crashed], listed, place).map((finding) => finding.suppressed), [undefined]);
});

const badFiles: { name: string; text: string; expected: string | RegExp }[] = [
  { name: 'not an object', text: '[]', expected: 'b.json:1:1: baseline: expected a JSON object with "version" and "findings" [RAMPART_CONFIG_INVALID]' },
  { name: 'future version', text: '{\n  "version": 2,\n  "findings": []\n}', expected: 'b.json:2:3: baseline: unsupported version 2 (supported: 1) [RAMPART_CONFIG_INVALID]' },
  { name: 'entry without fingerprint', text: '{"version": 1, "findings": [{"ruleId": "a"}]}', expected: 'b.json:1:29: baseline: findings[0]: expected a string "fingerprint" [RAMPART_CONFIG_INVALID]' },
  { name: 'not JSON', text: '{"version": 1', expected: /^b\.json:1:\d+: invalid JSON: .+ \[RAMPART_PARSE_FAILED\]$/ }, // V8's wording varies by Node version
];

for (const item of badFiles) {
  test(`parseBaseline rejects: ${item.name}`, () => {
    let message = '';
    try {
      parseBaseline(item.text, path.join(root, 'b.json'), 'b.json');
    } catch (error) {
      assert.ok(error instanceof RampartError);
      message = error.toOneLine();
    }
    if (typeof item.expected === 'string') assert.equal(message, item.expected);
    else assert.match(message, item.expected);
  });
}
