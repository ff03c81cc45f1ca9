import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exchange, runDetector, summary } from '../../__tests__/harness.js';

test('scanning: a burst of 404s from one client', () => {
  const probes = ['/.env', '/admin', '/wp-login.php', '/.git/config', '/backup.zip', '/api/v0', '/server-status', '/phpinfo.php'];
  const burst = Array.from({ length: 40 }, (_, k) => exchange({ at: k * 100, path: `${probes[k % probes.length]}?k=${k}`, ip: '203.0.113.66', status: 404 }));
  const findings = runDetector('scanning', burst);
  assert.deepEqual(summary(findings), ['proxy-scanning GET /api/v0 ip:203.0.113.66 not-found-burst']);
  assert.equal(findings[0]!.evidence!.notFound, 30);
});

test('scanning: very many distinct paths from one client', () => {
  const crawl = Array.from({ length: 320 }, (_, k) => exchange({ at: k * 10, path: `/files/report-${k}.txt`, apiKey: 'crawler-key' }));
  const findings = runDetector('scanning', crawl);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence!.pattern, 'distinct-paths');
});

test('scanning: benign mix with a few 404s does not alert', () => {
  const benign = Array.from({ length: 200 }, (_, k) => exchange({ at: k * 300, path: k % 20 === 0 ? '/favicon.ico' : `/products/prd_${k % 5}`, ip: `198.51.100.${k % 4}`, status: k % 20 === 0 ? 404 : 200 }));
  assert.deepEqual(runDetector('scanning', benign), []);
});

test('scanning false positives: 404s spread over time stay under the window limit', () => {
  const slow = Array.from({ length: 100 }, (_, k) => exchange({ at: k * 5000, path: `/missing/${k}`, ip: '198.51.100.9', status: 404 }));
  assert.deepEqual(runDetector('scanning', slow), []);
});
