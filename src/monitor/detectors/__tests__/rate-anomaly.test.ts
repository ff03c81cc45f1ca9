import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exchange, runDetector, summary, userToken } from '../../__tests__/harness.js';

const alice = userToken('usr_1');
const bob = userToken('usr_2');
const thresholds = { windowSeconds: 10, perIdentity: 20, perOperation: 50 };

test('rate-anomaly: one identity above its limit on one operation alerts once per cooldown', () => {
  const burst = Array.from({ length: 40 }, (_, k) => exchange({ at: k * 100, path: `/products/${k % 3}`, token: alice }));
  const findings = runDetector('rate-anomaly', burst, { thresholds });
  assert.deepEqual(summary(findings), ['proxy-rate-anomaly GET /products/{productId} jwt:usr_1']);
  assert.equal(findings[0]!.evidence!.scope, 'identity');
  assert.equal(findings[0]!.evidence!.rate, 21);
  assert.deepEqual(findings[0]!.owasp, ['API4:2023']);
});

test('rate-anomaly: many identities together flood one operation (per-operation limit)', () => {
  const flood = Array.from({ length: 60 }, (_, k) => exchange({ at: k * 50, path: '/health', apiKey: `key-${k}` }));
  const findings = runDetector('rate-anomaly', flood, { thresholds });
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence!.scope, 'operation');
});

const benign = [
  // Two users at a steady 1 request/s each over a minute: well under 20 per 10 s.
  ...Array.from({ length: 60 }, (_, k) => exchange({ at: k * 1000, path: '/accounts', token: alice })),
  ...Array.from({ length: 60 }, (_, k) => exchange({ at: k * 1000 + 500, path: '/accounts', token: bob })),
].sort((a, b) => a.startedAt - b.startedAt);

test('rate-anomaly: a benign steady mix does not alert', () => {
  assert.deepEqual(runDetector('rate-anomaly', benign, { thresholds }), []);
});

test('rate-anomaly false positives: bursts spread over windows stay under the sliding limit', () => {
  // Bursts of 15 requests every 20 s: no 10 s window holds more than 15.
  const waves = Array.from({ length: 60 }, (_, k) => exchange({ at: Math.floor(k / 15) * 20_000 + (k % 15) * 10, path: '/accounts', token: alice }));
  assert.deepEqual(runDetector('rate-anomaly', waves, { thresholds }), []);
});
