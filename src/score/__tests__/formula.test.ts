import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../core/finding.js';
import type { Severity } from '../../core/severity.js';
import { gradeOf, scoreFindings, type ScoredRule } from '../formula.js';
import { operationKey } from '../gates.js';

const finding = (ruleId: string, severity: Severity = 'error', suppressed = false): Finding => ({
  ruleId,
  severity,
  message: 'm',
  location: { file: 'api.yaml', pointer: '' },
  owasp: [],
  cwe: [],
  ...(suppressed ? { suppressed: { kind: 'inline' as const } } : {}),
});
const many = (ruleId: string, count: number, severity: Severity = 'error') => Array.from({ length: count }, () => finding(ruleId, severity));

/** Four security rules (weights 3+3+2+1 = 9), one design rule, one documentation rule. */
const RULES: ScoredRule[] = [
  { id: 'sec-a', severity: 'error', owasp: ['API2:2023'] },
  { id: 'sec-b', severity: 'error', owasp: ['API4:2023'] },
  { id: 'sec-c', severity: 'warning', owasp: ['API4:2023'] },
  { id: 'sec-d', severity: 'info', owasp: ['API8:2023'] },
  { id: 'no-verbs-in-paths', severity: 'warning', owasp: [] },
  { id: 'operation-description', severity: 'warning', owasp: [] },
];

