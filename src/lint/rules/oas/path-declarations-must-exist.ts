import { defineRule } from '../../rule.js';
import { isPathsPathItem } from './support/nodes.js';

export default defineRule({
  id: 'path-declarations-must-exist',
  meta: {
    description: 'Path parameter declarations must not be empty ("/given/{}" is invalid).',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    messages: { empty: 'Path parameter declarations must not be empty, ex."/given/{}" is invalid.' },
    docs: {
      why: 'An empty `{}` names no parameter: no request can fill it and tools cannot match it.',
      fix: 'Name the path parameter and declare it in `parameters`.',
      bad: 'paths:\n  /orders/{}:\n    get: ...',
      good: 'paths:\n  /orders/{orderId}:\n    get: ...',
    },
  },
  create() {
    return {
      PathItem(_node, ctx) {
        if (isPathsPathItem(ctx) && String(ctx.key).includes('{}')) ctx.report({ messageId: 'empty', location: ctx.ancestors.at(-1)!.location.child(ctx.key).key() });
      },
    };
  },
});
