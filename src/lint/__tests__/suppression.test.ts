import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { yaml } from '../../testing/dedent.js';
import { lint } from '../lint.js';
import type { RuleSelection } from '../rule-settings.js';
import { definitionOf } from '../rulesets.js';
import { builtinRules } from '../rules/index.js';

const root = mkdtempSync(path.join(tmpdir(), 'rampart-suppression-'));
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

/** A document with a trailing-slash path (line 4) and a duplicate operationId (line 10); `ignore` goes under the /a/ path item. */
function documentWith(ignore: string, at: 'pathItem' | 'root' = 'pathItem'): string {
  const rootIgnore = at === 'root' ? `${ignore}\n` : '';
  const itemIgnore = at === 'pathItem' ? ignore.replace(/^/gm, '    ') + '\n' : '';
  return (
    rootIgnore +
    yaml`
      openapi: 3.0.3
      info: { title: T, version: '1' }
      paths:
        /a/:
    ` +
    itemIgnore +
    yaml`
          get:
            operationId: one
            responses: { '200': { description: ok } }
        /b:
          post:
            operationId: one
            responses: { '200': { description: ok } }
    `.replace(/^/gm, '  ').replace(/\n  $/, '\n')
  );
}

async function suppressionsOf(text: string): Promise<Record<string, unknown>> {
  const file = path.join(root, 'api.yaml');
  writeFileSync(file, text);
  const result = await lint(file, { cwd: root, selection: pinned() });
  assert.deepEqual(result.errors, []);
  return Object.fromEntries(result.findings.map((finding) => [finding.ruleId, finding.suppressed ?? null]));
}

const cases: { name: string; ignore: string; at?: 'pathItem' | 'root'; expected: Record<string, unknown> }[] = [
  {
    name: 'nothing ignored',
    ignore: 'x-other: 1',
    expected: { 'path-keys-no-trailing-slash': null, 'operation-operationId-unique': null },
  },
  {
    name: 'a list of rule ids',
    ignore: 'x-rampart-ignore: [path-keys-no-trailing-slash, operation-tags]',
    expected: { 'path-keys-no-trailing-slash': { kind: 'inline' }, 'operation-operationId-unique': null },
  },
  {
    name: 'a mapping of rule id to reason',
    ignore: 'x-rampart-ignore:\n  path-keys-no-trailing-slash: legacy clients call it with the slash',
    expected: { 'path-keys-no-trailing-slash': { kind: 'inline', justification: 'legacy clients call it with the slash' }, 'operation-operationId-unique': null },
  },
  {
    name: 'a list of { rule, reason }',
    ignore: 'x-rampart-ignore:\n  - rule: path-keys-no-trailing-slash\n    reason: frozen v1 path\n  - rule: operation-tags',
    expected: { 'path-keys-no-trailing-slash': { kind: 'inline', justification: 'frozen v1 path' }, 'operation-operationId-unique': null },
  },
  {
    name: 'on an ancestor (the root) it covers the whole file',
    ignore: 'x-rampart-ignore: [operation-operationId-unique]',
    at: 'root',
    expected: { 'path-keys-no-trailing-slash': null, 'operation-operationId-unique': { kind: 'inline' } },
  },
  {
    name: 'on a sibling subtree it does not apply',
    ignore: 'x-rampart-ignore: [operation-operationId-unique]',
    expected: { 'path-keys-no-trailing-slash': null, 'operation-operationId-unique': null },
  },
];

for (const item of cases) {
  test(`x-rampart-ignore: ${item.name}`, async () => {
    assert.deepEqual(await suppressionsOf(documentWith(item.ignore, item.at)), item.expected);
  });
}

/** A misspelt id in x-rampart-ignore silences nothing: it is reported, with the close rule ids. */
const unknownNames: { name: string; ignore: string; expected: string[] }[] = [
  { name: 'known ids of any built-in rule, also one not selected', ignore: 'x-rampart-ignore: [path-keys-no-trailing-slash, owasp-api4-rate-limit]', expected: [] },
  {
    name: 'a misspelt id in a list',
    ignore: 'x-rampart-ignore: [path-key-no-trailing-slash]',
    expected: ['5:24 /paths/~1a~1/x-rampart-ignore/0 x-rampart-ignore names "path-key-no-trailing-slash", which is not a rule. Did you mean "path-keys-no-trailing-slash"?'],
  },
  {
    name: 'an unknown id as a key, with its reason',
    ignore: 'x-rampart-ignore: { no-such-rule: "accepted" }',
    expected: ['5:25 /paths/~1a~1/x-rampart-ignore/no-such-rule x-rampart-ignore names "no-such-rule", which is not a rule.'],
  },
  {
    name: 'an unknown id in a { rule, reason } entry',
    ignore: 'x-rampart-ignore:\n  - { rule: operation-operationId-uniqe, reason: legacy }',
    expected: ['6:17 /paths/~1a~1/x-rampart-ignore/0/rule x-rampart-ignore names "operation-operationId-uniqe", which is not a rule. Did you mean "operation-operationId" or "operation-operationId-unique"?'],
  },
];

for (const { name, ignore, expected } of unknownNames) {
  test(`x-rampart-ignore naming unknown rules: ${name}`, async () => {
    const file = path.join(root, 'unknown.yaml');
    writeFileSync(file, documentWith(ignore));
    const result = await lint(file, { cwd: root, selection: pinned() });
    const reported = result.findings
      .filter((finding) => finding.ruleId === 'suppression-unknown-rule')
      .map((finding) => {
        const location = finding.location as { line: number; column: number; pointer: string };
        assert.equal(finding.severity, 'warning');
        return `${location.line}:${location.column} ${location.pointer} ${finding.message}`;
      });
    assert.deepEqual(reported, expected);
  });
}
