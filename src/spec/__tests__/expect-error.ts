import assert from 'node:assert/strict';
import { RampartError, type ErrorCode } from '../../core/errors.js';

/** Asserts that `run` fails with a RampartError of `code` whose one-line form is exactly `oneLine`. */
export async function expectRampartError(run: () => unknown, code: ErrorCode, oneLine: string | RegExp): Promise<RampartError> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof RampartError, `expected a RampartError, got ${caught instanceof Error ? caught.stack : String(caught)}`);
  assert.equal(caught.code, code, caught.toOneLine());
  if (typeof oneLine === 'string') assert.equal(caught.toOneLine(), oneLine);
  else assert.match(caught.toOneLine(), oneLine);
  assert.ok(!caught.toOneLine().includes('\n'), 'the message must be one line');
  return caught;
}
