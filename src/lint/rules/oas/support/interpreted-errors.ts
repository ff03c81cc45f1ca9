import type { OutputUnit } from '@cfworker/json-schema';
import type { ErrorObject } from 'ajv';
import { decodeUriComponentSafely } from '../../../../core/text.js';
import { parsePointer } from '../../../../spec/pointer.js';
import { prettifyAjvErrors } from '../../../spectral-ajv-errors.js';
import { firstInAjvOrder } from './ajv-error-order.js';
import { explainErrors, type SchemaProblem } from './schema-errors.js';

type Lookup = Record<string, unknown>;

/**
 * What is wrong with an example (the value of the field `name`: `example`, `value`, a media type),
 * from the interpreter's errors. A single error is Ajv's first, worded as Spectral words it; a
 * failed oneOf/anyOf is explained by the form the value means, in Rampart's words (Spectral lists
 * every form's first error instead).
 */
export function explainExampleErrors(units: readonly OutputUnit[], root: unknown, lookup: Lookup, draft4: boolean, value: unknown, name: string): SchemaProblem[] {
  const errors = interpretedErrors(units, root, lookup, draft4);
  if (isCombined(errors)) return explainErrors(errors, value, undefined, `"${name}" property`);
  return prettifyAjvErrors(errors, value, [name]).map(({ message, path }) => ({ pointer: path, message }));
}

/**
 * Translates the interpreter's (@cfworker/json-schema) errors into Ajv's, with Ajv's messages, so
 * example findings are worded as Spectral's (which validates with Ajv) and a failing example needs
 * no compiled validator.
 * Bookkeeping errors that Ajv does not raise (a property, item or $ref "had errors") are dropped;
 * each remaining error takes its parameters from the schema it failed, found by walking the
 * keyword location through the interpreter's $ref lookup.
 */
export function interpretedErrors(units: readonly OutputUnit[], root: unknown, lookup: Lookup, draft4: boolean): ErrorObject[] {
  const errors: ErrorObject[] = [];
  for (const unit of units) {
    const error = translate(unit, root, lookup, draft4);
    if (error) errors.push(error);
  }
  const pruned = pruneAlternatives(errors);
  // Without alternatives to explain, the first error is the one to fix, and the one Spectral's
  // example checks report: Ajv's first, in Ajv's order of keywords.
  return isCombined(pruned) ? pruned : firstInAjvOrder(pruned, root, lookup);
}

/** Whether a oneOf/anyOf failed: then what its forms reject is explained, not only a first error. */
export function isCombined(errors: readonly { keyword: string }[]): boolean {
  return errors.some((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf');
}

/**
 * What the forms of a failed oneOf/anyOf reject, reduced to what helps: the errors of the form the
 * value means, when one stands out; none when the value matches several forms of a oneOf; when the
 * forms only disagree on the value's type or missing properties, those; otherwise the combinator's
 * own error ("does not match any of the allowed forms").
 */
function pruneAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const kept: ErrorObject[] = [];
  for (let index = 0; index < errors.length; index++) {
    const error = errors[index]!;
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') {
      kept.push(error);
      continue;
    }
    // The interpreter lists a combinator before what its forms reject.
    const prefix = `${error.schemaPath}/`;
    let end = index + 1;
    while (end < errors.length && errors[end]!.schemaPath.startsWith(prefix)) end++;
    const inside = errors.slice(index + 1, end);
    index = end - 1;
    const byForm = new Map<string, ErrorObject[]>();
    for (const other of inside) {
      const form = other.schemaPath.slice(prefix.length).split('/')[0]!;
      byForm.set(form, [...(byForm.get(form) ?? []), other]);
    }
    const meant = formMeant([...byForm.values()], error.instancePath);
    if (Array.isArray(error.params.passingSchemas)) kept.push(error);
    else if (meant) kept.push(...pruneAlternatives(meant));
    else if (inside.length > 0 && inside.every((other) => SHALLOW.has(other.keyword) && other.instancePath === error.instancePath)) kept.push(error, ...inside);
    else kept.push(error);
  }
  return kept;
}

const WRAPPERS = new Set(['$ref', '$recursiveRef', 'properties', 'patternProperties', 'items', 'prefixItems', 'additionalItems', 'unevaluatedItems', 'allOf', 'dependentSchemas', 'if', 'false']);

/** Errors about the value as a whole: when the forms disagree only on these, all are kept. */
const SHALLOW = new Set(['required', 'type']);

/**
 * The form a value means, by its errors: the only one whose tag (a `const` or `enum` direct property)
 * the value carries, or else the only one it got furthest into (its shallowest error lies deepest).
 */
function formMeant(forms: ErrorObject[][], base: string): ErrorObject[] | undefined {
  if (forms.length < 2) return undefined;
  const untagged = forms.filter((errors) => !errors.some((error) => isTagMismatch(error, base)));
  if (untagged.length === 1) return untagged[0];
  const candidates = untagged.length > 0 ? untagged : forms;
  const reach = candidates.map((errors) => Math.min(...errors.map((error) => depth(error.instancePath))));
  const furthest = Math.max(...reach);
  const at = reach.filter((value) => value === furthest);
  return at.length === 1 && furthest > depth(base) ? candidates[reach.indexOf(furthest)] : undefined;
}

function depth(pointer: string): number {
  let count = 0;
  for (let index = 0; index < pointer.length; index++) if (pointer.charCodeAt(index) === 47) count++;
  return count;
}

/** A `const` or `enum` failing on a direct property of the value: the mark of a form the value is not. */
function isTagMismatch(error: ErrorObject, base: string): boolean {
  if (error.keyword !== 'const' && error.keyword !== 'enum') return false;
  return error.instancePath.startsWith(`${base}/`) && !error.instancePath.slice(base.length + 1).includes('/');
}

