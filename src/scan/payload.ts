import fc from 'fast-check';
import type { Schema } from '../spec/api.js';

/** What a generator may ask of the scan: known IDs by property name, a URL that stays on loopback. */
export interface PayloadContext {
  /** A known value for a property or parameter named `name` (`accountId` → an account the identity owns). */
  known?: (name: string) => string | undefined;
  /** A URL for `format: uri` values: the scanner's canary, so a server that fetches it never leaves loopback. */
  url: () => string;
}

const MAX_DEPTH = 6;
type Raw = Record<string, unknown>;

function pickType(schema: Schema): string | undefined {
  if (!schema.types || schema.types.size === 0) return schema.properties.size > 0 ? 'object' : schema.items ? 'array' : undefined;
  for (const preferred of ['object', 'array', 'string', 'integer', 'number', 'boolean']) if (schema.types.has(preferred)) return preferred;
  return [...schema.types][0];
}

const FORMAT_EXAMPLES: Record<string, string> = {
  email: 'rampart@example.com',
  'date-time': '2024-01-02T03:04:05Z',
  date: '2024-01-02',
  time: '03:04:05Z',
  uuid: '3f0c2f9e-8a3b-4b4e-9a8f-1d2e3c4b5a69',
  ipv4: '192.0.2.10',
  ipv6: '2001:db8::10',
  hostname: 'rampart.example',
  byte: 'cmFtcGFydA==',
};

function boundsOf(schema: Schema, integer: boolean): { min: number; max: number } {
  const step = integer ? 1 : 0.01;
  let min = schema.minimum ? schema.minimum.value + (schema.minimum.exclusive ? step : 0) : integer ? 1 : 0;
  let max = schema.maximum ? schema.maximum.value - (schema.maximum.exclusive ? step : 0) : Math.max(min + 100, 100);
  if (integer) {
    min = Math.ceil(min);
    max = Math.floor(max);
  }
  if (!schema.minimum && schema.maximum && min > max) min = max - 100;
  return { min, max };
}

/** One plain, valid value: enum/const/default first, then formats and bounds. Deterministic. */
export function exampleValue(schema: Schema, context: PayloadContext, name = '', depth = 0): unknown {
  if (schema.hasConst) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum.find((value) => value !== null) ?? schema.enum[0];
  if (schema.hasDefault) return schema.default;
  const alternative = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (alternative && !schema.types && schema.properties.size === 0) return exampleValue(alternative, context, name, depth + 1);
  const known = name ? context.known?.(name) : undefined;
  const type = pickType(schema);
  if (known !== undefined && (type === 'string' || type === undefined)) return known;
  switch (type) {
    case 'object': {
      if (depth >= MAX_DEPTH) return {};
      const value: Raw = {};
      for (const [property, child] of schema.properties) {
        if (child.readOnly) continue;
        if (schema.required.has(property) || depth === 0) value[property] = exampleValue(child, context, property, depth + 1);
      }
      return value;
    }
    case 'array': {
      const count = Math.max(schema.minItems ?? 0, 1);
      return schema.items && depth < MAX_DEPTH ? Array.from({ length: Math.min(count, 3) }, () => exampleValue(schema.items!, context, name, depth + 1)) : [];
    }
    case 'integer':
    case 'number': {
      const { min, max } = boundsOf(schema, type === 'integer');
      return Math.min(Math.max(min, type === 'integer' ? 1 : 1.5), max);
    }
    case 'boolean':
      return true;
    case 'string':
      return exampleString(schema, context);
    default:
      return 'rampart';
  }
}

function exampleString(schema: Schema, context: PayloadContext): string {
  if (schema.format === 'uri' || schema.format === 'url' || schema.format === 'uri-reference') return context.url();
  if (schema.format && FORMAT_EXAMPLES[schema.format]) return FORMAT_EXAMPLES[schema.format]!;
  if (schema.pattern) {
    const sample = patternSample(schema.pattern);
    if (sample !== undefined) return sample;
  }
  const min = schema.minLength ?? 1;
  const max = schema.maxLength ?? 64;
  return 'rampart'.padEnd(min, 'x').slice(0, Math.max(max, 0));
}

