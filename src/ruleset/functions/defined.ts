import { defineCoreFunction } from '../types.js';

export default defineCoreFunction({
  name: 'defined',
  options: null,
  run: (input) => (input === undefined ? [{ message: '#{{print("property")}}must be defined' }] : undefined),
});
