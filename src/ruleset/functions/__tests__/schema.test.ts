import schema from '../schema.js';
import { runFunctionTests } from '../../__tests__/function-tester.js';

// Expected messages were checked against @stoplight/spectral-functions' schema function on the same inputs.
runFunctionTests(schema, {
  valid: [
    { name: 'matches', input: 'x', options: { schema: { type: 'string' } } },
    { name: 'draft 2020-12 keywords', input: [1, 2], options: { schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', prefixItems: [{ type: 'number' }] } } },
    { name: 'draft 4 by dialect option', input: 5, options: { dialect: 'draft4', schema: { type: 'number', minimum: 5 } } },
    { name: 'broken $ref on a resolved document is not reported', input: 'x', options: { schema: { $ref: '#/nope' } } },
    { name: 'unknown formats are ignored', input: 'x', options: { schema: { type: 'string', format: 'made-up' } } },
  ],
  invalid: [
    { name: 'type', input: 12, options: { schema: { type: 'string' } }, errors: [{ message: '"title" property type must be string' }] },
    { name: 'required', input: { a: 1 }, options: { schema: { type: 'object', required: ['b'] } }, errors: [{ message: '"title" property must have required property "b"' }] },
    {
      name: 'additional property',
      input: { a: 1, c: 2 },
      options: { schema: { type: 'object', properties: { a: {} }, additionalProperties: false } },
      errors: [{ message: 'Property "c" is not expected to be here' }],
    },
    {
      name: 'enum with a suggestion',
      input: 'heade',
      options: { schema: { enum: ['header', 'query'] } },
      errors: [{ message: '"title" property must be equal to one of the allowed values: "header", "query". Did you mean "header"?' }],
    },
    {
      name: 'all errors, nested paths',
      input: { version: '1', contact: { email: 'nope' } },
      options: {
        allErrors: true,
        schema: { type: 'object', required: ['title'], properties: { version: { pattern: '^\\d+\\.\\d+$' }, contact: { properties: { email: { format: 'email' } } } } },
      },
      errors: [
        { message: '"title" property must have required property "title"' },
        { message: '"version" property must match pattern "^\\d+\\.\\d+$"', path: ['info', 'title', 'version'] },
        { message: '"email" property must match format "email"', path: ['info', 'title', 'contact', 'email'] },
      ],
    },
    { name: 'array item', input: ['a', 2], options: { schema: { type: 'array', items: { type: 'string' } } }, errors: [{ message: 'Item at index 1 must be string', path: ['info', 'title', '1'] }] },
    {
      name: 'oneOf without a match',
      input: { a: 1 },
      options: { schema: { oneOf: [{ required: ['b'] }, { required: ['c'] }] } },
      errors: [
        { message: '"title" property must have required property "b"' },
        { message: '"title" property must have required property "c"' },
        { message: '"title" property must match exactly one schema in oneOf. None of the schemas matched, see the other errors reported for this value' },
      ],
    },
    {
      name: 'anyOf without a match',
      input: 5,
      options: { allErrors: true, schema: { anyOf: [{ type: 'string' }, { type: 'boolean' }] } },
      errors: [
        { message: '"title" property type must be string' },
        { message: '"title" property type must be boolean' },
        { message: '"title" property must match a schema in anyOf. None of the schemas matched, see the other errors reported for this value' },
      ],
    },
    { name: 'draft 4 by $schema', input: 5, options: { schema: { $schema: 'http://json-schema.org/draft-04/schema#', type: 'string', minimum: 3 } }, errors: [{ message: '"title" property type must be string' }] },
    {
      name: 'draft 2020-12 prefixItems',
      input: [1, 'a'],
      options: { schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', prefixItems: [{ type: 'number' }, { type: 'number' }] } },
      errors: [{ message: 'Item at index 1 must be number', path: ['info', 'title', '1'] }],
    },
    { name: 'missing value', input: undefined, options: { schema: { type: 'string' } }, errors: [{ message: '"title" property must exist' }] },
    { name: 'the document itself', input: 'x', path: [], options: { schema: { type: 'object' } }, errors: [{ message: 'Value type must be object' }] },
    { name: 'broken $ref in the schema', input: 'x', resolved: false, options: { schema: { $ref: '#/nope' } }, errors: [{ message: "can't resolve reference #/nope from id #" }] },
  ],
  options: [
    { name: 'schema required', options: {}, errors: ['"schema" function is missing "schema" option'] },
    { name: 'dialect values', options: { schema: {}, dialect: 'draft3' }, errors: ['"schema" function and its "dialect" option accepts only the following values: "auto", "draft4", "draft6", "draft7", "draft2019-09", "draft2020-12"'] },
    { name: 'allErrors is a boolean', options: { schema: {}, allErrors: 'yes' }, errors: ['"schema" function and its "allErrors" option accepts only the following types: boolean'] },
  ],
});