/** A string matching `pattern`, drawn with a fixed seed; undefined when the pattern is unusable. */
function patternSample(pattern: string): string | undefined {
  try {
    const regex = new RegExp(pattern, 'u');
    const [sample] = fc.sample(fc.stringMatching(regex), { seed: 1, numRuns: 1 });
    return sample;
  } catch {
    return undefined;
  }
}

/** A fast-check arbitrary of valid values for `schema` (read-only properties left out). */
export function validArbitrary(schema: Schema, context: PayloadContext, name = '', depth = 0): fc.Arbitrary<unknown> {
  if (schema.hasConst) return fc.constant(schema.const);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives && alternatives.length > 0 && !schema.types && schema.properties.size === 0 && depth < MAX_DEPTH) return fc.oneof(...alternatives.map((child) => validArbitrary(child, context, name, depth + 1)));
  const known = name ? context.known?.(name) : undefined;
  const type = pickType(schema);
  if (known !== undefined && (type === 'string' || type === undefined)) return fc.constant(known);
  const base = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'object': {
        if (depth >= MAX_DEPTH) return fc.constant({});
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        const required: string[] = [];
        for (const [property, child] of schema.properties) {
          if (child.readOnly) continue;
          model[property] = validArbitrary(child, context, property, depth + 1);
          if (schema.required.has(property)) required.push(property);
        }
        return fc.record(model, { requiredKeys: required });
      }
      case 'array': {
        const items = schema.items && depth < MAX_DEPTH ? validArbitrary(schema.items, context, name, depth + 1) : fc.constant('rampart');
        const minLength = schema.minItems ?? 0;
        return fc.array(items, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) });
      }
      case 'integer': {
        const { min, max } = boundsOf(schema, true);
        return fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) });
      }
      case 'number': {
        const { min, max } = boundsOf(schema, false);
        return fc.double({ min: Math.max(min, -1e9), max: Math.min(max, 1e9), noNaN: true, noDefaultInfinity: true });
      }
      case 'boolean':
        return fc.boolean();
      case 'string':
        return stringArbitrary(schema, context);
      default:
        return fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean());
    }
  })();
  return schema.nullable ? fc.option(base, { nil: null, freq: 8 }) : base;
}

function stringArbitrary(schema: Schema, context: PayloadContext): fc.Arbitrary<string> {
  if (schema.format === 'uri' || schema.format === 'url' || schema.format === 'uri-reference') return fc.constant(null).map(() => context.url());
  switch (schema.format) {
    case 'email':
      return fc.emailAddress().filter((value) => value.length <= (schema.maxLength ?? 254));
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }).map((date) => date.toISOString());
    case 'date':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    case 'ipv4':
      return fc.ipV4();
    default:
  }
  if (schema.pattern) {
    try {
      const regex = new RegExp(schema.pattern, 'u');
      const inBounds = (value: string) => value.length >= (schema.minLength ?? 0) && value.length <= (schema.maxLength ?? Infinity);
      return fc.stringMatching(regex).filter(inBounds);
    } catch {
      // An ECMA-incompatible pattern: fall through to plain strings.
    }
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 24, 24));
  return fc.string({ minLength, maxLength });
}

/** One way to make a valid value invalid; `apply` gets the valid value and returns the broken one. */
export interface Violation {
  /** Where (`quantity`, `(root)`) and what (`below minimum 1`). */
  description: string;
  apply: (valid: unknown) => unknown;
}

/**
 * The constraints of `schema` that a value can break, each as a mutation of a valid value. `text`
 * mode is for query, path and header parameters, where every value travels as text, so only
 * violations that survive as text are listed.
 */
