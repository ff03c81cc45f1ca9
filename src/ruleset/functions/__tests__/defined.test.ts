import defined from '../defined.js';
import { runFunctionTests } from '../../__tests__/function-tester.js';

runFunctionTests(defined, {
  valid: [
    { name: 'a string', input: 'x' },
    { name: 'null is defined', input: null },
    { name: 'false is defined', input: false },
  ],
  invalid: [
    { name: 'undefined', input: undefined, path: ['info', 'contact'], errors: [{ message: '"contact" property must be defined' }] },
    { name: 'undefined document', input: undefined, path: [], errors: [{ message: 'The document must be defined' }] },
  ],
  options: [{ name: 'no options accepted', options: { a: 1 }, errors: ['"defined" function does not accept any options'] }],
});
