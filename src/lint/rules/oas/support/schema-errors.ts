import type { ErrorObject } from 'ajv';
import { getAtPointer, joinPointer, parsePointer } from '../../../../spec/pointer.js';
import { editDistance } from '../../../../core/text.js';

/** One structural problem, located at the node a reader must change. */
export interface SchemaProblem {
  pointer: string;
  message: string;
  /** Point at the key (an unexpected property) rather than its value. */
  onKey?: boolean;
}

const COMBINATORS = new Set(['oneOf', 'anyOf']);

/**
 * Turns Ajv's raw errors into the few a reader needs, the way better-ajv-errors does for Spectral:
 * `if` bookkeeping is dropped, a failed oneOf/anyOf gives way to the errors found inside the value,
 * alternative `type`s and `required`s merge into one message, and each error points at the node
 * (the extra key itself for `additionalProperties`, the object for a missing property).
 */
export function explainErrors(errors: readonly ErrorObject[], instance: unknown, schema: unknown, rootName = 'The document'): SchemaProblem[] {
  const subject = (pointer: string) => describeSubject(pointer, rootName);
  const relevant = errors.filter((error) => error.keyword !== 'if' && error.keyword !== 'false schema');
  const dropped = new Set<ErrorObject>();
  const merged = new Map<ErrorObject, string>();

  for (const error of relevant) {
    if (!COMBINATORS.has(error.keyword)) continue;
    const base = error.instancePath;
    const inside = relevant.filter((other) => other !== error && !dropped.has(other) && isWithin(other.instancePath, base));
    // "must have schema or content": required errors from the alternatives of this combinator.
    const alternatives = inside.filter(
      (other) => other.keyword === 'required' && other.instancePath === base && other.schemaPath.startsWith(`${error.schemaPath}/`),
    );
    if (alternatives.length > 1) {
      const names = [...new Set(alternatives.map((other) => `"${String(other.params.missingProperty)}"`))];
      if (names.length === 1) merged.set(error, `${names[0]} property is required`);
      else merged.set(error, `${subject(base)} must have ${names.length === 2 ? `either ${names[0]} or ${names[1]}` : `one of ${names.join(', ')}`}`);
      alternatives.forEach((other) => dropped.add(other));
      continue;
    }
    if (inside.length > 0 || Array.isArray(error.params.passingSchemas)) {
      if (inside.length > 0) dropped.add(error);
    }
  }

  // Alternative types at one place read as one message.
  const typesAt = new Map<string, ErrorObject[]>();
  for (const error of relevant) {
    if (error.keyword !== 'type' || dropped.has(error)) continue;
    const list = typesAt.get(error.instancePath) ?? [];
    list.push(error);
    typesAt.set(error.instancePath, list);
  }
  for (const list of typesAt.values()) {
    const types = [...new Set(list.flatMap((error) => String(error.params.type).split(',')))];
    merged.set(list[0]!, `${subject(list[0]!.instancePath)} must be ${joinOr(types)}`);
    list.slice(1).forEach((error) => dropped.add(error));
  }

  // A value of the wrong type also fails its enum; the type is the one thing to fix.
  for (const error of relevant) if (error.keyword === 'enum' && typesAt.has(error.instancePath)) dropped.add(error);

  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of relevant) {
    if (dropped.has(error)) continue;
    const problem = describe(error, merged.get(error), instance, schema, subject);
    if (!/[.?]$/.test(problem.message)) problem.message += '.';
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describe(error: ErrorObject, mergedMessage: string | undefined, instance: unknown, schema: unknown, subject: (pointer: string) => string): SchemaProblem {
  const at = error.instancePath;
  if (mergedMessage) return { pointer: at, message: mergedMessage };
  const params = error.params as Record<string, any>;
  switch (error.keyword) {
    case 'required':
      return { pointer: at, message: `"${String(params.missingProperty)}" property is required` };
    case 'additionalProperties':
      return { pointer: joinPointer(at, String(params.additionalProperty)), message: `Property "${String(params.additionalProperty)}" is not expected here`, onKey: true };
    case 'unevaluatedProperties':
      return { pointer: joinPointer(at, String(params.unevaluatedProperty)), message: `Property "${String(params.unevaluatedProperty)}" is not expected here`, onKey: true };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const value = valueAt(instance, at);
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      const list = allowed.map((item) => JSON.stringify(item)).join(', ');
      return { pointer: at, message: `${subject(at)} must be one of ${list}${suggestion ? `. Did you mean "${suggestion}"?` : ''}` };
    }
    case 'const':
      return { pointer: at, message: `${subject(at)} must be ${JSON.stringify(params.allowedValue)}` };
    case 'type':
      return { pointer: at, message: `${subject(at)} must be ${joinOr(String(params.type).split(','))}` };
    case 'pattern':
      return { pointer: at, message: `${subject(at)} must match the pattern "${String(params.pattern)}"` };
    case 'format':
      return { pointer: at, message: `${subject(at)} must be a valid "${String(params.format)}"` };
    case 'not': {
      const negated = schemaAt(schema, `${error.schemaPath}`);
      const required = negated && Array.isArray(negated.required) ? (negated.required as string[]) : undefined;
      if (required && required.length > 1) return { pointer: at, message: `${subject(at)} must not have both ${required.map((name) => `"${name}"`).join(' and ')}` };
      if (required?.length === 1) return { pointer: at, message: `Property "${required[0]}" is not allowed here` };
      return { pointer: at, message: `${subject(at)} must not match the forbidden schema` };
    }
    case 'oneOf':
      return {
        pointer: at,
        message: Array.isArray(params.passingSchemas)
          ? `${subject(at)} matches more than one of the allowed forms`
          : `${subject(at)} does not match any of the allowed forms`,
      };
    case 'anyOf':
      return { pointer: at, message: `${subject(at)} does not match any of the allowed forms` };
    case 'uniqueItems':
      return { pointer: at, message: `${subject(at)} must not have duplicate items (items ${params.j} and ${params.i} are identical)` };
    default:
      return { pointer: at, message: `${subject(at)} ${String(error.message ?? 'is invalid').replace(/NOT/g, 'not')}` };
  }
}

/** How a message names the node: `"name" property`, `Item at index 2`, or `The document`. */
function describeSubject(pointer: string, rootName: string): string {
  const segments = safeSegments(pointer);
  if (segments.length === 0) return rootName;
  const last = segments[segments.length - 1]!;
  return /^\d+$/.test(last) ? `Item at index ${last}` : `"${last}" property`;
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function isWithin(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(`${base}/`);
}

function safeSegments(pointer: string): string[] {
  try {
    return parsePointer(pointer);
  } catch {
    return [];
  }
}

function valueAt(instance: unknown, pointer: string): unknown {
  const found = getAtPointer(instance, safeSegments(pointer));
  return found.found ? found.value : undefined;
}

function schemaAt(schema: unknown, schemaPath: string): Record<string, unknown> | undefined {
  const value = valueAt(schema, schemaPath.replace(/^#/, ''));
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

/** The allowed string closest to a misspelling, when it is close enough to be a likely typo. */
function closest(value: string, allowed: unknown[]): string | undefined {
  let best: { value: string; distance: number } | undefined;
  for (const candidate of allowed) {
    if (typeof candidate !== 'string') continue;
    const distance = editDistance(value, candidate);
    if (!best || distance < best.distance) best = { value: candidate, distance };
  }
  if (!best) return undefined;
  return allowed.length === 1 || best.distance < best.value.length ? best.value : undefined;
}

