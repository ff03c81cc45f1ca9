import type { ErrorObject } from 'ajv';
import { parsePointer } from '../../../../spec/pointer.js';

type Lookup = Record<string, unknown>;
type JsonObject = Record<string, unknown>;

/**
 * The keywords in the order Ajv checks them at one schema (its rule groups: any type, number,
 * string, array, object). Ajv stops at its first error, and Spectral reports that one; the
 * interpreter checks in another order, so its errors are sorted into Ajv's before the first is kept.
 */
const KEYWORD_ORDER = [
  '$dynamicRef', '$recursiveRef', '$ref', 'type', 'const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf', 'if', 'then', 'else',
  'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf',
  'maxLength', 'minLength', 'pattern', 'format',
  'maxItems', 'minItems', 'additionalItems', 'prefixItems', 'items', 'contains', 'uniqueItems', 'maxContains', 'minContains', 'unevaluatedItems',
  'maxProperties', 'minProperties', 'required', 'propertyNames', 'additionalProperties', 'dependencies', 'properties', 'patternProperties',
  'dependentRequired', 'dependentSchemas', 'unevaluatedProperties',
];
const RANK = new Map(KEYWORD_ORDER.map((keyword, index) => [keyword, index]));

/** The keywords of Ajv's type-specific groups, by the JSON type they apply to. */
const GROUPS: Record<string, string[]> = {
  number: KEYWORD_ORDER.slice(RANK.get('maximum')!, RANK.get('multipleOf')! + 1).concat('format'),
  string: KEYWORD_ORDER.slice(RANK.get('maxLength')!, RANK.get('format')! + 1),
  array: KEYWORD_ORDER.slice(RANK.get('maxItems')!, RANK.get('unevaluatedItems')! + 1),
  object: KEYWORD_ORDER.slice(RANK.get('maxProperties')!),
};
const GROUP_START: Record<string, number> = { number: RANK.get('maximum')!, string: RANK.get('maxLength')!, array: RANK.get('maxItems')!, object: RANK.get('maxProperties')! };

/** Keywords whose next location segment names an entry of a mapping, or an index of a list. */
const MAPS = new Set(['properties', 'patternProperties', 'dependencies', 'dependentSchemas', 'dependentRequired']);
const LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items', 'additionalItems']);

/** The error Ajv would have reported first (stable: the interpreter's order breaks ties). */
export function firstInAjvOrder(errors: readonly ErrorObject[], root: unknown, lookup: Lookup): ErrorObject[] {
  if (errors.length < 2) return errors.slice();
  let best = errors[0]!;
  let bestRank = ajvRank(best.schemaPath, root, lookup);
  for (const error of errors.slice(1)) {
    const rank = ajvRank(error.schemaPath, root, lookup);
    if (compareRanks(rank, bestRank) < 0) {
      best = error;
      bestRank = rank;
    }
  }
  return [best];
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Where along Ajv's depth-first walk a keyword location lies: one rank per step. */
function ajvRank(location: string, root: unknown, lookup: Lookup): number[] {
  let segments: string[];
  try {
    segments = parsePointer(location);
  } catch {
    return [];
  }
  const rank: number[] = [];
  let node: unknown = root;
  for (let i = 0; i < segments.length; i++) {
    const keyword = segments[i]!;
    const schema = isObject(node) ? node : {};
    rank.push(keyword === 'type' ? typeRank(schema) : (RANK.get(keyword) ?? KEYWORD_ORDER.length));
    if (keyword === '$ref' && typeof schema.$ref === 'string') {
      node = lookup[(schema.__absolute_ref__ as string | undefined) ?? schema.$ref];
      continue;
    }
    const value = schema[keyword];
    if (MAPS.has(keyword) && i + 1 < segments.length) {
      const key = segments[++i]!;
      rank.push(isObject(value) ? Object.keys(value).indexOf(key) : 0);
      node = isObject(value) ? value[key] : undefined;
    } else if (LISTS.has(keyword) && Array.isArray(value) && i + 1 < segments.length) {
      const index = Number(segments[++i]);
      rank.push(index);
      node = value[index];
    } else node = value;
  }
  return rank;
}

/**
 * Ajv checks the type before every keyword, except for a single type whose group has keywords in
 * the schema: then the type error stands where that group would have run.
 */
function typeRank(schema: JsonObject): number {
  const type = schema.type;
  const group = type === 'integer' ? 'number' : typeof type === 'string' ? type : undefined;
  if (group && GROUPS[group]?.some((keyword) => keyword in schema)) return GROUP_START[group]! - 0.5;
  return -1;
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
