import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exchange, runDetector, summary, testContract, userToken } from '../../__tests__/harness.js';

const alice = userToken('usr_1');

test('sensitive-data: undeclared SSN in a documented response', async () => {
  const contract = await testContract();
  const findings = runDetector('sensitive-data', [exchange({ path: '/users/me', token: alice, responseJson: { id: 'usr_1', email: 'a@b.test', ssn: '219-09-9999', passwordHash: 'x'.repeat(64) } })], { contract });
  assert.deepEqual(summary(findings), ['proxy-sensitive-data GET /users/me jwt:usr_1']);
  assert.deepEqual(findings[0]!.evidence!.fields, [{ field: 'ssn', dataClass: 'us-ssn' }]);
  assert.equal(JSON.stringify(findings).includes('219-09-9999'), false, 'values never leave');
});

test('sensitive-data: without a description, card numbers in any response', () => {
  const findings = runDetector('sensitive-data', [exchange({ path: '/payments/1', token: alice, responseJson: { card: '4111 1111 1111 1111' } })]);
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /credit-card/);
});

test('sensitive-data: benign mix (declared e-mail, plain data) does not alert', async () => {
  const contract = await testContract();
  const benign = [
    exchange({ path: '/users/me', token: alice, responseJson: { id: 'usr_1', email: 'alice@demo.test' } }),
    exchange({ path: '/accounts/acc_1', token: alice, responseJson: { id: 'acc_1', balance: 10 } }),
  ];
  assert.deepEqual(runDetector('sensitive-data', benign, { contract }), []);
});

test('sensitive-data false positives: error bodies and undocumented e-mail without a spec are not judged', () => {
  const traffic = [exchange({ path: '/x', status: 500, responseJson: { ssn: '219-09-9999' } }), exchange({ path: '/y', responseJson: { email: 'a@b.test' } })];
  assert.deepEqual(runDetector('sensitive-data', traffic), []);
});
