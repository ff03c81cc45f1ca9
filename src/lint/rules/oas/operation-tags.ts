import { defineRule } from '../../rule.js';
import { isPathsOperation, nonEmptyArrayProblem } from './support/nodes.js';

export default defineRule({
  id: 'operation-tags',
  meta: {
    description: 'Operation must have a non-empty "tags" array.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    messages: { missing: 'Operation must have non-empty "tags" array.' },
    docs: {
      why: 'Tags group operations in documentation and SDKs; untagged operations end up in a catch-all group.',
      fix: 'Add `tags` with at least one tag to the operation.',
      bad: 'get:\n  operationId: listOrders',
      good: 'get:\n  operationId: listOrders\n  tags: [orders]',
    },
  },
  create() {
    return {
      Operation(operation, ctx) {
        if (!isPathsOperation(ctx)) return;
        const problem = nonEmptyArrayProblem(ctx.location, operation, 'tags');
        if (problem) ctx.report({ messageId: 'missing', location: problem });
      },
    };
  },
});
