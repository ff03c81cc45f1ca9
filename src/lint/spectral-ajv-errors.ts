import type { ErrorObject } from 'ajv';
import { getAtPointer, parsePointer } from '../spec/pointer.js';
import { editDistance } from '../core/text.js';

/**
 * Turns ajv errors into readable messages the way Spectral's `schema` function does (it uses
 * @stoplight/better-ajv-errors): errors grouped by instance path, redundant `anyOf`/`enum` noise
 * dropped, enum errors merged with a "Did you mean" hint, and wording per keyword. Custom rulesets'
 * `schema` function and the built-in example checks word their findings with it, as Spectral does.
 */
export interface PrettyError {
  message: string;
  /** JSON pointer below the validated value ('' for the value itself). */
  path: string;
}

interface TreeNode {
  children: Map<string, TreeNode>;
  errors?: ErrorObject[];
}

const CHUNK = /\/[\w$_-]+(\/\d+)?/g;

export function prettifyAjvErrors(errors: readonly ErrorObject[], data: unknown, propertyPath: readonly (string | number)[]): PrettyError[] {
  const root: TreeNode = { children: new Map() };
  for (const error of errors) {
    const chunks = error.instancePath === '' ? [''] : error.instancePath.match(CHUNK);
    if (!chunks) continue;
    let node = root;
    chunks.forEach((chunk, index) => {
      let child = node.children.get(chunk);
      if (!child) {
        child = { children: new Map(), errors: [] };
        node.children.set(chunk, child);
      }
      if (index === chunks.length - 1) child.errors!.push(error);
      node = child;
    });
  }
  dropRedundant(root, undefined, undefined);
  const unmatched = new Map<string, string>();
  for (const error of errors) {
    if ((error.keyword === 'oneOf' || error.keyword === 'anyOf') && !Array.isArray(error.params.passingSchemas)) unmatched.set(error.instancePath, error.keyword);
  }
  return collect(root, data, propertyPath).map(({ error, suggestion, path }) => {
    let message = suggestion !== undefined ? `${error}. ${suggestion}` : error;
    message = describeArrayItem(message, path);
    const combinator = unmatched.get(path);
    if (combinator !== undefined && message.endsWith(` in ${combinator}`)) {
      message = `${message}. None of the schemas matched, see the other errors reported for this value`;
    }
    return { message, path };
  });
}

function dropRedundant(node: TreeNode, parent: TreeNode | undefined, key: string | undefined): void {
  // An anyOf failure is explained better by the errors below it.
  if (node.errors?.some((error) => error.keyword === 'anyOf') && node.children.size > 0) delete node.errors;
  // Enum errors next to other errors are noise (a failed oneOf branch).
  if (parent && key !== undefined && node.errors && node.errors.length > 0 && node.errors.every((error) => error.keyword === 'enum')) {
    if ([...parent.children.values()].some((sibling) => sibling !== node)) parent.children.delete(key);
  }
  for (const [childKey, child] of [...node.children]) dropRedundant(child, node, childKey);
}

interface RawPretty {
  error: string;
  suggestion?: string;
  path: string;
}

function collect(node: TreeNode, data: unknown, propertyPath: readonly (string | number)[]): RawPretty[] {
  const errors = node.errors ?? [];
  if (errors.length > 0 && errors.every((error) => error.keyword === 'enum')) {
    const allowed = [...new Set(errors.flatMap((error) => error.params.allowedValues as unknown[]))];
    return [enumError(errors[0]!, allowed, data, propertyPath)];
  }
  const out: RawPretty[] = errors.map((error) => describe(error, data, propertyPath));
  for (const child of node.children.values()) out.push(...collect(child, data, propertyPath));
  return out;
}

function propertyName(instancePath: string, propertyPath: readonly (string | number)[]): string | null {
  const slash = instancePath.lastIndexOf('/');
  if (slash !== -1) return instancePath.slice(slash + 1);
  return propertyPath.length === 0 ? null : String(propertyPath[propertyPath.length - 1]);
}

function valueAt(data: unknown, instancePath: string): unknown {
  if (instancePath === '') return data;
  const found = getAtPointer(data, parsePointer(instancePath));
  return found.value;
}

function prettyName(instancePath: string, data: unknown, propertyPath: readonly (string | number)[]): string {
  const name = propertyName(instancePath, propertyPath);
  if (name === null) return (typeof valueAt(data, instancePath)).replace(/^[a-z]/, (letter) => letter.toUpperCase());
  return `"${name}" property`;
}

function clean(message: string): string {
  return message.replace(/['"]/g, '"').replace(/NOT/g, 'not');
}

function describe(error: ErrorObject, data: unknown, propertyPath: readonly (string | number)[]): RawPretty {
  const path = error.instancePath;
  switch (error.keyword) {
    case 'additionalProperties':
      return { error: `Property "${String(error.params.additionalProperty)}" is not expected to be here`, path };
    case 'type': {
      const name = propertyName(path, propertyPath);
      return { error: name === null ? `Value type ${error.message}` : `"${name}" property type ${error.message}`, path };
    }
    case 'errorMessage':
      return { error: error.message ?? '', path };
    default:
      return { error: `${prettyName(path, data, propertyPath)} ${clean(error.message ?? '')}`, path };
  }
}

function enumError(error: ErrorObject, allowed: unknown[], data: unknown, propertyPath: readonly (string | number)[]): RawPretty {
  const path = error.instancePath;
  const list = allowed.map((value) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value))).join(', ');
  const result: RawPretty = { error: `${prettyName(path, data, propertyPath)} ${error.message}: ${list}`, path };
  const current = valueAt(data, path);
  if (typeof current === 'string') {
    const candidates = allowed
      .filter((value): value is string => typeof value === 'string')
      .map((value) => ({ value, weight: editDistance(value, current) }))
      .sort((a, b) => a.weight - b.weight);
    const best = candidates[0];
    if (best && (allowed.length === 1 || best.weight < best.value.length)) result.suggestion = `Did you mean "${best.value}"?`;
  }
  return result;
}

function describeArrayItem(message: string, path: string): string {
  const index = path.split('/').pop();
  if (index === undefined || !/^\d+$/.test(index)) return message;
  const typePrefix = `"${index}" property type`;
  if (message.startsWith(typePrefix)) return `Item at index ${index}${message.slice(typePrefix.length)}`;
  const prefix = `"${index}" property`;
  return message.startsWith(prefix) ? `Item at index ${index}${message.slice(prefix.length)}` : message;
}

