import { defineRule } from '../../rule.js';
import { unusedVisitor } from './support/unused-rule.js';

export default defineRule({
  id: 'oas2-unused-definition',
  meta: {
    description: 'Potentially unused definition has been detected.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    formats: ['oas2'],
    messages: { unused: 'Potentially unused definition has been detected.' },
    docs: {
      why: 'Unused definitions are dead weight: they bloat SDKs and documentation and drift out of date unnoticed.',
      fix: 'Remove the definition, or reference it where it was meant to be used.',
      bad: "definitions:\n  Order: { type: object }\n  OldOrder: { type: object }\npaths:\n  /orders:\n    get:\n      responses:\n        '200': { description: OK, schema: { $ref: '#/definitions/Order' } }",
      good: "definitions:\n  Order: { type: object }\npaths:\n  /orders:\n    get:\n      responses:\n        '200': { description: OK, schema: { $ref: '#/definitions/Order' } }",
    },
  },
  create: () => unusedVisitor([['definitions']]),
});
