import assert from 'node:assert/strict';
import { test } from 'node:test';
import { limited, pageSizeVerdict, redosVerdict } from '../resource-consumption.js';

test('rate limiting seen', () => {
  const r = (status: number, headers: Record<string, string> = {}) => ({ status, headers });
  assert.equal(limited([r(401), r(401), r(401)]), false, 'vulnerable: no sign of a limit');
  assert.equal(limited([r(401), r(429)]), true, 'fixed: 429');
  assert.equal(limited([r(401, { 'ratelimit-remaining': '3' })]), true, 'fixed: RateLimit headers before the limit');
  assert.equal(limited([r(401, { 'x-ratelimit-limit': '100' })]), true, 'fixed: X-RateLimit headers');
});

test('page size and ReDoS verdicts', () => {
  assert.equal(pageSizeVerdict(200, 100, undefined, 100000), true, 'vulnerable: above the documented maximum');
  assert.equal(pageSizeVerdict(200, undefined, 100000, 100000), true, 'vulnerable: echoed');
  assert.equal(pageSizeVerdict(400, 100, undefined, 100000), false, 'fixed: refused');
  assert.equal(pageSizeVerdict(200, undefined, 100, 100000), false, 'false positive guard: clamped silently');
  assert.equal(redosVerdict([10, 80, 640]), true, 'vulnerable: quadratic growth');
  assert.equal(redosVerdict([10, 20, 40]), false, 'fixed: linear');
  assert.equal(redosVerdict([1, 3, 30]), false, 'false positive guard: fast in absolute terms');
});
