import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dereference, validate, type Schema } from '@cfworker/json-schema';
import { explainExampleErrors, isCombined } from '../support/interpreted-errors.js';
import type { SchemaProblem } from '../support/schema-errors.js';

/** The interpreter's errors for a value (an `example`), explained the way the example rules report them. */
function explain(schema: Record<string, unknown>, value: unknown, draft: '4' | '2020-12' = '4', extra: Record<string, unknown>[] = []): SchemaProblem[] {
  const lookup: Record<string, Schema | boolean> = Object.create(null);
  for (const target of extra) dereference(target as Schema, lookup);
  const idKey = draft === '4' ? 'id' : '$id';
  const root = { ...schema, [idKey]: 'https://rampart.invalid/test/root.json' } as Schema;
  dereference(root, lookup);
  const quick = validate(value, root, draft, lookup, true);
  if (quick.valid) return [];
  const errors = isCombined(quick.errors) ? quick.errors : validate(value, root, draft, lookup, false).errors;
  return explainExampleErrors(errors, root, lookup, draft === '4', value, 'example');
}

const tagged = (tag: string, required: string) => ({
  type: 'object',
  required: ['kind', required],
  properties: { kind: { type: 'string', enum: [tag] }, [required]: { type: 'string' } },
});

const cases: { name: string; schema: Record<string, unknown>; value: unknown; draft?: '4' | '2020-12'; extra?: Record<string, unknown>[]; expected: SchemaProblem[] }[] = [
  { name: 'valid value', schema: { type: 'object', properties: { a: { type: 'string' } } }, value: { a: 'x' }, expected: [] },
  { name: 'wrong type', schema: { type: 'object', properties: { a: { type: 'string' } } }, value: { a: 1 }, expected: [{ pointer: '/a', message: '"a" property type must be string' }] },
  { name: 'nullable as a type list', schema: { type: 'object', properties: { a: { type: ['string', 'null'] } } }, value: { a: 1 }, expected: [{ pointer: '/a', message: '"a" property type must be string,null' }] },
  {
    name: 'only the first missing property, worded as Spectral words it',
    schema: { type: 'object', required: ['a', 'b'] },
    value: {},
    expected: [{ pointer: '', message: '"example" property must have required property "a"' }],
  },
  {
    name: 'additionalProperties: false points at the object, as Spectral does',
    schema: { type: 'object', properties: { a: {} }, additionalProperties: false },
    value: { a: 1, extra: 2 },
    expected: [{ pointer: '', message: 'Property "extra" is not expected to be here' }],
  },
  // Ajv's order of keywords decides which error is first (Ajv stops there, and Spectral reports it).
  { name: 'the type before the enum', schema: { type: 'string', enum: ['abc'] }, value: 5, expected: [{ pointer: '', message: '"example" property type must be string' }] },
  {
    name: 'the enum before the type, when the type has keywords of its own group',
    schema: { type: 'string', maxLength: 3, enum: ['abc'] },
    value: 5,
    expected: [{ pointer: '', message: '"example" property must be equal to one of the allowed values: "abc"' }],
  },
  {
    name: 'a missing property before an extra one before a wrong one',
    schema: { type: 'object', required: ['b'], properties: { a: { type: 'string' } }, additionalProperties: false },
    value: { a: 1, x: 1 },
    expected: [{ pointer: '', message: '"example" property must have required property "b"' }],
  },
  {
    name: 'schema-valued additionalProperties reports inside',
    schema: { type: 'object', additionalProperties: { type: 'integer' } },
    value: { n: 'x' },
    expected: [{ pointer: '/n', message: '"n" property type must be integer' }],
  },
  {
    name: 'enum with a suggestion',
    schema: { type: 'object', properties: { status: { type: 'string', enum: ['active', 'closed'] } } },
    value: { status: 'activ' },
    expected: [{ pointer: '/status', message: '"status" property must be equal to one of the allowed values: "active", "closed". Did you mean "active"?' }],
  },
  { name: 'draft-04 exclusive minimum', schema: { type: 'number', minimum: 1, exclusiveMinimum: true }, value: 1, expected: [{ pointer: '', message: '"example" property must be > 1' }] },
  { name: 'inclusive maximum', schema: { type: 'number', maximum: 10 }, value: 11, expected: [{ pointer: '', message: '"example" property must be <= 10' }] },
  { name: '2020-12 exclusive maximum', schema: { type: 'number', exclusiveMaximum: 10 }, value: 10, draft: '2020-12', expected: [{ pointer: '', message: '"example" property must be < 10' }] },
  { name: 'maxLength', schema: { type: 'object', properties: { name: { type: 'string', maxLength: 3 } } }, value: { name: 'abcd' }, expected: [{ pointer: '/name', message: '"name" property must not have more than 3 characters' }] },
  { name: 'minItems', schema: { type: 'array', minItems: 2 }, value: [1], expected: [{ pointer: '', message: '"example" property must not have fewer than 2 items' }] },
  { name: 'multipleOf', schema: { type: 'number', multipleOf: 5 }, value: 7, expected: [{ pointer: '', message: '"example" property must be multiple of 5' }] },
  { name: 'format', schema: { type: 'string', format: 'date-time' }, value: 'yesterday', expected: [{ pointer: '', message: '"example" property must match format "date-time"' }] },
  {
    name: 'pattern read through a $ref',
    schema: { type: 'object', properties: { sid: { $ref: 'https://rampart.invalid/test/sid.json' } } },
    extra: [{ id: 'https://rampart.invalid/test/sid.json', type: 'string', pattern: '^AP[0-9a-f]{4}$' }],
    value: { sid: 'XX' },
    expected: [{ pointer: '/sid', message: '"sid" property must match pattern "^AP[0-9a-f]{4}$"' }],
  },
  {
    name: 'uniqueItems',
    schema: { type: 'array', uniqueItems: true },
    value: [1, 2, 1],
    expected: [{ pointer: '', message: '"example" property must not have duplicate items (items ## 0 and 2 are identical)' }],
  },
  {
    name: 'oneOf: only the errors of the form whose tag the value carries',
    schema: { oneOf: [tagged('card', 'number'), tagged('bank', 'iban')] },
    value: { kind: 'bank' },
    expected: [{ pointer: '', message: '"example" property must have required property "iban"' }],
  },
  {
    name: 'oneOf: the form the value got furthest into',
    schema: {
      oneOf: [
        { type: 'object', properties: { script: { type: 'object', properties: { lines: { type: 'array', items: { type: 'string' } } } } }, required: ['script'] },
        { type: 'object', required: ['job'] },
      ],
    },
    value: { script: { lines: [1] } },
    expected: [{ pointer: '/script/lines/0', message: 'Item at index 0 must be string' }],
  },
  {
    name: 'oneOf matched by several forms',
    schema: { oneOf: [{ type: 'object' }, { required: ['a'] }] },
    value: { a: 1 },
    expected: [{ pointer: '', message: '"example" property matches more than one of the allowed forms.' }],
  },
  {
    name: 'every form misses the same property',
    schema: { oneOf: [{ type: 'object', required: ['configuration'] }, { type: 'object', required: ['configuration'] }] },
    value: {},
    expected: [{ pointer: '', message: '"configuration" property is required.' }],
  },
  {
    name: 'forms that differ only in a required property',
    schema: { anyOf: [{ required: ['schema'] }, { required: ['content'] }] },
    value: {},
    expected: [{ pointer: '', message: '"example" property must have either "schema" or "content".' }],
  },
  {
    name: 'a type no form accepts',
    schema: { oneOf: [{ type: 'object' }, { type: 'array' }] },
    value: 'text',
    expected: [{ pointer: '', message: '"example" property must be object or array.' }],
  },
  {
    name: 'no form stands out',
    schema: { anyOf: [{ type: 'object', required: ['a'], properties: { b: { type: 'string' } } }, { type: 'object', required: ['c'], properties: { b: { type: 'integer' } } }] },
    value: { b: true },
    expected: [{ pointer: '', message: '"example" property does not match any of the allowed forms.' }],
  },
];

describe('interpreted example errors', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      assert.deepEqual(explain(testCase.schema, testCase.value, testCase.draft, testCase.extra), testCase.expected);
    });
  }
});
