import { defineCoreFunction } from '../types.js';

export default defineCoreFunction({
  name: 'truthy',
  options: null,
  run: (input) => (!input ? [{ message: '#{{print("property")}}must be truthy' }] : undefined),
});
