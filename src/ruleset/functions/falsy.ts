import { defineCoreFunction } from '../types.js';

export default defineCoreFunction({
  name: 'falsy',
  options: null,
  run: (input) => (input ? [{ message: '#{{print("property")}}must be falsy' }] : undefined),
});
