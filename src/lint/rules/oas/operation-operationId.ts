import { defineRule } from '../../rule.js';
import { closestLocation, isPathsOperation } from './support/nodes.js';

export default defineRule({
  id: 'operation-operationId',
  meta: {
    description: 'Operation must have an "operationId".',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    messages: { missing: 'Operation must have "operationId".' },
    docs: {
      why: 'Code generators name SDK methods after operationId and links refer to operations by it; without one, names are guessed and unstable.',
      fix: 'Add a unique `operationId` to the operation.',
      bad: 'get:\n  summary: List orders',
      good: 'get:\n  operationId: listOrders\n  summary: List orders',
    },
  },
  create() {
    return {
      Operation(operation, ctx) {
        if (isPathsOperation(ctx) && !operation.operationId) ctx.report({ messageId: 'missing', location: closestLocation(ctx.location, operation, 'operationId') });
      },
    };
  },
});
