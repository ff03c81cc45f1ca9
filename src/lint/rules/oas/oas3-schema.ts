import { defineRule } from '../../rule.js';
import { documentSchemaVisitor } from './support/schema-rule.js';

export default defineRule({
  id: 'oas3-schema',
  meta: {
    description: 'The document must be valid against the official OpenAPI 3.0 / 3.1 JSON Schema.',
    defaultSeverity: 'error',
    recommended: true,
    spectralPositions: true,
    formats: ['oas3.0', 'oas3.1'],
    messages: { invalid: '{{message}}' },
    docs: {
      why: 'Tools (code generators, gateways, documentation renderers) read the document by the specification; a misspelt keyword or a missing required field is silently ignored or breaks them.',
      fix: 'Correct the reported node: add the required property, remove or rename the unexpected one, or use an allowed value.',
      bad: "openapi: 3.0.3\ninfo: { title: Shop, version: '1' }\npaths:\n  /orders:\n    get:\n      summary: List orders",
      good: "openapi: 3.0.3\ninfo: { title: Shop, version: '1' }\npaths:\n  /orders:\n    get:\n      summary: List orders\n      responses:\n        '200': { description: The orders }",
    },
  },
  create: documentSchemaVisitor,
});
