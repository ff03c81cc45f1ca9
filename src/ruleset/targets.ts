import { JSONPath } from 'jsonpath-plus';
import { parsePointer } from '../spec/pointer.js';
import type { JsonPath } from './types.js';

export interface LintTarget {
  /** Path below the `given` match. */
  path: JsonPath;
  value: unknown;
}

/** lodash-style property path: `a.b[0]['c.d']` → `['a', 'b', '0', 'c.d']`. */
export function toPropertyPath(field: string): string[] {
  const out: string[] = [];
  const pattern = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
  if (field.charCodeAt(0) === 46) out.push('');
  field.replace(pattern, (match, number: string | undefined, quote: string | undefined, quoted: string | undefined) => {
    out.push(quote ? quoted!.replace(/\\(\\)?/g, '$1') : (number ?? match));
    return '';
  });
  return out;
}

function getPath(value: unknown, field: string): unknown {
  // lodash `get` reads a literal key first ("a.b" as one key) before splitting the path.
  if (value !== null && typeof value === 'object' && field in (value as object)) return (value as Record<string, unknown>)[field];
  let current = value;
  for (const segment of toPropertyPath(field)) {
    if (current === null || current === undefined) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** What a `then` entry inspects inside a `given` match: the value itself, a field, each key, or a JSONPath below. */
export function lintTargets(value: unknown, field: string | undefined): LintTarget[] {
  const targets: LintTarget[] = [];
  const isObject = value !== null && (typeof value === 'object' || typeof value === 'function');
  if (isObject && typeof field === 'string') {
    if (field === '@key') {
      for (const key of Object.keys(value as object)) targets.push({ path: [key], value: key });
    } else if (field.startsWith('$')) {
      const results = JSONPath({ path: field, json: value as object, resultType: 'all', wrap: true }) as { pointer: string; value: unknown }[];
      for (const result of results) targets.push({ path: parsePointer(result.pointer), value: result.value });
    } else {
      targets.push({ path: toPropertyPath(field), value: getPath(value, field) });
    }
  } else {
    targets.push({ path: [], value });
  }
  if (targets.length === 0) targets.push({ path: [], value: undefined });
  return targets;
}
