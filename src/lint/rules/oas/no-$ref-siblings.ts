import { defineRule } from '../../rule.js';

export default defineRule({
  id: 'no-$ref-siblings',
  meta: {
    description: 'Properties must not be placed next to a $ref.',
    defaultSeverity: 'error',
    recommended: true,
    spectralPositions: true,
    formats: ['oas2', 'oas3.0'],
    messages: { sibling: '$ref must not be placed next to any other properties' },
    docs: {
      why: 'In Swagger 2.0 and OpenAPI 3.0 a $ref replaces the whole object: properties beside it are ignored, so what the author wrote has no effect.',
      fix: 'Move the property into the referenced object, or wrap both in `allOf` (for schemas).',
      bad: "schema:\n  $ref: '#/components/schemas/Order'\n  description: The order",
      good: "schema:\n  allOf:\n    - $ref: '#/components/schemas/Order'\n  description: The order",
    },
  },
  create() {
    return {
      Ref(ref, ctx) {
        for (const key of Object.keys(ref)) {
          if (key !== '$ref') ctx.report({ messageId: 'sibling', location: ctx.location.child(key) });
        }
      },
    };
  },
});
