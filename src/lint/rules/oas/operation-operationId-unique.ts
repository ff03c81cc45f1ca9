import { defineRule } from '../../rule.js';
import type { NodeLocation } from '../../location.js';
import { isPathsOperation } from './support/nodes.js';

export default defineRule({
  id: 'operation-operationId-unique',
  meta: {
    description: 'Every operation must have a unique operationId.',
    defaultSeverity: 'error',
    recommended: true,
    spectralPositions: true,
    // Spectral's words; the first user is a related location, not words, so that the fingerprint
    // survives edits to it.
    messages: { duplicate: 'Every operation must have unique "operationId".' },
    docs: {
      why: 'Code generators and SDKs name methods after operationId; two operations with one id collide or silently overwrite each other.',
      fix: 'Give each operation its own operationId.',
      bad: 'paths:\n  /a:\n    get: { operationId: list }\n  /b:\n    get: { operationId: list }',
      good: 'paths:\n  /a:\n    get: { operationId: listA }\n  /b:\n    get: { operationId: listB }',
    },
  },
  create() {
    // Any value counts, as in Spectral (a number repeated is a duplicate too); operations under `paths` only.
    const firstUse = new Map<unknown, NodeLocation>();
    return {
      Operation(node: { operationId?: unknown }, ctx) {
        if (!('operationId' in node) || !isPathsOperation(ctx)) return;
        const location = ctx.location.child('operationId');
        const first = firstUse.get(node.operationId);
        if (first) ctx.report({ messageId: 'duplicate', location, related: [first] });
        else firstUse.set(node.operationId, location);
      },
    };
  },
});
