import { defineRule } from '../../rule.js';

export default defineRule({
  id: 'oas2-oneOf',
  meta: {
    description: '"oneOf" is not available in OpenAPI v2; it was added in OpenAPI v3.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    formats: ['oas2'],
    messages: { oneOf: '"oneOf" keyword must not be used in OpenAPI v2 document.' },
    docs: {
      why: 'Swagger 2.0 tools do not know `oneOf`: they ignore it, so validation and generated code accept anything.',
      fix: 'Model the alternatives another way (a discriminator with `allOf`), or move the document to OpenAPI 3.',
      bad: 'Pet:\n  oneOf:\n    - $ref: \'#/definitions/Cat\'\n    - $ref: \'#/definitions/Dog\'',
      good: "Pet:\n  type: object\n  discriminator: kind\n  required: [kind]\n  properties:\n    kind: { type: string }",
    },
  },
  create() {
    return {
      Schema(schema, ctx) {
        if (schema.oneOf !== undefined) ctx.report({ messageId: 'oneOf', location: ctx.location.child('oneOf') });
      },
    };
  },
});
