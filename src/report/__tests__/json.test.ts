import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { countBySeverity, type Finding } from '../../core/finding.js';
import { json, jsonChunks, JSON_REPORT_VERSION } from '../json.js';
import { basicAuth, context, finding, operationFinding } from './fixtures.js';

const render = (findings: Finding[], blocks?: Record<string, unknown>) => JSON.parse(json(findings, context({ blocks }))) as Record<string, unknown>;

const cases: Array<{ name: string; findings: Finding[]; blocks?: Record<string, unknown>; expected: Record<string, unknown> }> = [
  {
    name: 'empty report keeps the contract shape',
    findings: [],
    expected: { version: 1, tool: { name: 'rampart', version: '1.2.3' }, findings: [], summary: { error: 0, warning: 0, info: 0, hint: 0 } },
  },
  {
    name: 'document and operation locations, owasp/cwe arrays, evidence and reproduce',
    findings: [finding(), operationFinding],
    expected: {
      version: 1,
      tool: { name: 'rampart', version: '1.2.3' },
      findings: [
        {
          ruleId: 'operation-tags',
          severity: 'warning',
          message: 'Operation GET /users has no tags.',
          location: { file: 'api/openapi.yaml', pointer: '/paths/~1users/get', line: 12, column: 5, endLine: 12, endColumn: 8 },
          owasp: [],
          cwe: [],
          docsUrl: 'https://docs.example/rules/operation-tags.md',
          fingerprint: 'fp-tags-users',
        },
        {
          ruleId: 'bola-two-users',
          severity: 'error',
          message: "User B can read user A's order.",
          location: { method: 'get', path: '/orders/{orderId}', host: 'api.example.com' },
          owasp: ['API1:2023'],
          cwe: ['CWE-639'],
          evidence: { status: 200 },
          reproduce: 'curl -H "Authorization: Bearer <B>" https://api.example.com/orders/1',
          fingerprint: 'fp-bola',
        },
      ],
      summary: { error: 1, warning: 1, info: 0, hint: 0 },
    },
  },
  {
    name: 'stage fields are lifted to the top level of a finding but cannot replace contract keys',
    findings: [finding({ fields: { level: 'breaking', changeId: 'endpoint-removed', ruleId: 'spoofed', severity: 'hint' }, fingerprint: undefined, docsUrl: undefined })],
    expected: {
      version: 1,
      tool: { name: 'rampart', version: '1.2.3' },
      findings: [
        {
          ruleId: 'operation-tags',
          severity: 'warning',
          message: 'Operation GET /users has no tags.',
          location: { file: 'api/openapi.yaml', pointer: '/paths/~1users/get', line: 12, column: 5, endLine: 12, endColumn: 8 },
          owasp: [],
          cwe: [],
          level: 'breaking',
          changeId: 'endpoint-removed',
        },
      ],
      summary: { error: 0, warning: 1, info: 0, hint: 0 },
    },
  },
  {
    name: 'suppressed findings are listed with their suppression and not counted',
    findings: [{ ...basicAuth, suppressed: { kind: 'baseline', justification: 'accepted risk' }, relatedLocations: [{ file: 'api/other.yaml', pointer: '/a' }] }],
    expected: {
      version: 1,
      tool: { name: 'rampart', version: '1.2.3' },
      findings: [
        {
          ruleId: 'no-http-basic',
          severity: 'error',
          message: 'Security scheme "basic" uses HTTP Basic.',
          location: { file: 'api/openapi.yaml', pointer: '/components/securitySchemes/basic', line: 40, column: 5, endLine: 42, endColumn: 20 },
          relatedLocations: [{ file: 'api/other.yaml', pointer: '/a' }],
          owasp: ['API2:2023'],
          cwe: ['CWE-522'],
          docsUrl: 'https://docs.example/rules/no-http-basic.md',
          fingerprint: 'fp-basic',
          suppressed: { kind: 'baseline', justification: 'accepted risk' },
        },
      ],
      summary: { error: 0, warning: 0, info: 0, hint: 0 },
    },
  },
  {
    name: 'stage blocks are added at the top level; contract keys win',
    findings: [],
    blocks: { score: { score: 80 }, summary: 'spoofed', version: 99 },
    expected: { version: 1, tool: { name: 'rampart', version: '1.2.3' }, findings: [], summary: { error: 0, warning: 0, info: 0, hint: 0 }, score: { score: 80 } },
  },
];

for (const { name, findings, blocks, expected } of cases) {
  test(`json: ${name}`, () => {
    assert.deepEqual(render(findings, blocks), expected);
  });
}

test('json: version is the documented contract version and keys come in contract order', () => {
  assert.equal(JSON_REPORT_VERSION, 1);
  const text = json([finding({ fields: { level: 'info' } })], context({ blocks: { score: 1 } }));
  assert.deepEqual(Object.keys(JSON.parse(text) as object), ['version', 'tool', 'findings', 'summary', 'score']);
  assert.deepEqual(Object.keys((JSON.parse(text) as { findings: object[] }).findings[0]!), [
    'ruleId', 'severity', 'message', 'location', 'owasp', 'cwe', 'docsUrl', 'fingerprint', 'level',
  ]);
  assert.ok(text.endsWith('}\n'));
});

