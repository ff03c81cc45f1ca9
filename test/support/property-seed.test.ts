import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';

test('FC_SEED or CI fixes the seed of every property test; otherwise it is drawn', () => {
  const seed = fc.readConfigureGlobal().seed;
  if (process.env.FC_SEED) assert.equal(seed, Number(process.env.FC_SEED));
  else if (process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase())) assert.equal(seed, 20261208);
  else assert.equal(seed, undefined);
});
