// Property tests explore new inputs on every local run but repeat one sequence in CI, so that a
// submission's CI result does not depend on the draw (Hypothesis' `derandomize` profile does the
// same). FC_SEED replays a failure that fast-check reported, anywhere.
import fc from 'fast-check';

const inCi = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI.toLowerCase());
const fixedSeed = process.env.FC_SEED ?? (inCi ? '20261208' : undefined);
if (fixedSeed !== undefined) {
  const seed = Number(fixedSeed);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED: expected an integer, got "${fixedSeed}"`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
