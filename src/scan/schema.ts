import type { Ajv as AjvClass, ValidateFunction } from 'ajv';
import { createAjv } from '../core/ajv.js';
import type { Schema } from '../spec/api.js';

export type JsonSchema = Record<string, unknown>;
/** Requests leave out `readOnly` properties, responses `writeOnly` ones (OpenAPI semantics). */
export type Direction = 'request' | 'response';

const MAX_DEPTH = 12;

/** The normalised model's schema as a plain JSON Schema (draft 7) for Ajv; cycles cut at a fixed depth. */
export function toJsonSchema(schema: Schema, direction: Direction, depth = 0): JsonSchema {
  if (depth > MAX_DEPTH) return {};
  const out: JsonSchema = {};
  const next = (child: Schema) => toJsonSchema(child, direction, depth + 1);
  if (schema.types) {
    const types = [...schema.types];
    if (schema.nullable && types.length > 0) types.push('null');
    out.type = types.length === 1 ? types[0] : types;
  }
  if (schema.enum) out.enum = schema.nullable && !schema.enum.includes(null) ? [...schema.enum, null] : schema.enum;
  if (schema.hasConst) out.const = schema.const;
  if (schema.format) out.format = schema.format;
  if (schema.pattern) out.pattern = schema.pattern;
  if (schema.minimum) out[schema.minimum.exclusive ? 'exclusiveMinimum' : 'minimum'] = schema.minimum.value;
  if (schema.maximum) out[schema.maximum.exclusive ? 'exclusiveMaximum' : 'maximum'] = schema.maximum.value;
  for (const key of ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'] as const) if (schema[key] !== undefined) out[key] = schema[key];
  if (schema.properties.size > 0) {
    const properties: JsonSchema = {};
    for (const [name, property] of schema.properties) {
      if (skipped(property, direction)) continue;
      properties[name] = next(property);
    }
    out.properties = properties;
  }
  const required = [...schema.required].filter((name) => {
    const property = schema.properties.get(name);
    return !property || !skipped(property, direction);
  });
  if (required.length > 0) out.required = required;
  if (schema.additionalProperties === false) {
    // A read-only property sent back in a response, or sent by mistake, is not "additional".
    out.additionalProperties = false;
    if (schema.properties.size > 0) out.properties = { ...Object.fromEntries([...schema.properties.keys()].map((name) => [name, {}])), ...(out.properties as JsonSchema) };
  } else if (schema.additionalProperties && schema.additionalProperties !== true) out.additionalProperties = next(schema.additionalProperties);
  if (schema.items) out.items = next(schema.items);
  if (schema.prefixItems) out.items = schema.prefixItems.map(next);
  if (schema.oneOf) out.oneOf = schema.oneOf.map(next);
  if (schema.anyOf) out.anyOf = schema.anyOf.map(next);
  return out;
}

function skipped(property: Schema, direction: Direction): boolean {
  return direction === 'request' ? property.readOnly : property.writeOnly;
}

let ajv: AjvClass | undefined;
const compiled = new WeakMap<Schema, Map<Direction, ValidateFunction | null>>();

/** Validates `value` against `schema`; returns the error messages (empty when valid), or undefined when the schema cannot be compiled. */
export function validate(schema: Schema, direction: Direction, value: unknown): string[] | undefined {
  ajv ??= createAjv('draft7', { strict: false, allErrors: true, validateFormats: true });
  let byDirection = compiled.get(schema);
  if (!byDirection) compiled.set(schema, (byDirection = new Map()));
  let check = byDirection.get(direction);
  if (check === undefined) {
    try {
      check = ajv.compile(toJsonSchema(schema, direction));
    } catch {
      check = null;
    }
    byDirection.set(direction, check);
  }
  if (!check) return undefined;
  if (check(value)) return [];
  return (check.errors ?? []).slice(0, 5).map((error) => `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`);
}
