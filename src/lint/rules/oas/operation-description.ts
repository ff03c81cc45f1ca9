import { defineRule } from '../../rule.js';
import { closestLocation, isPathsOperation } from './support/nodes.js';

export default defineRule({
  id: 'operation-description',
  meta: {
    description: 'Operation "description" must be present and a non-empty string.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    messages: { missing: 'Operation "description" must be present and non-empty string.' },
    docs: {
      why: 'The description tells consumers what the operation does, its side effects and its caveats.',
      fix: 'Add a `description` to the operation.',
      bad: 'get:\n  summary: List orders',
      good: 'get:\n  summary: List orders\n  description: Lists the orders of the signed-in customer, newest first.',
    },
  },
  create() {
    return {
      Operation(operation, ctx) {
        if (isPathsOperation(ctx) && !operation.description) ctx.report({ messageId: 'missing', location: closestLocation(ctx.location, operation, 'description') });
      },
    };
  },
});
