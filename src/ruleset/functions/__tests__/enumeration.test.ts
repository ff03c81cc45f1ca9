import enumeration from '../enumeration.js';
import { runFunctionTests } from '../../__tests__/function-tester.js';

runFunctionTests(enumeration, {
  valid: [
    { name: 'listed string', input: 'query', options: { values: ['query', 'header'] } },
    { name: 'listed number', input: 2, options: { values: [1, 2] } },
    { name: 'listed null', input: null, options: { values: [null] } },
    { name: 'objects are not checked', input: { a: 1 }, options: { values: ['a'] } },
  ],
  invalid: [
    { name: 'unlisted string', input: 'path', options: { values: ['query', 'header'] }, errors: [{ message: '"path" must be equal to one of the allowed values: "query", "header"' }] },
    { name: 'unlisted number', input: 3, options: { values: [1, 2, null, true] }, errors: [{ message: '3 must be equal to one of the allowed values: 1, 2, null, true' }] },
    { name: 'type matters', input: '1', options: { values: [1] }, errors: [{ message: '"1" must be equal to one of the allowed values: 1' }] },
  ],
  options: [
    { name: 'values required', options: {}, errors: ['"enumeration" function is missing "values" option'] },
    { name: 'values of primitives', options: { values: [{}] }, errors: ['"enumeration" and its "values" option support only arrays of primitive values, i.e. ["Berlin", "London", "Paris"]'] },
    {
      name: 'options must be an object',
      options: ['a'],
      errors: ['"enumeration" function has invalid options specified. Example valid options: { "values": ["Berlin", "London", "Paris"] }, { "values": [2, 3, 5, 8, 13, 21] }'],
    },
  ],
});
