import undefinedFunction from '../undefined.js';
import { runFunctionTests } from '../../__tests__/function-tester.js';

runFunctionTests(undefinedFunction, {
  valid: [{ name: 'undefined', input: undefined }],
  invalid: [
    { name: 'a value', input: 'x', path: ['x-internal'], errors: [{ message: '"x-internal" property must be undefined' }] },
    { name: 'null', input: null, path: ['x-internal'], errors: [{ message: '"x-internal" property must be undefined' }] },
  ],
  options: [{ name: 'no options accepted', options: [], errors: ['"undefined" function does not accept any options'] }],
});
