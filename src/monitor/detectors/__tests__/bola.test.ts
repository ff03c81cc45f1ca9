import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exchange, runDetector, summary, testContract, userToken } from '../../__tests__/harness.js';
import { idsGiven } from '../bola.js';

const alice = userToken('usr_1');
const bob = userToken('usr_2');

test('bola: enumeration of many object IDs by one identity', async () => {
  const contract = await testContract();
  const walk = Array.from({ length: 40 }, (_, k) => exchange({ at: k * 200, path: `/accounts/acc_${100 + k}`, token: bob, status: 404 }));
  const findings = runDetector('bola', walk, { contract, thresholds: { distinctIds: 30 } });
  assert.deepEqual(summary(findings), ['proxy-bola GET /accounts/{accountId} jwt:usr_2 enumeration']);
  assert.deepEqual(findings[0]!.owasp, ['API1:2023']);
});

test('bola: successful reads of IDs the identity was never given', async () => {
  const contract = await testContract();
  const traffic = [
    exchange({ at: 0, path: '/accounts', token: alice, responseJson: [{ id: 'acc_1' }, { id: 'acc_2' }, { id: 'acc_3' }] }),
    exchange({ at: 10, path: '/accounts', token: bob, responseJson: [{ id: 'acc_9' }] }),
    ...['acc_1', 'acc_2', 'acc_3'].map((id, k) => exchange({ at: 100 + k, path: `/accounts/${id}`, token: bob, responseJson: { id, balance: 1 } })),
  ];
  const findings = runDetector('bola', traffic, { contract });
  assert.deepEqual(summary(findings), ['proxy-bola GET /accounts/{accountId} jwt:usr_2 foreign-ids']);
  assert.equal(findings[0]!.evidence!.foreignReads, 3);
});

test('bola: benign mix (own IDs, from own listings and creations) does not alert', async () => {
  const contract = await testContract();
  const traffic = [
    exchange({ at: 0, path: '/accounts', token: alice, responseJson: [{ id: 'acc_1' }, { id: 'acc_2' }] }),
    exchange({ at: 1, path: '/accounts', token: bob, responseJson: [{ id: 'acc_9' }] }),
    ...Array.from({ length: 20 }, (_, k) => exchange({ at: 100 + k, path: `/accounts/acc_${1 + (k % 2)}`, token: alice, responseJson: { id: `acc_${1 + (k % 2)}`, balance: 1 } })),
    ...Array.from({ length: 5 }, (_, k) => exchange({ at: 200 + k, path: '/accounts/acc_9', token: bob, responseJson: { id: 'acc_9', balance: 1 } })),
  ];
  assert.deepEqual(runDetector('bola', traffic, { contract }), []);
});

test('bola false positives: public operations, anonymous callers and 404s on foreign IDs are not judged', async () => {
  const contract = await testContract();
  const traffic = [
    ...Array.from({ length: 50 }, (_, k) => exchange({ at: k, path: `/products/prd_${k}`, token: bob })),
    ...Array.from({ length: 50 }, (_, k) => exchange({ at: k, path: `/accounts/acc_${k}`, ip: '203.0.113.1', status: 401 })),
    ...Array.from({ length: 5 }, (_, k) => exchange({ at: 100 + k, path: `/accounts/acc_${k}`, token: bob, status: 404 })),
  ];
  assert.deepEqual(runDetector('bola', traffic, { contract }), []);
});

test('bola: IDs given are read from id, *Id and *_id keys, bounded', () => {
  assert.deepEqual(idsGiven({ id: 'a', items: [{ accountId: 'b', owner_id: 7, name: 'x' }], idea: 'no' }), ['a', 'b', '7']);
});
