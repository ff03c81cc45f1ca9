import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Deadlines } from '../deadlines.js';

/** A clock the test moves by hand; the sweep is called directly. */
function harness(timeoutMs: number) {
  let now = 1_000;
  const expired: string[] = [];
  const deadlines = new Deadlines<string>(timeoutMs, (entry) => expired.push(entry), () => now);
  return { deadlines, expired, advance: (ms: number) => (now += ms) };
}

const cases: { name: string; steps: (string | number)[]; expired: string[]; left: number }[] = [
  { name: 'nothing is due before its timeout', steps: ['+a', 99, 'sweep'], expired: [], left: 1 },
  { name: 'due exactly at its timeout', steps: ['+a', 100, 'sweep'], expired: ['a'], left: 0 },
  { name: 'expires in arming order, only what is due', steps: ['+a', 10, '+b', 10, '+c', 85, 'sweep'], expired: ['a'], left: 2 },
  { name: 'a later sweep takes the rest', steps: ['+a', 10, '+b', 10, '+c', 85, 'sweep', 20, 'sweep'], expired: ['a', 'b', 'c'], left: 0 },
  { name: 'a disarmed entry never expires', steps: ['+a', '+b', '-a', 200, 'sweep'], expired: ['b'], left: 0 },
  { name: 're-arming moves the deadline (and the entry behind later ones)', steps: ['+a', 50, '+b', 10, '+a', 45, 'sweep', 50, 'sweep'], expired: ['b'], left: 1 },
];

for (const { name, steps, expired, left } of cases) {
  test(`Deadlines: ${name}`, () => {
    const run = harness(100);
    for (const step of steps) {
      if (typeof step === 'number') run.advance(step);
      else if (step === 'sweep') run.deadlines.sweep();
      else if (step.startsWith('+')) run.deadlines.arm(step.slice(1));
      else run.deadlines.disarm(step.slice(1));
    }
    assert.deepEqual(run.expired, expired);
    assert.equal(run.deadlines.size, left);
    run.deadlines.stop();
  });
}

test('Deadlines: the shared timer fires on its own and lets the process exit when idle', async () => {
  const expired: string[] = [];
  const deadlines = new Deadlines<string>(30, (entry) => expired.push(entry));
  deadlines.arm('late');
  await new Promise((resolve) => setTimeout(resolve, 120));
  assert.deepEqual(expired, ['late']);
  assert.equal(deadlines.size, 0);
});
