import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exposedFields } from '../data-exposure.js';
import { apiOf } from './schemas.js';

test('excessive data exposure: undocumented sensitive fields only', async () => {
  const { schema } = await apiOf({
    User: { type: 'object', properties: { id: { type: 'string' }, email: { type: 'string' }, password: { type: 'string', writeOnly: true }, apiToken: { type: 'string' } } },
    Users: { type: 'array', items: { $ref: '#/components/schemas/User' } },
  });
  const cases: [string, unknown, string, string[]][] = [
    ['vulnerable: hash and SSN leak', { id: '1', email: 'a@b.c', passwordHash: 'abc', ssn: '219-09-9999' }, 'User', ['passwordHash', 'ssn']],
    ['vulnerable: write-only password returned', { id: '1', password: 'hunter2' }, 'User', ['password']],
    ['vulnerable: inside a list', [{ id: '1', cardNumber: '4111111111111111' }], 'Users', ['[].cardNumber']],
    ['fixed: documented fields only', { id: '1', email: 'a@b.c', apiToken: 'documented-token' }, 'User', []],
    ['false positive: undocumented but harmless', { id: '1', createdAt: '2024-01-01', nickname: 'al' }, 'User', []],
    ['false positive: undocumented e-mail alone', { id: '1', backupEmail: 'x@y.z' }, 'User', []],
  ];
  for (const [name, body, schemaName, expected] of cases) assert.deepEqual(exposedFields(body, schema(schemaName)).map((item) => item.field), expected, name);
});
