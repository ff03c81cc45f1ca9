import xor from '../xor.js';
import { runFunctionTests } from '../../__tests__/function-tester.js';

runFunctionTests(xor, {
  valid: [
    { name: 'exactly one', input: { example: 1 }, options: { properties: ['example', 'examples'] } },
    { name: 'non-objects are not checked', input: 'x', options: { properties: ['a', 'b'] } },
  ],
  invalid: [
    { name: 'none', input: {}, options: { properties: ['example', 'examples'] }, errors: [{ message: 'At least one of "example" or "examples" must be defined' }] },
    { name: 'both', input: { examples: {}, example: 1 }, options: { properties: ['example', 'examples'] }, errors: [{ message: 'Just one of "examples" and "example" must be defined' }] },
    {
      name: 'long lists are shortened',
      input: {},
      options: { properties: ['a', 'b', 'c', 'd', 'e'] },
      errors: [{ message: 'At least one of "a" or "b" or "c" or 2 other properties must be defined' }],
    },
  ],
  options: [
    { name: 'properties required', options: {}, errors: ['"xor" function is missing "properties" option'] },
    { name: 'at least two', options: { properties: ['a'] }, errors: ['"xor" requires at least two enumerated "properties", i.e. ["country", "street"], ["one", "two", "three"], etc.'] },
    {
      name: 'options must be an object',
      options: 'a',
      errors: ['"xor" function has invalid options specified. Example valid options: { "properties": ["country", "street"] }, { "properties": ["one", "two", "three"] }, etc.'],
    },
  ],
});
