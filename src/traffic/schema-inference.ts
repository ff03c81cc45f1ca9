import { isCategoryToken, isSensitiveFieldName } from './categorical.js';
import { classifyValue } from './classifiers/index.js';

/**
 * Schema inference across samples, as a mergeable sketch: feed parsed JSON values, merge sketches
 * from merged endpoints, and turn the result into an OpenAPI 3.1 (JSON Schema 2020-12) schema.
 * Bounded: depth, properties per object and remembered enum values are capped.
 * The schema is printed, so it never holds an observed value, except the words of a clearly
 * categorical field as its `enum` (`categorical.ts` says which).
 */
export interface SchemaSketch {
  count: number;
  nulls: number;
  booleans: number;
  integers: number;
  numbers: number;
  strings: number;
  formats: Record<string, number>;
  /** Distinct string values while few and all categories; undefined once one is not or there are too many. */
  values?: Record<string, number>;
  arrays: number;
  items?: SchemaSketch;
  objects: number;
  properties?: Record<string, SchemaSketch>;
  /** The value went deeper than MAX_DEPTH or had more than MAX_PROPERTIES keys. */
  truncated?: boolean;
}

export const MAX_DEPTH = 24;
export const MAX_PROPERTIES = 200;
const MAX_ENUM_VALUES = 6;

export function emptySketch(): SchemaSketch {
  return { count: 0, nulls: 0, booleans: 0, integers: 0, numbers: 0, strings: 0, formats: {}, values: {}, arrays: 0, objects: 0 };
}

const FORMATS: [string, RegExp][] = [
  ['date-time', /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/],
  ['date', /^\d{4}-\d{2}-\d{2}$/],
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['email', /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/],
  ['uri', /^https?:\/\/[^\s]+$/],
  ['ipv4', /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/],
];

export function stringFormat(value: string): string | undefined {
  if (value.length > 2048) return undefined;
  for (const [name, pattern] of FORMATS) if (pattern.test(value)) return name;
  if (value.includes(':') && /^[0-9a-f:]+$/i.test(value) && value.split(':').length >= 3) return 'ipv6';
  return undefined;
}

/**
 * Adds one sample; `key` is the property or parameter name, `sensitiveParent` says a parent's name is
 * sensitive (`password: {current: …}`): such values, and any that are not category words, never become enums.
 */
export function observe(sketch: SchemaSketch, value: unknown, depth = 0, key = '', sensitiveParent = false): void {
  sketch.count++;
  if (value === null) sketch.nulls++;
  else if (typeof value === 'boolean') sketch.booleans++;
  else if (typeof value === 'number') {
    if (Number.isInteger(value)) sketch.integers++;
    else sketch.numbers++;
  } else if (typeof value === 'string') {
    sketch.strings++;
    const format = stringFormat(value);
    if (format) sketch.formats[format] = (sketch.formats[format] ?? 0) + 1;
    if (sketch.values) {
      if (!sensitiveParent && isCategoryToken(value) && !isSensitiveFieldName(key) && classifyValue(key, value).length === 0) {
        sketch.values[value] = (sketch.values[value] ?? 0) + 1;
        if (Object.keys(sketch.values).length > MAX_ENUM_VALUES) sketch.values = undefined;
      } else sketch.values = undefined;
    }
  } else if (depth >= MAX_DEPTH) {
    sketch.truncated = true;
    if (Array.isArray(value)) sketch.arrays++;
    else sketch.objects++;
  } else if (Array.isArray(value)) {
    sketch.arrays++;
    sketch.items ??= emptySketch();
    // sample the first elements: large arrays are usually homogeneous
    const limit = Math.min(value.length, 50);
    for (let k = 0; k < limit; k++) observe(sketch.items, value[k], depth + 1, key, sensitiveParent);
  } else if (typeof value === 'object') {
    sketch.objects++;
    sketch.properties ??= {};
    const sensitiveChildren = sensitiveParent || (key !== '' && isSensitiveFieldName(key));
    let seen = 0;
    for (const key of Object.keys(value as object)) {
      if (!(key in sketch.properties)) {
        if (Object.keys(sketch.properties).length >= MAX_PROPERTIES) {
          sketch.truncated = true;
          continue;
        }
        sketch.properties[key] = emptySketch();
      }
      observe(sketch.properties[key]!, (value as Record<string, unknown>)[key], depth + 1, key, sensitiveChildren);
      if (++seen > MAX_PROPERTIES * 2) break;
    }
  }
}

/** Merges `from` into `into` (both sketches of the same position). */
export function mergeSketch(into: SchemaSketch, from: SchemaSketch): void {
  into.count += from.count;
  into.nulls += from.nulls;
  into.booleans += from.booleans;
  into.integers += from.integers;
  into.numbers += from.numbers;
  into.strings += from.strings;
  for (const [format, count] of Object.entries(from.formats)) into.formats[format] = (into.formats[format] ?? 0) + count;
  if (into.values && from.values) {
    for (const [value, count] of Object.entries(from.values)) into.values[value] = (into.values[value] ?? 0) + count;
    if (Object.keys(into.values).length > MAX_ENUM_VALUES) into.values = undefined;
  } else into.values = undefined;
  into.arrays += from.arrays;
  if (from.items) {
    if (into.items) mergeSketch(into.items, from.items);
    else into.items = from.items;
  }
  into.objects += from.objects;
  if (from.properties) {
    into.properties ??= {};
    for (const [key, sketch] of Object.entries(from.properties)) {
      if (into.properties[key]) mergeSketch(into.properties[key]!, sketch);
      else into.properties[key] = sketch;
    }
  }
  into.truncated ||= from.truncated;
}

export type JsonSchema = Record<string, unknown>;

/**
 * The sketch as a schema: types (with `null` when seen), the format every string had, an enum for
 * a small set of category words each seen at least twice (one value alone is a constant, not an
 * enumeration, and may as well be a secret every response repeats), `required` for properties
 * present in every sample object.
 */
export function toJsonSchema(sketch: SchemaSketch): JsonSchema {
  const types: string[] = [];
  if (sketch.objects) types.push('object');
  if (sketch.arrays) types.push('array');
  if (sketch.strings) types.push('string');
  if (sketch.numbers) types.push('number');
  else if (sketch.integers) types.push('integer');
  if (sketch.booleans) types.push('boolean');
  if (sketch.nulls) types.push('null');
  const schema: JsonSchema = {};
  if (types.length === 1) schema.type = types[0];
  else if (types.length > 1) schema.type = types;
  if (sketch.strings) {
    const formats = Object.entries(sketch.formats);
    if (formats.length === 1 && formats[0]![1] === sketch.strings) schema.format = formats[0]![0];
    const values = sketch.values ? Object.entries(sketch.values) : [];
    if (values.length >= 2 && values.length <= MAX_ENUM_VALUES && values.every(([, count]) => count >= 2) && types.length === 1) {
      schema.enum = values.map(([value]) => value).sort();
    }
  }
  // Only empty arrays seen: any item (`items` is still written, linters expect it).
  if (sketch.arrays) schema.items = sketch.items && sketch.items.count > 0 ? toJsonSchema(sketch.items) : {};
  if (sketch.objects && sketch.properties) {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const key of Object.keys(sketch.properties).sort()) {
      const property = sketch.properties[key]!;
      properties[key] = toJsonSchema(property);
      if (property.count >= sketch.objects) required.push(key);
    }
    schema.properties = properties;
    if (required.length > 0) schema.required = required;
  }
  return schema;
}
