import { defineRule } from '../../rule.js';
import { isPathsOperation } from './support/nodes.js';

const URL_SAFE = /^[A-Za-z0-9-._~:/?#\[\]@!$&'()*+,;=]*$/;

export default defineRule({
  id: 'operation-operationId-valid-in-url',
  meta: {
    description: 'operationId must not contain characters that are invalid in a URL.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    messages: { invalid: 'operationId must not contain characters that are invalid when used in URL.' },
    docs: {
      why: 'Documentation tools and links use the operationId in URLs; spaces and other unsafe characters break them.',
      fix: 'Use only URL-safe characters (letters, digits, `-._~` and reserved characters) in operationId.',
      bad: 'get:\n  operationId: list orders',
      good: 'get:\n  operationId: listOrders',
    },
  },
  create() {
    return {
      Operation(operation, ctx) {
        if (isPathsOperation(ctx) && typeof operation.operationId === 'string' && !URL_SAFE.test(operation.operationId)) {
          ctx.report({ messageId: 'invalid', location: ctx.location.child('operationId') });
        }
      },
    };
  },
});
