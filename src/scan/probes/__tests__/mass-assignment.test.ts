import assert from 'node:assert/strict';
import { test } from 'node:test';
import { candidateProperties, injectedValue, persistedVerdict } from '../mass-assignment.js';
import { apiOf } from './schemas.js';

test('mass assignment: candidates, injected values and the persisted verdict', async () => {
  const { schema } = await apiOf({
    Account: { type: 'object', properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' }, balance: { type: 'number', readOnly: true } } },
    AccountInput: { type: 'object', properties: { name: { type: 'string' } } },
    AccountOut: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', enum: ['user', 'admin'] }, color: { type: 'string' } } },
  });
  assert.deepEqual(candidateProperties(schema('Account'), schema('Account')).map((item) => item.name), ['balance']);
  assert.deepEqual(candidateProperties(schema('AccountInput'), schema('AccountOut')).map((item) => item.name), ['role']);
  assert.equal(injectedValue(schema('Account').properties.get('balance')!, 0), 1000000);
  assert.equal(injectedValue(schema('AccountOut').properties.get('role')!, 'user'), 'admin');
  const cases: [string, unknown, unknown, unknown, boolean][] = [
    ['vulnerable: injected balance read back', 1000000, 0, 1000000, true],
    ['fixed: server kept its own value', 1000000, 0, 0, false],
    ['false positive: injected value equals the default', 'user', 'user', 'user', false],
    ['not judged: property absent on read', 'admin', 'user', undefined, false],
  ];
  for (const [name, injected, baseline, readBack, expected] of cases) assert.equal(persistedVerdict(injected, baseline, readBack), expected, name);
});
