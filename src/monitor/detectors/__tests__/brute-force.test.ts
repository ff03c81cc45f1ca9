import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exchange, runDetector, summary, T0 } from '../../__tests__/harness.js';
import { IdentityResolver } from '../../identity.js';
import { Monitor } from '../../monitor.js';

const login = (at: number, username: string, ok: boolean, ip = '203.0.113.7') =>
  exchange({ at, method: 'POST', path: '/auth/login', ip, requestJson: { username, password: 'guess' }, status: ok ? 200 : 401, responseJson: ok ? { token: 'x' } : { error: 'no' } });

test('brute-force: repeated failures from one client', () => {
  const attack = Array.from({ length: 12 }, (_, k) => login(k * 1000, 'alice', false));
  const findings = runDetector('brute-force', attack, { thresholds: { failuresPerClient: 10, failuresPerUser: 50 } });
  assert.deepEqual(summary(findings), ['proxy-brute-force POST /auth/login ip:203.0.113.7 brute-force-client']);
  assert.equal(findings[0]!.evidence!.failures, 10);
});

test('brute-force: many user names from one client is credential stuffing (successes count too)', () => {
  const attack = Array.from({ length: 8 }, (_, k) => login(k * 1000, `user${k}`, k === 3));
  const findings = runDetector('brute-force', attack);
  assert.deepEqual(summary(findings), ['proxy-brute-force POST /auth/login ip:203.0.113.7 credential-stuffing']);
  assert.equal(findings[0]!.evidence!.distinctUsernames, 6);
});

test('brute-force: one user name attacked from many clients', () => {
  const attack = Array.from({ length: 12 }, (_, k) => login(k * 1000, 'alice', false, `198.51.100.${k}`));
  const findings = runDetector('brute-force', attack);
  assert.deepEqual(summary(findings).map((line) => line.split(' ').at(-1)), ['brute-force-user']);
  assert.equal(JSON.stringify(findings).includes('alice'), false, 'the user name never appears in the alert');
});

test('brute-force: benign mix (typos, then success; several users from several clients) does not alert', () => {
  const benign = [login(0, 'alice', false), login(2000, 'alice', true), login(5000, 'bob', true, '198.51.100.2'), login(9000, 'carol', false, '198.51.100.3'), login(9500, 'carol', true, '198.51.100.3')];
  assert.deepEqual(runDetector('brute-force', benign), []);
});

test('brute-force false positives: failures on non-login operations (403 from a normal read) do not count', () => {
  const reads = Array.from({ length: 30 }, (_, k) => exchange({ at: k * 100, path: '/accounts/acc_1', ip: '203.0.113.9', status: 403 }));
  assert.deepEqual(runDetector('brute-force', reads), []);
});

test('brute-force enforce: a flagged client gets 429 on login operations, without a second alert', () => {
  const alerts: string[] = [];
  const monitor = new Monitor({ identity: new IdentityResolver(), defaultMode: 'off', detectors: { 'brute-force': { mode: 'enforce' } }, onAlert: (finding) => alerts.push(String(finding.evidence!.action)) });
  for (let k = 0; k < 10; k++) monitor.replay(login(k * 1000, 'alice', false));
  const live = monitor.request({ method: 'POST', url: new URL('http://api.test/auth/login'), headers: {}, ip: '203.0.113.7', now: T0 + 11_000 });
  assert.equal(live.block?.status, 429);
  assert.equal(live.block?.detector, 'brute-force');
  const elsewhere = monitor.request({ method: 'GET', url: new URL('http://api.test/products'), headers: {}, ip: '203.0.113.7', now: T0 + 11_000 });
  assert.equal(elsewhere.block, undefined, 'only login operations are locked');
  assert.deepEqual(alerts, ['alerted']);
});
