import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from '../core/ajv.js';
import { printDotPath } from '../lint/spectral-dot-path.js';
import { printValue } from './print.js';
import type { CoreFunction } from './types.js';

/** Option schemas carry Spectral-style `errorMessage` hints; ajv ignores the keyword (strict: false), we read it. */
let ajv: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

export interface OptionProblem {
  message: string;
  /** Segments below `functionOptions` that the problem is about (for the file position). */
  path: string[];
}

/** Checks `functionOptions` against a core function's schema; messages follow Spectral's wording. */
export function validateFunctionOptions(fn: CoreFunction, options: unknown): OptionProblem[] {
  if (fn.options === null) {
    return options === null || options === undefined ? [] : [{ message: `"${fn.name}" function does not accept any options`, path: [] }];
  }
  let validate = compiled.get(fn.options);
  if (!validate) {
    ajv ??= createAjv('draft7', { allErrors: true, allowUnionTypes: true, strict: false });
    validate = ajv.compile(fn.options);
    compiled.set(fn.options, validate);
  }
  if (validate(options ?? null)) return [];
  const problems: OptionProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const message = customMessage(fn.options, error) ?? describe(fn.name, error);
    if (seen.has(message)) continue;
    seen.add(message);
    const path = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/');
    if (error.keyword === 'additionalProperties') path.push(String(error.params.additionalProperty));
    problems.push({ message, path });
  }
  return problems;
}

/** The deepest `errorMessage` that covers the error: a string covers its whole subschema, a map one keyword. */
function customMessage(schema: Record<string, unknown>, error: ErrorObject): string | undefined {
  const segments = error.schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean);
  const keyword = segments[segments.length - 1];
  const nodes: unknown[] = [schema];
  let node: unknown = schema;
  for (const segment of segments.slice(0, -1)) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    nodes.push(node);
  }
  for (let i = nodes.length - 1; i >= 0; i--) {
    const hint = (nodes[i] as { errorMessage?: unknown } | undefined)?.errorMessage;
    if (typeof hint === 'string') return hint;
    if (i === nodes.length - 1 && hint && typeof hint === 'object' && keyword && typeof (hint as Record<string, unknown>)[keyword] === 'string') {
      return (hint as Record<string, string>)[keyword];
    }
  }
  return undefined;
}

function describe(name: string, error: ErrorObject): string {
  const at = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/');
  switch (error.keyword) {
    case 'type': {
      const types = Array.isArray(error.params.type) ? error.params.type.join(', ') : String(error.params.type);
      return `"${name}" function and its "${printDotPath(at)}" option accepts only the following types: ${types}`;
    }
    case 'required':
      return `"${name}" function is missing "${printDotPath([...at, String(error.params.missingProperty)])}" option`;
    case 'additionalProperties':
      return `"${name}" function does not support "${printDotPath([...at, String(error.params.additionalProperty)])}" option`;
    case 'enum':
      return `"${name}" function and its "${printDotPath(at)}" option accepts only the following values: ${(error.params.allowedValues as unknown[]).map(printValue).join(', ')}`;
    default:
      return error.message ?? 'unknown error';
  }
}