export function violations(schema: Schema, mode: 'json' | 'text', where = '(root)', depth = 0): Violation[] {
  if (depth > 3) return [];
  const found: Violation[] = [];
  const add = (description: string, apply: (valid: unknown) => unknown) => found.push({ description: `${where}: ${description}`, apply });
  const type = pickType(schema);
  const allows = (t: string) => !schema.types || schema.types.has(t) || (t === 'integer' && schema.types.has('number'));
  if (schema.enum && schema.enum.length > 0 && !schema.enum.includes('rampart-not-in-enum')) add('a value outside the enum', () => 'rampart-not-in-enum');
  switch (type) {
    case 'object': {
      if (mode === 'text') break;
      if (!allows('string')) add('a string instead of an object', () => 'rampart');
      if (!schema.nullable && !allows('null')) add('null instead of an object', () => null);
      for (const name of schema.required) {
        if (schema.properties.get(name)?.readOnly) continue;
        add(`required property "${name}" missing`, (valid) => omit(valid, name));
      }
      for (const [name, child] of schema.properties) {
        if (child.readOnly) continue;
        for (const inner of violations(child, mode, name, depth + 1)) {
          found.push({ description: inner.description, apply: (valid) => (isRecord(valid) ? { ...valid, [name]: inner.apply(valid[name]) } : valid) });
        }
      }
      break;
    }
    case 'array':
      if (mode === 'text') break;
      if (!allows('object')) add('an object instead of an array', () => ({ rampart: true }));
      if (schema.maxItems !== undefined && schema.items) add(`more than ${schema.maxItems} items`, (valid) => Array.from({ length: schema.maxItems! + 1 }, (_, k) => (Array.isArray(valid) && valid.length > 0 ? valid[k % valid.length] : 'rampart')));
      if (schema.minItems !== undefined && schema.minItems > 0) add(`fewer than ${schema.minItems} items`, () => []);
      break;
    case 'integer':
    case 'number':
      if (mode === 'json' && !allows('string')) add(`a string instead of ${type === 'integer' ? 'an integer' : 'a number'}`, () => 'rampart');
      if (mode === 'text') add(`text that is not ${type === 'integer' ? 'an integer' : 'a number'}`, () => 'rampart');
      if (type === 'integer') add('a fractional number', () => 1.5);
      if (schema.minimum) add(`below the minimum ${schema.minimum.value}`, () => schema.minimum!.value - (type === 'integer' ? 1 : 0.5) - (schema.minimum!.exclusive ? 0 : 0));
      if (schema.maximum) add(`above the maximum ${schema.maximum.value}`, () => schema.maximum!.value + (type === 'integer' ? 1 : 0.5));
      break;
    case 'boolean':
      if (mode === 'json' && !allows('string')) add('a string instead of a boolean', () => 'rampart');
      if (mode === 'text') add('text that is not true or false', () => 'rampart');
      break;
    case 'string':
      if (mode === 'json' && !allows('integer') && !allows('number')) add('a number instead of a string', () => 12345);
      if (schema.maxLength !== undefined) add(`longer than ${schema.maxLength} characters`, () => 'r'.repeat(schema.maxLength! + 1));
      if (schema.minLength !== undefined && schema.minLength > 0) add(`shorter than ${schema.minLength} characters`, () => 'r'.repeat(schema.minLength! - 1));
      if (schema.pattern) add(`not matching ${schema.pattern}`, () => '!~rampart~!');
      if (schema.format && ['email', 'uuid', 'date-time', 'date', 'uri', 'url', 'ipv4'].includes(schema.format)) add(`not a valid ${schema.format}`, () => 'rampart not a format');
      break;
    default:
  }
  return found;
}

function isRecord(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function omit(value: unknown, name: string): unknown {
  if (!isRecord(value)) return value;
  const copy = { ...value };
  delete copy[name];
  return copy;
}