test('json: written piece by piece, the text is exactly JSON.stringify(report, null, 2)', () => {
  const messages = ['plain', 'with "quotes" and a\nnewline', 'tab\tand unicode ✓ \u2028'];
  const sets: Finding[][] = [[], [finding()], [finding({ message: messages[1]! }), operationFinding, basicAuth], messages.map((message) => finding({ message, fields: { level: 'info' } }))];
  for (const findings of sets) {
    for (const blocks of [undefined, { score: { overall: 80, categories: { a: [1, { b: null }] } } }, { inventory: [] }]) {
      const ctx = context({ blocks });
      const text = [...jsonChunks(findings, ctx)].join('');
      assert.equal(text, JSON.stringify(JSON.parse(text), null, 2) + '\n');
      assert.equal(text, json(findings, ctx));
      assert.deepEqual(Object.keys(JSON.parse(text) as object), ['version', 'tool', 'findings', 'summary', ...Object.keys(blocks ?? {})]);
    }
  }
});

test('json: findings of one rule that share their lists still differ in every other field', () => {
  // The direct path reuses a rule's text while its findings agree; each change must show.
  const owasp = ['API2:2023'];
  const cwe = ['CWE-522'];
  const none: string[] = [];
  const same = { ruleId: 'no-http-basic', owasp, cwe };
  const findings = [
    finding({ ...same, severity: 'error', fix: 'Use OAuth 2.', docsUrl: 'https://docs.example/a' }),
    finding({ ...same, severity: 'error', fix: 'Use OAuth 2.', docsUrl: 'https://docs.example/a', message: 'again' }),
    finding({ ...same, severity: 'warning', fix: 'Use OAuth 2.', docsUrl: 'https://docs.example/a' }),
    finding({ ...same, severity: 'warning', fix: 'Use mTLS.', docsUrl: 'https://docs.example/a' }),
    finding({ ...same, severity: 'warning', fix: undefined, docsUrl: 'https://docs.example/a' }),
    finding({ ...same, severity: 'warning', fix: undefined, docsUrl: 'https://docs.example/b' }),
    finding({ ...same, severity: 'warning', fix: undefined, docsUrl: undefined }),
    finding({ ...same, cwe: none, severity: 'warning', fix: undefined, docsUrl: undefined, location: { file: 'other.yaml', pointer: '', line: 1, column: 1, endLine: 1, endColumn: 1 } }),
    finding({ ...same, cwe: none, owasp: ['API8:2023'], severity: 'warning', fix: undefined, docsUrl: undefined, location: { file: 'other.yaml', pointer: '', line: 1, column: 1, endLine: 1, endColumn: 1 } }),
  ];
  const text = [...jsonChunks(findings, context())].join('');
  assert.equal(text, JSON.stringify({ version: 1, tool: { name: 'rampart', version: '1.2.3' }, findings: findings.map(contractOrder), summary: countBySeverity(findings) }, null, 2) + '\n');
});

test('json: lint findings (written by the direct path) read exactly as JSON.stringify writes them, whatever their text', () => {
  const text = fc.string({ unit: 'binary', maxLength: 40 });
  const lintFinding = fc.record(
    {
      ruleId: text,
      severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const, 'hint' as const),
      message: text,
      location: fc.record({ file: text, pointer: text, line: fc.nat(), column: fc.nat(), endLine: fc.nat(), endColumn: fc.nat() }),
      owasp: fc.array(text, { maxLength: 3 }),
      cwe: fc.array(text, { maxLength: 3 }),
      fix: text,
      docsUrl: text,
      fingerprint: text,
    },
    { requiredKeys: ['ruleId', 'severity', 'message', 'location', 'owasp', 'cwe'] },
  );
  // Shapes that must take the generic path: a location in another key order, a missing line, an operation.
  const other = fc.constantFrom<Finding>(
    finding({ location: { pointer: '/a', file: 'b.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 } }),
    finding({ location: { file: 'b.yaml', pointer: '/a' } }),
    operationFinding,
  );
  fc.assert(
    fc.property(fc.array(fc.oneof(lintFinding as fc.Arbitrary<Finding>, other), { maxLength: 5 }), (findings) => {
      const rendered = [...jsonChunks(findings, context())].join('');
      assert.equal(rendered, JSON.stringify({ version: 1, tool: { name: 'rampart', version: '1.2.3' }, findings: findings.map(contractOrder), summary: countBySeverity(findings) }, null, 2) + '\n');
    }),
    { numRuns: 300 },
  );
});

/** A finding's keys in the report's order (the direct path must match the generic one). */
function contractOrder(finding: Finding): Record<string, unknown> {
  const { ruleId, severity, message, location, relatedLocations, owasp, cwe, fix, docsUrl, evidence, reproduce, fingerprint, suppressed } = finding;
  return { ruleId, severity, message, location, relatedLocations, owasp, cwe, fix, docsUrl, evidence, reproduce, fingerprint, suppressed };
}
