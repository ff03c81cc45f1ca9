import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../core/finding.js';
import { stylish } from '../stylish.js';
import { basicAuth, context, finding, operationFinding } from './fixtures.js';

const hint = finding({ ruleId: 'schema-description', severity: 'hint', message: 'Schema has no description.', location: { file: 'api/schemas/user.yaml', pointer: '', line: 3, column: 1 } });

const cases: Array<{ name: string; findings: Finding[]; color?: boolean; expected: string }> = [
  { name: 'no findings', findings: [], expected: '✔ No problems found.\n' },
  { name: 'only suppressed findings', findings: [finding({ suppressed: { kind: 'baseline' } })], expected: '✔ No problems found, 1 suppressed.\n' },
  {
    name: 'grouped by file, then operations by host; aligned columns; summary counts by severity',
    findings: [finding(), basicAuth, hint, operationFinding, finding({ severity: 'info', message: 'hidden', suppressed: { kind: 'inline' } })],
    expected: [
      'api/openapi.yaml',
      '  12:5  warning  Operation GET /users has no tags.         operation-tags',
      '  40:5  error    Security scheme "basic" uses HTTP Basic.  no-http-basic',
      '',
      'api/schemas/user.yaml',
      '  3:1  hint  Schema has no description.  schema-description',
      '',
      'api.example.com',
      "  GET /orders/{orderId}  error  User B can read user A's order.  bola-two-users",
      '',
      '✖ 4 problems (2 errors, 1 warning, 1 hint), 1 suppressed',
      '',
    ].join('\n'),
  },
  {
    name: 'singular wording and "infos"',
    findings: [finding({ severity: 'info' }), finding({ severity: 'info', location: { file: 'api/openapi.yaml', pointer: '/x', line: 2, column: 1 } }), finding({ severity: 'error', ruleId: 'r', message: 'm' })],
    expected: [
      'api/openapi.yaml',
      '  12:5  info   Operation GET /users has no tags.  operation-tags',
      '  2:1   info   Operation GET /users has no tags.  operation-tags',
      '  12:5  error  m                                  r',
      '',
      '✖ 3 problems (1 error, 2 infos)',
      '',
    ].join('\n'),
  },
  {
    name: 'operation without host is grouped under (api)',
    findings: [{ ...operationFinding, location: { method: 'delete', path: '/users/{id}' } }],
    expected: ['(api)', "  DELETE /users/{id}  error  User B can read user A's order.  bola-two-users", '', '✖ 1 problem (1 error)', ''].join('\n'),
  },
  {
    name: 'colour on: underlined file, dim position and rule, severity colour, bold summary',
    findings: [finding()],
    color: true,
    expected:
      '\u001b[4mapi/openapi.yaml\u001b[24m\n' +
      '  \u001b[2m12:5\u001b[22m  \u001b[33mwarning\u001b[39m  Operation GET /users has no tags.  \u001b[2moperation-tags\u001b[22m\n' +
      '\n' +
      '\u001b[33m\u001b[1m✖ 1 problem (1 warning)\u001b[22m\u001b[39m\n',
  },
  {
    name: 'colour on, clean',
    findings: [],
    color: true,
    expected: '\u001b[1m✔ No problems found.\u001b[22m\n',
  },
];

for (const { name, findings, color, expected } of cases) {
  test(`stylish: ${name}`, () => {
    assert.equal(stylish(findings, context({ color: Boolean(color) })), expected);
  });
}

test('stylish: colour off never emits escape sequences', () => {
  const output = stylish([finding(), basicAuth, hint, operationFinding], context({ color: false }));
  assert.doesNotMatch(output, /\u001b/);
});
