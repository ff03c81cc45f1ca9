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

// Every schema error of a body, not only the first (the user trial): the first ten listed in
// `evidence.problems`, all counted in `problemCount`, the count in the message.
// [name, detector, exchange, listed problems, count]
const order = { accountId: 'nope', item: '', quantity: 'lots' };
const allErrorsCases: [string, 'request-contract' | 'response-contract', Parameters<typeof exchange>[0], string[], number][] = [
  [
    'a request body with four errors',
    'request-contract',
    { method: 'POST', path: '/orders', token: alice, requestJson: { ...order, extra: 1 }, status: 201 },
    ['(root) must NOT have additional properties', '/accountId must match pattern "^acc_[0-9]+$"', '/item must NOT have fewer than 1 characters', '/quantity must be integer'].map((problem) => `request body ${problem}`),
    4,
  ],
  [
    'a response body with five errors',
    'response-contract',
    { method: 'POST', path: '/orders', token: alice, requestJson: { accountId: 'acc_1', item: 'lamp', quantity: 1 }, status: 201, responseJson: { id: 'ord_1', ...order, total: 'x', status: 'weird' } },
    ['/accountId must match pattern "^acc_[0-9]+$"', '/item must NOT have fewer than 1 characters', '/quantity must be integer', '/total must be number', '/status must be equal to one of the allowed values'].map((problem) => `response body ${problem}`),
    5,
  ],
  [
    'twelve errors: ten listed, all counted',
    'request-contract',
    { method: 'POST', path: '/readings', token: alice, requestJson: Array.from({ length: 12 }, (_, k) => `r${k}`), status: 204 },
    Array.from({ length: 10 }, (_, k) => `request body /${k} must be integer`),
    12,
  ],
  [
    'a body over 64 KiB that is all errors: only the first is collected (no second, all-errors pass)',
    'request-contract',
    { method: 'POST', path: '/readings', token: alice, requestJson: Array.from({ length: 20_000 }, (_, k) => `r${k}`), status: 204 },
    ['request body /0 must be integer'],
    1,
  ],
  ['one error', 'request-contract', { method: 'POST', path: '/login', requestJson: { username: 'a' }, status: 401 }, ["request body (root) must have required property 'password'"], 1],
];
for (const [name, detector, spec, problems, count] of allErrorsCases) {
  test(`${detector}: ${name}`, async () => {
    const [finding, ...more] = runDetector(detector, [exchange(spec)], { contract: await testContract() });
    assert.equal(more.length, 0);
    assert.deepEqual(finding!.evidence!.problems, problems);
    assert.equal(finding!.evidence!.problemCount, count);
    assert.ok(finding!.message.endsWith(`${problems[0]}${count > 1 ? ` (+${count - 1} more)` : ''}`), finding!.message);
  });
}

test('contract detectors: valid bodies raise nothing', async () => {
  const traffic = [exchange({ method: 'POST', path: '/orders', token: alice, requestJson: { accountId: 'acc_1', item: 'lamp', quantity: 2 }, status: 201, responseJson: { id: 'ord_1', accountId: 'acc_1', item: 'lamp', quantity: 2, total: 3, status: 'new' } })];
  for (const detector of ['request-contract', 'response-contract'] as const) assert.deepEqual(runDetector(detector, traffic, { contract: await testContract() }), []);
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
