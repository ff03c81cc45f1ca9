import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exchange, runDetector, summary, testContract, userToken } from '../../__tests__/harness.js';

const alice = userToken('usr_1');

test('shadow-operation: an undocumented path that answers 200; 404s are not shadow', async () => {
  const contract = await testContract();
  const traffic = [exchange({ path: '/internal/debug/42', token: alice }), exchange({ path: '/nothing/here', token: alice, status: 404 }), exchange({ path: '/accounts/acc_1', token: alice, responseJson: { id: 'acc_1', balance: 1 } })];
  assert.deepEqual(summary(runDetector('shadow-operation', traffic, { contract })), ['proxy-shadow-operation GET /internal/debug/{debugId} jwt:usr_1']);
});

test('zombie-operation: a deprecated operation still called, once per caller per cooldown', async () => {
  const contract = await testContract();
  const traffic = [exchange({ at: 0, path: '/legacy/report', token: alice }), exchange({ at: 1, path: '/legacy/report', token: alice }), exchange({ at: 2, path: '/accounts', token: alice, responseJson: [] })];
  assert.deepEqual(summary(runDetector('zombie-operation', traffic, { contract })), ['proxy-zombie-operation GET /legacy/report jwt:usr_1']);
});

test('request-contract: missing required body field; a valid login passes', async () => {
  const contract = await testContract();
  const traffic = [
    exchange({ method: 'POST', path: '/login', requestJson: { username: 'a' }, status: 401 }),
    exchange({ method: 'POST', path: '/login', requestJson: { username: 'a', password: 'b' } }),
  ];
  const findings = runDetector('request-contract', traffic, { contract });
  assert.deepEqual(findings.map((finding) => finding.message), ["POST /login: request body (root) must have required property 'password'"]);
});

test('response-contract: wrong type and undocumented status; conforming responses pass', async () => {
  const contract = await testContract();
  const traffic = [
    exchange({ path: '/accounts/acc_1', token: alice, responseJson: { id: 'acc_1', balance: '12.00' } }),
    exchange({ path: '/accounts/acc_1', token: alice, status: 500, responseJson: { error: 'x' } }),
    exchange({ path: '/accounts/acc_2', token: alice, responseJson: { id: 'acc_2', balance: 12 } }),
  ];
  const findings = runDetector('response-contract', traffic, { contract });
  assert.deepEqual(findings.map((finding) => finding.message), ['GET /accounts/{accountId} → 200: response body /balance must be number', 'GET /accounts/{accountId} → 500: undocumented status 500']);
});

test('contract detectors stay off without a description', () => {
  assert.deepEqual(runDetector('shadow-operation', [exchange({ path: '/anything' })]), []);
});

test('min-version: calls below the minimum by path or header; newer and unversioned calls pass', () => {
  const traffic = [
    exchange({ path: '/v1/accounts', token: alice }),
    exchange({ path: '/accounts', token: userToken('usr_2'), headers: { 'api-version': '1.5' } }),
    exchange({ path: '/v2/accounts', token: alice }),
    exchange({ path: '/accounts', token: alice }),
  ];
  const findings = runDetector('min-version', traffic, { minVersion: '2' });
  assert.deepEqual(findings.map((finding) => finding.evidence!.version), ['1', '1.5']);
});
