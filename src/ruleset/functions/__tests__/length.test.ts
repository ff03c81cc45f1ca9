import length from '../length.js';
import { runFunctionTests } from '../../__tests__/function-tester.js';

runFunctionTests(length, {
  valid: [
    { name: 'string within bounds', input: 'abc', options: { min: 1, max: 3 } },
    { name: 'array within bounds', input: [1, 2], options: { max: 2 } },
    { name: 'object key count', input: { a: 1 }, options: { min: 1 } },
    { name: 'number is its own length', input: 5, options: { max: 5 } },
    { name: 'booleans are not checked', input: true, options: { max: 0 } },
  ],
  invalid: [
    { name: 'too short', input: 'ab', options: { min: 3 }, path: ['summary'], errors: [{ message: '"summary" property must be longer than 3' }] },
    { name: 'too long', input: [1, 2, 3], options: { max: 2 }, path: ['tags'], errors: [{ message: '"tags" property must be shorter than 2' }] },
    { name: 'too many keys', input: { a: 1, b: 2 }, options: { max: 1 }, path: ['paths'], errors: [{ message: '"paths" property must be shorter than 1' }] },
    { name: 'number too big', input: 11, options: { min: 0, max: 10 }, path: ['maxItems'], errors: [{ message: '"maxItems" property must be shorter than 10' }] },
  ],
  options: [
    { name: 'at least one bound', options: {}, errors: ['must NOT have fewer than 1 properties'] },
    { name: 'min is a number', options: { min: '1' }, errors: ['"length" function and its "min" option accepts only the following types: number'] },
    { name: 'unknown option', options: { exact: 1 }, errors: ['"length" function does not support "exact" option'] },
  ],
});
