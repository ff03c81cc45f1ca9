import casing from '../casing.js';
import { runFunctionTests } from '../../__tests__/function-tester.js';

runFunctionTests(casing, {
  valid: [
    { name: 'flat', input: 'petstore', options: { type: 'flat' } },
    { name: 'camel', input: 'listPets2', options: { type: 'camel' } },
    { name: 'camel with a trailing capital', input: 'userI', options: { type: 'camel' } },
    { name: 'pascal', input: 'PetStore', options: { type: 'pascal' } },
    { name: 'kebab', input: 'pet-store', options: { type: 'kebab' } },
    { name: 'cobol', input: 'PET-STORE', options: { type: 'cobol' } },
    { name: 'snake', input: 'pet_store', options: { type: 'snake' } },
    { name: 'macro', input: 'PET_STORE', options: { type: 'macro' } },
    { name: 'separator', input: 'v1.petStore', options: { type: 'camel', separator: { char: '.' } } },
    { name: 'leading separator', input: '/pets/{id}'.replace('{id}', 'id'), options: { type: 'kebab', separator: { char: '/', allowLeading: true } } },
    { name: 'the separator alone', input: '/', options: { type: 'kebab', separator: { char: '/', allowLeading: true } } },
    { name: 'an empty string is not checked', input: '', options: { type: 'camel' } },
    { name: 'a number is not checked', input: 12, options: { type: 'camel' } },
  ],
  invalid: [
    { name: 'not camel', input: 'list_pets', options: { type: 'camel' }, errors: [{ message: 'must be camel case' }] },
    { name: 'two capitals in a row are not camel', input: 'threeDSVersion', options: { type: 'camel' }, errors: [{ message: 'must be camel case' }] },
    { name: 'digits disallowed', input: 'pets2', options: { type: 'flat', disallowDigits: true }, errors: [{ message: 'must be flat case' }] },
    { name: 'not pascal', input: 'petStore', options: { type: 'pascal' }, errors: [{ message: 'must be pascal case' }] },
    { name: 'not kebab', input: 'Pet-store', options: { type: 'kebab' }, errors: [{ message: 'must be kebab case' }] },
    { name: 'not cobol', input: 'PET_STORE', options: { type: 'cobol' }, errors: [{ message: 'must be cobol case' }] },
    { name: 'not snake', input: 'pet-store', options: { type: 'snake' }, errors: [{ message: 'must be snake case' }] },
    { name: 'not macro', input: 'Pet_Store', options: { type: 'macro' }, errors: [{ message: 'must be macro case' }] },
    { name: 'leading separator not allowed', input: '/pets', options: { type: 'kebab', separator: { char: '/' } }, errors: [{ message: 'must be kebab case' }] },
  ],
  options: [
    { name: 'type is required', options: {}, errors: ['"casing" function is missing "type" option'] },
    { name: 'unknown type', options: { type: 'screaming' }, errors: ['"casing" function and its "type" option accept the following values: flat, camel, pascal, kebab, cobol, snake, macro'] },
    { name: 'unknown option', options: { type: 'camel', foo: true }, errors: ['"casing" function does not support "foo" option'] },
    { name: 'separator char is one character', options: { type: 'camel', separator: { char: '--' } }, errors: ['"casing" function and its "separator.char" option accepts only char, i.e. "I" or "/"'] },
    { name: 'separator needs char', options: { type: 'camel', separator: {} }, errors: ['"casing" function is missing "separator.char" option'] },
    { name: 'options are required', options: null, errors: ['"casing" function has invalid options specified. Example valid options: { "type": "camel" }, { "type": "pascal", "disallowDigits": true }'] },
  ],
});
