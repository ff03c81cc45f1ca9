import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { exchange, runDetector, summary, userToken } from '../../__tests__/harness.js';

const alice = userToken('usr_1');
const bob = userToken('usr_2');
const root = userToken('usr_3', 'admin');
const learning = [
  exchange({ at: 0, path: '/users/me', token: alice }),
  exchange({ at: 1, path: '/accounts', token: bob }),
  exchange({ at: 2, path: '/admin/users', token: root }),
  exchange({ at: 3, path: '/users/me', token: root }),
];

test('bfla: a user calling an operation only admins used while learning; the baseline file is reviewable', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rampart-bfla-'));
  const baselineFile = path.join(dir, 'baseline.json');
  const findings = runDetector('bfla', [...learning, exchange({ at: 10, path: '/admin/users', token: bob })], { thresholds: { learnExchanges: 4 }, baselineFile });
  assert.deepEqual(summary(findings), ['proxy-bfla GET /admin/users jwt:usr_2']);
  assert.deepEqual(findings[0]!.evidence!.baselineRoles, ['admin']);
  assert.deepEqual(JSON.parse(readFileSync(baselineFile, 'utf8')), { version: 1, learnedFrom: 4, roles: { admin: ['GET /admin/users', 'GET /users/me'], user: ['GET /accounts', 'GET /users/me'] } });
});

test('bfla: an existing baseline file is used as is (nothing learned)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rampart-bfla-'));
  const baselineFile = path.join(dir, 'baseline.json');
  writeFileSync(baselineFile, JSON.stringify({ version: 1, learnedFrom: 0, roles: { admin: ['GET /admin/users'], user: ['GET /users/me'] } }));
  const findings = runDetector('bfla', [exchange({ at: 0, path: '/admin/users', token: alice }), exchange({ at: 1, path: '/admin/users', token: root })], { baselineFile });
  assert.deepEqual(summary(findings), ['proxy-bfla GET /admin/users jwt:usr_1']);
});

test('bfla: benign mix after learning does not alert', () => {
  const after = [exchange({ at: 10, path: '/users/me', token: bob }), exchange({ at: 11, path: '/admin/users', token: root }), exchange({ at: 12, path: '/accounts', token: alice })];
  assert.deepEqual(runDetector('bfla', [...learning, ...after], { thresholds: { learnExchanges: 4 } }), []);
});

test('bfla false positives: operations no role used while learning, and anonymous callers, are never flagged', () => {
  const after = [exchange({ at: 10, path: '/reports/new', token: bob }), exchange({ at: 11, path: '/admin/users', ip: '203.0.113.5', status: 401 })];
  assert.deepEqual(runDetector('bfla', [...learning, ...after], { thresholds: { learnExchanges: 4 } }), []);
});
