import pattern from '../pattern.js';
import { runFunctionTests } from '../../__tests__/function-tester.js';

runFunctionTests(pattern, {
  valid: [
    { name: 'matches', input: 'Pets', options: { match: '^[A-Z]' } },
    { name: 'regex literal with flags', input: 'pets', options: { match: '/^P/i' } },
    { name: 'does not match notMatch', input: 'Pets', options: { notMatch: '\\.$' } },
    { name: 'both', input: 'Pets', options: { match: '^P', notMatch: 'x' } },
    { name: 'non-strings are not checked', input: 12, options: { match: '^a' } },
  ],
  invalid: [
    { name: 'no match', input: 'pets', options: { match: '^[A-Z]' }, errors: [{ message: '"pets" must match the pattern "^[A-Z]"' }] },
    { name: 'notMatch matches', input: 'pets.', options: { notMatch: '/\\.$/' }, errors: [{ message: '"pets." must not match the pattern "/\\\\.$/"' }] },
    {
      name: 'both fail',
      input: 'pets.',
      options: { match: '^[A-Z]', notMatch: '\\.$' },
      errors: [{ message: '"pets." must match the pattern "^[A-Z]"' }, { message: '"pets." must not match the pattern "\\\\.$"' }],
    },
    { name: 'global flag is reset between uses', input: 'ab', options: { notMatch: '/a/g' }, errors: [{ message: '"ab" must not match the pattern "/a/g"' }] },
  ],
  options: [
    {
      name: 'one of match or notMatch',
      options: {},
      errors: ['"pattern" function has invalid options specified. Example valid options: { "match": "^Stoplight" }, { "notMatch": "Swagger" }, { "match": "Stoplight", "notMatch": "Swagger" }'],
    },
    { name: 'match is a string', options: { match: 1 }, errors: ['"pattern" function and its "match" option must be string or RegExp instance'] },
    { name: 'unknown option', options: { match: 'a', flags: 'i' }, errors: ['"pattern" function does not support "flags" option'] },
  ],
});
