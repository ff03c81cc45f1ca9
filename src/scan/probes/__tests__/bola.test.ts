import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bolaVerdict } from '../bola.js';

const r = (status: number, json: unknown) => ({ status, json });
test('BOLA verdict', () => {
  const account = { id: 'acc_1', ownerId: 'usr_1', balance: 5 };
  const cases: [string, Parameters<typeof bolaVerdict>, boolean][] = [
    ['vulnerable: B reads the same object', [r(200, account), r(200, account), r(401, {})], true],
    ['vulnerable: same id, a field differs (timestamps)', [r(200, { ...account, seenAt: 1 }), r(200, { ...account, seenAt: 2 }), undefined], true],
    ['fixed: 404 for B', [r(200, account), r(404, { error: 'not found' }), r(401, {})], false],
    ['false positive: public object (anonymous also 200)', [r(200, account), r(200, account), r(200, account)], false],
    ['false positive: B gets its own, different object', [r(200, account), r(200, { id: 'acc_9', ownerId: 'usr_2', balance: 0 }), r(401, {})], false],
    ['write: same shape counts', [r(200, account), r(200, { ...account, name: 'x' }), undefined, true], true],
  ];
  for (const [name, args, expected] of cases) assert.equal(bolaVerdict(...args), expected, name);
});