describe('score formula', () => {
  const cases: { name: string; findings: Finding[]; operations: number; expect: Record<string, number>; overall: number }[] = [
    { name: 'no findings: 100 everywhere', findings: [], operations: 10, expect: { security: 100, design: 100, documentation: 100, 'API2:2023': 100 }, overall: 100 },
    // sec-a fails on every operation: f = 1, cost = 100·3/9 = 33.3 → 67; API2 has only sec-a → 0; overall 0.5·67 + 30 + 20 = 83.5 → 84.
    { name: 'one error rule failing everywhere', findings: many('sec-a', 10), operations: 10, expect: { security: 67, 'API2:2023': 0, 'API4:2023': 100 }, overall: 84 },
    // A noisy rule with 1000 findings on 10 operations costs no more than one failing everywhere.
    { name: 'a noisy rule is capped at its share', findings: many('sec-a', 1000), operations: 10, expect: { security: 67 }, overall: 84 },
    // 1 finding in 100 operations: f = 0.25 + 0.75·√0.01 = 0.325, cost = 100·3·0.325/9 = 10.8 → 89.
    { name: 'one finding among many operations costs little', findings: many('sec-a', 1), operations: 100, expect: { security: 89, 'API2:2023': 68 }, overall: 95 },
    { name: 'suppressed findings are free', findings: [finding('sec-a', 'error', true)], operations: 1, expect: { security: 100 }, overall: 100 },
    // design rule fails everywhere: design has one rule → 0; overall = 0.5·100 + 0.3·0 + 0.2·100 = 70.
    { name: 'categories weigh 50/30/20', findings: many('no-verbs-in-paths', 5, 'warning'), operations: 5, expect: { design: 0, documentation: 100, security: 100 }, overall: 70 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = scoreFindings(c.findings, RULES, c.operations);
      const actual = Object.fromEntries(Object.keys(c.expect).map((id) => [id, result.categories[id]!.score]));
      assert.deepEqual(actual, c.expect);
      assert.equal(result.overall, c.overall);
      assert.equal(result.grade, gradeOf(c.overall));
    });
  }

  it('explains the loss: costs add up to 100 − score and name the rules', () => {
    const result = scoreFindings([...many('sec-a', 4), ...many('sec-c', 2, 'warning')], RULES, 4);
    const security = result.categories.security!;
    const lost = security.costs.reduce((sum, cost) => sum + cost.cost, 0);
    assert.ok(Math.abs(100 - security.score - lost) < 1, `costs ${lost} vs score ${security.score}`);
    assert.deepEqual(security.costs.map((cost) => [cost.ruleId, cost.findings]), [['sec-a', 4], ['sec-c', 2]]);
    assert.equal(security.findings, 6);
    assert.equal(security.rules, 4);
  });

  it('is deterministic', () => {
    const input = [...many('sec-b', 3), ...many('sec-d', 7, 'info'), finding('operation-description', 'warning')];
    assert.deepEqual(scoreFindings(input, RULES, 12), scoreFindings([...input].reverse(), RULES, 12));
  });

  it('weighs a hygiene rule a quarter and a critical rule four times a standard one of the same severity', () => {
    const rules: ScoredRule[] = [
      { id: 'owasp-api4-string-limit', severity: 'error', owasp: ['API4:2023'] }, // hygiene: 3 × 0.25
      { id: 'sec-b', severity: 'error', owasp: ['API4:2023'] }, // standard: 3
      { id: 'owasp-api2-no-http-basic', severity: 'error', owasp: ['API2:2023'] }, // critical: 12
    ];
    const costOf = (ruleId: string) => scoreFindings(many(ruleId, 4), rules, 4).categories.security!.costs[0]!;
    // Total weight 15.75: each failing everywhere costs 100 × w / 15.75.
    assert.deepEqual([costOf('owasp-api4-string-limit').cost, costOf('sec-b').cost, costOf('owasp-api2-no-http-basic').cost], [4.8, 19, 76.2]);
    assert.deepEqual([costOf('owasp-api4-string-limit').impact, costOf('sec-b').impact, costOf('owasp-api2-no-http-basic').impact], ['hygiene', 'standard', 'critical']);
  });

  it('caps a category by the share of operations a gate reports; suppressed findings do not count', () => {
    const rules: ScoredRule[] = [
      { id: 'owasp-api2-write-restricted', severity: 'error', owasp: ['API2:2023'] },
      { id: 'owasp-api2-read-restricted', severity: 'warning', owasp: ['API2:2023'] },
      { id: 'sec-b', severity: 'error', owasp: ['API4:2023'] },
    ];
    const at = (ruleId: string, pointer: string, suppressed = false): Finding => ({ ...finding(ruleId, 'error', suppressed), location: { file: 'api.yaml', pointer } });
    const findings = [at('owasp-api2-write-restricted', '/paths/~1a/post/security'), at('owasp-api2-read-restricted', '/paths/~1a/get'), at('owasp-api2-read-restricted', '/paths/~1b/get', true)];
    const security = scoreFindings(findings, rules, 4).categories.security!;
    // 2 of 4 operations anonymous: cap = 100 − 70 × 0.5 = 65.
    assert.deepEqual(security.caps.map((cap) => [cap.gate, cap.limit, cap.reason]), [['authentication', 65, '2 of 4 operations can be called without authentication']]);
    assert.equal(security.score, Math.min(65, security.uncapped));
    assert.equal(scoreFindings(findings, rules, 4).categories['API2:2023']!.caps.length, 1);
    assert.equal(scoreFindings(findings, rules, 4).categories['API4:2023']!.caps.length, 0);
  });

  it('counts an operation once per gate: by its /paths pointer, or by file for one-operation files', () => {
    const at = (file: string, pointer: string): Finding => ({ ...finding('x'), location: { file, pointer } });
    assert.equal(operationKey(at('api.yaml', '/paths/~1a/get/responses/200')), operationKey(at('api.yaml', '/paths/~1a/get/requestBody')));
    assert.notEqual(operationKey(at('api.yaml', '/paths/~1a/get')), operationKey(at('api.yaml', '/paths/~1a/post')));
    assert.equal(operationKey(at('resources/apps/apps_create.yml', '/responses/200')), 'resources/apps/apps_create.yml');
  });

  it('grades', () => {
    assert.deepEqual([100, 90, 89, 80, 70, 60, 59, 0].map(gradeOf), ['A', 'A', 'B', 'B', 'C', 'D', 'F', 'F']);
  });
});
