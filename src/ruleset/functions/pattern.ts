import { printValue } from '../print.js';
import { defineCoreFunction } from '../types.js';

const REGEXP_LITERAL = /^\/(.+)\/([a-z]*)$/;
const cache = new Map<string, RegExp>();

/** `"^foo"` or `"/^foo/i"`; compiled once per pattern. */
export function compilePattern(pattern: string): RegExp {
  let regex = cache.get(pattern);
  if (regex) {
    regex.lastIndex = 0;
    return regex;
  }
  const literal = REGEXP_LITERAL.exec(pattern);
  regex = literal ? new RegExp(literal[1]!, literal[2]) : new RegExp(pattern);
  cache.set(pattern, regex);
  return regex;
}

const patternOption = (name: string) => ({
  type: 'string',
  errorMessage: `"pattern" function and its "${name}" option must be string or RegExp instance`,
});
const INVALID = '"pattern" function has invalid options specified. Example valid options: { "match": "^Stoplight" }, { "notMatch": "Swagger" }, { "match": "Stoplight", "notMatch": "Swagger" }';

export default defineCoreFunction({
  name: 'pattern',
  options: {
    type: 'object',
    additionalProperties: false,
    properties: { match: patternOption('match'), notMatch: patternOption('notMatch') },
    minProperties: 1,
    errorMessage: { type: INVALID, minProperties: INVALID },
  },
  accepts: (input) => typeof input === 'string',
  run(input, options: { match?: string; notMatch?: string }) {
    const results = [];
    if (options.match !== undefined && !compilePattern(options.match).test(input as string)) {
      results.push({ message: `#{{print("value")}} must match the pattern ${printValue(options.match)}` });
    }
    if (options.notMatch !== undefined && compilePattern(options.notMatch).test(input as string)) {
      results.push({ message: `#{{print("value")}} must not match the pattern ${printValue(options.notMatch)}` });
    }
    return results.length > 0 ? results : undefined;
  },
});
