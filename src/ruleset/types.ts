import type { ApiDocument } from '../spec/document.js';

/** A path into a JSON value, as Spectral passes it to functions. */
export type JsonPath = (string | number)[];

/** One problem a ruleset function reports; `path` defaults to the target's path. */
export interface FunctionResult {
  message: string;
  path?: JsonPath;
}

/** The third argument of a ruleset function, shaped like Spectral's so custom functions port unchanged. */
export interface FunctionContext {
  path: JsonPath;
  document: { data: unknown; source: string | null; formats: Set<string> };
  documentInventory: { resolved: unknown; unresolved: unknown; document: FunctionContext['document'] };
  rule: { name: string; resolved: boolean; description: string | null };
  /** Rampart extension: the loaded document, for functions that need $ref information. */
  rampart: { document: ApiDocument };
}

export type RulesetFunction = (input: unknown, options: any, context: FunctionContext) => FunctionResult[] | void | undefined | Promise<unknown>;

/** A core function: its option schema (validated when the ruleset loads), an input guard, and its logic. */
export interface CoreFunction {
  name: string;
  /** JSON Schema of `functionOptions`; null when the function takes none. */
  options: Record<string, unknown> | null;
  /** Inputs the function ignores (Spectral skips the call silently). */
  accepts?: (input: unknown) => boolean;
  run: RulesetFunction;
}

export function defineCoreFunction(fn: CoreFunction): CoreFunction {
  return fn;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}
