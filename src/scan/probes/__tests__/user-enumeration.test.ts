import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enumerationVerdict, measureInterleaved, normalise, quantile, TIMING, timingVerdict } from '../user-enumeration.js';

test('user enumeration verdict', () => {
  const a = (status: number, body: string) => normalise({ status, body }, ['bob', 'stranger-1']);
  const cases: [string, string[], string[], boolean][] = [
    ['vulnerable: different messages', [a(401, '{"error":"wrong password"}'), a(401, '{"error":"wrong password"}')], [a(401, '{"error":"no such user"}'), a(401, '{"error":"no such user"}')], true],
    ['vulnerable: different status', [a(401, 'x'), a(401, 'x')], [a(404, 'x'), a(404, 'x')], true],
    ['fixed: same answer', [a(401, 'invalid'), a(401, 'invalid')], [a(401, 'invalid'), a(401, 'invalid')], false],
    ['false positive: the answer echoes the submitted name', [a(401, 'bad login for bob'), a(401, 'bad login for bob')], [a(401, 'bad login for stranger-1'), a(401, 'bad login for stranger-1')], false],
    ['false positive: unstable (rate limit kicked in)', [a(401, 'x'), a(429, 'slow')], [a(401, 'y'), a(401, 'y')], false],
    ['false positive: request ids differ', [a(401, 'id 12345'), a(401, 'id 12399')], [a(401, 'id 55555'), a(401, 'id 77777')], false],
    ['vulnerable: different messages, each with a random hex request id', [a(401, '{"detail":"wrong password","requestId":"req_52821afa941f0b67"}'), a(401, '{"detail":"wrong password","requestId":"req_0a1b2c3d4e5f6789"}')], [a(404, '{"detail":"no such user","requestId":"req_e3b0c44298fc1c14"}'), a(404, '{"detail":"no such user","requestId":"req_9afbf4c8996fb924"}')], true],
    ['fixed: same answer, each with a random UUID request id', [a(401, '{"id":"3f0c2f9e-8a3b-4b4e-9a8f-1d2e3c4b5a69"}'), a(401, '{"id":"11111111-8a3b-4b4e-9a8f-1d2e3c4b5a69"}')], [a(401, '{"id":"a0c2f9e0-0000-4b4e-9a8f-1d2e3c4b5a69"}'), a(401, '{"id":"99999999-1234-4b4e-9a8f-1d2e3c4b5a69"}')], false],
  ];
  for (const [name, known, unknown, expected] of cases) assert.equal(enumerationVerdict(known, unknown), expected, name);
});

/** A seeded generator, so a fake server's jitter is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

test('timing verdict: medians apart beyond the jitter of each side', () => {
  const ten = (...values: number[]) => Array.from({ length: 10 }, (_, k) => values[k % values.length]!);
  const cases: [string, number[], number[], boolean, string | undefined][] = [
    ['vulnerable: a password hash only for existing users', ten(82, 85, 80, 88, 84), ten(3, 4, 2, 5, 3), true, 'existing'],
    ['vulnerable: the unknown-user path is the slow one', ten(5, 6, 4), ten(60, 62, 58, 61), true, 'unknown'],
    ['vulnerable: one load spike on each side does not hide it', [...ten(80, 82, 81).slice(0, 9), 900], [...ten(2, 3).slice(0, 9), 700], true, 'existing'],
    ['fixed: same work either way', ten(40, 42, 39, 41), ten(41, 40, 42, 39), false, undefined],
    ['false positive guard: a small gap on a quiet machine', ten(12, 12.2, 12.1), ten(2, 2.1, 2.2), false, undefined],
    ['false positive guard: the gap is within 3× the jitter', ten(30, 90, 60, 45, 75), ten(5, 65, 35, 20, 50), false, undefined],
    ['not judged: fewer than 10 samples per side', ten(90).slice(0, 9), ten(1), false, undefined],
  ];
  for (const [name, existing, unknown, differs, slower] of cases) {
    const verdict = timingVerdict(existing, unknown);
    assert.equal(verdict.differs, differs, `${name}: ${JSON.stringify(verdict)}`);
    assert.equal(verdict.slower, slower, name);
  }
  assert.deepEqual(timingVerdict(ten(82, 85, 80, 88, 84), ten(3, 4, 2, 5, 3)), { differs: true, slower: 'existing', medianMs: { existing: 84, unknown: 3 }, jitterMs: { existing: 3, unknown: 1 }, gapMs: 81 });
  assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(quantile([1, 2, 3, 4, 5], 0.25), 2);
});

test('timing measurement: ABBA order, and it stops when an answer changes', async () => {
  const order: string[] = [];
  const times = await measureInterleaved(3, async (side) => (order.push(side), side === 'existing' ? 10 : 1));
  assert.deepEqual(order, ['existing', 'unknown', 'unknown', 'existing', 'existing', 'unknown']);
  assert.deepEqual(times, { existing: [10, 10, 10], unknown: [1, 1, 1] });
  let calls = 0;
  assert.equal(await measureInterleaved(10, async () => (++calls === 4 ? undefined : 5)), undefined);
  assert.equal(calls, 4);
});

test('timing with a fake clock: a planted slow path is found, jitter alone never is', async () => {
  const batches = async (seed: number, delay: (side: 'existing' | 'unknown', next: () => number) => number) => {
    const next = random(seed);
    const verdicts: ReturnType<typeof timingVerdict>[] = [];
    for (let batch = 0; batch < TIMING.batches; batch++) verdicts.push(timingVerdict(...Object.values((await measureInterleaved(TIMING.samples, async (side) => delay(side, next)))!) as [number[], number[]]));
    return verdicts.every((verdict) => verdict.differs && verdict.slower === verdicts[0]!.slower);
  };
  // Network noise: a few ms, plus a 250 ms stall on one request in twenty, on either side.
  const noise = (next: () => number) => 2 + next() * 8 + (next() < 0.05 ? 250 : 0);
  let found = 0;
  let falsePositives = 0;
  for (let seed = 1; seed <= 200; seed++) {
    if (await batches(seed, (side, next) => noise(next) + (side === 'existing' ? 60 : 0))) found++;
    if (await batches(seed, (_, next) => noise(next))) falsePositives++;
    // Heavier jitter with no difference at all: uniform 0-80 ms on both sides.
    if (await batches(seed + 1000, (_, next) => next() * 80)) falsePositives++;
  }
  assert.equal(falsePositives, 0);
  // Erring on "no finding": when stalls pile up on one side (3 of its 10 samples), the jitter hides the gap.
  assert.ok(found >= 180, `slow path found in ${found} of 200 runs`);
});
