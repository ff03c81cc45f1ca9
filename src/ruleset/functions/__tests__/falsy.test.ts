import falsy from '../falsy.js';
import { runFunctionTests } from '../../__tests__/function-tester.js';

runFunctionTests(falsy, {
  valid: [
    { name: 'false', input: false },
    { name: 'undefined', input: undefined },
    { name: 'empty string', input: '' },
  ],
  invalid: [
    { name: 'true', input: true, path: ['deprecated'], errors: [{ message: '"deprecated" property must be falsy' }] },
    { name: 'an object', input: {}, path: [], errors: [{ message: 'The document must be falsy' }] },
  ],
  options: [{ name: 'no options accepted', options: true, errors: ['"falsy" function does not accept any options'] }],
});
