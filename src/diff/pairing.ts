import type { Header, Operation, Parameter } from '../spec/api.js';
import type { SchemaComparer } from './compare-schemas.js';
import type { OperationPair } from './types.js';

export interface OperationPairing {
  pairs: OperationPair[];
  removed: Operation[];
  added: Operation[];
}

const operationKey = (op: Operation) => `${op.method} ${op.pathShape}`;

/**
 * Pairs operations by method and path shape (`/users/{}`), so `/users/{id}` → `/users/{userId}` is
 * one operation whose path parameter was renamed. When several templates share a shape, exact
 * paths pair first.
 */
export function pairOperations(base: readonly Operation[], revision: readonly Operation[]): OperationPairing {
  const pairs: OperationPair[] = [];
  const left = new Map<string, Operation[]>();
  for (const op of revision) {
    const list = left.get(operationKey(op));
    if (list) list.push(op);
    else left.set(operationKey(op), [op]);
  }
  const removed: Operation[] = [];
  const unmatched: Operation[] = [];
  for (const op of base) {
    const list = left.get(operationKey(op));
    const exact = list?.findIndex((candidate) => candidate.path === op.path) ?? -1;
    if (list && exact !== -1) pairs.push({ base: op, revision: list.splice(exact, 1)[0]! });
    else unmatched.push(op);
  }
  for (const op of unmatched) {
    const list = left.get(operationKey(op));
    if (list && list.length > 0) pairs.push({ base: op, revision: list.shift()! });
    else removed.push(op);
  }
  const added = [...left.values()].flat();
  return { pairs, removed, added };
}

export interface ParameterPair {
  base: Parameter;
  revision: Parameter;
}

export interface ParameterPairing {
  /** Same parameter on both sides (path parameters by position, others by name and location). */
  pairs: ParameterPair[];
  /** Same name, another location (`query` → `header`). */
  moved: ParameterPair[];
  /** Same location and schema, another name (one removed, one added). */
  renamed: ParameterPair[];
  removed: Parameter[];
  added: Parameter[];
}

const cache = new WeakMap<OperationPair, ParameterPairing>();

export function pairParameters(pair: OperationPair, comparer: SchemaComparer): ParameterPairing {
  const known = cache.get(pair);
  if (known) return known;
  const baseNames = templateNames(pair.base.path);
  const revisionNames = templateNames(pair.revision.path);
  const renamedPath = new Map<string, string>();
  baseNames.forEach((name, index) => renamedPath.set(name, revisionNames[index] ?? name));

  const result: ParameterPairing = { pairs: [], moved: [], renamed: [], removed: [], added: [] };
  const remaining = new Map(pair.revision.parameters.map((p) => [parameterKey(p.in, p.name), p]));
  const unmatched: Parameter[] = [];
  for (const parameter of pair.base.parameters) {
    const name = parameter.in === 'path' ? renamedPath.get(parameter.name) ?? parameter.name : parameter.name;
    const key = parameterKey(parameter.in, name);
    const match = remaining.get(key);
    if (match) {
      remaining.delete(key);
      result.pairs.push({ base: parameter, revision: match });
    } else {
      unmatched.push(parameter);
    }
  }
  for (const parameter of unmatched) {
    const moved = [...remaining.values()].find((candidate) => candidate.name === parameter.name && candidate.in !== 'path' && parameter.in !== 'path');
    if (moved) {
      remaining.delete(parameterKey(moved.in, moved.name));
      result.moved.push({ base: parameter, revision: moved });
    } else {
      result.removed.push(parameter);
    }
  }
  // A rename is one parameter gone and one come in the same location with the same schema.
  for (const location of ['query', 'header', 'cookie'] as const) {
    const gone = result.removed.filter((p) => p.in === location);
    const come = [...remaining.values()].filter((p) => p.in === location);
    if (gone.length === 1 && come.length === 1 && gone[0]!.required === come[0]!.required && comparer.compare(gone[0]!.schema, come[0]!.schema).length === 0) {
      result.renamed.push({ base: gone[0]!, revision: come[0]! });
      result.removed.splice(result.removed.indexOf(gone[0]!), 1);
      remaining.delete(parameterKey(location, come[0]!.name));
    }
  }
  result.added = [...remaining.values()];
  cache.set(pair, result);
  return result;
}

/** HTTP header names are case-insensitive: `X-Request-Id` and `x-request-id` are one parameter. */
function parameterKey(location: string, name: string): string {
  return `${location}\u0000${location === 'header' ? name.toLowerCase() : name}`;
}

export function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]!);
}

const byLowerName = new WeakMap<ReadonlyMap<string, Header>, Map<string, Header>>();

/** A response's headers by lower-case name (HTTP header names ignore case), made once per response. */
export function headersByName(headers: ReadonlyMap<string, Header>): ReadonlyMap<string, Header> {
  let map = byLowerName.get(headers);
  if (!map) byLowerName.set(headers, (map = new Map([...headers].map(([name, header]) => [name.toLowerCase(), header]))));
  return map;
}
