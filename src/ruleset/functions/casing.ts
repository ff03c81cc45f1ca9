import { defineCoreFunction } from '../types.js';

export const CASING_TYPES = ['flat', 'camel', 'pascal', 'kebab', 'cobol', 'snake', 'macro'] as const;
type CasingType = (typeof CASING_TYPES)[number];

/** One word group per casing; `D` stands for the digit class, removed when digits are disallowed. */
const GROUPS: Record<CasingType, string> = {
  flat: '[a-z][a-zD]*',
  camel: '[a-z][a-zD]*(?:[A-ZD](?:[a-zD]+|$))*',
  pascal: '[A-Z][a-zD]*(?:[A-ZD](?:[a-zD]+|$))*',
  kebab: '[a-z][a-zD]*(?:-[a-zD]+)*',
  cobol: '[A-Z][A-ZD]*(?:-[A-ZD]+)*',
  snake: '[a-z][a-zD]*(?:_[a-zD]+)*',
  macro: '[A-Z][A-ZD]*(?:_[A-ZD]+)*',
};

interface CasingOptions {
  type: CasingType;
  disallowDigits?: boolean;
  separator?: { char: string; allowLeading?: boolean };
}

const cache = new Map<string, RegExp>();

function matcher(options: CasingOptions): RegExp {
  const key = JSON.stringify([options.type, options.disallowDigits === true, options.separator?.char, options.separator?.allowLeading === true]);
  let regex = cache.get(key);
  if (regex) return regex;
  const group = GROUPS[options.type].replace(/D/g, options.disallowDigits === true ? '' : '0-9');
  if (!options.separator) regex = new RegExp(`^${group}$`);
  else {
    const separator = `[${options.separator.char.replace(/[\\^\]\-]/g, '\\$&')}]`;
    const leading = options.separator.allowLeading === true ? `${separator}?` : '';
    regex = new RegExp(`^${leading}${group}(?:${separator}${group})*$`);
  }
  cache.set(key, regex);
  return regex;
}

export default defineCoreFunction({
  name: 'casing',
  options: {
    required: ['type'],
    type: 'object',
    properties: {
      type: {
        type: 'string',
        enum: [...CASING_TYPES],
        errorMessage: `"casing" function and its "type" option accept the following values: ${CASING_TYPES.join(', ')}`,
      },
      disallowDigits: { type: 'boolean', default: false },
      separator: {
        type: 'object',
        required: ['char'],
        additionalProperties: false,
        properties: {
          char: { type: 'string', maxLength: 1, errorMessage: '"casing" function and its "separator.char" option accepts only char, i.e. "I" or "/"' },
          allowLeading: { type: 'boolean' },
        },
      },
    },
    additionalProperties: false,
    errorMessage: {
      type: '"casing" function has invalid options specified. Example valid options: { "type": "camel" }, { "type": "pascal", "disallowDigits": true }',
    },
  },
  accepts: (input) => typeof input === 'string' && input.length > 0,
  run(input, options: CasingOptions) {
    const value = input as string;
    if (value.length === 1 && options.separator?.allowLeading === true && value === options.separator.char) return;
    if (matcher(options).test(value)) return;
    return [{ message: `must be ${options.type} case` }];
  },
});
