import { defineCoreFunction } from '../types.js';

export default defineCoreFunction({
  name: 'undefined',
  options: null,
  run: (input) => (input !== undefined ? [{ message: '#{{print("property")}}must be undefined' }] : undefined),
});
