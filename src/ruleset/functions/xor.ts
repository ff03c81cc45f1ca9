import { defineCoreFunction, isPlainObject } from '../types.js';
import { noneDefinedMessage, propertiesOption } from './properties-option.js';

export default defineCoreFunction({
  name: 'xor',
  options: propertiesOption('xor', '["country", "street"], ["one", "two", "three"]'),
  accepts: isPlainObject,
  run(input, { properties }: { properties: string[] }) {
    if (properties.length < 2) return;
    const present = Object.keys(input as object).filter((key) => properties.includes(key));
    const results = [];
    if (present.length === 0) results.push({ message: noneDefinedMessage(properties) });
    if (present.length > 1) results.push({ message: `Just one of "${present.join('" and "')}" must be defined` });
    return results;
  },
});
