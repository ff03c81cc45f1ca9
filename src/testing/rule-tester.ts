import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runRules } from '../lint/engine.js';
import type { Rule } from '../lint/rule.js';
import type { RawFinding, RuleSelection } from '../lint/rule-settings.js';
import { loadDocument } from '../spec/document.js';

export interface ExpectedError {
  messageId: string;
  pointer: string;
  /** File the finding points into, relative to the test's virtual folder; default the root. */
  file?: string;
  line?: number;
  column?: number;
  /** Exact message, when the case is about the wording. */
  message?: string;
  /** Related locations, as pointers (prefixed by `file#` outside the root file); checked whenever a finding has them. */
  related?: string[];
}

export interface ValidCase {
  name: string;
  spec: string;
  /** Other files of a multi-file document, by relative path. */
  files?: Record<string, string>;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

const ROOT = path.resolve('/virtual/api');

/** Runs one rule alone over an in-memory document and returns what it reported. */
export async function runSingleRule(rule: Rule, spec: string, files: Record<string, string> = {}): Promise<RawFinding[]> {
  const overlay = new Map<string, string>([[path.join(ROOT, 'openapi.yaml'), spec]]);
  for (const [name, text] of Object.entries(files)) overlay.set(path.join(ROOT, name), text);
  const document = await loadDocument(path.join(ROOT, 'openapi.yaml'), { cwd: ROOT, overlay, overlayOnly: true });
  const selection: RuleSelection = {
    definitions: new Map([[rule.id, { id: rule.id, description: rule.meta.description, defaultSeverity: rule.meta.defaultSeverity, recommended: true, owasp: [], cwe: [], builtin: rule }]]),
    base: new Map([[rule.id, { severity: rule.meta.defaultSeverity }]]),
    overrides: [],
  };
  const before = structuredClone(document.root.value);
  const findings = runRules(document, selection);
  assert.deepEqual(document.root.value, before, 'the rule mutated the document');
  return findings;
}

/** Table-driven rule tests that check themselves: names unique, messageIds real, each case exact. */
export function runRuleTests(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    it('has well-formed cases', () => {
      assert.ok(cases.valid.length > 0, 'at least one valid case');
      assert.ok(cases.invalid.length > 0, 'at least one invalid case');
      const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
      assert.equal(new Set(names).size, names.length, `duplicate case names: ${names.filter((n, i) => names.indexOf(n) !== i).join(', ')}`);
      const specs = [...cases.valid, ...cases.invalid].map((c) => c.spec + JSON.stringify(c.files ?? {}));
      assert.equal(new Set(specs).size, specs.length, 'duplicate case inputs');
      for (const invalid of cases.invalid) {
        assert.ok(invalid.errors.length > 0, `invalid case "${invalid.name}" expects no error`);
        for (const error of invalid.errors) assert.ok(error.messageId in rule.meta.messages, `unknown messageId "${error.messageId}" in "${invalid.name}"`);
      }
    });
    for (const valid of cases.valid) {
      it(`valid: ${valid.name}`, async () => {
        const findings = await runSingleRule(rule, valid.spec, valid.files);
        assert.deepEqual(findings.map(describeFinding), []);
      });
    }
    for (const invalid of cases.invalid) {
      it(`invalid: ${invalid.name}`, async () => {
        const findings = await runSingleRule(rule, invalid.spec, invalid.files);
        const actual = findings.map((finding, i) => {
          const expected = invalid.errors[i];
          const out: Record<string, unknown> = { messageId: finding.messageId ?? finding.ruleId, pointer: finding.location.pointer };
          const file = path.relative(ROOT, finding.location.source.uri);
          if (expected?.file !== undefined || file !== 'openapi.yaml') out.file = file;
          if (expected?.line !== undefined || expected?.column !== undefined) {
            const range = finding.location.source.range(finding.location.pointer, { key: finding.location.onKey, keyLine: rule.meta.spectralPositions === true });
            if (expected.line !== undefined) out.line = range.line;
            if (expected.column !== undefined) out.column = range.column;
          }
          if (expected?.message !== undefined) out.message = finding.message;
          if (expected?.related !== undefined || finding.related) {
            out.related = (finding.related ?? []).map((at) => {
              const relatedFile = path.relative(ROOT, at.source.uri);
              return relatedFile === 'openapi.yaml' ? at.pointer : `${relatedFile}#${at.pointer}`;
            });
          }
          return out;
        });
        assert.deepEqual(actual, invalid.errors.map((e) => ({ ...e })));
      });
    }
  });
}

function describeFinding(finding: RawFinding): string {
  return `${finding.ruleId} ${finding.location.pointer}: ${finding.message}`;
}
