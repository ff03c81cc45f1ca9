import or from '../or.js';
import { runFunctionTests } from '../../__tests__/function-tester.js';

runFunctionTests(or, {
  valid: [
    { name: 'one present', input: { summary: 'x' }, options: { properties: ['title', 'summary', 'description'] } },
    { name: 'several present', input: { title: 'x', summary: 'y' }, options: { properties: ['title', 'summary'] } },
  ],
  invalid: [
    { name: 'none', input: { other: 1 }, options: { properties: ['title', 'summary', 'description'] }, errors: [{ message: 'At least one of "title" or "summary" or "description" must be defined' }] },
    { name: 'long lists are shortened', input: {}, options: { properties: ['a', 'b', 'c', 'd', 'e', 'f'] }, errors: [{ message: 'At least one of "a" or "b" or "c" or 3 other properties must be defined' }] },
  ],
  options: [
    { name: 'at least two', options: { properties: [] }, errors: ['"or" requires at least two enumerated "properties", i.e. ["default", "example"], ["title", "summary", "description"], etc.'] },
    { name: 'unknown option', options: { properties: ['a', 'b'], min: 1 }, errors: ['"or" function does not support "min" option'] },
  ],
});
