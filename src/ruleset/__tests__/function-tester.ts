import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateFunctionOptions } from '../function-options.js';
import { renderTemplate } from '../print.js';
import type { CoreFunction, FunctionContext, JsonPath } from '../types.js';

export interface FunctionCase {
  name: string;
  input: unknown;
  options?: unknown;
  /** Path of the input (default ['info', 'title']): `{{property}}` is its last segment. */
  path?: JsonPath;
  /** Whether the rule runs on the resolved document (default true). */
  resolved?: boolean;
}

export interface FunctionInvalidCase extends FunctionCase {
  /** Messages as they read after `#{{print(...)}}` is filled, with the result path when it differs from the input's. */
  errors: { message: string; path?: JsonPath }[];
}

export interface OptionsCase {
  name: string;
  options: unknown;
  /** Empty when the options are valid. */
  errors: string[];
}

const DEFAULT_PATH: JsonPath = ['info', 'title'];

/** Calls a core function as the runner does: skipped for inputs it does not accept, messages rendered. */
export function callFunction(fn: CoreFunction, testCase: FunctionCase, context: Partial<FunctionContext> = {}) {
  const path = testCase.path ?? DEFAULT_PATH;
  if (fn.accepts && !fn.accepts(testCase.input)) return [];
  const results = fn.run(testCase.input, testCase.options ?? null, { path, rule: { name: 'test', resolved: testCase.resolved ?? true, description: null }, ...context } as FunctionContext);
  return ((results ?? []) as { message: string; path?: JsonPath }[]).map((result) => {
    const at = result.path ?? path;
    const property = at.length > 0 ? String(at[at.length - 1]) : '';
    const message = renderTemplate(result.message, { property, error: result.message, path: '', description: null, value: testCase.input });
    return result.path && JSON.stringify(result.path) !== JSON.stringify(path) ? { message, path: result.path.map(String) } : { message };
  });
}

/** Table tests for one core function: valid inputs yield nothing, invalid ones exactly the listed messages. */
export function runFunctionTests(fn: CoreFunction, cases: { valid: FunctionCase[]; invalid: FunctionInvalidCase[]; options?: OptionsCase[] }): void {
  describe(`core function ${fn.name}`, () => {
    const names = [...cases.valid, ...cases.invalid].map((item) => item.name);
    it('has no duplicate case names', () => assert.equal(new Set(names).size, names.length));
    for (const item of cases.valid) {
      it(`valid: ${item.name}`, () => {
        assert.deepEqual(validateFunctionOptions(fn, item.options), [], 'the case uses valid options');
        const before = JSON.stringify(item.input);
        assert.deepEqual(callFunction(fn, item), []);
        assert.equal(JSON.stringify(item.input), before, 'input not mutated');
      });
    }
    for (const item of cases.invalid) {
      it(`invalid: ${item.name}`, () => {
        assert.ok(item.errors.length > 0, 'an invalid case lists at least one error');
        assert.deepEqual(validateFunctionOptions(fn, item.options), [], 'the case uses valid options');
        assert.deepEqual(callFunction(fn, item), item.errors.map((error) => (error.path ? { message: error.message, path: error.path.map(String) } : { message: error.message })));
      });
    }
    for (const item of cases.options ?? []) {
      it(`options: ${item.name}`, () => {
        assert.deepEqual(validateFunctionOptions(fn, item.options).map((problem) => problem.message), item.errors);
      });
    }
  });
}
