import truthy from '../truthy.js';
import { runFunctionTests } from '../../__tests__/function-tester.js';

runFunctionTests(truthy, {
  valid: [
    { name: 'a string', input: 'x' },
    { name: 'an empty object', input: {} },
    { name: 'true', input: true },
  ],
  invalid: [
    { name: 'empty string', input: '', path: ['info', 'description'], errors: [{ message: '"description" property must be truthy' }] },
    { name: 'undefined', input: undefined, errors: [{ message: '"title" property must be truthy' }] },
    { name: 'zero', input: 0, errors: [{ message: '"title" property must be truthy' }] },
    { name: 'false', input: false, errors: [{ message: '"title" property must be truthy' }] },
  ],
  options: [{ name: 'no options accepted', options: { min: 1 }, errors: ['"truthy" function does not accept any options'] }],
});