function translate(unit: OutputUnit, root: unknown, lookup: Lookup, draft4: boolean): ErrorObject | undefined {
  const instancePath = toJsonPointer(unit.instanceLocation);
  const schemaPath = unit.keywordLocation;
  const make = (keyword: string, params: Record<string, unknown>, message?: string): ErrorObject =>
    ({ keyword, instancePath, schemaPath, params, message }) as ErrorObject;
  // Wrappers around the errors that follow them, or (`false`) the echo of additionalProperties: false.
  if (WRAPPERS.has(unit.keyword)) return undefined;
  // What the failing keyword says in the schema: its parameters (a limit, a pattern, the types).
  const value = schemaAt(root, unit.keywordLocation, lookup);
  const parent = () => schemaAt(root, unit.keywordLocation.replace(/\/[^/]*$/, ''), lookup) as Record<string, unknown> | undefined;

  switch (unit.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      // A schema-valued keyword reports what failed inside it; only `false` is an error of its own.
      if (value !== false) return undefined;
      const name = quoted(unit.error);
      return unit.keyword === 'additionalProperties'
        ? make(unit.keyword, { additionalProperty: name }, 'must NOT have additional properties')
        : make(unit.keyword, { unevaluatedProperty: name }, 'must NOT have unevaluated properties');
    }
    case 'required': {
      const missingProperty = quoted(unit.error);
      return make('required', { missingProperty }, `must have required property '${missingProperty}'`);
    }
    case 'type': {
      const type = Array.isArray(value) ? value.join(',') : String(value);
      return make('type', { type }, `must be ${type}`);
    }
    case 'enum':
      return make('enum', { allowedValues: value }, 'must be equal to one of the allowed values');
    case 'const':
      return make('const', { allowedValue: value }, 'must be equal to constant');
    case 'pattern':
      return make('pattern', { pattern: value }, `must match pattern "${String(value)}"`);
    case 'format':
      return make('format', { format: value }, `must match format "${String(value)}"`);
    case 'not':
      return make('not', {}, 'must NOT be valid');
    case 'anyOf':
      return make('anyOf', {}, 'must match a schema in anyOf');
    case 'oneOf': {
      const matches = Number(/\((\d+) matches\)/.exec(unit.error)?.[1] ?? 0);
      return make('oneOf', { passingSchemas: matches > 1 ? [] : null }, 'must match exactly one schema in oneOf');
    }
    case 'uniqueItems': {
      const [, first, second] = /indexes (\d+) and (\d+)/.exec(unit.error) ?? [];
      return make('uniqueItems', { i: Number(second), j: Number(first) }, `must NOT have duplicate items (items ## ${first} and ${second} are identical)`);
    }
    case 'minimum':
    case 'maximum': {
      const exclusive = draft4 && parent()?.[unit.keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true;
      const comparison = unit.keyword === 'minimum' ? (exclusive ? '>' : '>=') : exclusive ? '<' : '<=';
      return make(unit.keyword, { comparison, limit: value }, `must be ${comparison} ${String(value)}`);
    }
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const comparison = unit.keyword === 'exclusiveMinimum' ? '>' : '<';
      return make(unit.keyword, { comparison, limit: value }, `must be ${comparison} ${String(value)}`);
    }
    case 'multipleOf':
      return make('multipleOf', { multipleOf: value }, `must be multiple of ${String(value)}`);
    case 'minLength':
    case 'maxLength':
      return make(unit.keyword, { limit: value }, `must NOT have ${unit.keyword === 'maxLength' ? 'more' : 'fewer'} than ${String(value)} characters`);
    case 'minItems':
    case 'maxItems':
      return make(unit.keyword, { limit: value }, `must NOT have ${unit.keyword === 'maxItems' ? 'more' : 'fewer'} than ${String(value)} items`);
    case 'minProperties':
    case 'maxProperties':
      return make(unit.keyword, { limit: value }, `must NOT have ${unit.keyword === 'maxProperties' ? 'more' : 'fewer'} than ${String(value)} properties`);
    case 'dependencies':
    case 'dependentRequired': {
      const [, property, missing] = /has "(.*)" but does not have "(.*)"\.$/.exec(unit.error) ?? [];
      if (property === undefined) return undefined;
      return make(unit.keyword, { property, missingProperty: missing, depsCount: 1, deps: missing }, `must have property ${missing} when property ${property} is present`);
    }
    case 'propertyNames':
      return make('propertyNames', {}, 'property name must be valid');
    case 'contains':
    case 'minContains':
    case 'maxContains':
      return make(unit.keyword, {}, 'must contain at least 1 valid item(s)');
    default:
      return make(unit.keyword, {}, unit.error);
  }
}

/** The name between the first pair of double quotes of an interpreter message. */
function quoted(message: string): string {
  return /"(.*?)"/.exec(message)?.[1] ?? '';
}

/** `#/a%20b/c~1d` (URI fragment, as the interpreter writes locations) to the JSON pointer `/a b/c~1d`. */
function toJsonPointer(location: string): string {
  return decodeUriComponentSafely(location.startsWith('#') ? location.slice(1) : location);
}

/** The schema value at an interpreter keyword location, following `$ref` segments through the lookup. */
function schemaAt(root: unknown, location: string, lookup: Lookup): unknown {
  let segments: string[];
  try {
    segments = parsePointer(location);
  } catch {
    return undefined;
  }
  let node: unknown = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    const current = node as Record<string, unknown>;
    node = segment === '$ref' && typeof current.$ref === 'string' ? lookup[(current.__absolute_ref__ as string | undefined) ?? current.$ref] : current[segment];
  }
  return node;
}
