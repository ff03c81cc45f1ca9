import alphabetical from '../alphabetical.js';
import { runFunctionTests } from '../../__tests__/function-tester.js';

runFunctionTests(alphabetical, {
  valid: [
    { name: 'sorted strings', input: ['a', 'b', 'c'] },
    { name: 'sorted numbers', input: [1, 2, 10] },
    { name: 'one item', input: ['z'] },
    { name: 'sorted object keys', input: { alpha: 1, beta: 2 } },
    { name: 'sorted by key', input: [{ name: 'a' }, { name: 'b' }], options: { keyedBy: 'name' } },
    { name: 'not a container is ignored', input: 'zyx' },
    { name: 'locale order ignores case', input: ['a', 'B', 'c'] },
  ],
  invalid: [
    { name: 'unsorted strings', input: ['b', 'a'], path: ['tags'], errors: [{ message: '"b" must be placed after "a"', path: ['tags', 0] }] },
    { name: 'unsorted numbers', input: [3, 1, 2], path: ['enum'], errors: [{ message: '3 must be placed after 1', path: ['enum', 0] }] },
    { name: 'unsorted object keys point at the key', input: { b: 1, a: 2 }, path: ['paths'], errors: [{ message: '"b" must be placed after "a"', path: ['paths', 'b'] }] },
    { name: 'unsorted by key', input: [{ name: 'b' }, { name: 'a' }], options: { keyedBy: 'name' }, path: ['tags'], errors: [{ message: 'properties must follow the alphabetical order' }] },
    { name: 'keyedBy needs objects', input: ['a', 'b'], options: { keyedBy: 'name' }, path: ['tags'], errors: [{ message: '"tags" property must be an object' }] },
    { name: 'mixed types', input: ['a', true], path: ['tags'], errors: [{ message: '"tags" property must be one of the allowed types: number, string' }] },
  ],
  options: [
    { name: 'no options', options: null, errors: [] },
    { name: 'unknown option', options: { foo: 1 }, errors: ['"alphabetical" function does not support "foo" option'] },
    { name: 'keyedBy must be a string', options: { keyedBy: 2 }, errors: ['"alphabetical" function and its "keyedBy" option accepts only the following types: string'] },
    { name: 'options must be an object', options: 'name', errors: ['"alphabetical" function has invalid options specified. Example valid options: null (no options), { "keyedBy": "my-key" }'] },
  ],
});
