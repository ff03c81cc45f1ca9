import { printValue } from '../print.js';
import { defineCoreFunction, isPlainObject } from '../types.js';

export default defineCoreFunction({
  name: 'length',
  options: {
    type: 'object',
    properties: { min: { type: 'number' }, max: { type: 'number' } },
    minProperties: 1,
    additionalProperties: false,
    errorMessage: {
      type: '"length" function has invalid options specified. Example valid options: { "min": 2 }, { "max": 5 }, { "min": 0, "max": 10 }',
    },
  },
  accepts: (input) => typeof input === 'string' || typeof input === 'number' || (input !== null && typeof input === 'object'),
  run(input, options: { min?: number; max?: number }) {
    const size = isPlainObject(input) ? Object.keys(input).length : typeof input === 'number' ? input : (input as { length: number }).length;
    const results = [];
    if (options.min !== undefined && size < options.min) results.push({ message: `#{{print("property")}}must be longer than ${printValue(options.min)}` });
    if (options.max !== undefined && size > options.max) results.push({ message: `#{{print("property")}}must be shorter than ${printValue(options.max)}` });
    return results.length > 0 ? results : undefined;
  },
});
