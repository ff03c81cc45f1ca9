import assert from 'node:assert/strict';
import { test } from 'node:test';
import { limited, pageSizeVerdict, REDOS_LADDER, redosLengths, redosVerdict, shortLengthFor } from '../resource-consumption.js';

test('rate limiting seen', () => {
  const r = (status: number, headers: Record<string, string> = {}) => ({ status, headers });
  assert.equal(limited([r(401), r(401), r(401)]), false, 'vulnerable: no sign of a limit');
  assert.equal(limited([r(401), r(429)]), true, 'fixed: 429');
  assert.equal(limited([r(401, { 'ratelimit-remaining': '3' })]), true, 'fixed: RateLimit headers before the limit');
  assert.equal(limited([r(401, { 'x-ratelimit-limit': '100' })]), true, 'fixed: X-RateLimit headers');
});

test('page size verdicts', () => {
  assert.equal(pageSizeVerdict(200, 100, undefined, 100000), true, 'vulnerable: above the documented maximum');
  assert.equal(pageSizeVerdict(200, undefined, 100000, 100000), true, 'vulnerable: echoed');
  assert.equal(pageSizeVerdict(400, 100, undefined, 100000), false, 'fixed: refused');
  assert.equal(pageSizeVerdict(200, undefined, 100, 100000), false, 'false positive guard: clamped silently');
});

test('ReDoS verdict: short and long inputs sampled alternately', () => {
  const t = (length: number, ...times: number[]) => ({ length, times });
  const cases: [string, ReturnType<typeof t>, ReturnType<typeof t>, boolean][] = [
    ['vulnerable: exponential, 8 vs 26 characters', t(8, 1, 2, 1), t(26, 410, 380, 455), true],
    ['vulnerable: quadratic, 2048 vs 8192 characters', t(2048, 15, 16, 18), t(8192, 250, 260, 270), true],
    ['fixed: linear growth (4× the length, 4× the time)', t(2048, 60, 62, 65), t(8192, 240, 250, 260), false],
    ['fixed: fast in absolute terms', t(8, 1, 1, 1), t(26, 20, 25, 30), false],
    ['false positive guard: one short sample hit a load spike', t(8, 1, 180, 1), t(26, 250, 260, 240), false],
    ['false positive guard: one long sample was fast (the slowness was load)', t(8, 1, 1, 1), t(26, 300, 40, 310), false],
    ['not judged: one sample each', t(8, 1), t(26, 400), false],
    ['not judged: long is not longer', t(26, 1, 1), t(26, 400, 400), false],
  ];
  for (const [name, short, long, expected] of cases) assert.equal(redosVerdict(short, long), expected, name);
});

test('ReDoS lengths: the ladder within an input\'s bounds, and its maxLength', () => {
  assert.deepEqual(redosLengths(1, 26), [8, 12, 16, 20, 24, 26]);
  assert.deepEqual(redosLengths(10, 24), [12, 16, 20, 24]);
  assert.deepEqual(redosLengths(0, 4), [], 'too short to measure growth');
  assert.deepEqual(redosLengths(), REDOS_LADDER);
  assert.deepEqual(redosLengths(0, 100000), REDOS_LADDER, 'capped at the top of the ladder');
  for (let k = 1; k < REDOS_LADDER.length; k++) assert.ok(REDOS_LADDER[k]! - REDOS_LADDER[k - 1]! <= 4 || REDOS_LADDER[k]! / REDOS_LADDER[k - 1]! <= 1.5, `step to ${REDOS_LADDER[k]} is small`);
  assert.equal(shortLengthFor(26, [8, 12, 16, 20, 24, 26]), 8, 'no length a quarter as long: the shortest');
  assert.equal(shortLengthFor(8192, REDOS_LADDER), 2048);
  assert.equal(shortLengthFor(8, [8]), undefined, 'nothing shorter to compare with');
});
