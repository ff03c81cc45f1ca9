/** The `properties` option shared by `xor` and `or`. */
export function propertiesOption(name: 'xor' | 'or', examples: string): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      properties: {
        type: 'array',
        items: { type: 'string' },
        minItems: 2,
        errorMessage: `"${name}" requires at least two enumerated "properties", i.e. ${examples}, etc.`,
      },
    },
    additionalProperties: false,
    required: ['properties'],
    errorMessage: {
      type: `"${name}" function has invalid options specified. Example valid options: ${examples
        .split(/, (?=\[)/)
        .map((list) => `{ "properties": ${list} }`)
        .join(', ')}, etc.`,
    },
  };
}

/** "At least one of …" with long lists shortened to three names, as Spectral words it. */
export function noneDefinedMessage(properties: readonly string[]): string {
  if (properties.length > 4) {
    return `At least one of "${properties.slice(0, 3).join('" or "')}" or ${properties.length - 3} other properties must be defined`;
  }
  return `At least one of "${properties.join('" or "')}" must be defined`;
}
