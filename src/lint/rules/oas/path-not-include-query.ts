import { defineRule } from '../../rule.js';
import { isPathsPathItem } from './support/nodes.js';

export default defineRule({
  id: 'path-not-include-query',
  meta: {
    description: 'Path must not include a query string.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    messages: { query: 'Path must not include query string.' },
    docs: {
      why: 'Query parameters in the path key are not parameters at all: tools cannot validate, document or generate them.',
      fix: 'Remove the query string from the path and declare each query parameter with `in: query`.',
      bad: 'paths:\n  /orders?status=open:\n    get: ...',
      good: 'paths:\n  /orders:\n    get:\n      parameters:\n        - { name: status, in: query, schema: { type: string } }',
    },
  },
  create() {
    return {
      PathItem(_node, ctx) {
        if (isPathsPathItem(ctx) && String(ctx.key).includes('?')) ctx.report({ messageId: 'query', location: ctx.ancestors.at(-1)!.location.child(ctx.key).key() });
      },
    };
  },
});
