import { defineRule } from '../../rule.js';
import { isPathsOperation } from './support/nodes.js';

export default defineRule({
  id: 'operation-singular-tag',
  meta: {
    description: 'Operation must not have more than a single tag.',
    defaultSeverity: 'warning',
    recommended: false,
    spectralPositions: true,
    messages: { many: 'Operation must not have more than a single tag.' },
    docs: {
      why: 'Documentation and SDK generators group operations by tag; an operation with several tags appears (or is generated) several times.',
      fix: 'Keep one tag per operation.',
      bad: 'get:\n  tags: [orders, customers]',
      good: 'get:\n  tags: [orders]',
    },
  },
  create() {
    return {
      Operation(operation, ctx) {
        if (isPathsOperation(ctx) && Array.isArray(operation.tags) && operation.tags.length > 1) ctx.report({ messageId: 'many', location: ctx.location.child('tags') });
      },
    };
  },
});
