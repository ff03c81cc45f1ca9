import { defineCoreFunction, isPlainObject } from '../types.js';
import { noneDefinedMessage, propertiesOption } from './properties-option.js';

export default defineCoreFunction({
  name: 'or',
  options: propertiesOption('or', '["default", "example"], ["title", "summary", "description"]'),
  accepts: isPlainObject,
  run(input, { properties }: { properties: string[] }) {
    if (properties.length < 2) return;
    const present = Object.keys(input as object).filter((key) => properties.includes(key));
    return present.length === 0 ? [{ message: noneDefinedMessage(properties) }] : [];
  },
});
