import { defineRule } from '../../rule.js';
import { documentSchemaVisitor } from './support/schema-rule.js';

export default defineRule({
  id: 'oas2-schema',
  meta: {
    description: 'The document must be valid against the official Swagger 2.0 JSON Schema.',
    defaultSeverity: 'error',
    recommended: true,
    spectralPositions: true,
    formats: ['oas2'],
    messages: { invalid: '{{message}}' },
    docs: {
      why: 'Tools (code generators, gateways, documentation renderers) read the document by the specification; a misspelt keyword or a missing required field is silently ignored or breaks them.',
      fix: 'Correct the reported node: add the required property, remove or rename the unexpected one, or use an allowed value.',
      bad: "swagger: '2.0'\ninfo: { title: Shop, version: '1' }\npaths:\n  /orders:\n    get:\n      responses:\n        '200': { schema: { type: array } }",
      good: "swagger: '2.0'\ninfo: { title: Shop, version: '1' }\npaths:\n  /orders:\n    get:\n      responses:\n        '200': { description: The orders, schema: { type: array, items: { type: string } } }",
    },
  },
  create: documentSchemaVisitor,
});
