import { printValue } from '../print.js';
import { defineCoreFunction } from '../types.js';

export default defineCoreFunction({
  name: 'enumeration',
  options: {
    type: 'object',
    additionalProperties: false,
    properties: {
      values: {
        type: 'array',
        items: { type: ['string', 'number', 'null', 'boolean'] },
        errorMessage: '"enumeration" and its "values" option support only arrays of primitive values, i.e. ["Berlin", "London", "Paris"]',
      },
    },
    required: ['values'],
    errorMessage: {
      type: '"enumeration" function has invalid options specified. Example valid options: { "values": ["Berlin", "London", "Paris"] }, { "values": [2, 3, 5, 8, 13, 21] }',
    },
  },
  accepts: (input) => input === null || ['string', 'number', 'boolean'].includes(typeof input),
  run(input, { values }: { values: unknown[] }) {
    if (values.includes(input)) return;
    return [{ message: `#{{print("value")}} must be equal to one of the allowed values: ${values.map(printValue).join(', ')}` }];
  },
});
