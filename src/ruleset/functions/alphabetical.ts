import { joinPointer } from '../../spec/pointer.js';
import { locateResult } from '../locate.js';
import { printValue } from '../print.js';
import { defineCoreFunction, type FunctionContext } from '../types.js';

const INDEX_LIKE = /^(0|[1-9]\d*)$/;

/**
 * Keys in the order they are written. JavaScript lists integer-like keys ("200", "404") first and
 * sorted, which would hide exactly the disorder this function looks for; Spectral reads source order.
 */
function writtenKeyOrder(value: object, context: FunctionContext): string[] {
  const keys = Object.keys(value);
  const document = context.rampart?.document;
  if (!document || !keys.some((key) => INDEX_LIKE.test(key))) return keys;
  const place = locateResult(document, context.rule.resolved, context.path);
  const position = new Map(keys.map((key) => [key, place.source.range(joinPointer(place.pointer, key), { key: true })]));
  return keys.sort((a, b) => position.get(a)!.line - position.get(b)!.line || position.get(a)!.column - position.get(b)!.column);
}

/** Spectral's ordering: numbers (and numeric strings after a non-numeric one) by value, strings by locale. */
function compare(a: unknown, b: unknown): number {
  const aNumberLike = typeof a === 'number' || Number.isNaN(Number(a));
  const bNumberLike = typeof b === 'number' || !Number.isNaN(Number(b));
  if (aNumberLike && bNumberLike) return Math.min(1, Math.max(-1, Number(a) - Number(b)));
  if (typeof a !== 'string' || typeof b !== 'string') return 0;
  return a.localeCompare(b);
}

export default defineCoreFunction({
  name: 'alphabetical',
  options: {
    type: ['object', 'null'],
    properties: { keyedBy: { type: 'string' } },
    additionalProperties: false,
    errorMessage: {
      type: '"alphabetical" function has invalid options specified. Example valid options: null (no options), { "keyedBy": "my-key" }',
    },
  },
  accepts: (input) => input !== null && typeof input === 'object',
  run(input, options: { keyedBy?: string } | null, context) {
    const { path } = context;
    const isArray = Array.isArray(input);
    let items: unknown[] = isArray ? (input as unknown[]) : writtenKeyOrder(input as object, context);
    if (items.length < 2) return;
    const keyedBy = options?.keyedBy;
    if (keyedBy !== undefined) {
      const keys: unknown[] = [];
      for (const item of items) {
        if (item === null || typeof item !== 'object') return [{ message: '#{{print("property")}}must be an object' }];
        keys.push((item as Record<string, unknown>)[keyedBy]);
      }
      items = keys;
    }
    if (!items.every((item) => typeof item === 'string' || typeof item === 'number')) {
      return [{ message: '#{{print("property")}}must be one of the allowed types: number, string' }];
    }
    for (let i = 0; i < items.length - 1; i++) {
      if (compare(items[i], items[i + 1]) >= 1) {
        if (keyedBy !== undefined) return [{ message: 'properties must follow the alphabetical order' }];
        return [{ path: [...path, isArray ? i : (items[i] as string)], message: `${printValue(items[i])} must be placed after ${printValue(items[i + 1])}` }];
      }
    }
    return;
  },
});
