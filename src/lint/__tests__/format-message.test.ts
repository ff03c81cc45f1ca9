import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMessage } from '../format-message.js';

const cases: Array<[string, Record<string, unknown> | undefined, string]> = [
  ['no placeholder', undefined, 'no placeholder'],
  ['Operation {{method}} {{path}} has no tags.', { method: 'GET', path: '/users' }, 'Operation GET /users has no tags.'],
  ['{{a}}{{b}}', { a: 1, b: false }, '1false'],
  ['spaces {{ name }} inside', { name: 'ok' }, 'spaces ok inside'],
  ['dotted {{error.message}} and dashed {{x-y}}', { 'error.message': 'm', 'x-y': 'n' }, 'dotted m and dashed n'],
  ['unknown {{missing}} stays, known {{known}}', { known: 'k' }, 'unknown {{missing}} stays, known k'],
  ['unknown {{ spaced }} stays as written', {}, 'unknown {{ spaced }} stays as written'],
  ['a value that looks like a placeholder is not filled again: {{v}}', { v: '{{v}}' }, 'a value that looks like a placeholder is not filled again: {{v}}'],
  ['not a placeholder: {{ }} {{a b}} {single}', { a: 1 }, 'not a placeholder: {{ }} {{a b}} {single}'],
  ['{{n}} at the start and end {{n}}', { n: 0 }, '0 at the start and end 0'],
];

for (const [template, data, expected] of cases) {
  test(`formatMessage: ${JSON.stringify(template)}`, () => {
    assert.equal(formatMessage(template, data), expected);
    // Twice: the second call uses the compiled template.
    assert.equal(formatMessage(template, data), expected);
  });
}
