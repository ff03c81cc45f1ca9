import { defineRule } from '../../rule.js';

export default defineRule({
  id: 'oas2-anyOf',
  meta: {
    description: '"anyOf" is not available in OpenAPI v2; it was added in OpenAPI v3.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    formats: ['oas2'],
    messages: { anyOf: '"anyOf" keyword must not be used in OpenAPI v2 document.' },
    docs: {
      why: 'Swagger 2.0 tools do not know `anyOf`: they ignore it, so validation and generated code accept anything.',
      fix: 'Model the alternatives another way (a discriminator with `allOf`), or move the document to OpenAPI 3.',
      bad: 'Pet:\n  anyOf:\n    - $ref: \'#/definitions/Cat\'\n    - $ref: \'#/definitions/Dog\'',
      good: "Pet:\n  type: object\n  discriminator: kind\n  required: [kind]\n  properties:\n    kind: { type: string }",
    },
  },
  create() {
    return {
      Schema(schema, ctx) {
        if (schema.anyOf !== undefined) ctx.report({ messageId: 'anyOf', location: ctx.location.child('anyOf') });
      },
    };
  },
});
