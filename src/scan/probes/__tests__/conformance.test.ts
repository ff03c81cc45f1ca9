import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conformanceProblems } from '../conformance.js';
import { apiOf } from './schemas.js';

test('response conformance: status, content type, schema', async () => {
  const json = (schema: unknown) => ({ 'application/json': { schema } });
  const { operation } = await apiOf({}, {
    '/a': { get: { responses: { '200': { description: 'ok', content: json({ type: 'object', required: ['total'], properties: { total: { type: 'number' } } }) }, '4XX': { description: 'e', content: json({ type: 'object' }) } } } },
    '/b': { get: { responses: { '200': { description: 'ok', content: json({ type: 'object' }) }, default: { description: 'e', content: json({ type: 'object' }) } } } },
  });
  const a = operation('get', '/a');
  const b = operation('get', '/b');
  const rules = (op: typeof a, status: number, type: string | undefined, body: unknown) => conformanceProblems(op, status, type, JSON.stringify(body), body).map((problem) => problem.rule);
  const cases: [string, string[], string[]][] = [
    ['vulnerable: number sent as a string', rules(a, 200, 'application/json', { total: '12.50' }), ['schema']],
    ['vulnerable: undocumented 500', rules(a, 500, 'application/json', {}), ['status']],
    ['vulnerable: undocumented content type', rules(a, 200, 'text/html', {}), ['contentType']],
    ['fixed: conforming body', rules(a, 200, 'application/json; charset=utf-8', { total: 12.5 }), []],
    ['range 4XX covers 404', rules(a, 404, 'application/json', {}), []],
    ['default covers 500', rules(b, 500, 'application/json', {}), []],
  ];
  for (const [name, actual, expected] of cases) assert.deepEqual(actual, expected, name);
});
